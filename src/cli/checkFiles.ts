// `node dist/cli.js check <file>`: the same check as the editor's, on files read through a port (the CLI entry
// reads them with Node), reported as "file:line:col: code: message" lines.
import type { AtlasIndex } from '../core/atlas/atlasIndex';
import { checkBibliography, type BibSource } from '../core/bibcheck/bibliographyCheck';
import { findCitationMismatches } from '../core/bibcheck/citationMismatch';
import { severityOf, type CheckCode } from '../core/bibcheck/findings';
import { parseBibtex } from '../core/bibtex/parse';
import { includedFileCandidates, latexBibliographies, latexParents, markdownBibliographies, resolveRelative, subfilesParent, texRootMagic } from '../core/citations/bibliographyFiles';
import { findCitationKeys } from '../core/citations/citationContext';
import { entryWithKey } from '../core/citations/citationKeys';
import { nonProseRanges } from '../core/documents/documentRegions';
import { isInside } from '../core/documents/ranges';
import type { CitationSyntax } from '../core/documents/syntax';
import { lineAt, lineStarts } from '../core/documents/textLines';
import { autoExportText, bibFindingText, mismatchText, missingEntryText } from '../core/bibcheck/findingText';

/** Reads a file by its "/"-separated path; undefined when it cannot be read. */
export type ReadFile = (path: string) => string | undefined;

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  code: CheckCode | 'missing-bib-entry';
  severity: 'warning' | 'information';
  message: string;
}

export interface CliResult {
  findings: CliFinding[];
  /** Files named but unreadable, and other things worth saying. */
  notes: string[];
}

function syntaxOfPath(path: string): CitationSyntax {
  return /\.(tex|ltx|sty|cls)$/i.test(path) ? 'latex' : /\.(md|markdown|qmd|rmd)$/i.test(path) ? 'pandoc' : 'plain';
}

function position(text: string, starts: number[] | undefined, offset: number): { line: number; column: number; starts: number[] } {
  const lines = starts ?? lineStarts(text);
  const line = lineAt(lines, offset);
  return { line: line + 1, column: offset - lines[line] + 1, starts: lines };
}

/** The document and the files it \input-s, read relative to the root's folder as LaTeX does (else to the includer's). */
function documentsOf(path: string, read: ReadFile): Array<{ path: string; text: string }> {
  const first = read(path);
  if (first === undefined) {
    return [];
  }
  const documents = [{ path, text: first }];
  const seen = new Set([path]);
  for (let i = 0; i < documents.length && i < 200; i++) {
    if (syntaxOfPath(documents[i].path) !== 'latex') {
      continue;
    }
    for (const child of latexParents(documents[i].text)) {
      const found = includedFileCandidates(path, documents[i].path, child).find((c) => !seen.has(c) && read(c) !== undefined);
      if (found) {
        seen.add(found);
        documents.push({ path: found, text: read(found)! });
      }
    }
  }
  return documents;
}

/** The .bib files a document names, or its LaTeX root names (a "% !TEX root" comment or a subfiles parent). */
function bibliographiesOf(path: string, text: string, read: ReadFile): string[] {
  if (syntaxOfPath(path) === 'pandoc') {
    return markdownBibliographies(text).map((name) => resolveRelative(path, name));
  }
  const own = latexBibliographies(text);
  if (own.length > 0) {
    return own.map((name) => resolveRelative(path, name));
  }
  const rootName = texRootMagic(text) ?? subfilesParent(text);
  const root = rootName && resolveRelative(path, rootName);
  const rootText = root && read(root);
  return root && rootText ? latexBibliographies(rootText).map((name) => resolveRelative(root, name)) : [];
}

/** Checks a .bib, or a document with the .bib files it names; `enabled` leaves codes out (--ignore). */
export function checkFromCommandLine(target: string, read: ReadFile, atlas: AtlasIndex, enabled: (code: CheckCode) => boolean = () => true): CliResult {
  const notes: string[] = [];
  const isBib = /\.bib$/i.test(target);
  const documents = isBib ? [] : documentsOf(target, read);
  const bibPaths = isBib ? [target] : documents.length > 0 ? bibliographiesOf(target, documents[0].text, read) : [];
  const sources: Array<BibSource & { path: string }> = [];
  for (const bibPath of bibPaths) {
    const text = read(bibPath);
    if (text === undefined) {
      notes.push(`${bibPath}: cannot be read`);
    } else {
      sources.push({ path: bibPath, text, bib: parseBibtex(text) });
    }
  }
  const findings: CliFinding[] = [];
  const checks = checkBibliography(sources, atlas, enabled);
  checks.forEach((check, i) => {
    const { path, text } = sources[i];
    let starts: number[] | undefined;
    for (const finding of check.findings) {
      const at = position(text, starts, finding.start);
      starts = at.starts;
      const note = check.autoExportedBy ? ` ${autoExportText(check.autoExportedBy)}` : '';
      findings.push({ file: path, line: at.line, column: at.column, code: finding.code, severity: severityOf(finding.code), message: bibFindingText(finding, atlas) + note });
    }
  });
  const bibs = sources.map((s) => s.bib);
  for (const document of documents) {
    const syntax = syntaxOfPath(document.path);
    const nonProse = nonProseRanges(document.text, syntax);
    let starts: number[] | undefined;
    const push = (offset: number, code: CliFinding['code'], severity: CliFinding['severity'], message: string) => {
      const at = position(document.text, starts, offset);
      starts = at.starts;
      findings.push({ file: document.path, line: at.line, column: at.column, code, severity, message });
    };
    if (sources.length > 0) {
      for (const cited of findCitationKeys(document.text, syntax)) {
        const model = atlas.byCitationKey(cited.key);
        if (model && !isInside(nonProse, cited.start) && !entryWithKey(bibs, cited.key)) {
          push(cited.start, 'missing-bib-entry', 'warning', missingEntryText(cited.key, model.name, sources[0].path));
        }
      }
    }
    if (enabled('citation-mismatch')) {
      const mentions = atlas.matcher.find(document.text);
      for (const mismatch of findCitationMismatches({ text: document.text, syntax, nonProse, atlas, mentions, bibs })) {
        push(mismatch.start, mismatch.code, severityOf(mismatch.code), mismatchText(mismatch, atlas));
      }
    }
  }
  if (!isBib && documents.length > 0 && bibPaths.length === 0) {
    notes.push(`${target}: names no .bib file (\\bibliography, \\addbibresource, or "bibliography:" in the front matter)`);
  }
  return { findings, notes };
}

export function formatFinding(finding: CliFinding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.code}: ${finding.message}`;
}
