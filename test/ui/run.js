// UI tests: packages the extension as a .vsix, installs it into a throwaway extensions dir of the offline test
// VS Code (code-server), opens a copy of the fixture workspace in headless Chromium and runs the checks in checks.js,
// saving a screenshot per check to test-results/ui/. Prints pass/fail per check and `ui: N passed, N failed`.
// Usage: npm run test:ui   (set UI_VSIX=<path> to test an existing package instead of building one).
// The package is kept at test-results/atlas.vsix for test/ui/runWeb.js (see packageVsix.js).
'use strict';
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');
const { packagedExtension } = require('./packageVsix');
const { checks: allChecks } = require('./checks');
const { vsixReport } = require('./vsix');

// UI_GREP=<text> runs the first check (the workbench loads) and those whose name contains the text.
const checks = process.env.UI_GREP ? allChecks.filter((c, i) => i === 0 || c.name.includes(process.env.UI_GREP)) : allChecks;

const shotsDir = path.join(cs.root, 'test-results', 'ui');
const logFile = path.join(cs.root, 'test-results', 'code-server-ui.log');
const CHECK_TIMEOUT_MS = 60_000;

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
    const vsix = packagedExtension(); // always packaged afresh here
    const packaged = checkPackage(vsix);
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
    const code = await runChecks({ page, server, folder }, packaged);
    return packaged.ok ? code : 1;
  } finally {
    await stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The package holds only what runs, under its size budget (test/ui/vsix.js); printed as a check of its own. */
function checkPackage(vsix) {
  const { bytes, entries, problems } = vsixReport(vsix);
  const name = `the .vsix ships only what runs (${entries.length} files, ${(bytes / 1024).toFixed(0)} KB)`;
  if (problems.length > 0) {
    console.log(`  ✘ fail  ${name}\n          ${problems.join('\n          ')}`);
  } else {
    console.log(`  ✔ pass  ${name}`);
  }
  return { ok: problems.length === 0 };
}

/** Runs every check in order, screenshotting after each (pass or fail); returns the exit code. */
async function runChecks(context, packaged) {
  let passed = packaged.ok ? 1 : 0;
  let failed = packaged.ok ? 0 : 1;
  for (const check of checks) {
    const started = Date.now();
    let error;
    try {
      await check.run(context);
    } catch (e) {
      error = e;
    }
    const shot = path.join(shotsDir, `${check.shot}.png`);
    await context.page.waitForTimeout(400); // let a hover finish fading in, so the screenshot shows it whole
    await context.page.screenshot({ path: shot }).catch((e) => console.log(`  (no screenshot: ${e.message})`));
    // Undoes what the check left on screen for its screenshot (a setting, an open tooltip).
    await check.after?.(context).catch((e) => console.log(`  (cleanup failed: ${e.message})`));
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
