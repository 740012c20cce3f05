// What the bench runs: the core bundled from src/core/ by esbuild (as esbuild.js does for the atlas
// checks, so the bench never depends on tsc output), and the production extension, both in a temp dir.
'use strict';
const esbuild = require('esbuild');
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

const CORE_EXPORTS = `
export { AtlasIndex } from './src/core/atlas/atlasIndex';
export { MentionMatcher } from './src/core/mentions/mentions';
export { citationContextAt, citationKeyAt, findCitationKeys, findCitedKeys } from './src/core/citations/citationContext';
export { citationCandidates, citationCompletions } from './src/core/citations/completionCandidates';
export { freeKey } from './src/core/citations/citationKeys';
export { hoverTargetAt } from './src/core/citations/hoverTarget';
export { hoverModelAt } from './src/core/citations/hoverLookup';
export { findCitationProblems } from './src/core/citations/citationFindings';
export { lineAt, lineStarts } from './src/core/documents/textLines';
export { nonProseRanges } from './src/core/documents/documentRegions';
export { isInside } from './src/core/documents/ranges';
export { listOccurrences } from './src/core/mentions/occurrences';
export { documentMentions, mentionRules } from './src/core/mentions/documentMentions';
export { parseBibtex } from './src/core/bibtex/parse';
export { findExistingEntry } from './src/core/bibtex/match';
export { renderBibtex } from './src/core/bibtex/render';
export { checkBibliography } from './src/core/bibcheck/bibliographyCheck';
`;

/** Bundles the core functions the bench calls into `outDir`/core.js and returns its path. */
function bundleCore(outDir) {
  const outfile = path.join(outDir, 'core.js');
  esbuild.buildSync({
    stdin: { contents: CORE_EXPORTS, resolveDir: root, loader: 'ts', sourcefile: 'bench-core.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Builds the production extension into `outDir`/dist with the project's own esbuild.js. */
function buildProduction(outDir) {
  const dist = path.join(outDir, 'dist');
  const result = spawnSync(process.execPath, ['esbuild.js', '--production', `--outdir=${dist}`], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`node esbuild.js --production failed:\n${result.stderr}`);
  }
  return path.join(dist, 'extension.js');
}

module.exports = { root, bundleCore, buildProduction };
