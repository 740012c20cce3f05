// One peer parser (argv: its index in bibPeers.js's list, the .bib file): a warm-up parse of the file's first
// entries, then one timed parse of it all. Prints JSON: entries found (not @string, @preamble, @comment), ms.
'use strict';
const fs = require('fs');
const { now, msSince } = require('./measure');

const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

async function parsers() {
  const utensils = require('latex-utensils');
  const bibtexParse = require('bibtex-parse');
  // An ES module package (its CommonJS build does not load under its "type": "module"): imported.
  const retorquere = await import('@retorquere/bibtex-parser');
  return [
    (text) => utensils.bibtexParser.parse(text).content.filter((e) => e.entryType && !NOT_ENTRIES.has(e.entryType.toLowerCase())).length,
    (text) => bibtexParse.entries(text).length,
    (text) => retorquere.parse(text).entries.length,
  ];
}

async function main() {
  const parse = (await parsers())[Number(process.argv[2])];
  const text = fs.readFileSync(process.argv[3], 'utf8');
  const head = text.slice(0, text.indexOf('\n@', 20000) + 1);
  parse(head);
  const start = now();
  const entries = parse(text);
  process.stdout.write(JSON.stringify({ entries, ms: msSince(start) }));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
