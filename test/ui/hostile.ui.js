// UI check of hostile dataset text on the timeline and the details page: no dialog, no request off loopback, no
// element or attribute the text could have made.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const hostile = require('../fixtures/hostile/hostile');
const { timelineFrame } = require('./timeline.ui');
const wb = require('../harness/workbench');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Watches the whole browser context: dialogs are dismissed and recorded; every request to a host other than
 * loopback is aborted, and recorded when our text could have caused it (it names the fixture's .invalid
 * host, or a webview frame sent it). The workbench's own calls (e.g. the extension gallery) are only logged.
 * Webview resources under *.vscode-resource.vscode-cdn.net never leave: VS Code's service worker serves
 * them from the local server, and such requests are not counted.
 */
async function guard(page) {
  const context = page.context();
  const dialogs = [];
  const requests = [];
  const onDialog = (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  };
  const isRemote = (url) => {
    const { protocol, hostname } = new URL(url);
    return /^(https?|wss?):$/.test(protocol) && !LOOPBACK.has(hostname);
  };
  const onRequest = (request) => {
    if (isRemote(request.url())) {
      let frame;
      try {
        frame = request.frame();
      } catch {
        frame = undefined; // a service worker's own request
      }
      requests.push({ request, fromWebview: frame !== undefined && frame !== page.mainFrame() });
    }
  };
  const route = (r) => (isRemote(r.request().url()) ? r.abort('blockedbyclient') : r.continue());
  page.on('dialog', onDialog);
  context.on('request', onRequest);
  await context.route('**/*', route);
  return {
    dialogs,
    /** The recorded requests that really went for the network, not to VS Code's service worker. */
    async remote() {
      const left = [];
      for (const { request, fromWebview } of requests) {
        const response = await request.response().catch(() => null);
        if (response?.fromServiceWorker()) {
          continue;
        }
        if (fromWebview || new URL(request.url()).hostname.endsWith(new URL(hostile.REMOTE).hostname)) {
          left.push(request.url());
        } else {
          console.log(`          (the workbench's own request, aborted: ${request.url()})`);
        }
      }
      return left;
    },
    async stop() {
      page.off('dialog', onDialog);
      context.off('request', onRequest);
      await context.unroute('**/*', route);
    },
  };
}

/** What in a webview document could only have come from markup: foreign elements, handlers, foreign scripts. */
function domProblems(frame) {
  return frame.evaluate(() => {
    const problems = [];
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    if (!/default-src 'none'/.test(csp) || /unsafe-inline|unsafe-eval/.test(csp)) problems.push(`CSP: ${csp}`);
    // VS Code adds its own acquireVsCodeApi script (#_vscodeApiScript); besides it, only our bundle with the nonce.
    const scripts = [...document.querySelectorAll('script')].filter((s) => s.id !== '_vscodeApiScript');
    if (scripts.length !== 1 || !scripts[0].nonce || !scripts[0].src || scripts[0].textContent !== '') {
      problems.push(`scripts: ${scripts.map((s) => `${s.id}|${s.src}|${s.textContent.slice(0, 40)}`).join(', ')}`);
    }
    for (const el of document.querySelectorAll('img, iframe, object, embed, video, audio, form, base, foreignObject, image, use')) problems.push(`<${el.localName}>`);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`${attr.name} on <${el.localName}>`);
        if (/href$|^src$/i.test(attr.name) && !/^(#|https?:|vscode-)/.test(attr.value) && el.localName !== 'link') problems.push(`${attr.name}="${attr.value.slice(0, 60)}" on <${el.localName}>`);
      }
    }
    for (const a of document.querySelectorAll('a[href]')) if (a.getAttribute('href') !== '#') problems.push(`a link to ${a.getAttribute('href')}`);
    return problems;
  });
}

