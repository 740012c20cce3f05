// `npm run eval:realworld`: code-server on a temporary copy of ../shared/realworld (the third-party documents,
// never copied into this repository), every annotated position of test/realworld/annotations.tsv hovered in
// the real editor, then recall and precision per document. Skips when ../shared/realworld is absent.
'use strict';
const fs = require('fs');
const path = require('path');
const cs = require('./codeServer');

const TARGET = 0.98;
const TIMEOUT_MS = Number(process.env.REALWORLD_TIMEOUT_MS || 900_000);
const realworld = path.resolve(cs.root, '..', 'shared', 'realworld');
const annotations = path.join(cs.root, 'test', 'realworld', 'annotations.tsv');
const testsPath = path.join(cs.root, 'out', 'test', 'realworld', 'index.js');
const resultsFile = path.join(cs.root, 'test-results', 'realworld.json');
const logFile = path.join(cs.root, 'test-results', 'code-server-realworld.log');

async function main() {
  if (!fs.existsSync(realworld)) {
    console.log(`eval:realworld skipped: ${path.relative(cs.root, realworld)} is not here (the real documents live beside the repository, not in it).`);
    return 0;
  }
  if (!fs.existsSync(testsPath)) {
    throw new Error(`${path.relative(cs.root, testsPath)} is missing; run npm run compile-tests`);
  }
  cs.ensureInstalled();
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const dataDir = cs.tempDir('atlas-realworld-');
  const runResults = path.join(dataDir, 'realworld-results.json');
  const extensionsDir = path.join(dataDir, 'extensions');
  fs.mkdirSync(extensionsDir);
  const folder = path.join(dataDir, 'realworld');
  fs.cpSync(realworld, folder, { recursive: true });
  let server;
  let browser;
  try {
    const env = { ATLAS_REALWORLD_RESULTS: runResults, ATLAS_REALWORLD_ANNOTATIONS: annotations };
    server = await cs.startCodeServer({ port: await cs.freePort(), dataDir, extensionsDir, folder, logFile, env });
    console.log(`code-server on ${server.url} (log: ${path.relative(cs.root, logFile)})`);
    browser = await cs.launchBrowser();
    const page = await cs.newPage(browser, server);
    await page.goto(cs.workbenchUrl(server, { folder, extensionDevelopmentPath: cs.root, extensionTestsPath: testsPath }));
    const results = await waitForResults(server, runResults);
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    if (results.error) {
      throw new Error(`the evaluation could not run:\n${results.error}`);
    }
    return report(results.observations);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForResults(server, file) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!fs.existsSync(file)) {
    if (server.hasExited()) {
      throw new Error(`code-server exited before the evaluation finished; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`No results in ${TIMEOUT_MS / 1000} s; see ${logFile}`);
    }
    await cs.sleep(500);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * A card of the expected model is a true positive; a card on a non-mention, or of another model, a false
 * positive; no card (or another model's) on a mention, a false negative.
 */
function score(observations) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const o of observations) {
    if (o.expected !== 'none' && o.shown === o.expected) {
      tp++;
      continue;
    }
    if (o.shown !== 'none') {
      fp++;
    }
    if (o.expected !== 'none') {
      fn++;
    }
  }
  const ratio = (a, b) => (b === 0 ? 1 : a / b);
  return { mentions: observations.filter((o) => o.expected !== 'none').length, positions: observations.length, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

function report(observations) {
  const documents = [...new Set(observations.map((o) => o.document))];
  const rows = documents.map((document) => ({ document, ...score(observations.filter((o) => o.document === document)) }));
  const total = { document: 'all documents', ...score(observations) };
  const header = ['document', 'positions', 'mentions', 'recall', 'precision'];
  const lines = [...rows, total].map((r) => [r.document, String(r.positions), String(r.mentions), r.recall.toFixed(3), r.precision.toFixed(3)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(render(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  lines.forEach((l) => console.log(render(l)));
  const wrong = observations.filter((o) => o.shown !== o.expected);
  if (wrong.length > 0) {
    console.log(`\nWhere the hover and the annotation differ (${wrong.length}):`);
    for (const o of wrong) {
      console.log(`  ${o.document}:${o.line}:${o.column}  expected ${o.expected}, shown ${o.shown}${o.note ? `  (${o.note})` : ''}`);
    }
  }
  const met = total.recall >= TARGET && total.precision >= TARGET;
  console.log(`\neval:realworld: recall ${total.recall.toFixed(3)}, precision ${total.precision.toFixed(3)} over ${total.positions} positions (target ${TARGET} each): ${met ? 'met' : 'MISSED'}`);
  return met ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`eval:realworld: ${error.message}`);
    process.exit(1);
  },
);
