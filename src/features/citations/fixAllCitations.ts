// "Fix all" for the citation diagnostics of a document: every missing entry appended to its .bib in one append,
// then every atlas key the .bib holds under another key replaced in one edit (a quick fix, and source.fixAll).
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { findCitationProblems } from '../../core/citations/citationFindings';
import type { AtlasService } from '../../shared/atlasService';
import { reportAppend } from '../../shared/bibliography/appendReport';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { loadBibliographies, type LoadedBibliography } from '../../shared/bibliography/parsedBibs';
import { nonProseOf } from '../../shared/documentAnalysis';
import { registerForServedLanguages, syntaxOf } from '../../shared/documentLanguages';
import { DIAGNOSTIC_SOURCE, MISSING_ENTRY, STORED_UNDER_OTHER_KEY } from './citationDiagnostics';

const FIX_ALL = 'modelAtlas.internal.fixAllCitations';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('modelAtlas');
const FIXABLE = new Set<unknown>([MISSING_ENTRY, STORED_UNDER_OTHER_KEY]);

function isFixable(diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && FIXABLE.has(code);
}

export function registerFixAllCitations(service: AtlasService): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const fixable = vscode.languages.getDiagnostics(document.uri).filter(isFixable);
      // On save (source.fixAll) whenever there is something to fix; as a quick fix only beside more than one.
      const onSave = context.only !== undefined && FIX_ALL_KIND.intersects(context.only);
      const asQuickFix = (context.only === undefined || context.only.contains(vscode.CodeActionKind.QuickFix)) && fixable.length > 1 && context.diagnostics.some(isFixable);
      if (!(onSave ? fixable.length > 0 : asQuickFix)) {
        return [];
      }
      const kind = onSave ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix;
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all {0} citation problems in this file', fixable.length), kind);
      action.command = { title: action.title, command: FIX_ALL, arguments: [document.uri] };
      action.diagnostics = fixable;
      return [action];
    },
  };
  return vscode.Disposable.from(
    registerForServedLanguages((selector) => vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] })),
    vscode.commands.registerCommand(FIX_ALL, (uri: vscode.Uri) => fixAll(service, uri)),
  );
}

/** Works the problems out afresh from the document and its .bib (diagnostics reach us as copies); returns how many it fixed. */
async function fixAll(service: AtlasService, uri: vscode.Uri): Promise<number> {
  const document = await vscode.workspace.openTextDocument(uri);
  const atlas = (await service.atlas());
  let loaded: LoadedBibliography[] = [];
  const findings = await findCitationProblems({
    text: document.getText(),
    syntax: syntaxOf(document),
    nonProse: nonProseOf(document),
    atlas,
    uncitedMentionHints: false,
    mentions: () => [],
    bibliographies: async () => (loaded = await loadBibliographies(document)).map((b) => b.bib),
  });
  const version = document.version;
  const target = loaded[0];
  if (!target || findings.length === 0) {
    return 0;
  }
  const missing = new Map<string, AtlasModel>();
  for (const finding of findings) {
    if (finding.code === 'missing-bib-entry') {
      missing.set(finding.modelId, atlas.get(finding.modelId));
    }
  }
  if (missing.size > 0) {
    const plan = await planBibliography(target.uri, [...missing.values()], loaded.map((b) => b.uri));
    if (!(await applyBibliographyPlan(plan))) {
      return 0; // it said why
    }
    reportAppend(plan);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const finding of findings) {
    if (finding.code === 'stored-under-other-key') {
      edit.replace(uri, new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)), finding.storedKey);
    }
  }
  if (edit.size > 0) {
    if (document.version !== version || !(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The document changed meanwhile, so its keys were left as they are. Run the fix again.'));
      return missing.size;
    }
  }
  return missing.size + edit.get(uri).length;
}
