// Model Atlas: Insert Citation... — cite one or more models in the document's syntax and make sure each has an
// entry in the document's bibliography (two undoable steps at most; see citingEdit). Where it cites: after the
// mention it was run for (hover card, In This Document), else at the cursor, never inside a word.
import * as vscode from 'vscode';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import type { AtlasModel } from '../../core/atlas/atlas';
import { isCitablePlace, outOfWord, planCitationInsertion } from '../../core/citations/citationInsertion';
import type { AtlasService } from '../../shared/atlasService';
import { insertWithCitations } from '../../shared/citingEdit';
import { citationStyleOf, nonProseOf } from '../../shared/documentAnalysis';
import { isServed, syntaxOf } from '../../shared/documentLanguages';
import { mentionOf, modelsFromArguments, type MentionArgument } from '../../shared/modelArguments';
import { pickModelsTicked } from '../../shared/pickModels';
import type { RecentModels } from '../../shared/recentModels';
import { editorToInsertInto } from '../../shared/targetEditor';

/** Set while there is a document to cite into: the palette shows Insert Citation and Export BibTeX only then. */
const CAN_CITE = 'modelAtlas.canCite';

export function registerInsertCitation(service: AtlasService, recent: RecentModels): vscode.Disposable {
  const updateContext = () => void vscode.commands.executeCommand('setContext', CAN_CITE, editorToInsertInto() !== undefined);
  updateContext();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.window.onDidChangeVisibleTextEditors(updateContext),
    vscode.workspace.onDidOpenTextDocument(updateContext), // a document's language may change after it opens
    vscode.workspace.onDidChangeConfiguration(updateContext),
    vscode.commands.registerCommand('modelAtlas.insertCitation', async (arg?: unknown, selection?: unknown) => {
      const mention = mentionOf(arg);
      const editor = mention ? await editorShowing(mention) : editorToInsertInto();
      if (!editor) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown, LaTeX or Typst document to insert a citation.'));
        return false;
      }
      const target = await citationTarget(service, editor, mention, arg, selection);
      if (!target) {
        return false;
      }
      const inserted = await insertCitation(editor, target.models, target.offset);
      if (inserted) {
        for (const model of target.models) {
          await recent.add(model.id);
        }
      }
      return inserted;
    }),
  );
}

interface CitationTarget {
  models: AtlasModel[];
  /** Where to cite; undefined for the editor's cursor. */
  offset?: number;
}

async function citationTarget(service: AtlasService, editor: vscode.TextEditor, mention: MentionArgument | undefined, arg: unknown, selection: unknown): Promise<CitationTarget | undefined> {
  const document = editor.document;
  const atlas = await service.atlas();
  const fromArgs = modelsFromArguments(atlas, arg, selection);
  if (mention) {
    if (fromArgs.length === 0) {
      return undefined;
    }
    const range = new vscode.Range(mention.line, mention.start, mention.line, mention.end);
    if (document.getText(range) !== mention.text) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer at line {1}: the document changed. Try again from the mention.', mention.text, mention.line + 1));
      return undefined;
    }
    return { models: fromArgs, offset: document.offsetAt(range.end) };
  }
  if (fromArgs.length > 0) {
    // Run from the Models view or a details page: the cursor was left wherever it was.
    const offset = outOfWord(document.getText(), document.offsetAt(editor.selection.active));
    if (!isCitablePlace(document.getText(), offset, syntaxOf(document), nonProseOf(document))) {
      const position = document.positionAt(offset);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The cursor in {0} is not in the text (line {1}, column {2}). Click where the citation goes, then cite again.', vscode.workspace.asRelativePath(document.uri), position.line + 1, position.character + 1),
      );
      return undefined;
    }
    return { models: fromArgs, offset };
  }
  // From the editor: a selected name comes ticked, and is cited after the selection.
  const selected = editor.selection.isEmpty ? [] : modelsNamedIn(atlas, document.getText(editor.selection));
  const models = await pickModelsTicked(atlas, vscode.l10n.t('Insert Citation'), selected);
  if (!models || models.length === 0) {
    return undefined;
  }
  return { models, offset: selected.length > 0 ? document.offsetAt(editor.selection.end) : undefined };
}

/** The models a selection names: the whole selection as a name, else each mention in it. */
function modelsNamedIn(atlas: AtlasIndex, text: string): AtlasModel[] {
  const whole = atlas.lookup(text.trim());
  if (whole) {
    return [whole];
  }
  const ids = [...new Set(atlas.matcher.find(text).map((m) => m.modelId))];
  return ids.map((id) => atlas.get(id));
}

/** The editor showing the mention's document, opened if need be. */
async function editorShowing(mention: MentionArgument): Promise<vscode.TextEditor | undefined> {
  const uri = vscode.Uri.parse(mention.uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = visible ?? (await vscode.window.showTextDocument(uri, { preserveFocus: true }).then((e) => e, () => undefined));
  return editor && isServed(editor.document) ? editor : undefined;
}

/**
 * Cites `models` at `offset` (the editor's cursor when undefined); returns whether the citation was inserted.
 * `offset` is in the text as it is now: an append to references in the document's own front matter moves it.
 */
export function insertCitation(editor: vscode.TextEditor, models: readonly AtlasModel[], offset?: number): Promise<boolean> {
  const document = editor.document;
  return insertWithCitations(editor, models, (keys, moved) => {
    const at = offset !== undefined ? moved(offset) : document.offsetAt(editor.selection.active);
    const insertion = planCitationInsertion(document.getText(), at, syntaxOf(document), keys, citationStyleOf(document));
    if (!insertion) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Already cited here: {0}', models.map((m) => m.name).join(', ')), 5000);
    }
    return insertion;
  });
}
