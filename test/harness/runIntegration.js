// `npm run test:integration` (`--restricted`: test/restricted in Restricted Mode): code-server and headless
// Chromium run the suite in a real extension host on a copy of the fixture workspace, and report the results file.
'use strict';
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');

const restricted = process.argv.includes('--restricted');
const name = restricted ? 'restricted' : 'integration';
// A freeze guard for the whole suite, not a budget: it grows with the suite and with other load on the machine.
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS || 600_000);
const resultsFile = path.join(cs.root, 'test-results', `${name}-results.json`);
const logFile = path.join(cs.root, 'test-results', `code-server-${name}.log`);
const testsPath = path.join(cs.root, 'out', 'test', name, 'index.js');

async function main() {
  if (!fs.existsSync(testsPath)) {
    throw new Error(`${path.relative(cs.root, testsPath)} is missing; run npm run compile-tests`);
  }
  cs.ensureInstalled();
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true }); // never leave a previous run's results behind

  const dataDir = cs.tempDir('atlas-integration-');
  const runResults = path.join(dataDir, 'integration-results.json');
  const extensionsDir = path.join(dataDir, 'extensions');
  fs.mkdirSync(extensionsDir);
  // Stand-ins for other extensions the suite checks we defer to (LaTeX Workshop): installed, inactive until a test activates them.
  fs.cpSync(path.join(cs.root, 'test', 'fixtures', 'extensions'), extensionsDir, { recursive: true });
  let server;
  let browser;
  const started = Date.now();
  try {
    const folder = cs.copyFixtureWorkspace(dataDir);
    if (restricted) {
      untrustedSetup(dataDir, folder);
    }
    const env = { ATLAS_INTEGRATION_RESULTS: runResults };
    server = await cs.startCodeServer({ port: await cs.freePort(), dataDir, extensionsDir, folder, logFile, env, workspaceTrust: restricted });
    console.log(`code-server on ${server.url} (log: ${path.relative(cs.root, logFile)})`);
    browser = await cs.launchBrowser();
    const page = await cs.newPage(browser, server);
    const url = cs.workbenchUrl(server, { folder, extensionDevelopmentPath: cs.root, extensionTestsPath: testsPath });
    await page.goto(url);
    if (restricted) {
      void trustWhenAsked(page);
    } else {
      void confirmToolAppends(page);
    }

    const results = await waitForResults(server, runResults);
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    console.log(`(results after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return report(results);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Workspace Trust on, and no start-up prompt: the folder, trusted by no one in this fresh user data and browser
 * profile, then opens in Restricted Mode without a dialog waiting for an answer. Plus a user atlas file to ignore.
 */
function untrustedSetup(dataDir, folder) {
  const settings = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' };
  fs.mkdirSync(path.join(dataDir, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'user-data', 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  fs.copyFileSync(path.join(cs.root, 'test', 'fixtures', 'restricted', 'lumen.atlas.yaml'), path.join(folder, 'lumen.atlas.yaml'));
}

/**
 * The extension API cannot grant trust, so the last restricted test opens the Workspace Trust editor and waits;
 * the person here is this runner, which presses its Trust button, as a person would.
 */
async function trustWhenAsked(page) {
  const trust = page.locator('.workspace-trust-editor .workspace-trust-buttons .monaco-button', { hasText: /^Trust$/ });
  await trust.first().click({ timeout: TIMEOUT_MS }).catch(() => undefined); // the test times out and says so
}

/**
 * A language model tool that writes asks first (a modal dialog outside a chat), which the extension API cannot
 * answer: this runner confirms the Model Atlas append dialogs (recognised by their text) as a person would,
 * and leaves any other dialog alone.
 */
async function confirmToolAppends(page) {
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: /Model Atlas appends the entry for/ });
  const yes = dialog.locator('.dialog-buttons .monaco-button', { hasText: /^(Yes|Continue|OK)$/ }).first();
  for (;;) {
    try {
      await yes.click({ timeout: TIMEOUT_MS });
      console.log('(confirmed a Model Atlas append dialog)');
    } catch {
      return; // the page is gone (the run ended) or no dialog came
    }
  }
}

async function waitForResults(server, file) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!fs.existsSync(file)) {
    if (server.hasExited()) {
      throw new Error(`code-server exited before the tests finished; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`No results in ${TIMEOUT_MS / 1000} s (${file}); see ${logFile}`);
    }
    await cs.sleep(250);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Prints mocha's spec report as captured in the extension host, then one plain summary line. */
function report(results) {
  console.log(results.output.join('\n'));
  if (results.error) {
    console.log(`\nThe tests could not run:\n${results.error}`);
  }
  // mocha's spec report above already ends with its 'N passing (time)' / 'N failing' lines.
  console.log(`${name}: ${results.passed} passed, ${results.failed} failed`);
  return results.failed === 0 && !results.error && results.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`${name}: ${error.message}`);
    console.log(`${name}: 0 passed, 1 failed`);
    process.exit(1);
  },
);
