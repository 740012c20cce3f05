// The .vsix the browser runs install (test-results/atlas.vsix): runUi.js packages it, runWeb.js reuses it while
// no input changed; UI_VSIX=<path> overrides both.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { root } = require('./codeServer');

const cached = path.join(root, 'test-results', 'atlas.vsix');

/** What the package is built from: the bundle's sources and inputs, and the files it ships as they are. */
const INPUTS = [
  'src', 'data', 'media', 'l10n', 'scripts', 'esbuild.js', 'tsconfig.json', 'package.json', 'package-lock.json',
  'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore',
];

function newestInputMs() {
  let newest = 0;
  const visit = (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      fs.readdirSync(file).forEach((name) => visit(path.join(file, name)));
    }
  };
  INPUTS.forEach((input) => visit(path.join(root, input)));
  return newest;
}

function sh(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  }
}

/**
 * The path of the packaged extension. With `reuse`, the cached package when it is newer than every input;
 * otherwise builds and packages (vsce runs vscode:prepublish, the production build) into the cache.
 */
function packagedExtension({ reuse = false } = {}) {
  if (process.env.UI_VSIX) {
    return path.resolve(process.env.UI_VSIX);
  }
  const packagedAt = fs.statSync(cached, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (reuse && packagedAt > newestInputMs()) {
    console.log(`reusing ${path.relative(root, cached)}: no source changed since it was packaged`);
    return cached;
  }
  // Dated when packaging starts, so that a source saved meanwhile makes the next run package again; written
  // under another name first, so that a concurrent run never installs half a file.
  const started = new Date();
  const partial = path.join(path.dirname(cached), `atlas.${process.pid}.partial.vsix`);
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  try {
    sh('npm', ['run', 'build']);
    sh('npx', ['vsce', 'package', '--no-dependencies', '-o', partial]);
    fs.utimesSync(partial, started, started);
    fs.renameSync(partial, cached);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return cached;
}

module.exports = { packagedExtension };
