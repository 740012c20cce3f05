// `npm run test:ui`: packages the .vsix, installs it into code-server, runs test/ui/checks.js in headless
// Chromium with a screenshot per check in test-results/ui/ (UI_VSIX=<path> tests an existing package).
'use strict';
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');
const { runCheckList } = require('./checkRunner');
const { packagedExtension } = require('./packageVsix');
const { checks: allChecks } = require('../ui/checks');
const { vsixReport } = require('./vsix');

// UI_GREP=<text>[|<text>...] runs the first check (the workbench loads) and those whose name contains one of the texts.
const greps = process.env.UI_GREP?.split('|');
const checks = greps ? allChecks.filter((c, i) => i === 0 || greps.some((g) => c.name.includes(g))) : allChecks;

const shotsDir = path.join(cs.root, 'test-results', 'ui');
const logFile = path.join(cs.root, 'test-results', 'code-server-ui.log');
const CHECK_TIMEOUT_MS = 60_000;

async function main() {
  cs.ensureInstalled();
  // Remove only this list's old screenshots: other UI scripts may share test-results/ui/.
  fs.mkdirSync(shotsDir, { recursive: true });
  checks.forEach((check) => fs.rmSync(path.join(shotsDir, `${check.shot}.png`), { force: true }));

  const vsix = packagedExtension(); // always packaged afresh here
  const packaged = checkPackage(vsix);
  const code = await cs.withWorkbench({ tempPrefix: 'atlas-ui-', vsix, logFile, timeoutMs: CHECK_TIMEOUT_MS }, (context) => runChecks(context, packaged));
  return packaged.ok ? code : 1;
}

/** The package holds only what runs, under its size budget (test/harness/vsix.js); printed as a check of its own. */
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

/** Runs every check in order (see checkRunner.js); the package check counts as one; returns the exit code. */
async function runChecks(context, packaged) {
  const { passed, failed } = await runCheckList(checks, context, shotsDir);
  const total = { passed: passed + (packaged.ok ? 1 : 0), failed: failed + (packaged.ok ? 0 : 1) };
  console.log(`ui: ${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`ui: ${error.message}`);
    console.log('ui: 0 passed, 1 failed');
    process.exit(1);
  },
);
