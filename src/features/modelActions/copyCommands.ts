// Copy BibTeX and Copy Citation Key: from a tree item or hover (a model id argument) or a quick pick.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { renderBibtex } from '../../core/bibtex/render';
import type { AtlasService } from '../../shared/atlasService';
import { pickModel } from '../../shared/pickModels';

export function registerCopyCommands(service: AtlasService): vscode.Disposable {
  const copy = async (arg: unknown, text: (m: AtlasModel) => string, done: (name: string) => string) => {
    const model = await resolveModel(service, arg);
    if (!model) {
      return;
    }
    await vscode.env.clipboard.writeText(text(model));
    vscode.window.setStatusBarMessage(done(model.name), 3000);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.copyBibtex', (arg?: unknown) =>
      copy(arg, (m) => renderBibtex(m, bibtexFlavour()), (name) => vscode.l10n.t('Copied the BibTeX entry of {0}', name)),
    ),
    vscode.commands.registerCommand('modelAtlas.copyCitationKey', (arg?: unknown) =>
      copy(arg, (m) => m.bibtex.key, (name) => vscode.l10n.t('Copied the citation key of {0}', name)),
    ),
  );
}

/** The BibTeX flavour set for `scope` (a resource setting: a folder of a multi-root workspace may set its own). */
export function bibtexFlavour(scope?: vscode.Uri): 'authors' | 'arxiv' | 'venue' {
  return vscode.workspace.getConfiguration('modelAtlas', scope).get('bibtex.flavour', 'authors');
}

/** A model from a command argument (an id, or an object with `modelId`), or from a quick pick. */
export async function resolveModel(service: AtlasService, arg: unknown): Promise<AtlasModel | undefined> {
  const id = typeof arg === 'string' ? arg : (arg as { modelId?: unknown } | undefined)?.modelId;
  if (typeof id === 'string') {
    const model = service.atlas.byIdOrUndefined(id);
    if (!model) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No model with id {0} in the atlas.', id));
    }
    return model;
  }
  return pickModel(service.atlas);
}
