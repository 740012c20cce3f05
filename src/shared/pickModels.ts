import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import type { AtlasIndex } from '../core/atlas/atlasIndex';
import { escapeIcons } from '../core/presentation/markdown';
import { finishedFirst, isUnfinished } from '../core/userAtlas/unfinished';

interface ModelPick extends vscode.QuickPickItem {
  model: AtlasModel;
}

function toPick(model: AtlasModel): ModelPick {
  return {
    model,
    label: escapeIcons(model.name),
    description: escapeIcons(`${model.paper.date.slice(0, 4)} · ${model.organizations.join(', ')}`),
    // Every author, so the pick matches any of them (VS Code shortens the line on screen).
    detail: escapeIcons(`${model.paper.title} — ${model.paper.authors.join(', ')}${model.aliases?.length ? ` · ${model.aliases.join(', ')}` : ''}`),
  };
}

/**
 * A quick pick over the atlas, newest first (entries that are not finished last), matched by name, aliases,
 * title, first author, organizations and year.
 */
export async function pickModel(atlas: AtlasIndex): Promise<AtlasModel | undefined> {
  const picked = await vscode.window.showQuickPick(finishedFirst([...atlas.models].reverse()).map(toPick), {
    title: vscode.l10n.t('Choose a model'),
    placeHolder: vscode.l10n.t('Type a name, title, author, organization or year'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.model;
}

/** The same quick pick with multi-select, for citing several models at once. */
export async function pickModels(atlas: AtlasIndex, title: string): Promise<AtlasModel[]> {
  return (await pickModelsTicked(atlas, title, [])) ?? [];
}

type PickItem = ModelPick | (vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator });

/**
 * The multi-select pick with `ticked` (the models the document mentions, or the selected name) listed first and
 * already ticked, then the rest of the atlas newest first. It picks models to cite: entries that are not
 * finished are left out. Returns the chosen models in the order they were ticked (the pre-ticked first), so
 * that a citation of several lists them as picked; undefined when cancelled.
 */
export function pickModelsTicked(atlas: AtlasIndex, title: string, ticked: readonly AtlasModel[]): Promise<AtlasModel[] | undefined> {
  const tickedIds = new Set(ticked.map((m) => m.id));
  const citable = ticked.filter((m) => !isUnfinished(m));
  const rest = [...atlas.models].reverse().filter((m) => !tickedIds.has(m.id) && !isUnfinished(m)).map(toPick);
  const separator = (label: string): PickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const first = citable.map((m) => ({ ...toPick(m), picked: true }));
  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Type a name, title, author, organization or year');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.canSelectMany = true;
  pick.items = citable.length > 0 ? [separator(vscode.l10n.t('In this document')), ...first, separator(vscode.l10n.t('All models')), ...rest] : rest;
  pick.selectedItems = first;
  let order = [...citable];
  const modelsOf = (items: readonly PickItem[]) => items.filter((p): p is ModelPick => 'model' in p).map((p) => p.model);
  return new Promise((resolve) => {
    let chosen: AtlasModel[] | undefined;
    pick.onDidChangeSelection((items) => {
      const now = modelsOf(items);
      const ids = new Set(now.map((m) => m.id));
      order = order.filter((m) => ids.has(m.id)).concat(now.filter((m) => !order.some((o) => o.id === m.id)));
    });
    pick.onDidAccept(() => {
      const ids = new Set(modelsOf(pick.selectedItems).map((m) => m.id));
      chosen = order.filter((m) => ids.has(m.id));
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
