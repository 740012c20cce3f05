// Timing helpers: repeated runs summarised as median and p99, in milliseconds.
'use strict';

function now() {
  return process.hrtime.bigint();
}

function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function quantile(sorted, q) {
  if (sorted.length === 0) {
    return NaN;
  }
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)];
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), runs: samples.length };
}

/**
 * Runs `fn(i)` `runs` times after `warmup` untimed runs and summarises the times. `fn` returns a value
 * that is kept, so the work cannot be optimised away.
 */
function time(fn, { runs, warmup = 1 } = {}) {
  let sink = 0;
  for (let i = 0; i < warmup; i++) {
    sink ^= keep(fn(i));
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    sink ^= keep(fn(i));
    samples.push(msSince(start));
  }
  time.sink = sink;
  return summarize(samples);
}

/** time() for an async function (the providers' orchestration): each call awaited before the next. */
async function timeAsync(fn, { runs, warmup = 1 } = {}) {
  let sink = 0;
  for (let i = 0; i < warmup; i++) {
    sink ^= keep(await fn(i));
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    sink ^= keep(await fn(i));
    samples.push(msSince(start));
  }
  timeAsync.sink = sink;
  return summarize(samples);
}

function keep(value) {
  return value === undefined || value === null ? 0 : typeof value === 'object' ? (Array.isArray(value) ? value.length : 1) : 1;
}

module.exports = { now, msSince, summarize, time, timeAsync };
