// Every UI string has its Simplified Chinese translation: manifest strings in package.nls.zh-cn.json,
// runtime strings (vscode.l10n.t literals in src/) in l10n/bundle.l10n.zh-cn.json, which holds nothing else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/realAtlas';

function readJson(relative: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8')) as Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(full) : d.name.endsWith('.ts') ? [full] : [];
  });
}

/** What each vscode.l10n.t(...) call under src/ passes first: the string literal, or the code that is not one. */
function runtimeCalls(): { strings: string[]; notLiteral: string[] } {
  const strings = new Set<string>();
  const notLiteral: string[] = [];
  for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^\s][^,)]*))/g)) {
      const literal = m[1] ?? m[2];
      if (literal === undefined) {
        notLiteral.push(`${path.relative(repoRoot, file)}: l10n.t(${m[3]}`);
      } else {
        strings.add(literal.replace(/\\(.)/g, '$1')); // the string as it is at run time
      }
    }
  }
  return { strings: [...strings], notLiteral };
}

describe('localization', () => {
  it('translates every package.nls.json key into Simplified Chinese', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepStrictEqual(Object.keys(en).filter((k) => !zh[k]?.trim()), []);
    assert.deepStrictEqual(Object.keys(zh).filter((k) => !(k in en)), []);
  });

  it('uses only %keys% in package.json that package.nls.json defines', () => {
    const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const en = readJson('package.nls.json');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 5);
    assert.deepStrictEqual(used.filter((k) => !(k in en)), []);
  });

  it('translates every vscode.l10n.t string, and the bundle holds no other', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const { strings, notLiteral } = runtimeCalls();
    assert.ok(strings.length > 5);
    // A string built at run time cannot be found by l10n tooling, nor by this test.
    assert.deepStrictEqual(notLiteral, []);
    assert.deepStrictEqual(strings.filter((s) => !bundle[s]?.trim()), []);
    assert.deepStrictEqual(Object.keys(bundle).filter((k) => !strings.includes(k)), []);
  });
});
