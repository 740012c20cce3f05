// User entries that still hold TODO placeholders are not cited, exported or copied: the commands say why.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import { isUnfinished } from '../core/userAtlas/unfinished';

/** Whether any of `models` is not finished, saying which when one is. */
export function refuseUnfinished(models: readonly AtlasModel[]): boolean {
  const unfinished = models.filter(isUnfinished);
  if (unfinished.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0}: the atlas entry still holds TODO placeholders. Complete it to cite or export it.', unfinished.map((m) => m.name).join(', ')),
    );
  }
  return unfinished.length > 0;
}
