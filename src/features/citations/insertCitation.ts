// Model Atlas: Insert Citation... — cite one or more models at the cursor in the document's syntax and
// make sure each has an entry in the document's bibliography (two undoable steps at most; see citingEdit).
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { planCitationInsertion } from '../../core/citations/citationInsertion';
import type { AtlasService } from '../../shared/atlasService';
import { insertWithCitations } from '../../shared/citingEdit';
import { syntaxOf } from '../../shared/documentLanguages';
import { modelsFromArguments } from '../../shared/modelArguments';
import { pickModels } from '../../shared/pickModels';
import type { RecentModels } from '../../shared/recentModels';
import { settings } from '../../shared/settings';
import { editorToInsertInto } from '../../shared/targetEditor';

export function registerInsertCitation(service: AtlasService, recent: RecentModels): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.insertCitation', async (arg?: unknown, selection?: unknown) => {
    const editor = editorToInsertInto();
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown or LaTeX document to insert a citation.'));
      return false;
    }
    const atlas = await service.atlas();
    const fromArgs = modelsFromArguments(atlas, arg, selection);
    const models = fromArgs.length > 0 ? fromArgs : await pickModels(atlas, vscode.l10n.t('Insert Citation'));
    if (models.length === 0) {
      return false;
    }
    const inserted = await insertCitation(editor, models);
    if (inserted) {
      for (const model of models) {
        await recent.add(model.id);
      }
    }
    return inserted;
  });
}

export interface CitationOptions {
  /** Put before a new citation, e.g. "~" after a model name in LaTeX. */
  lead?: string;
}

/** Cites `models` at the editor's cursor; returns whether the citation was inserted. */
export function insertCitation(editor: vscode.TextEditor, models: readonly AtlasModel[], options: CitationOptions = {}): Promise<boolean> {
  const document = editor.document;
  return insertWithCitations(editor, models, (keys) => {
    const offset = document.offsetAt(editor.selection.active);
    const insertion = planCitationInsertion(document.getText(), offset, syntaxOf(document), keys, settings.citationCommand(document.uri));
    if (!insertion) {
      return undefined; // every key is already cited here
    }
    const isNew = insertion.text.startsWith('\\') || insertion.text.startsWith('[');
    return { offset: insertion.offset, text: (isNew ? options.lead ?? '' : '') + insertion.text };
  });
}
