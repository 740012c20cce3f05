// Diagnostics on citations: an atlas key missing from the document's .bib (warning, quick fix adds the
// entry), and an atlas key whose paper the .bib holds under another key (hint, quick fix uses that key).
import * as vscode from 'vscode';
import { isBibliographyPath } from '../../core/bibliographies/bibliographyFormat';
import { findCitationProblems, type CitationFinding } from '../../core/citations/citationFindings';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies, type LoadedBibliography } from '../../shared/bibliography/parsedBibs';
import { documentMentionsOf, nonProseOf } from '../../shared/documentAnalysis';
import { isServed, syntaxOf } from '../../shared/documentLanguages';
import { fileOf } from '../../shared/notebookCells';
import { affectsSettings, settings } from '../../shared/settings';

export const DIAGNOSTIC_SOURCE = 'Model Atlas';
export const MISSING_ENTRY: CitationFinding['code'] = 'missing-bib-entry';
export const STORED_UNDER_OTHER_KEY: CitationFinding['code'] = 'stored-under-other-key';
export const UNCITED_MENTION: CitationFinding['code'] = 'uncited-mention';

const DEBOUNCE_MS = 400;

export function registerCitationDiagnostics(service: AtlasService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('modelAtlas.citations');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = async (document: vscode.TextDocument) => {
    if (!isServed(document)) {
      collection.delete(document.uri); // its language was just taken out of modelAtlas.languages
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
      if (isBibliographyPath(e.document.fileName)) {
        refreshAllOpen();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    service.onDidChange(refreshAllOpen),
    vscode.workspace.onDidChangeConfiguration((e) => affectsSettings(e) && refreshAllOpen()),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

export async function computeDiagnostics(service: AtlasService, document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const atlas = await service.atlas();
  let loaded: LoadedBibliography[] = [];
  const hints = settings.uncitedMentions(fileOf(document));
  const mentions = hints ? (await documentMentionsOf(document, atlas)).mentions : [];
  const findings = await findCitationProblems({
    text: document.getText(),
    syntax: syntaxOf(document),
    nonProse: nonProseOf(document),
    atlas,
    uncitedMentionHints: hints,
    mentions: () => mentions,
    bibliographies: async () => (loaded = await loadBibliographies(document)).map((b) => b.bib),
  });
  const fileName = loaded[0] && vscode.workspace.asRelativePath(loaded[0].uri, false);
  return findings.map((finding) => {
    const model = atlas.get(finding.modelId);
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic =
      finding.code === 'stored-under-other-key'
        ? new vscode.Diagnostic(range, vscode.l10n.t('{0} is in {1} under the key {2}.', model.name, fileName, finding.storedKey), vscode.DiagnosticSeverity.Information)
        : finding.code === 'missing-bib-entry'
          ? new vscode.Diagnostic(range, vscode.l10n.t('{0} ({1}) has no entry in {2}.', finding.key, model.name, fileName), vscode.DiagnosticSeverity.Warning)
          : new vscode.Diagnostic(range, vscode.l10n.t('{0} is mentioned but not cited.', model.name), vscode.DiagnosticSeverity.Hint);
    diagnostic.code = finding.code;
    diagnostic.source = DIAGNOSTIC_SOURCE;
    return diagnostic;
  });
}
