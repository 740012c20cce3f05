// Model Atlas: Export BibTeX... — every atlas model cited or mentioned in the current document, into a
// chosen .bib, merged without duplicates (papers already there under any key are skipped).
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { isInside } from '../../core/documents/documentRegions';
import type { AtlasService } from '../../shared/atlasService';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { citedKeysOf, mentionsOf, nonProseOf } from '../../shared/documentAnalysis';

export function modelsInDocument(service: AtlasService, document: vscode.TextDocument): AtlasModel[] {
  const atlas = service.atlas;
  const ids = new Set<string>();
  for (const key of citedKeysOf(document)) {
    const model = atlas.byCitationKey(key);
    if (model) {
      ids.add(model.id);
    }
  }
  const skip = nonProseOf(document);
  for (const mention of mentionsOf(document, atlas.matcher)) {
    if (!isInside(skip, mention.start)) {
      ids.add(mention.modelId);
    }
  }
  return atlas.models.filter((m) => ids.has(m.id));
}

export function registerExportBibtex(service: AtlasService): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.exportBibtex', async (target?: vscode.Uri) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown or LaTeX document to export its BibTeX.'));
      return 0;
    }
    const models = modelsInDocument(service, document);
    if (models.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document neither cites nor mentions an atlas model.'));
      return 0;
    }
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export BibTeX'),
        defaultUri: vscode.Uri.joinPath(document.uri, '..', 'references.bib'),
        filters: { BibTeX: ['bib'] },
      }));
    if (!uri) {
      return 0;
    }
    const plan = await planBibliography(uri, models);
    if (!(await applyBibliographyPlan(plan))) {
      return 0; // it said why
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Added {0} entries to {1}; {2} were already there.', plan.added.length, vscode.workspace.asRelativePath(uri), models.length - plan.added.length),
    );
    return plan.added.length;
  });
}
