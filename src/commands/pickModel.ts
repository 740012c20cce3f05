import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { firstAuthorEtAl } from '../core/atlas';
import type { AtlasIndex } from '../core/atlasIndex';

interface ModelPick extends vscode.QuickPickItem {
  model: AtlasModel;
}

/** A quick pick over the atlas, matched by name, aliases, title, first author, organizations and year. */
export async function pickModel(atlas: AtlasIndex): Promise<AtlasModel | undefined> {
  const items: ModelPick[] = [...atlas.models].reverse().map((model) => ({
    model,
    label: model.name,
    description: `${model.paper.date.slice(0, 4)} · ${model.organizations.join(', ')}`,
    detail: `${model.paper.title} — ${firstAuthorEtAl(model)}${model.aliases?.length ? ` · ${model.aliases.join(', ')}` : ''}`,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Choose a model'),
    placeHolder: vscode.l10n.t('Type a name, title, author, organization or year'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.model;
}