async function detailsFrame(page, modelId, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(`main[data-model="${modelId}"] svg.architecture-diagram`)) return frame;
      } catch {
        // a frame that navigated away meanwhile
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the details page of ${modelId} did not appear`);
}

const hostileChecks = [
  {
    name: 'hostile dataset text on the timeline and the details page opens no dialog, loads nothing remote, makes no markup',
    shot: 'hostile-01-details',
    async run({ page, folder }) {
      const file = path.join(folder, hostile.FILE);
      const entry = hostile.entry();
      const watch = await guard(page);
      try {
        fs.writeFileSync(file, hostile.atlasYaml());
        await wb.runCommand(page, 'Model Atlas: Show Timeline');
        const timeline = await timelineFrame(page);
        const node = `g.node[data-id="${hostile.ID}"]`;
        await timeline.waitForSelector(node, { state: 'attached', timeout: 30_000 });
        assert.strictEqual(await timeline.$eval(`${node} text`, (t) => t.textContent), entry.name);
        // Its lane is far down: filter the timeline to its organization (an <option> of hostile text too).
        await timeline.selectOption('select[data-control="filter-organization"]', entry.organizations[0]);
        await timeline.waitForFunction(() => document.querySelectorAll('g.node').length === 1);
        await timeline.hover(node);
        await timeline.waitForSelector('.hover-card:not([hidden])');
        assert.strictEqual(await timeline.textContent('.hover-card .card-summary'), entry.summary.en);
        await timeline.click(node);
        await timeline.waitForSelector('.selection-bar:not([hidden])');
        assert.strictEqual(await timeline.textContent('.selection-name'), entry.name);
        assert.deepStrictEqual(await domProblems(timeline), [], 'timeline');
        await timeline.selectOption('select[data-control="filter-organization"]', '');
        await timeline.click('.selection-bar button.action[data-action="showDetails"]');
        const details = await detailsFrame(page, hostile.ID);
        const shown = await details.evaluate(() => ({
          name: document.querySelector('main h1')?.firstChild?.textContent,
          title: document.querySelector('.paper-title')?.textContent,
          summary: document.querySelector('.summary')?.textContent,
          bibtex: document.querySelector('pre.bibtex')?.textContent,
          diagram: [...document.querySelectorAll('svg.architecture-diagram text')].map((t) => t.textContent).join(' '),
        }));
        assert.strictEqual(shown.name, entry.name);
        assert.strictEqual(shown.title, entry.paper.title);
        assert.strictEqual(shown.summary, entry.summary.en);
        // Its own @misc names no venue a style prints, so the page shows the venue form, composed from the
        // paper's fields: the hostile title, authors and venue, each as written (markup would have eaten them).
        for (const part of [hostile.strings.htmlCommandLink, hostile.strings.svg, hostile.strings.remoteImage]) {
          assert.ok(shown.bibtex?.includes(part), `the BibTeX shows ${part} as text: ${shown.bibtex?.slice(0, 300)}`);
        }
        assert.ok(shown.diagram.includes('<img'), `component names show as text: ${shown.diagram.slice(0, 80)}`);
        assert.deepStrictEqual(await domProblems(details), [], 'details page');
        await details.evaluate(() => document.querySelector('.summary')?.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(1500); // time for anything the text could have started
        assert.deepStrictEqual(watch.dialogs, [], 'a dialog opened');
        assert.deepStrictEqual(await watch.remote(), [], 'a request left loopback');
        console.log('          no dialog, no remote request; text shown as text on both pages');
      } finally {
        await watch.stop();
      }
    },
    // After the screenshot of the details page: leave the workspace as the other checks expect it, the
    // hostile model gone from the timeline again.
    async after({ page, folder }) {
      fs.rmSync(path.join(folder, hostile.FILE), { force: true });
      await wb.runCommand(page, 'Model Atlas: Show Timeline');
      const timeline = await timelineFrame(page);
      await timeline.waitForSelector(`g.node[data-id="${hostile.ID}"]`, { state: 'detached', timeout: 30_000 });
    },
  },
];

module.exports = { hostileChecks };
