// Restricted Mode (test/restricted runs it for real) and virtual workspaces: what the manifest declares, and
// no source file reaching for Node's file system.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/realAtlas';

const readJson = (name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, name), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('workspace trust and virtual workspaces', () => {
  it('declares limited support in untrusted workspaces, with real settings and a translated description', () => {
    const manifest = readJson('package.json');
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.strictEqual(untrusted?.supported, 'limited');
    const key = /^%(.+)%$/.exec(untrusted.description)?.[1];
    assert.ok(key, 'the description comes from package.nls.json');
    assert.ok(readJson('package.nls.json')[key] && readJson('package.nls.zh-cn.json')[key], `no translation for ${key}`);
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(untrusted.restrictedConfigurations.length > 0);
    for (const setting of untrusted.restrictedConfigurations) {
      assert.ok(settings.includes(setting), `${setting} is not a setting`);
    }
    for (const setting of ['modelAtlas.datasets', 'modelAtlas.arxiv.apiUrl', 'modelAtlas.bibliography.file']) {
      assert.ok(untrusted.restrictedConfigurations.includes(setting), `a workspace could set ${setting}`);
    }
    assert.strictEqual(manifest.capabilities.virtualWorkspaces, true);
  });

  it('reads and writes files only through vscode.workspace.fs: no Node file system or network module in src/ but the CLI entry', () => {
    const nodeOnly = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(?:fs|fs\/promises|path|os|child_process|http|https|net|tls|dgram|worker_threads|cluster|readline|zlib)['"]/;
    // node dist/cli.js reads the files it checks; the Node build reads a file's mode to tell it is Locked,
    // which VS Code's API does not say. Nothing else the extension loads uses Node.
    const cliEntry = path.join(repoRoot, 'src', 'cli.ts');
    const nodeEntryOnly = ['src/nodeFileLocks.ts'];
    const offenders = sourceFiles(path.join(repoRoot, 'src')).filter((file) => file !== cliEntry && nodeOnly.test(fs.readFileSync(file, 'utf8')));
    assert.deepStrictEqual(offenders.map((f) => path.relative(repoRoot, f)).filter((f) => !nodeEntryOnly.includes(f)), []);
    assert.ok(nodeOnly.test(fs.readFileSync(cliEntry, 'utf8')), 'the CLI entry reads files with Node (or this exception is no longer needed)');
    const importers = sourceFiles(path.join(repoRoot, 'src')).filter((file) => /from '\.\/nodeFileLocks'|nodeFileLocks'/.test(fs.readFileSync(file, 'utf8')));
    assert.deepStrictEqual(importers.map((f) => path.relative(repoRoot, f)), ['src/extension.ts'], 'only the Node entry point may use it');
  });
});
