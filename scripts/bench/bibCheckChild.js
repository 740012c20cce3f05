// Check Bibliography on a 10,000-entry .bib in a fresh process, cold then warm: every atlas paper in it twice (its
// own entry, and an arXiv @misc with a wrong year) among synthetic entries. Prints JSON timings in milliseconds.
'use strict';
const { syntheticBib, random } = require('./synthetic');
const { now, msSince } = require('./measure');

const [corePath, modelsPath, count, warmRuns] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const { parseBibtex, checkBibliography, AtlasIndex, renderBibtex } = require(corePath);
const models = JSON.parse(require('fs').readFileSync(modelsPath, 'utf8'));
const atlas = new AtlasIndex(models);

const synthetic = syntheticBib(count - 2 * models.length).split('\n\n');
const r = random(29);
for (const model of models) {
  synthetic.splice(1 + r.int(synthetic.length - 1), 0, renderBibtex(model, 'authors'));
  synthetic.splice(1 + r.int(synthetic.length - 1), 0, renderBibtex(model, 'arxiv').replace(/year\s*=\s*\{\d{4}\}/, 'year = {1999}').replace(/\{[^,]*,/, `{wrong${model.id},`));
}
const text = synthetic.join('\n\n');

/** Wall time, and the process's CPU time (steadier when other processes share the cores). */
function readAndCheck() {
  const cpuStart = process.cpuUsage();
  const start = now();
  const bib = parseBibtex(text);
  const parse = msSince(start);
  const parseCpu = cpuMs(cpuStart);
  const [result] = checkBibliography([{ text, bib }], atlas);
  return { parse, parseCpu, total: msSince(start), totalCpu: cpuMs(cpuStart), entries: bib.entries.length, findings: result.findings.length, papers: result.papers.size };
}

function cpuMs(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const cold = readAndCheck();
const warm = [];
for (let i = 0; i < warmRuns; i++) {
  warm.push(readAndCheck());
}
process.stdout.write(JSON.stringify({ bytes: text.length, cold, warm }));
