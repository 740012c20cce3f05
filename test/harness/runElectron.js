// The integration suite in desktop VS Code from @vscode/test-electron, where VS Code can be downloaded
// (not here: npm run test:integration uses code-server). VSCODE_TEST_VERSION picks a version.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const root = path.resolve(__dirname, '..', '..');
  // Work on a copy: the tests edit fixture files (e.g. refs.bib).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`electron: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
