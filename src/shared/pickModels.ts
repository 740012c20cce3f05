// The model pickers: a quick pick over the atlas, newest first. VS Code's own matching is by substring of the
// label, description and detail; the atlas filter's matches (core/atlas/modelFilter) are shown as well, so a
// year, an organisation's canonical name, an architecture word or a spelling without hyphens finds the model.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import type { AtlasIndex } from '../core/atlas/atlasIndex';
import { matchesFilter } from '../core/atlas/modelFilter';
import { escapeIcons } from '../core/presentation/markdown';
import { finishedFirst, isUnfinished } from '../core/userAtlas/unfinished';

interface ModelPick extends vscode.QuickPickItem {
  model: AtlasModel;
}

type PickItem = ModelPick | (vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator });

function toPick(model: AtlasModel): ModelPick {
  return {
    model,
    label: escapeIcons(model.name),
    description: escapeIcons(`${model.paper.date.slice(0, 4)} · ${model.organizations.join(', ')}`),
    // Every author, so the pick matches any of them (VS Code shortens the line on screen).
    detail: escapeIcons(`${model.paper.title} — ${model.paper.authors.join(', ')}${model.aliases?.length ? ` · ${model.aliases.join(', ')}` : ''}`),
  };
}

const isModelPick = (item: PickItem): item is ModelPick => 'model' in item;

/**
 * A quick pick over the atlas, newest first (entries that are not finished last), matched by name, aliases,
 * title, authors, organisations and year.
 */
export async function pickModel(atlas: AtlasIndex): Promise<AtlasModel | undefined> {
  const picked = await showPick(finishedFirst([...atlas.models].reverse()).map(toPick), { title: vscode.l10n.t('Choose a model'), canPickMany: false });
  return picked?.[0];
}

/** The same quick pick with multi-select, for citing several models at once. */
export async function pickModels(atlas: AtlasIndex, title: string): Promise<AtlasModel[]> {
  return (await pickModelsTicked(atlas, title, [])) ?? [];
}

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
  const items: PickItem[] =
    citable.length > 0
      ? [separator(vscode.l10n.t('In this document')), ...citable.map((m) => ({ ...toPick(m), picked: true })), separator(vscode.l10n.t('All models')), ...rest]
      : rest;
  return showPick(items, { title, canPickMany: true });
}

/** Shows the pick; resolves with the chosen models in the order they were ticked, or undefined when dismissed. */
function showPick(all: readonly PickItem[], options: { title: string; canPickMany: boolean }): Promise<AtlasModel[] | undefined> {
  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = options.title;
  pick.placeholder = vscode.l10n.t('Type a name, title, author, organization or year');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.canSelectMany = options.canPickMany;
  pick.items = all;
  const modelsOf = (items: readonly PickItem[]) => items.filter(isModelPick).map((item) => item.model);
  let order: AtlasModel[] = [];
  if (options.canPickMany) {
    pick.selectedItems = all.filter((item) => item.picked);
    order = modelsOf(pick.selectedItems);
  }
  const onSelection = pick.onDidChangeSelection((items) => {
    const now = modelsOf(items);
    const ids = new Set(now.map((m) => m.id));
    order = order.filter((m) => ids.has(m.id)).concat(now.filter((m) => !order.some((o) => o.id === m.id)));
  });
  // A change of the filter text marks the atlas filter's matches to be shown, keeping what is ticked. The items
  // are replaced only when those matches change: a replacement computed before a tick reaches this host would
  // clear that tick on screen.
  let shown = '';
  const onValue = pick.onDidChangeValue((value) => {
    const matches = new Set(value.trim() === '' ? [] : modelsOf(all).filter((m) => matchesFilter(m, value)).map((m) => m.id));
    const matchIds = [...matches].join('\n');
    if (matchIds === shown) {
      return;
    }
    shown = matchIds;
    const ticked = new Set(pick.selectedItems.filter(isModelPick).map((item) => item.model.id));
    const items = all.map((item) =>
      isModelPick(item) ? { ...item, picked: ticked.has(item.model.id), alwaysShow: matches.has(item.model.id) } : item,
    );
    pick.items = items;
    if (options.canPickMany) {
      pick.selectedItems = items.filter((item) => isModelPick(item) && ticked.has(item.model.id));
    }
  });
  return new Promise((resolve) => {
    let chosen: AtlasModel[] | undefined;
    const onAccept = pick.onDidAccept(() => {
      if (options.canPickMany) {
        const ids = new Set(modelsOf(pick.selectedItems).map((m) => m.id));
        chosen = order.filter((m) => ids.has(m.id));
      } else {
        chosen = modelsOf(pick.activeItems.slice(0, 1));
      }
      pick.hide();
    });
    const onHide = pick.onDidHide(() => {
      resolve(chosen);
      vscode.Disposable.from(onSelection, onValue, onAccept, onHide, pick).dispose();
    });
    pick.show();
  });
}
