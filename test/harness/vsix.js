// What the packaged extension ships: only what runs, under a size budget. Run by runUi.js, or on its own:
// node test/harness/vsix.js <file.vsix>
'use strict';
const fs = require('fs');

const BUDGET_BYTES = 2 * 1024 * 1024;

/** Must be in the package (paths inside the zip). */
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/l10n/bundle.l10n.zh-cn.json',
  'extension/dist/extension.js',
  'extension/dist/atlas.json',
  'extension/dist/userAtlasTools.js',
  'extension/dist/web/extension.js',
  'extension/dist/webview/details.js',
  'extension/dist/webview/timeline.js',
  'extension/dist/webview/bibcheck.js',
  'extension/data/schema/atlas-file.schema.json',
  'extension/media/icon.png',
  'extension/media/activity-bar.svg',
];
/** vsce writes these in lower case; a LICENSE may become LICENSE.txt. */
const REQUIRED_ANY_CASE = [/^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/license(\.txt|\.md)?$/i];

/** Never shipped: sources, tests, source maps, build and CI scripts, docs, dependencies, the raw dataset. */
const FORBIDDEN = [
  [/^extension\/(src|test|out|scripts|docs|\.ci|\.vscode-test|test-results|node_modules)\//, 'a development folder'],
  [/\/node_modules\//, 'node_modules'],
  [/\.map$/, 'a source map'],
  [/\.ts$/, 'TypeScript source'],
  [/^extension\/data\/models\//, 'the raw dataset (dist/atlas.json holds it, validated)'],
  [/(^|\/)(tsconfig[^/]*\.json|esbuild\.js|\.mocharc\.json|package-lock\.json|\.vscodeignore|\.gitignore)$/, 'a build file'],
  [/\.vsix$/, 'another package'],
];

/** The file names in a zip, read from its central directory (no dependency, no extraction). */
function zipEntries(buffer) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new Error('not a zip file: no end of central directory');
  }
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw new Error(`broken central directory at entry ${i}`);
    }
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({ name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What is wrong with the package at `file`, and what it holds. */
function vsixReport(file) {
  const buffer = fs.readFileSync(file);
  const entries = zipEntries(buffer);
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  for (const required of REQUIRED) {
    if (!names.has(required)) {
      problems.push(`missing ${required}`);
    }
  }
  for (const pattern of REQUIRED_ANY_CASE) {
    if (![...names].some((n) => pattern.test(n))) {
      problems.push(`missing ${pattern.source.replace(/\\/g, '')}`);
    }
  }
  for (const { name } of entries) {
    const hit = FORBIDDEN.find(([pattern]) => pattern.test(name));
    if (hit) {
      problems.push(`${name}: ${hit[1]}`);
    }
  }
  if (buffer.length >= BUDGET_BYTES) {
    problems.push(`${buffer.length} bytes, over the ${BUDGET_BYTES}-byte budget`);
  }
  return { bytes: buffer.length, entries, problems };
}

module.exports = { vsixReport, zipEntries, BUDGET_BYTES };

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node test/harness/vsix.js <file.vsix>');
    process.exit(2);
  }
  const { bytes, entries, problems } = vsixReport(file);
  entries.forEach((e) => console.log(`${String(e.size).padStart(9)}  ${e.name}`));
  console.log(`${entries.length} files, ${bytes} bytes`);
  problems.forEach((p) => console.log(`problem: ${p}`));
  process.exit(problems.length === 0 ? 0 : 1);
}
