// The full scans and the diagnostics pass (section 3 of run.js), in a process of their own like the other timed
// children, so no earlier phase's garbage (the 100,000-model index builds) is collected inside them. (The 45 ms
// scans that prompted this came from listOccurrences copying every mention, not from the bench's process.)
// argv: core.js, 'quick' or 'full', the runs (10 MB: runs10mb). Prints JSON: one result per atlas size, document
// and syntax.
'use strict';
const path = require('path');
const { syntheticModels, syntheticDocument } = require('./synthetic');
const { time, timeAsync } = require('./measure');

/** What the In This Document view does after an edit: non-prose regions, every mention, occurrences. */
function fullScan(core, atlas, text, syntax) {
  return core.listOccurrences(text, atlas.matcher.find(text), core.nonProseRanges(text, syntax));
}

/**
 * The citation diagnostics' own pass (core/citations/citationFindings) after an edit, with the uncited-mention
 * hints on and a .bib holding every paper the atlas has (read once per version in the editor, not timed here).
 */
function diagnosticsPass(core, atlas, text, syntax, bib) {
  const nonProse = core.nonProseRanges(text, syntax);
  return core.findCitationProblems({ text, syntax, nonProse, atlas, uncitedMentionHints: true, mentions: () => atlas.matcher.find(text), bibliographies: async () => [bib] });
}

async function main() {
  const [corePath, mode, runsArg, runs10mbArg] = process.argv.slice(2);
  const core = require(corePath);
  const { loadAtlasDir } = require(path.join(__dirname, '..', 'build', 'atlas-data.js'));
  const real = loadAtlasDir().entries.map((e) => e.model);
  // The same models and documents as run.js makes (same generators, same seeds).
  const synthetic = syntheticModels(100000 - real.length);
  const atlasModels = (size) => (size <= real.length ? real : real.concat(synthetic.slice(0, size - real.length)));
  const mentioned = atlasModels(1000);
  const sizes = mode === 'quick' ? [['10 KB', 10e3], ['1 MB', 1e6]] : [['10 KB', 10e3], ['1 MB', 1e6], ['10 MB', 10e6]];
  const runs = Number(runsArg);
  const results = [];
  for (const size of [21, 1000, 10000]) {
    const atlas = new core.AtlasIndex(atlasModels(size));
    const bib = size === 10000 ? core.parseBibtex(atlas.models.map((m) => m.bibtex.entry).join('\n\n')) : undefined;
    for (const [label, bytes] of sizes) {
      if ((size !== 10000 && label !== '1 MB') || (label === '10 MB' && size !== 10000)) {
        continue;
      }
      for (const [syntax, seed] of [['latex', 7], ['pandoc', 8]]) {
        const text = syntheticDocument(mentioned, bytes, syntax, seed);
        const n = label === '10 MB' ? Number(runs10mbArg) : runs;
        global.gc();
        const scan = time(() => fullScan(core, atlas, text, syntax), { runs: n });
        const mentionsOnly = time(() => atlas.matcher.find(text), { runs: n });
        let diagnostics;
        if (bib && label !== '10 KB') {
          global.gc();
          diagnostics = await timeAsync(() => diagnosticsPass(core, atlas, text, syntax, bib), { runs: n });
        }
        results.push({ size, label, syntax, scan, mentionsOnly, diagnostics });
      }
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error.stack);
  process.exit(1);
});
