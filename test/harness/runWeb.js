// `npm run test:web`: the packaged extension's browser entry in the web-worker extension host (code-server with
// remote.extensionKind ["ui"]), running test/ui/web.ui.js with web-*.png screenshots.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');
const { runCheckList } = require('./checkRunner');
const { packagedExtension } = require('./packageVsix');
const wb = require('./workbench');
const { webChecks } = require('../ui/web.ui');

const manifest = JSON.parse(fs.readFileSync(path.join(cs.root, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const shotsDir = path.join(cs.root, 'test-results', 'ui');
const logFile = path.join(cs.root, 'test-results', 'code-server-web.log');
const CHECK_TIMEOUT_MS = 60_000;
const checks = webChecks(manifest);

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
