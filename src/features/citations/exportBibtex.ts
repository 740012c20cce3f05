// Model Atlas: Export BibTeX... — every atlas model cited or mentioned in the current document, into a
// chosen .bib, merged without duplicates (papers already there under any key are skipped).
import * as vscode from 'vscode';
import { isUnfinished } from '../../core/userAtlas/unfinished';
import type { AtlasService } from '../../shared/atlasService';
import { appendMessage, openAtEnd } from '../../shared/bibliography/appendReport';
import { applyBibliographyPlan, planBibliography, type BibliographyPlan } from '../../shared/bibliography/bibliographyWrites';
import { citedKeysOf, modelsInDocument } from '../../shared/documentAnalysis';
import { isServed } from '../../shared/documentLanguages';
import { uriFromArgument } from '../../shared/modelArguments';
import { activeDocument, fileOf } from '../../shared/notebookCells';
import { editorToInsertInto } from '../../shared/targetEditor';

export function registerExportBibtex(service: AtlasService): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.exportBibtex', async (targetArg?: unknown) => {
    const target = uriFromArgument(targetArg);
    const document = editorToInsertInto()?.document ?? activeDocument(isServed);
    if (!document) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown, LaTeX or Typst document to export its BibTeX.'));
      return 0;
    }
    const found = await modelsInDocument(service, document);
    const unfinished = found.filter(isUnfinished);
    if (unfinished.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Left out {0}: the atlas entry still holds TODO placeholders.', unfinished.map((m) => m.name).join(', ')));
    }
    const models = found.filter((m) => !isUnfinished(m));
    if (models.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document neither cites nor mentions an atlas model.'));
      return 0;
    }
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export BibTeX'),
        defaultUri: vscode.Uri.joinPath(fileOf(document), '..', 'references.bib'),
        filters: { BibTeX: ['bib'] },
      }));
    if (!uri) {
      return 0;
    }
    // A model the document cites by its atlas key keeps that key, so the export resolves the citation.
    const cited = citedKeysOf(document);
    const plan = await planBibliography(uri, models, [], { citing: document, keepAtlasKey: (model) => cited.has(model.bibtex.key) });
    if (!(await applyBibliographyPlan(plan, { chosen: true }))) {
      return 0; // it said why
    }
    reportExport(plan, models.length - plan.added.length);
    return plan.added.length;
  });
}

/** What the export wrote, and what it left because it was there already, with the file to open. */
function reportExport(plan: BibliographyPlan, alreadyThere: number): void {
  const name = vscode.workspace.asRelativePath(plan.bibUri);
  const there =
    plan.added.length === 0
      ? alreadyThere === 1
        ? vscode.l10n.t('Its entry was already in {0}.', name)
        : vscode.l10n.t('All {0} entries were already in {1}.', alreadyThere, name)
      : alreadyThere === 0
        ? appendMessage(plan)
        : alreadyThere === 1
          ? vscode.l10n.t('{0}; 1 was already there.', appendMessage(plan))
          : vscode.l10n.t('{0}; {1} were already there.', appendMessage(plan), alreadyThere);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(there, open).then(async (answer) => {
    if (answer === open) {
      await openAtEnd(plan.bibUri);
    }
  });
}
