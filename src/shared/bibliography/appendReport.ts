// Saying what an append did: "Added 2 entries to references.bib", with Open (and Undo where it can be taken
// back) when the .bib is not in view; a status bar note when it is.
import * as vscode from 'vscode';
import type { BibliographyPlan } from './bibliographyWrites';

export function appendMessage(plan: BibliographyPlan): string {
  const name = vscode.workspace.asRelativePath(plan.bibUri);
  return plan.added.length === 1 ? vscode.l10n.t('Added 1 entry to {0}', name) : vscode.l10n.t('Added {0} entries to {1}', plan.added.length, name);
}

/**
 * Reports an applied append, without keeping the caller waiting for the answer. `undo` takes it back (with the
 * citation it was for) and says whether it could.
 */
export function reportAppend(plan: BibliographyPlan, undo?: () => Promise<boolean>): void {
  if (!plan.append || plan.added.length === 0) {
    return;
  }
  const message = appendMessage(plan);
  if (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === plan.bibUri.toString())) {
    vscode.window.setStatusBarMessage(message, 5000);
    return;
  }
  const open = vscode.l10n.t('Open');
  const undoLabel = vscode.l10n.t('Undo');
  void vscode.window.showInformationMessage(message, ...(undo ? [open, undoLabel] : [open])).then(async (answer) => {
    if (answer === open) {
      await openAtEnd(plan.bibUri);
    } else if (answer === undoLabel && undo && !(await undo())) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The citation or {0} changed since, so nothing was taken back.', vscode.workspace.asRelativePath(plan.bibUri)));
    }
  });
}

/** Opens a file with its last line in view, where an append went. */
export async function openAtEnd(uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
