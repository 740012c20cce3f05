// The editor a command inserts into: the active one when the extension serves its document, else (focus in a
// webview or the Models view, or the .bib in front) a visible one it serves; never the .bib or another file.
import * as vscode from 'vscode';
import { isServed } from './documentLanguages';

export function editorToInsertInto(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  return active && isServed(active.document) ? active : vscode.window.visibleTextEditors.find((e) => isServed(e.document));
}
