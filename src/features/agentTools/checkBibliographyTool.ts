// modelAtlas_checkBibliography: Check Bibliography for an agent, offline: every entry of an atlas paper in a
// .bib (or in the bibliographies a document names) checked field by field, each finding in English with its place.
import * as vscode from 'vscode';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { checkBibliography, type BibSource } from '../../core/bibcheck/bibliographyCheck';
import { BIB_CODES } from '../../core/bibcheck/findings';
import { bibFindingText } from '../../core/bibcheck/findingText';
import { parseBibtex } from '../../core/bibtex/parse';
import { lineAt, lineStarts } from '../../core/documents/textLines';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies, openBibliography } from '../../shared/bibliography/parsedBibs';
import { settings } from '../../shared/settings';
import { textResult, toolDocument } from './agentTools';

export interface CheckInput {
  /** A .bib, or a document whose bibliographies are checked; the active editor's when left out. */
  document?: string;
}

interface Checked {
  uri: vscode.Uri;
  source: BibSource;
}

/** The .bib files to check: the document itself when it is one, else the BibTeX files it names. */
async function bibsOf(document: vscode.TextDocument): Promise<Checked[]> {
  if (document.languageId === 'bibtex' || document.uri.path.toLowerCase().endsWith('.bib')) {
    return [{ uri: document.uri, source: { text: document.getText(), bib: parseBibtex(document.getText()) } }];
  }
  const checked: Checked[] = [];
  for (const { uri, format } of await loadBibliographies(document)) {
    const text = format === 'bibtex' ? (await openBibliography(uri))?.getText() : undefined;
    if (text !== undefined) {
      checked.push({ uri, source: { text, bib: parseBibtex(text) } });
    }
  }
  return checked;
}

function report(checked: readonly Checked[], atlas: AtlasIndex): string {
  const results = checkBibliography(
    checked.map((c) => c.source),
    atlas,
    (code) => settings.checkEnabled(code, checked[0]?.uri),
  );
  const lines: string[] = [];
  results.forEach((result, i) => {
    const { uri, source } = checked[i];
    const starts = lineStarts(source.text);
    for (const finding of result.findings) {
      const line = lineAt(starts, finding.start);
      lines.push(`${vscode.workspace.asRelativePath(uri)}:${line + 1}:${finding.start - starts[line] + 1}: ${finding.code} (${finding.key}): ${bibFindingText(finding, atlas)}`);
    }
  });
  const papers = results.reduce((n, r) => n + r.papers.size, 0);
  const files = checked.map((c) => vscode.workspace.asRelativePath(c.uri)).join(', ');
  const head = `Checked ${papers} entr${papers === 1 ? 'y' : 'ies'} of atlas papers in ${files} against the Model Atlas (codes: ${BIB_CODES.join(', ')}).`;
  return [head, lines.length === 0 ? 'No finding: every checked entry agrees with the atlas.' : `${lines.length} finding${lines.length === 1 ? '' : 's'}:`, ...lines].join('\n');
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
      const checked = await bibsOf(document);
      if (checked.length === 0) {
        return textResult(`${vscode.workspace.asRelativePath(document.uri)} names no BibTeX bibliography that could be read.`);
      }
      return textResult(report(checked, await service.atlas()));
    },
  };
}
