// Copy BibTeX and Copy Citation Key: from a tree item or hover (a model id argument) or a quick pick. The key is
// the one the document in front cites the paper by: its .bib's own key where it holds the paper.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { renderBibtex } from '../../core/bibtex/render';
import { keyToCite } from '../../core/citations/citationKeys';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies, readableBibs } from '../../shared/bibliography/parsedBibs';
import { resolveModel } from '../../shared/modelArguments';
import { settings } from '../../shared/settings';
import { editorToInsertInto } from '../../shared/targetEditor';
import { refuseUnfinished } from '../../shared/unfinishedModels';

export function registerCopyCommands(service: AtlasService): vscode.Disposable {
  const copy = async (arg: unknown, text: (m: AtlasModel) => Promise<{ text: string; done: string }>) => {
    const model = await resolveModel(service, arg);
    if (!model || refuseUnfinished([model])) {
      return undefined;
    }
    const copied = await text(model);
    await vscode.env.clipboard.writeText(copied.text);
    vscode.window.setStatusBarMessage(copied.done, 3000);
    return copied.text;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.copyBibtex', (arg?: unknown) =>
      copy(arg, async (m) => ({ text: renderBibtex(m, settings.bibtexFlavour()), done: vscode.l10n.t('Copied the BibTeX entry of {0}', m.name) })),
    ),
    vscode.commands.registerCommand('modelAtlas.copyCitationKey', (arg?: unknown) => copy(arg, citationKeyFor)),
  );
}

/** The key the document in front would cite the model by (see keyToCite); the atlas key without one. */
async function citationKeyFor(model: AtlasModel): Promise<{ text: string; done: string }> {
  const document = editorToInsertInto()?.document;
  const loaded = document ? await loadBibliographies(document) : [];
  const key = keyToCite(readableBibs(loaded), model);
  if (key === model.bibtex.key || loaded.length === 0) {
    return { text: key, done: vscode.l10n.t('Copied the citation key of {0}', model.name) };
  }
  return { text: key, done: vscode.l10n.t('Copied {0}, the key {1} cites {2} by', key, vscode.workspace.asRelativePath(loaded[0].uri), model.name) };
}
