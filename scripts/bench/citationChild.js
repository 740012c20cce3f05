// The first request for a 10,000-entry .bib, in a fresh process whose code has already served a small .bib
// (as the extension has, by the time a thesis's .bib is first read): the .bib read, then a completion inside
// \cite{ (argv 'completion') or a hover on a cited key (argv 'hover'). Prints JSON timings in milliseconds.
'use strict';
const { citationBib, citationText, newKeyIn, papersOf, realAtlas } = require('./citationSetup');
const { now, msSince } = require('./measure');

async function main() {
  const [corePath, kind, count] = [process.argv[2], process.argv[3], Number(process.argv[4])];
  const core = require(corePath);
  const atlas = realAtlas(core);
  void atlas.matcher; // built when the document was first hovered, before any citation work
  const papers = papersOf(atlas);
  const text = citationBib(atlas, count);
  const { line, window } = citationText(papers, 7);
  await request(core, atlas, kind, core.parseBibtex(citationBib(atlas, 200)), line, window);
  // The setup read the atlas from YAML and built the .bib text, as the extension never does: its garbage is
  // collected before the clock starts, not during the timed read.
  global.gc();
  const start = now();
  const bib = core.parseBibtex(text);
  const parse = msSince(start);
  const answer = await request(core, atlas, kind, bib, line, window);
  process.stdout.write(JSON.stringify({ total: msSince(start), parse, answer, entries: bib.entries.length, bytes: text.length }));
}

/** The completion's or the hover's whole decision (the providers' core functions) against `bib`. */
async function request(core, atlas, kind, bib, line, window) {
  if (kind === 'completion') {
    const context = core.citationContextAt(window, window.length, 'latex');
    return core.citationCompletions(atlas, context.prefix, context.otherKeys, [bib], { newKey: newKeyIn(core, [bib]) }).length;
  }
  const lines = { lineCount: 1, lineText: () => line };
  const character = line.indexOf('thesis') + 3;
  const hit = await core.hoverModelAt({ lines, line: 0, character, offset: character, syntax: 'latex', nonProse: [], atlas, bibliographies: async () => [bib], supportedModels: async () => new Set() });
  return hit ? hit.model.id : '';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
