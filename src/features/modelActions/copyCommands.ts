// Copy BibTeX and Copy Citation Key: from a tree item or hover (a model id argument) or a quick pick.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { renderBibtex } from '../../core/bibtex/render';
import type { AtlasService } from '../../shared/atlasService';
import { resolveModel } from '../../shared/modelArguments';
import { settings } from '../../shared/settings';
import { refuseUnfinished } from '../../shared/unfinishedModels';

export function registerCopyCommands(service: AtlasService): vscode.Disposable {
  const copy = async (arg: unknown, text: (m: AtlasModel) => string, done: (name: string) => string) => {
    const model = await resolveModel(service, arg);
    if (!model || refuseUnfinished([model])) {
      return;
    }
    await vscode.env.clipboard.writeText(text(model));
    vscode.window.setStatusBarMessage(done(model.name), 3000);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.copyBibtex', (arg?: unknown) =>
      copy(arg, (m) => renderBibtex(m, settings.bibtexFlavour()), (name) => vscode.l10n.t('Copied the BibTeX entry of {0}', name)),
    ),
    vscode.commands.registerCommand('modelAtlas.copyCitationKey', (arg?: unknown) =>
      copy(arg, (m) => m.bibtex.key, (name) => vscode.l10n.t('Copied the citation key of {0}', name)),
    ),
  );
}
