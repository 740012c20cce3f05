// Diagnostics on citations: an atlas key missing from the document's .bib (warning, quick fix adds the
// entry), and an atlas key whose paper the .bib holds under another key (hint, quick fix uses that key).
import * as vscode from 'vscode';
import { findCitationKeys } from '../../core/citations/citationContext';
import { isInside } from '../../core/documents/documentRegions';
import { findExistingEntry } from '../../core/bibtex/match';
import type { AtlasService } from '../../shared/atlasService';
import { mentionsOf, nonProseOf } from '../../shared/documentAnalysis';
import { isServed, syntaxOf } from '../../shared/documentLanguages';
import { atlasModelOfBibKey, entryWithKey, loadBibliographies, type LoadedBibliography } from '../../shared/bibliography/documentBibliographies';

export const DIAGNOSTIC_SOURCE = 'Model Atlas';
export const MISSING_ENTRY = 'missing-bib-entry';
export const STORED_UNDER_OTHER_KEY = 'stored-under-other-key';
export const UNCITED_MENTION = 'uncited-mention';

const DEBOUNCE_MS = 400;

export function registerCitationDiagnostics(service: AtlasService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('modelAtlas.citations');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = async (document: vscode.TextDocument) => {
    if (!isServed(document)) {
      return;
    }
    const version = document.version;
    const diagnostics = await computeDiagnostics(service, document);
    if (document.version === version && !document.isClosed) {
      collection.set(document.uri, diagnostics);
    }
  };
  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void refresh(document), DEBOUNCE_MS));
  };
  const refreshAllOpen = () => vscode.workspace.textDocuments.forEach(schedule);

  vscode.workspace.textDocuments.forEach(schedule);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => {
      schedule(e.document);
      if (e.document.fileName.toLowerCase().endsWith('.bib')) {
        refreshAllOpen();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    service.onDidChange(refreshAllOpen),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('modelAtlas') && refreshAllOpen()),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

export async function computeDiagnostics(service: AtlasService, document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const text = document.getText();
  const citations = findCitationKeys(text, syntaxOf(document)).filter((c) => !isInside(nonProseOf(document), c.start));
  const atlasCitations = citations.filter((c) => service.atlas.byCitationKey(c.key));
  const wantsMentionHints = vscode.workspace.getConfiguration('modelAtlas', document.uri).get<boolean>('diagnostics.uncitedMentions', false);
  if (atlasCitations.length === 0 && !wantsMentionHints) {
    return [];
  }
  const bibliographies = await loadBibliographies(document);
  const mentionHints = wantsMentionHints ? uncitedMentions(service, document, citations, bibliographies) : [];
  const target = bibliographies[0];
  if (!target) {
    return mentionHints;
  }
  const fileName = vscode.workspace.asRelativePath(target.uri, false);
  const diagnostics: vscode.Diagnostic[] = [];
  for (const citation of atlasCitations) {
    if (entryWithKey(bibliographies, citation.key)) {
      continue;
    }
    const model = service.atlas.byCitationKey(citation.key)!;
    const range = new vscode.Range(document.positionAt(citation.start), document.positionAt(citation.end));
    const stored = bibliographies
      .map((b) => b.bib && findExistingEntry(b.bib, { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title }))
      .find((e) => e !== undefined);
    let diagnostic: vscode.Diagnostic;
    if (stored) {
      diagnostic = new vscode.Diagnostic(
        range,
        vscode.l10n.t('{0} is in {1} under the key {2}.', model.name, fileName, stored.key),
        vscode.DiagnosticSeverity.Information,
      );
      diagnostic.code = STORED_UNDER_OTHER_KEY;
    } else {
      diagnostic = new vscode.Diagnostic(
        range,
        vscode.l10n.t('{0} ({1}) has no entry in {2}.', citation.key, model.name, fileName),
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.code = MISSING_ENTRY;
    }
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostics.push(diagnostic);
  }
  return diagnostics.concat(mentionHints);
}

/** A hint at the first prose mention of each atlas model that the document never cites, under any key. */
function uncitedMentions(
  service: AtlasService,
  document: vscode.TextDocument,
  citations: readonly { key: string }[],
  bibliographies: readonly LoadedBibliography[],
): vscode.Diagnostic[] {
  const atlas = service.atlas;
  const cited = new Set<string>();
  for (const { key } of citations) {
    const model = atlasModelOfBibKey(atlas, bibliographies, key);
    if (model) {
      cited.add(model.id);
    }
  }
  const skip = nonProseOf(document);
  const hinted = new Set<string>();
  const hints: vscode.Diagnostic[] = [];
  for (const mention of mentionsOf(document, atlas.matcher)) {
    if (cited.has(mention.modelId) || hinted.has(mention.modelId) || isInside(skip, mention.start)) {
      continue;
    }
    hinted.add(mention.modelId);
    const range = new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end));
    const diagnostic = new vscode.Diagnostic(range, vscode.l10n.t('{0} is mentioned but not cited.', atlas.get(mention.modelId).name), vscode.DiagnosticSeverity.Hint);
    diagnostic.code = UNCITED_MENTION;
    diagnostic.source = DIAGNOSTIC_SOURCE;
    hints.push(diagnostic);
  }
  return hints;
}
