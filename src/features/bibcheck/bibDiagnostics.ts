// Check Bibliography's diagnostics: field-by-field findings in each .bib (open, or named by an open
// document), and citation-mismatch in Markdown and LaTeX documents. Recomputed, debounced, on every change.
import * as vscode from 'vscode';
import { severityOf, type BibFinding } from '../../core/bibcheck/findings';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import type { AtlasService } from '../../shared/atlasService';
import { bibliographiesFor } from '../../shared/bibliography/bibliographyLocator';
import { openBibliography } from '../../shared/bibliography/parsedBibs';
import { isServed } from '../../shared/documentLanguages';
import { affectsSettings } from '../../shared/settings';
import { checkBibDocument, checkDocument, isBibDocument, type DuplicatePlaces } from './checkRuns';
import { autoExportNote, bibFindingMessage, mismatchMessage } from './findingMessages';

export const DIAGNOSTIC_SOURCE = 'Model Atlas';
const DEBOUNCE_MS = 400;

function severity(code: Parameters<typeof severityOf>[0]): vscode.DiagnosticSeverity {
  return severityOf(code) === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export function bibDiagnostics(atlas: AtlasIndex, document: vscode.TextDocument, findings: readonly BibFinding[], autoExportedBy: string | undefined, duplicates: DuplicatePlaces): vscode.Diagnostic[] {
  return findings.map((finding) => {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const message = bibFindingMessage(finding, atlas) + (autoExportedBy ? ` ${autoExportNote(autoExportedBy)}` : '');
    const diagnostic = new vscode.Diagnostic(range, message, severity(finding.code));
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = finding.code;
    if (finding.code === 'duplicate-paper') {
      diagnostic.relatedInformation = (duplicates.get(finding.entryIndex) ?? []).map(
        (other) => new vscode.DiagnosticRelatedInformation(other.location, vscode.l10n.t('the same paper as {0}', other.key)),
      );
    }
    return diagnostic;
  });
}

export function registerBibDiagnostics(service: AtlasService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('modelAtlas.bibliographyCheck');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const refresh = async () => {
    const served = vscode.workspace.textDocuments.filter((d) => isServed(d) && !d.isClosed);
    const bibUris = new Map<string, vscode.Uri>();
    for (const d of vscode.workspace.textDocuments.filter((d) => isBibDocument(d) && !d.isClosed)) {
      bibUris.set(d.uri.toString(), d.uri);
    }
    for (const d of served) {
      for (const uri of await bibliographiesFor(d)) {
        bibUris.set(uri.toString(), uri);
      }
    }
    const next = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
    for (const uri of bibUris.values()) {
      const document = await openBibliography(uri);
      if (!document) {
        continue;
      }
      const { check, duplicates } = await checkBibDocument(service, document);
      next.set(uri.toString(), [uri, bibDiagnostics(await service.atlas(), document, check.findings, check.autoExportedBy, duplicates)]);
    }
    for (const document of served) {
      const { mismatches } = await checkDocument(service, document);
      const atlas = await service.atlas();
      const diagnostics = mismatches.map((m) => {
        const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), mismatchMessage(m, atlas), severity(m.code));
        d.source = DIAGNOSTIC_SOURCE;
        d.code = m.code;
        return d;
      });
      next.set(document.uri.toString(), [document.uri, diagnostics]);
    }
    collection.forEach((uri) => {
      if (!next.has(uri.toString())) {
        collection.delete(uri);
      }
    });
    for (const [uri, diagnostics] of next.values()) {
      collection.set(uri, diagnostics);
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    // One pass at a time: a pass started while another runs waits for it, so results land in order.
    timer = setTimeout(() => (running = running.then(refresh, refresh).catch(() => undefined)), DEBOUNCE_MS);
  };
  const relevant = (d: vscode.TextDocument) => isServed(d) || isBibDocument(d);

  schedule();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => relevant(d) && schedule()),
    vscode.workspace.onDidChangeTextDocument((e) => relevant(e.document) && e.contentChanges.length > 0 && schedule()),
    vscode.workspace.onDidCloseTextDocument((d) => relevant(d) && schedule()),
    service.onDidChange(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => affectsSettings(e) && schedule()),
    { dispose: () => clearTimeout(timer) },
  );
}
