// One cold read of a synthetic .bib in a fresh process (as the extension's first read of a thesis's .bib),
// then warm repeats. Prints JSON timings in milliseconds.
'use strict';
const { syntheticBib } = require('./synthetic');
const { now, msSince } = require('./measure');

const [corePath, count, warmRuns] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const { parseBibtex, findExistingEntry } = require(corePath);
const text = syntheticBib(count);
// A paper that is not in the file: the check runs through every clue (key, arXiv id, DOI, title).
const absent = { key: 'li2023blip2', arxiv: '2301.12597', doi: '10.48550/arXiv.2301.12597', title: 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models' };

/** Wall time, and the process's CPU time (steadier when other processes share the cores). */
function readAndCheck() {
  const cpuStart = process.cpuUsage();
  const start = now();
  const bib = parseBibtex(text);
  const parse = msSince(start);
  const parseCpu = cpuMs(cpuStart);
  const found = findExistingEntry(bib, absent);
  return { parse, parseCpu, total: msSince(start), totalCpu: cpuMs(cpuStart), entries: bib.entries.length, found: found !== undefined };
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
