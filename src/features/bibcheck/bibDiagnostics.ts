// Check Bibliography's diagnostics in each .bib an open document uses and citation-mismatch in documents,
// debounced: an edited document with its .bib files; everything open after a .bib edit, a close or a setting.
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
  /** The served documents edited since the last pass, or 'all' when every file must be checked again. */
  let pending: Set<vscode.TextDocument> | 'all' = 'all';

  const bibDiagnosticsOf = async (uri: vscode.Uri): Promise<[vscode.Uri, vscode.Diagnostic[]] | undefined> => {
    const document = await openBibliography(uri);
    if (!document) {
      return undefined;
    }
    const { check, duplicates } = await checkBibDocument(service, document);
    return [uri, bibDiagnostics(await service.atlas(), document, check.findings, check.autoExportedBy, duplicates)];
  };
  const mismatchDiagnosticsOf = async (document: vscode.TextDocument): Promise<[vscode.Uri, vscode.Diagnostic[]]> => {
    const { mismatches } = await checkDocument(service, document);
    const atlas = await service.atlas();
    const diagnostics = mismatches.map((m) => {
      const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), mismatchMessage(m, atlas), severity(m.code));
      d.source = DIAGNOSTIC_SOURCE;
      d.code = m.code;
      return d;
    });
    return [document.uri, diagnostics];
  };

  /** Every open .bib, every .bib an open document names, and every open document. */
  const refreshAll = async () => {
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
      const found = await bibDiagnosticsOf(uri);
      if (found) {
        next.set(uri.toString(), found);
      }
    }
    for (const document of served) {
      next.set(document.uri.toString(), await mismatchDiagnosticsOf(document));
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
  /** An edited document: its own citations and the .bib files it names; other files keep their diagnostics. */
  const refreshEdited = async (documents: ReadonlySet<vscode.TextDocument>) => {
    for (const document of documents) {
      if (document.isClosed) {
        continue;
      }
      for (const uri of await bibliographiesFor(document)) {
        const found = await bibDiagnosticsOf(uri);
        if (found) {
          collection.set(...found);
        }
      }
      collection.set(...(await mismatchDiagnosticsOf(document)));
    }
  };
  const refresh = () => {
    const work = pending;
    pending = new Set();
    return work === 'all' ? refreshAll() : refreshEdited(work);
  };
  const schedule = (edited?: vscode.TextDocument) => {
    if (edited && pending !== 'all') {
      pending.add(edited);
    } else {
      pending = 'all';
    }
    clearTimeout(timer);
    // One pass at a time: a pass started while another runs waits for it, so results land in order.
    timer = setTimeout(() => (running = running.then(refresh, refresh).catch(() => undefined)), DEBOUNCE_MS);
  };
  const relevant = (d: vscode.TextDocument) => isServed(d) || isBibDocument(d);
  // A .bib's findings reach every document that names it (duplicates, citation-mismatch): check them all.
  const edited = (d: vscode.TextDocument) => schedule(isServed(d) && !isBibDocument(d) ? d : undefined);

  schedule();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => relevant(d) && edited(d)),
    vscode.workspace.onDidChangeTextDocument((e) => relevant(e.document) && e.contentChanges.length > 0 && edited(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => relevant(d) && schedule()),
    service.onDidChange(() => schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => affectsSettings(e) && schedule()),
    { dispose: () => clearTimeout(timer) },
  );
}
