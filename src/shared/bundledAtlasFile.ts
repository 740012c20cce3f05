// Reads the bundled atlas from the installed extension through vscode.workspace.fs, which works in the Node
// and the web-worker extension hosts alike; a failed read is reported once.
import * as vscode from 'vscode';
import { loadBundledAtlas } from '../core/atlas/bundledAtlas';
import type { ReadBundledAtlas } from './atlasService';

export function bundledAtlasReader(extensionUri: vscode.Uri): ReadBundledAtlas {
  let reported = false;
  return async () => {
    try {
      return await loadBundledAtlas(async (file) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, file)));
    } catch (error) {
      if (!reported) {
        reported = true;
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('The bundled atlas could not be read: {0}. Reinstalling the extension should fix this.', reason));
      }
      throw error;
    }
  };
}
