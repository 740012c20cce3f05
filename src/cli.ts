// `node dist/cli.js check <paper.tex | notes.md | refs.bib> [--ignore code,...]`: Check Bibliography for a
// lab's CI, from the same core as the editor. The one module under src/ that reads files with Node's fs.
import bundledNames from 'atlas:names';
import * as fs from 'fs';
import * as path from 'path';
import { checkFromCommandLine, formatFinding } from './cli/checkFiles';
import { BUNDLED_ATLAS_FILE, unpackAtlas } from './core/atlas/bundledAtlas';
import { AtlasIndex } from './core/atlas/atlasIndex';
import { CHECK_CODES, type CheckCode } from './core/bibcheck/findings';

const USAGE = `usage: node dist/cli.js check <file.tex | file.md | file.bib>... [--ignore code,code]

Checks every .bib entry of an atlas paper field by field (and, for a document, the names followed by
citations), printing file:line:col: code: message. Exits 1 when there is a warning, 2 on an error.
Codes: ${CHECK_CODES.join(', ')}, missing-bib-entry.`;

/** The atlas the check runs against: the one the extension bundles, in the data file beside dist/cli.js. */
function loadAtlas(): AtlasIndex {
  return new AtlasIndex(unpackAtlas(fs.readFileSync(path.join(__dirname, '..', BUNDLED_ATLAS_FILE))), bundledNames);
}

function readFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  if (command !== 'check' || rest.includes('--help') || rest.includes('-h')) {
    (command === 'check' || command === '--help' || command === '-h' ? console.log : console.error)(USAGE);
    return command === 'check' || command === '--help' || command === '-h' ? 0 : 2;
  }
  const ignored = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--ignore' || arg.startsWith('--ignore=')) {
      const value = arg === '--ignore' ? rest[++i] ?? '' : arg.slice('--ignore='.length);
      value.split(',').filter(Boolean).forEach((code) => ignored.add(code.trim()));
    } else if (arg.startsWith('-')) {
      console.error(`unknown option ${arg}\n${USAGE}`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  const unknown = [...ignored].filter((code) => !(CHECK_CODES as readonly string[]).includes(code) && code !== 'missing-bib-entry');
  if (files.length === 0 || unknown.length > 0) {
    console.error(unknown.length > 0 ? `unknown code ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const atlas = loadAtlas();
  let warnings = 0;
  let notes = 0;
  for (const file of files) {
    // Paths are worked out "/"-separated, as the core does, and printed as given.
    const target = file.split(path.sep).join('/');
    if (readFile(target) === undefined) {
      console.error(`${file}: cannot be read`);
      return 2;
    }
    const result = checkFromCommandLine(target, readFile, atlas, (code: CheckCode) => !ignored.has(code));
    for (const finding of result.findings.filter((f) => !ignored.has(f.code))) {
      console.log(formatFinding(finding));
      if (finding.severity === 'warning') {
        warnings++;
      } else {
        notes++;
      }
    }
    result.notes.forEach((note) => console.error(`note: ${note}`));
  }
  console.error(`${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}.`);
  return warnings > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
