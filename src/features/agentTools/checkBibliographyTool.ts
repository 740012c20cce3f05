// modelAtlas_checkBibliography: Check Bibliography for an agent, offline: every entry of an atlas paper in a
// .bib (or in the .bib files a document names) checked field by field, and for a document its citations (a
// name followed by another paper's citation, an atlas key the bibliography lacks), each finding in English
// with its place and what to change there. The decisions are the core's, as in the editor and the CLI.
import * as vscode from 'vscode';
import { bibliographyCheckText, type CheckedBibFile, type CheckedDocument } from '../../core/agentTools/bibliographyCheckText';
import { checkBibliography } from '../../core/bibcheck/bibliographyCheck';
import { findCitationMismatches } from '../../core/bibcheck/citationMismatch';
import { BIB_CODES, type CheckCode } from '../../core/bibcheck/findings';
import type { BibliographyFormat } from '../../core/bibliographies/bibliographyFormat';
import type { BibFile } from '../../core/bibtex/parse';
import { findCitationProblems } from '../../core/citations/citationFindings';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies, openBibliography, parsedBib } from '../../shared/bibliography/parsedBibs';
import { withIncludedFiles } from '../../shared/bibliography/texIncludes';
import { namesAsWrittenOf, nonProseOf } from '../../shared/documentAnalysis';
import { syntaxOf } from '../../shared/documentLanguages';
import { settings } from '../../shared/settings';
import { textResult, toolDocument } from './agentTools';

export interface CheckInput {
  /** A .bib, or a document whose bibliographies are checked; the active editor's when left out. */
  document?: string;
}

const FORMAT_NAMES: Record<BibliographyFormat, string> = {
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  'csl-yaml': 'CSL-YAML',
  hayagriva: 'Hayagriva',
  'front-matter': 'front matter references',
  'citation-cff': 'CITATION.cff',
  'readme-citation': 'README Citation section',
};

const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);

function isBib(document: vscode.TextDocument): boolean {
  return document.languageId === 'bibtex' || document.languageId === 'biblatex' || document.uri.path.toLowerCase().endsWith('.bib');
}

export function checkBibliographyTool(service: AtlasService): vscode.LanguageModelTool<CheckInput> {
  return {
    prepareInvocation(options) {
      return { invocationMessage: vscode.l10n.t('Checking the bibliography of {0} against the Model Atlas', options.input.document || vscode.l10n.t('the active editor')) };
    },
    async invoke(options) {
      const document = await toolDocument(options.input.document);
      if (!document) {
        return textResult(options.input.document ? `Cannot open the document ${JSON.stringify(options.input.document)}.` : 'No document is open: name a .bib or a document.');
      }
      return textResult(await checkText(service, document));
    },
  };
}

async function checkText(service: AtlasService, document: vscode.TextDocument): Promise<string> {
  const atlas = await service.atlas();
  const enabled = (code: CheckCode) => settings.checkEnabled(code, document.uri);
  const notes: string[] = [];
  const bibDocuments: vscode.TextDocument[] = [];
  let bibliographies: BibFile[] = [];
  /** The document's bibliographies as it names them, undefined where one could not be read. */
  let named: Array<BibFile | undefined> = [];
  let firstBibliography: string | undefined;
  if (isBib(document)) {
    bibDocuments.push(document);
  } else {
    const loaded = await loadBibliographies(document);
    if (loaded.length === 0) {
      notes.push(`${relative(document.uri)} names no bibliography (\\bibliography, \\addbibresource, or "bibliography:" in the front matter): only its citations were checked.`);
    }
    for (const { uri, format, bib } of loaded) {
      const opened = format === 'bibtex' ? await openBibliography(uri) : undefined;
      if (!bib && !opened) {
        notes.push(`${relative(uri)}, which the document names, could not be read.`);
      } else if (format !== 'bibtex') {
        notes.push(`${relative(uri)} is a ${FORMAT_NAMES[format]} bibliography: its keys were looked up, but only BibTeX entries are checked field by field.`);
      }
      if (opened) {
        bibDocuments.push(opened);
      }
    }
    named = loaded.map((b) => b.bib);
    bibliographies = loaded.flatMap((b) => (b.bib ? [b.bib] : []));
    firstBibliography = loaded[0] && relative(loaded[0].uri);
  }
  const sources = bibDocuments.map((d) => ({ text: d.getText(), bib: parsedBib(d) }));
  const checks = checkBibliography(sources, atlas, enabled);
  const bibFiles: CheckedBibFile[] = bibDocuments.map((d, i) => ({ path: relative(d.uri), text: sources[i].text, bib: sources[i].bib, check: checks[i] }));
  for (const file of bibFiles) {
    if (file.check.autoExportedBy) {
      notes.push(`${file.path} is written by ${file.check.autoExportedBy} on every export: fix its items in Zotero, not the file.`);
    }
  }
  if (bibliographies.length === 0) {
    bibliographies = sources.map((s) => s.bib);
  }

  const documents: CheckedDocument[] = [];
  if (!isBib(document)) {
    for (const part of await withIncludedFiles(document)) {
      const text = part.getText();
      const syntax = syntaxOf(part);
      const nonProse = nonProseOf(part);
      const citationProblems = await findCitationProblems({
        text,
        syntax,
        nonProse,
        atlas,
        uncitedMentionHints: false,
        mentions: () => [],
        // An \input file's citations are looked up in the bibliographies of the document that includes it.
        bibliographies: async () => named,
      });
      const mismatches =
        syntax !== 'plain' && enabled('citation-mismatch')
          ? findCitationMismatches({ text, syntax, nonProse, atlas, mentions: await namesAsWrittenOf(part, atlas), bibs: bibliographies })
          : [];
      documents.push({ path: relative(part.uri), text, mismatches, citationProblems });
    }
  }
  const codes = [...BIB_CODES, 'citation-mismatch' as const].filter(enabled);
  return bibliographyCheckText({
    atlas,
    bibFiles,
    documents,
    bibliographies,
    firstBibliography,
    codes: documents.length > 0 ? [...codes, 'missing-bib-entry', 'stored-under-other-key'] : codes.filter((c) => c !== 'citation-mismatch'),
    notes,
  });
}
