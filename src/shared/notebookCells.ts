// A notebook cell is a document of its own (a vscode-notebook-cell: URI): its paths and settings are the
// notebook file's, and the document a writer sees is the whole notebook.
import * as vscode from 'vscode';

const CELL_SCHEME = 'vscode-notebook-cell';

/** The notebook holding `document`, when it is a cell. */
export function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== CELL_SCHEME) {
    return undefined;
  }
  return vscode.workspace.notebookDocuments.find((notebook) => notebook.getCells().some((cell) => cell.document === document));
}

/** The file relative paths and settings are read from: the notebook's for a cell, else the document's own. */
export function fileOf(document: vscode.TextDocument): vscode.Uri {
  return notebookOf(document)?.uri ?? document.uri;
}

/** Where the document's settings are read: its file's folder, and its language (`"[latex]": {...}`). */
export function settingsScope(document: vscode.TextDocument): vscode.ConfigurationScope {
  return { uri: fileOf(document), languageId: document.languageId };
}

/** Whether the document, or the notebook holding it, has never been saved (so nothing can go beside it). */
export function isUntitledFile(document: vscode.TextDocument): boolean {
  return notebookOf(document)?.isUntitled ?? document.isUntitled;
}

export interface DocumentPart {
  document: vscode.TextDocument;
  /** Its cell's number in the notebook, from 1; undefined for a document that is not a cell. */
  cell?: number;
}

/** Every cell of the notebook holding `document` that `keep` accepts, in order; else just the document. */
export function partsOf(document: vscode.TextDocument, keep: (cell: vscode.TextDocument) => boolean): DocumentPart[] {
  const notebook = notebookOf(document);
  if (!notebook) {
    return [{ document }];
  }
  return notebook.getCells().flatMap((cell) => (keep(cell.document) ? [{ document: cell.document, cell: cell.index + 1 }] : []));
}

/** The document a command acts on: the active editor's, or the first of the active notebook's cells `keep` accepts. */
export function activeDocument(keep: (cell: vscode.TextDocument) => boolean): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    return editor.document;
  }
  return vscode.window.activeNotebookEditor?.notebook.getCells().map((cell) => cell.document).find(keep);
}
