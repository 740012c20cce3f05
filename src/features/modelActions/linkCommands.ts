// Open Paper and Open Code: the entry's arXiv page or code repository in the browser.
import * as vscode from 'vscode';
import { paperUrl, type AtlasModel } from '../../core/atlas/atlas';
import type { AtlasService } from '../../shared/atlasService';
import { resolveModel } from '../../shared/modelArguments';

export function registerLinkCommands(service: AtlasService): vscode.Disposable {
  const open = async (arg: unknown, url: (m: AtlasModel) => string | undefined, missing: (m: AtlasModel) => string): Promise<boolean> => {
    const model = await resolveModel(service, arg);
    if (!model) {
      return false;
    }
    const target = url(model);
    if (!target) {
      void vscode.window.showInformationMessage(missing(model));
      return false;
    }
    return vscode.env.openExternal(vscode.Uri.parse(target));
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.openPaper', (arg?: unknown) =>
      open(arg, paperUrl, (m) => vscode.l10n.t('The atlas has no paper link for {0}.', m.name)),
    ),
    vscode.commands.registerCommand('modelAtlas.openCode', (arg?: unknown) =>
      open(arg, (m) => m.links?.code, (m) => vscode.l10n.t('The atlas has no code link for {0}.', m.name)),
    ),
  );
}
