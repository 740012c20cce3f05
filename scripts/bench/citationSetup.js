// The citation benchmark's inputs, made the same way in the bench and its cold child processes: the real atlas
// with its names data, a real-shaped .bib of 10,000 entries holding the atlas's papers under the writer's
// own keys, and a LaTeX window ending inside \cite{ as the completion provider reads it.
'use strict';
const path = require('path');
const { realShapedBib } = require('./synthetic');

const root = path.resolve(__dirname, '..', '..');

function realAtlas(core) {
  const { loadAtlasDir, loadNames } = require(path.join(root, 'scripts', 'build', 'atlas-data.js'));
  return new core.AtlasIndex(loadAtlasDir().entries.map((e) => e.model), loadNames().names);
}

/** The atlas's papers as a thesis's .bib holds them: under keys of the writer's choosing. */
function papersOf(atlas) {
  return atlas.models
    .filter((m) => m.paper.arxiv)
    .map((m, i) => ({ key: `thesis${i}${m.id.replace(/[^a-z0-9]/g, '')}`, title: m.paper.title, arxiv: m.paper.arxiv, authors: m.paper.authors.join(' and '), year: m.paper.date.slice(0, 4) }));
}

function citationBib(atlas, count) {
  return realShapedBib(count, papersOf(atlas));
}

/** A LaTeX line citing the writer's key of an atlas paper, and the window before a cursor inside \cite{. */
function citationText(papers, i, prefix = '') {
  const cited = papers[i % papers.length].key;
  return { line: `As shown by \\citep{${cited}}, the encoder stays frozen.`, key: cited, window: `We build on prior work \\cite{${prefix}` };
}

/**
 * The key a model the .bib does not hold gets, as the completion provider passes it when the document names a
 * .bib (the default key style's: the atlas key, or its first free letter).
 */
function newKeyIn(core, bibs) {
  return (model) => core.freeKey(model.bibtex.key, bibs, []);
}

module.exports = { realAtlas, papersOf, citationBib, citationText, newKeyIn };
