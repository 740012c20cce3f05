// What modelAtlas_checkBibliography answers: Check Bibliography's findings as plain English for a language
// model, each with its file, line and column and what to change there (the lines as the quick fix would
// write them, the key to cite, or why the file is not to be edited), so an agent can act on it.
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { FileCheck } from '../bibcheck/bibliographyCheck';
import { fixEdits } from '../bibcheck/entryFixes';
import { autoExportText, bibFindingText, mismatchText, missingEntryText } from '../bibcheck/findingText';
import { severityOf, type BibFinding, type CitationMismatch } from '../bibcheck/findings';
import { applyEdits, type TextEdit } from '../bibcheck/textEdits';
import type { BibFile } from '../bibtex/parse';
import type { CitationFinding } from '../citations/citationFindings';
import { keyInAny } from '../citations/citationKeys';
import { lineAt, lineStarts } from '../documents/textLines';

export interface CheckedBibFile {
  /** As the agent should name it: workspace-relative. */
  path: string;
  text: string;
  bib: BibFile;
  check: FileCheck;
}

export interface CheckedDocument {
  path: string;
  text: string;
  /** Names directly followed by a citation of other papers. */
  mismatches: readonly CitationMismatch[];
  /** Atlas keys cited that the bibliography lacks, or holds the paper under another key. */
  citationProblems: readonly CitationFinding[];
}

export interface BibliographyCheckText {
  atlas: AtlasIndex;
  /** The BibTeX files checked, in the order the document names them. */
  bibFiles: readonly CheckedBibFile[];
  /** The document and the files it brings in, when a document (not a .bib) was checked. */
  documents: readonly CheckedDocument[];
  /** Every bibliography the document reads, of any format, to look keys up in. */
  bibliographies: readonly BibFile[];
  /** Where a missing entry would go. */
  firstBibliography: string | undefined;
  /** The codes that were checked (the modelAtlas.check.* settings turn some off). */
  codes: readonly string[];
  /** What else the agent should know: files that could not be read, bibliographies of other formats. */
  notes: readonly string[];
}

interface Finding {
  path: string;
  offset: number;
  code: string;
  severity: 'warning' | 'information';
  key: string;
  message: string;
  /** Lines that say what to do, after the finding's line. */
  fix: string[];
}

