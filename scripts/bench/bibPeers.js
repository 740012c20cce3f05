// The .bib parsers the anchors use, on the same text as ours: LaTeX Workshop's latex-utensils, bibtex-parse,
// and Better BibTeX's @retorquere/bibtex-parser. Development dependencies used only here (never bundled);
// each runs in a child process with a time limit, since one of them takes minutes on a 10 MB file.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const PEERS = ['latex-utensils (LaTeX Workshop)', 'bibtex-parse', '@retorquere/bibtex-parser (Better BibTeX)'];

/** Entries found (or why none) and the time of one parse of `file` after a warm-up, per peer. */
function timePeers(file, limitSeconds) {
  return PEERS.map((name, which) => {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'bibPeerChild.js'), String(which), file], { encoding: 'utf8', timeout: limitSeconds * 1000, maxBuffer: 1 << 20 });
    if (result.error?.code === 'ETIMEDOUT' || result.signal) {
      return { name, entries: `not done in ${limitSeconds} s`, ms: limitSeconds * 1000, timedOut: true };
    }
    if (result.status !== 0) {
      return { name, entries: `failed: ${result.stderr.trim().split('\n').pop()?.slice(0, 60)}`, ms: NaN };
    }
    return { name, ...JSON.parse(result.stdout) };
  });
}

module.exports = { timePeers };
