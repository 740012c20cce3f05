// The quiet "Not in the atlas: add it" action (no diagnostic) on a model-like name the atlas lacks: New Model
// Entry with the name, or with the document's own .bib entry when the name is cited right after it.
import * as vscode from 'vscode';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { atlasModelOfBibKey, entryWithKey } from '../../core/citations/citationKeys';
import { citationKeyAt } from '../../core/citations/citationContext';
import { isInside } from '../../core/documents/ranges';
import { citationAfter, modelLikeNameAt } from '../../core/mentions/modelLikeNames';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies } from '../../shared/bibliography/parsedBibs';
import { nonProseOf } from '../../shared/documentAnalysis';
import { registerForServedLanguages, syntaxOf } from '../../shared/documentLanguages';
import type { NewEntryArgs } from './atlasEntryCommands';

export const ADD_TO_ATLAS = vscode.CodeActionKind.QuickFix.append('modelAtlas.addToAtlas');

export function registerUnknownModelAction(service: AtlasService): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, range) {
      // New Model Entry writes a workspace file that Restricted Mode does not read.
      if (!vscode.workspace.isTrusted || range.start.line !== range.end.line) {
        return [];
      }
      const text = document.getText();
      const offset = document.offsetAt(range.start);
      const syntax = syntaxOf(document);
      const name = modelLikeNameAt(text, offset);
      const atlas = await service.atlas();
      if (!name || isInside(nonProseOf(document), name.start) || citationKeyAt(text, offset, syntax) || isKnown(atlas, text, name)) {
        return [];
      }
      const add = (title: string, args: NewEntryArgs) => {
        const action = new vscode.CodeAction(title, ADD_TO_ATLAS);
        action.command = { title, command: 'modelAtlas.newModelEntry', arguments: [args] };
        return action;
      };
      const actions = [add(vscode.l10n.t('Not in the atlas: add {0}', name.name), { name: name.name })];
      const cited = citationAfter(text, name, syntax);
      if (cited) {
        for (const { uri, bib } of await loadBibliographies(document)) {
          const entry = bib && entryWithKey([bib], cited.key);
          if (bib && entry && !atlasModelOfBibKey(atlas, [bib], entry.key)) {
            const title = vscode.l10n.t('Not in the atlas: add {0} from {1} in {2}', name.name, entry.key, vscode.workspace.asRelativePath(uri));
            actions.unshift(add(title, { name: name.name, fromBib: { bib: uri, key: entry.key } }));
            break;
          }
        }
      }
      return actions;
    },
  };
  return registerForServedLanguages((selector) => vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: [ADD_TO_ATLAS] }));
}

/** The atlas knows the name, or a name of its stands inside the word (LLaVA-1.5 in "LLaVA-1.5-13B"). */
function isKnown(atlas: AtlasIndex, text: string, name: { name: string; start: number; end: number }): boolean {
  return atlas.lookup(name.name) !== undefined || atlas.matcher.find(text, name.start, name.end).length > 0;
}
