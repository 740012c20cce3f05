// The web build's checks: it runs in the browser's web-worker extension host, and a few UI checks again there.
'use strict';
const assert = require('assert');
const wb = require('../harness/workbench');
const { writingChecks } = require('./writing.ui');
const { codeChecks } = require('./code.ui');
const { sidebarChecks } = require('./sidebar.ui');
const { timelineChecks } = require('./timeline.ui');

/** A check of the UI run, repeated here under a web-* screenshot. */
function fromUiRun(list, shot, webShot) {
  const check = list.find((c) => c.shot === shot);
  if (!check) {
    throw new Error(`no UI check with the screenshot ${shot}`);
  }
  return { ...check, name: `web worker: ${check.name}`, shot: webShot };
}

function webChecks(manifest) {
  return [
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
      // Until the row says both where it runs and how long activation took ("Startup Activation: 92ms"): the
      // editor may first show the row with another text in that place.
      while (Date.now() < deadline && !(host === 'web worker' && /Activation: \d+ms/.test(activation))) {
        await page.waitForTimeout(500);
        host = (await row.locator('.msg').innerText({ timeout: 5_000 }).catch(() => '')).trim();
        activation = await row.locator('.activation-time').innerText({ timeout: 1_000 }).catch(() => '');
      }
      assert.strictEqual(host, 'web worker', `Running Extensions shows ${manifest.displayName} in: ${host || '(not listed)'}`);
      assert.match(activation, /Activation: \d+ms/, `not activated: the row says "${activation}"`);
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
  fromUiRun(codeChecks, 'code-01-notebook-checkpoint-hover', 'web-06-notebook-checkpoint-hover'),
  fromUiRun(codeChecks, 'code-02-typst-citation-hover', 'web-07-typst-citation-hover'),
  ];
}

module.exports = { webChecks };
