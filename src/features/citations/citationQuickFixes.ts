// Quick fixes for the citation diagnostics. The facts are worked out again from the document and its
// .bib rather than carried on the diagnostic, since diagnostics come back to us as copies.
import * as vscode from 'vscode';
import { keyInAny } from '../../core/citations/citationKeys';
import type { AtlasService } from '../../shared/atlasService';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { loadBibliographies, readableBibs } from '../../shared/bibliography/parsedBibs';
import { registerForServedLanguages } from '../../shared/documentLanguages';
import { syntaxOf } from '../../shared/documentLanguages';
import { refuseUnfinished } from '../../shared/unfinishedModels';
import { DIAGNOSTIC_SOURCE, MISSING_ENTRY, STORED_UNDER_OTHER_KEY, UNCITED_MENTION } from './citationDiagnostics';
import { insertCitation } from './insertCitation';

const ADD_ENTRY = 'modelAtlas.internal.addBibEntry';
const CITE_MENTION = 'modelAtlas.internal.citeMention';

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

export function registerCitationQuickFixes(service: AtlasService): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) {
        return [];
      }
      const atlas = await service.atlas();
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours.filter((d) => codeOf(d) === UNCITED_MENTION)) {
        const model = atlas.lookup(document.getText(diagnostic.range));
        if (model) {
          const action = new vscode.CodeAction(vscode.l10n.t('Cite {0} after this mention', model.name), vscode.CodeActionKind.QuickFix);
          action.command = { title: action.title, command: CITE_MENTION, arguments: [document.uri, diagnostic.range.end, model.id] };
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
      const bibliographies = await loadBibliographies(document);
      const target = bibliographies[0];
      if (!target) {
        return actions;
      }
      const fileName = vscode.workspace.asRelativePath(target.uri, false);
      for (const diagnostic of ours) {
        const model = atlas.byCitationKey(document.getText(diagnostic.range));
        if (!model) {
          continue;
        }
        const code = codeOf(diagnostic);
        if (code === MISSING_ENTRY) {
          const action = new vscode.CodeAction(vscode.l10n.t('Add BibTeX entry for {0} to {1}', model.name, fileName), vscode.CodeActionKind.QuickFix);
          action.command = { title: action.title, command: ADD_ENTRY, arguments: [target.uri, model.id, document.uri] };
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        } else if (code === STORED_UNDER_OTHER_KEY) {
          const stored = keyInAny(readableBibs(bibliographies), model);
          if (stored) {
            const action = new vscode.CodeAction(vscode.l10n.t('Use the existing key {0}', stored), vscode.CodeActionKind.QuickFix);
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(document.uri, diagnostic.range, stored);
            action.diagnostics = [diagnostic];
            action.isPreferred = true;
            actions.push(action);
          }
        }
      }
      return actions;
    },
  };
  return vscode.Disposable.from(
    registerForServedLanguages((selector) => vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] })),
    vscode.commands.registerCommand(ADD_ENTRY, async (bibUri: vscode.Uri, modelId: string, documentUri?: vscode.Uri) => {
      const model = (await service.atlas()).byIdOrUndefined(modelId);
      if (!model || refuseUnfinished([model])) {
        return false;
      }
      const citing = vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentUri?.toString());
      // The key in the text stays as written: the appended entry carries the atlas key, which is what is cited.
      const plan = await planBibliography(bibUri, [model], [], { citing, keepAtlasKey: () => true });
      return applyBibliographyPlan(plan);
    }),
    vscode.commands.registerCommand(CITE_MENTION, async (uri: vscode.Uri, at: vscode.Position, modelId: string) => {
      const model = (await service.atlas()).byIdOrUndefined(modelId);
      if (!model) {
        return false;
      }
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      return insertCitation(editor, [model], editor.document.offsetAt(at));
    }),
  );
}
