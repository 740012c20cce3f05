// The web build in the browser's web-worker extension host: installs the packaged .vsix into code-server with
// `remote.extensionKind` set to ["ui"] for it, which makes the web workbench run its `browser` entry
// (dist/web/extension.js) in a web worker instead of its Node entry on the server. Then checks that it runs
// there, and the hover card, \cite{ completion, Models tree and timeline in that host. Screenshots go to
// test-results/ui/web-*.png. Prints pass/fail per check and `web: N passed, N failed`.
// Usage: npm run test:web   (reuses the .vsix test:ui packaged when no source changed since; UI_VSIX=<path> as in run.js).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');
const { runCheckList } = require('./checkRunner');
const { packagedExtension } = require('./packageVsix');
const wb = require('./workbench');
const { writingChecks } = require('../ui/writing.ui');
const { sidebarChecks } = require('../ui/sidebar.ui');
const { timelineChecks } = require('../ui/timeline.ui');

const manifest = JSON.parse(fs.readFileSync(path.join(cs.root, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const shotsDir = path.join(cs.root, 'test-results', 'ui');
const logFile = path.join(cs.root, 'test-results', 'code-server-web.log');
const CHECK_TIMEOUT_MS = 60_000;

/** A check of the UI run, repeated here under a web-* screenshot. */
function fromUiRun(list, shot, webShot) {
  const check = list.find((c) => c.shot === shot);
  if (!check) {
    throw new Error(`no UI check with the screenshot ${shot}`);
  }
  return { ...check, name: `web worker: ${check.name}`, shot: webShot };
}

const checks = [
  {
    // The Running Extensions editor names each extension's host: "web worker", or the server's address
    // for the Node host. The browser fetching dist/web/extension.js shows the browser entry is what runs.
    name: 'web worker: the extension is activated in the web worker extension host, not on the server',
    shot: 'web-01-running-extensions',
    async run({ page, fetchedBrowserEntry }) {
      await wb.waitForWorkbench(page, { file: 'paper.tex' });
      await wb.quickOpen(page, 'paper.tex'); // activates the extension (onLanguage:latex)
      await wb.runCommand(page, 'Developer: Show Running Extensions');
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: manifest.displayName }).first();
      const deadline = Date.now() + 30_000;
      let host = '';
      let activation = '';
      while (Date.now() < deadline && !(host === 'web worker' && activation)) {
        await page.waitForTimeout(500);
        host = (await row.locator('.msg').innerText({ timeout: 5_000 }).catch(() => '')).trim();
        activation = await row.locator('.activation-time').innerText({ timeout: 1_000 }).catch(() => '');
      }
      assert.strictEqual(host, 'web worker', `Running Extensions shows ${manifest.displayName} in: ${host || '(not listed)'}`);
      assert.match(activation, /Activation: \d+ms/, 'not activated');
      assert.ok(fetchedBrowserEntry(), 'the browser never fetched dist/web/extension.js');
    },
    async after({ page }) {
      await wb.closeAllEditors(page);
    },
  },
  fromUiRun(writingChecks, 'writing-01-hover-blip2', 'web-02-hover-blip2'),
  fromUiRun(writingChecks, 'writing-02-cite-completion', 'web-03-cite-completion'),
  fromUiRun(sidebarChecks, 'sidebar-01-container', 'web-04-models-tree'),
  fromUiRun(timelineChecks, 'timeline-01-open', 'web-05-timeline'),
];

async function main() {
  cs.ensureInstalled();
  fs.mkdirSync(shotsDir, { recursive: true });
  checks.forEach((check) => fs.rmSync(path.join(shotsDir, `${check.shot}.png`), { force: true }));

  // The web workbench cannot host a "ui" extension and adds "web" for one with a `browser` entry: so it runs in
  // the web worker rather than on the server, as "workspace" (the default for one with a `main`) would.
  const userSettings = { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } };
  // The web worker loads the extension's files from the server, through the page's context.
  let browserEntryFetched = false;
  const watchEntry = (page) =>
    page.context().on('request', (request) => {
      const url = decodeURIComponent(request.url());
      if (url.includes(`/${EXTENSION_ID}-${manifest.version}/dist/web/extension.js`)) {
        browserEntryFetched = true;
      }
    });
  const vsix = packagedExtension({ reuse: true });
  return cs.withWorkbench({ tempPrefix: 'atlas-web-', vsix, logFile, timeoutMs: CHECK_TIMEOUT_MS, userSettings, beforeLoad: watchEntry }, (context) =>
    runChecks({ ...context, fetchedBrowserEntry: () => browserEntryFetched }),
  );
}

/** Runs every check in order (see checkRunner.js); returns the exit code. */
async function runChecks(context) {
  const { passed, failed } = await runCheckList(checks, context, shotsDir);
  console.log(`web: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`web: ${error.message}`);
    console.log('web: 0 passed, 1 failed');
    process.exit(1);
  },
);
