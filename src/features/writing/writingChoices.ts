// What the writing aids ask before inserting: the models (from the tree or a pick with the document's ticked),
// the columns and the grouping (remembered per workspace); scripts pass `{ models, columns, groupBy }`.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { DEFAULT_TABLE_COLUMNS, isTableColumn, TABLE_COLUMNS, type TableColumn, type WritingSyntax } from '../../core/writing/comparisonTable';
import { isOutlineGrouping, type OutlineGrouping } from '../../core/writing/relatedWorkOutline';
import type { AtlasService } from '../../shared/atlasService';
import { modelsInDocument } from '../../shared/documentAnalysis';
import { syntaxOf } from '../../shared/documentLanguages';
import { modelsFromArguments } from '../../shared/modelArguments';
import { pickModelsTicked } from '../../shared/pickModels';
import { editorToInsertInto } from '../../shared/targetEditor';
import { groupingLabels, tableColumnLabels } from './writingLabels';

const COLUMNS_KEY = 'modelAtlas.writing.tableColumns';
const GROUPING_KEY = 'modelAtlas.writing.outlineGrouping';

export interface WritingArguments {
  models?: unknown;
  columns?: unknown;
  groupBy?: unknown;
}

/** The `{ models, columns, groupBy }` object a script passes, as opposed to a model id or tree item. */
export function writingArguments(arg: unknown): WritingArguments | undefined {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && 'models' in arg ? (arg as WritingArguments) : undefined;
}

/** The Markdown, LaTeX or Typst editor to insert into (editorToInsertInto), or a warning when there is none. */
export function writingEditor(): vscode.TextEditor | undefined {
  const editor = editorToInsertInto();
  if (!editor || syntaxOf(editor.document) === 'plain') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown, LaTeX or Typst document to insert into.'));
    return undefined;
  }
  return editor;
}

export function writingSyntax(document: vscode.TextDocument): WritingSyntax {
  const syntax = syntaxOf(document);
  return syntax === 'latex' || syntax === 'typst' ? syntax : 'markdown';
}

/** The models from the arguments, else from a pick with the models the document mentions ticked. */
export async function chooseModels(service: AtlasService, document: vscode.TextDocument, title: string, target: unknown, selection: unknown): Promise<AtlasModel[]> {
  const atlas = await service.atlas();
  const scripted = writingArguments(target);
  if (scripted) {
    return modelsFromArguments(atlas, scripted.models);
  }
  const fromArgs = modelsFromArguments(atlas, target, selection);
  if (fromArgs.length > 0) {
    return fromArgs;
  }
  return (await pickModelsTicked((await service.atlas()), title, await modelsInDocument(service, document))) ?? [];
}

/** The table's columns: given, or picked with the last choice ticked (the defaults, which fit a page, the first time). */
export async function chooseColumns(memento: vscode.Memento, given: unknown): Promise<TableColumn[] | undefined> {
  if (Array.isArray(given)) {
    return TABLE_COLUMNS.filter((c) => given.includes(c));
  }
  const remembered = memento.get<unknown[]>(COLUMNS_KEY)?.filter(isTableColumn) ?? DEFAULT_TABLE_COLUMNS;
  const labels = tableColumnLabels();
  const picked = await vscode.window.showQuickPick(
    TABLE_COLUMNS.map((column) => ({ column, label: labels[column], picked: remembered.includes(column) })),
    { title: vscode.l10n.t('Columns of the comparison table'), placeHolder: vscode.l10n.t('The model column is always included'), canPickMany: true },
  );
  if (!picked) {
    return undefined;
  }
  const columns = picked.map((p) => p.column);
  await memento.update(COLUMNS_KEY, columns);
  return columns;
}

/** The outline's grouping: given, or picked with the last choice first. */
export async function chooseGrouping(memento: vscode.Memento, given: unknown): Promise<OutlineGrouping | undefined> {
  if (isOutlineGrouping(given)) {
    return given;
  }
  const last = memento.get<unknown>(GROUPING_KEY);
  const labels = groupingLabels();
  const order: OutlineGrouping[] = last === 'architecture' ? ['architecture', 'family'] : ['family', 'architecture'];
  const picked = await vscode.window.showQuickPick(
    order.map((grouping) => ({ grouping, label: labels[grouping] })),
    { title: vscode.l10n.t('Group the outline') },
  );
  if (picked) {
    await memento.update(GROUPING_KEY, picked.grouping);
  }
  return picked?.grouping;
}
