// Imports run one way: core ← shared ← features ← activate. Each feature registers its own commands (there
// is no commands/ layer) and never imports another feature; webviews import only the core and their own files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/realAtlas';

const src = path.join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Each import of each file under `folder`: the module as written, and as a path under src/ when relative. */
function importsUnder(folder: string): Array<{ file: string; module: string; target?: string }> {
  return sourceFiles(path.join(src, folder)).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map((m) => {
      const module = m[1] ?? m[2];
      const target = module.startsWith('.') ? path.relative(src, path.resolve(path.dirname(file), module)) : undefined;
      return { file: path.relative(src, file), module, target };
    }),
  );
}

const NODE_BUILTINS = /^(node:|fs|path|os|child_process|crypto|zlib|http|https|net|url|util|stream)$/;

describe('layers', () => {
  it('core imports only core: no vscode, no Node module, nothing of shared/ or features/', () => {
    const wrong = importsUnder('core').filter((i) => (i.target ? !i.target.startsWith('core/') : i.module === 'vscode' || NODE_BUILTINS.test(i.module)));
    assert.deepStrictEqual(wrong, []);
  });

  it('shared imports core and shared only (and the webview protocols), never a feature', () => {
    const wrong = importsUnder('shared').filter((i) => i.target && !/^(core|shared)\//.test(i.target) && !/^webview\/\w+\/protocol$/.test(i.target));
    assert.deepStrictEqual(wrong, []);
  });

  it('a feature imports core, shared, the webview protocols and its own folder, never another feature', () => {
    const wrong = importsUnder('features').filter((i) => {
      if (!i.target) {
        return false;
      }
      const own = i.file.split(path.sep).slice(0, 2).join('/');
      return !/^(core|shared)\//.test(i.target) && !/^webview\/\w+\/protocol$/.test(i.target) && !i.target.startsWith(`${own}/`) && i.target !== 'userAtlasToolsLoader';
    });
    assert.deepStrictEqual(wrong, []);
  });

  it('webviews import only the core and their own files', () => {
    const wrong = importsUnder('webview').filter((i) => (i.target ? !/^(core|webview)\//.test(i.target) : i.module === 'vscode'));
    assert.deepStrictEqual(wrong, []);
  });

  it('the command line imports only the core and its own files', () => {
    const wrong = importsUnder('cli').filter((i) => (i.target ? !/^(core|cli)\//.test(i.target) : i.module === 'vscode'));
    assert.deepStrictEqual(wrong, []);
  });

  it('has no commands/ layer: commands are registered by the feature they belong to', () => {
    assert.strictEqual(fs.existsSync(path.join(src, 'commands')), false);
  });
});