export function bibliographyCheckText(input: BibliographyCheckText): string {
  const findings = [...input.bibFiles.flatMap((file) => bibFindings(input, file)), ...input.documents.flatMap((document) => documentFindings(input, document))];
  const papers = input.bibFiles.reduce((n, f) => n + f.check.papers.size, 0);
  const files = input.bibFiles.map((f) => f.path).join(', ');
  const documents = input.documents.map((d) => d.path);
  const checked = [
    ...(input.bibFiles.length > 0 ? [`${papers} entr${papers === 1 ? 'y' : 'ies'} of atlas papers in ${files}`] : []),
    ...(documents.length > 0 ? [`the citations in ${documents.join(', ')}`] : []),
  ];
  const head = `Checked ${checked.join(', and ')} against the Model Atlas (codes: ${input.codes.join(', ')}).`;
  const lines = [head];
  if (findings.length === 0) {
    lines.push('No finding: every checked entry and citation agrees with the atlas.');
  } else {
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const counts = [warnings > 0 ? plural(warnings, 'warning') : '', warnings < findings.length ? `${findings.length - warnings} information` : ''].filter(Boolean).join(', ');
    lines.push(`${plural(findings.length, 'finding')} (${counts}), each as file:line:column: code (key): message, then what to change:`);
    const starts = new Map<string, number[]>();
    const textOf = new Map([...input.bibFiles, ...input.documents].map((f) => [f.path, f.text]));
    for (const finding of findings) {
      let fileStarts = starts.get(finding.path);
      if (!fileStarts) {
        fileStarts = lineStarts(textOf.get(finding.path) ?? '');
        starts.set(finding.path, fileStarts);
      }
      const line = lineAt(fileStarts, finding.offset);
      lines.push(`${finding.path}:${line + 1}:${finding.offset - fileStarts[line] + 1}: ${finding.code} (${finding.key}): ${finding.message}`, ...finding.fix);
    }
  }
  if (input.notes.length > 0) {
    lines.push('Notes:', ...input.notes.map((n) => `- ${n}`));
  }
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function bibFindings(input: BibliographyCheckText, file: CheckedBibFile): Finding[] {
  const { atlas } = input;
  const exporter = file.check.autoExportedBy;
  return file.check.findings.map((finding) => {
    const model = atlas.byIdOrUndefined(finding.modelId);
    const entry = file.bib.entries[finding.entryIndex];
    const edits = model && entry ? fixEdits(file.text, entry, finding, model) : undefined;
    let fix: string[];
    if (finding.code === 'duplicate-paper') {
      fix = [duplicateFix(input, file, finding)];
    } else if (!edits || edits.length === 0) {
      fix = finding.code === 'arxiv-mismatch' ? ["Fix (by hand): give this entry its own paper's arXiv id, or remove the one it has."] : [];
    } else if (exporter) {
      fix = [`Fix: in Zotero, not in this file (${exporter} would overwrite the edit on its next export); the exported entry should then read as below.`, ...replacement(file, edits)];
    } else {
      fix = replacement(file, edits);
    }
    return {
      path: file.path,
      offset: finding.start,
      code: finding.code,
      severity: severityOf(finding.code),
      key: finding.key,
      message: bibFindingText(finding, atlas) + (exporter ? ` ${autoExportText(exporter)}` : ''),
      fix,
    };
  });
}

/** The whole lines the edits touch, as they read now (by number) and as the fix writes them. */
function replacement(file: CheckedBibFile, edits: readonly TextEdit[]): string[] {
  const starts = lineStarts(file.text);
  const first = lineAt(starts, Math.min(...edits.map((e) => e.start)));
  const last = lineAt(starts, Math.max(...edits.map((e) => e.end)));
  const from = starts[first];
  const to = last + 1 < starts.length ? starts[last + 1] : file.text.length;
  const shifted = edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
  const fixed = applyEdits(file.text.slice(from, to), shifted).replace(/\r?\n$|\r$/, '').split(/\r?\n|\r/);
  const where = first === last ? `line ${first + 1}` : `lines ${first + 1}-${last + 1}`;
  return [`Fix: replace ${where} of ${file.path} with:`, '```bibtex', ...fixed, '```'];
}

function duplicateFix(input: BibliographyCheckText, file: CheckedBibFile, finding: Extract<BibFinding, { code: 'duplicate-paper' }>): string {
  const others = finding.others.map((o) => {
    const other = input.bibFiles[o.file] ?? file;
    const entry = other.bib.entries.find((e) => e.key === o.key);
    const line = entry ? lineAt(lineStarts(other.text), entry.start) + 1 : undefined;
    return `${o.key} (${other.path}${line === undefined ? '' : `:${line}`})`;
  });
  return `Fix: keep one key of ${[finding.key, ...others].join(', ')}: change every citation of the others to it, then delete their entries.`;
}

function documentFindings(input: BibliographyCheckText, document: CheckedDocument): Finding[] {
  const { atlas } = input;
  const findings: Finding[] = [];
  for (const problem of document.citationProblems) {
    const model = atlas.get(problem.modelId);
    const key = document.text.slice(problem.start, problem.end);
    if (problem.code === 'missing-bib-entry') {
      findings.push({
        path: document.path,
        offset: problem.start,
        code: problem.code,
        severity: 'warning',
        key,
        message: missingEntryText(key, model.name, input.firstBibliography ?? 'the bibliography'),
        fix: [`Fix: add ${model.name}'s entry: modelAtlas_getCitation with {"model": ${JSON.stringify(model.name)}, "document": ${JSON.stringify(document.path)}, "append": true} appends it.`],
      });
    } else if (problem.code === 'stored-under-other-key') {
      findings.push({
        path: document.path,
        offset: problem.start,
        code: problem.code,
        severity: 'information',
        key,
        message: `${key} is ${model.name}'s atlas key, but the bibliography holds the paper under ${problem.storedKey}.`,
        fix: [`Fix: cite ${problem.storedKey} instead of ${key}.`],
      });
    }
  }
  for (const mismatch of document.mismatches) {
    const named = atlas.get(mismatch.modelId);
    const stored = keyInAny(input.bibliographies, named);
    findings.push({
      path: document.path,
      offset: mismatch.start,
      code: mismatch.code,
      severity: severityOf(mismatch.code),
      key: mismatch.keys.join(', '),
      message: mismatchText(mismatch, atlas),
      fix: [
        stored
          ? `Fix: cite ${stored} (${named.name}'s paper in the bibliography) for ${named.name}, or name the model the cited paper is about.`
          : `Fix: cite ${named.name}'s paper (the bibliography lacks it; modelAtlas_getCitation with {"model": ${JSON.stringify(named.name)}, "document": ${JSON.stringify(document.path)}, "append": true} gives its key and appends its entry), or name the model the cited paper is about.`,
      ],
    });
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
