// Model Atlas: Export BibTeX... — every atlas model cited or mentioned in the current document, into a
// chosen .bib, merged without duplicates (papers already there under any key are skipped).
import * as vscode from 'vscode';
import type { AtlasService } from '../../shared/atlasService';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { modelsInDocument } from '../../shared/documentAnalysis';
import { uriFromArgument } from '../../shared/modelArguments';

export function registerExportBibtex(service: AtlasService): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.exportBibtex', async (targetArg?: unknown) => {
    const target = uriFromArgument(targetArg);
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown or LaTeX document to export its BibTeX.'));
      return 0;
    }
    const models = modelsInDocument(await service.atlas(), document);
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
