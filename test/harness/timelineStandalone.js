// Times the timeline webview bundle outside VS Code on a synthetic atlas (first render and a zoom step),
// printed, not asserted. Usage: node test/harness/timelineStandalone.js [count] [outDir]
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

const THEME_DARK = {
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
};

function syntheticModels(count) {
  const families = Array.from({ length: 40 }, (_, i) => `family-${i}`);
  const orgs = Array.from({ length: 25 }, (_, i) => `Organization ${i}`);
  const types = ['dual-encoder', 'fusion-encoder', 'encoder-decoder', 'mixture-of-experts', 'frozen-llm-adapter', 'multimodal-llm'];
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `Synthetic ${i}`,
    aliases: [],
    date: new Date(Date.UTC(2015, 0, 1) + i * 2 * 86400000).toISOString().slice(0, 10),
    title: `Paper ${i}`,
    firstAuthor: 'A. Author et al.',
    summary: `Synthetic model ${i}.`,
    family: families[(i * 7) % families.length],
    organizations: [orgs[(i * 3) % orgs.length]],
    organizationIds: [`organization-${(i * 3) % orgs.length}`],
    architectureType: types[i % types.length],
    kind: i % 13 === 0 ? 'vision' : 'multimodal',
    buildsOn: [i - 1, i - 17, i - 90].filter((j) => j >= 0 && (i + j) % 4 !== 0).map((j) => `m${j}`),
    hasPaperLink: true,
  }));
}

/** The English labels, from the compiled src/features/timelineLabels.ts with vscode.l10n stubbed. */
function englishLabels() {
  const Module = require('module');
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? { l10n: { t: (text) => text } } : originalLoad.call(this, request, ...rest);
  };
  try {
    return require(path.join(root, 'out', 'src', 'features', 'timeline', 'timelineLabels.js')).timelineLabels();
  } finally {
    Module._load = originalLoad;
  }
}

/** The page: the real stylesheet and bundle, the labels from the English strings, a stub acquireVsCodeApi. */
function pageHtml(theme) {
  const labels = englishLabels();
  const vars = Object.entries(theme).map(([k, v]) => `${k}:${v}`).join(';');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>:root{${vars}}</style>
<style>${fs.readFileSync(path.join(root, 'media', 'timeline.css'), 'utf8')}</style></head>
<body data-initial="${JSON.stringify({ labels, language: 'en' }).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"><div id="app"></div>
<script>window.__posted=[];window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(m),getState:()=>undefined,setState:()=>{}});</script>
</body></html>`;
}

async function timeLargeAtlas(browser, { count = 2000, outDir } = {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent(pageHtml(THEME_DARK));
  await page.addScriptTag({ path: path.join(root, 'dist', 'webview', 'timeline.js') });
  const models = syntheticModels(count);
  await page.evaluate((m) => window.postMessage({ type: 'models', models: m, familyNames: {}, organizationNames: {} }, '*'), models);
  await page.waitForFunction(() => document.body.dataset.firstRenderMs !== undefined);
  const firstRender = Number(await page.evaluate(() => document.body.dataset.firstRenderMs));
  const zooms = [];
  for (let i = 0; i < 4; i++) {
    await page.click('[data-control="zoom-in"]');
    zooms.push(Number(await page.evaluate(() => document.body.dataset.zoomMs)));
  }
  const rendered = await page.locator('g.node').count();
  if (outDir) {
    await page.screenshot({ path: path.join(outDir, 'timeline-2000-models.png') });
  }
  await page.close();
  return { count, firstRender, zooms, rendered };
}

module.exports = { timeLargeAtlas, syntheticModels, pageHtml, THEME_DARK };

if (require.main === module) {
  (async () => {
    const { chromium } = require('playwright-core');
    const count = Number(process.argv[2] ?? 2000);
    const outDir = process.argv[3] ?? path.join(root, 'test-results', 'ui');
    fs.mkdirSync(outDir, { recursive: true });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const t = await timeLargeAtlas(browser, { count, outDir });
      console.log(`timeline with ${t.count} models: first render ${t.firstRender} ms, zoom steps ${t.zooms.join(', ')} ms, ${t.rendered} nodes in the DOM`);
    } finally {
      await browser.close();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
