// UI tests: packages the extension as a .vsix, installs it into a throwaway extensions dir of the offline test
// VS Code (code-server), opens a copy of the fixture workspace in headless Chromium and runs the checks in checks.js,
// saving a screenshot per check to test-results/ui/. Prints pass/fail per check and `ui: N passed, N failed`.
// Usage: npm run test:ui   (set UI_VSIX=<path> to test an existing package instead of building one).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');
const { checks } = require('./checks');

const shotsDir = path.join(cs.root, 'test-results', 'ui');
const logFile = path.join(cs.root, 'test-results', 'code-server-ui.log');
const CHECK_TIMEOUT_MS = 60_000;

function sh(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: cs.root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  }
}

/** Builds and packages the extension (vsce runs vscode:prepublish, the production build). */
function packageExtension(dir) {
  if (process.env.UI_VSIX) {
    return path.resolve(process.env.UI_VSIX);
  }
  const vsix = path.join(dir, 'atlas.vsix');
  sh('npm', ['run', 'build']);
  sh('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix]);
  return vsix;
}

async function main() {
  cs.ensureInstalled();
  // Remove only this list's old screenshots: other UI scripts may share test-results/ui/.
  fs.mkdirSync(shotsDir, { recursive: true });
  checks.forEach((check) => fs.rmSync(path.join(shotsDir, `${check.shot}.png`), { force: true }));

  const dataDir = cs.tempDir('atlas-ui-');
  const extensionsDir = path.join(dataDir, 'extensions');
  let server;
  let browser;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  process.once('SIGINT', () => stopAll().then(() => process.exit(130)));
  try {
    const vsix = packageExtension(dataDir);
    console.log(`installing ${path.basename(vsix)} into a throwaway extensions dir`);
    cs.codeServerCli(
      ['--config', path.join(dataDir, 'config.yaml'), '--user-data-dir', path.join(dataDir, 'user-data'),
        '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { quiet: true },
    );

    const folder = cs.copyFixtureWorkspace(dataDir);
    server = await cs.startCodeServer({ port: await cs.freePort(), dataDir, extensionsDir, folder, logFile });
    console.log(`code-server on ${server.url} (log: ${path.relative(cs.root, logFile)})`);
    browser = await cs.launchBrowser();
    const page = await cs.newPage(browser, server);
    page.setDefaultTimeout(CHECK_TIMEOUT_MS);
    await page.goto(cs.workbenchUrl(server, { folder }));
    return await runChecks({ page, server, folder });
  } finally {
    await stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs every check in order, screenshotting after each (pass or fail); returns the exit code. */
async function runChecks(context) {
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    const started = Date.now();
    let error;
    try {
      await check.run(context);
    } catch (e) {
      error = e;
    }
    const shot = path.join(shotsDir, `${check.shot}.png`);
    await context.page.screenshot({ path: shot }).catch((e) => console.log(`  (no screenshot: ${e.message})`));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (error) {
      failed++;
      console.log(`  ✘ fail  ${check.name} (${seconds} s) — ${path.relative(cs.root, shot)}`);
      console.log(`          ${String(error.message).split('\n').join('\n          ')}`);
    } else {
      passed++;
      console.log(`  ✔ pass  ${check.name} (${seconds} s) — ${path.relative(cs.root, shot)}`);
    }
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`ui: ${error.message}`);
    console.log('ui: 0 passed, 1 failed');
    process.exit(1);
  },
);
