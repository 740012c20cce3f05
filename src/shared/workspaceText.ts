// A workspace file's text as the user sees it: the open editor's (unsaved changes count), else what is on disk.
import * as vscode from 'vscode';

/** The text of `uri`, or undefined when it cannot be read. */
export async function workspaceText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    return open.getText();
  }
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
