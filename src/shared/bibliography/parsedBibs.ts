// Reading a document's .bib files: opened through VS Code (an unsaved editor counts) and parsed once per
// version, for hovers, completion, diagnostics and the edits.
import * as vscode from 'vscode';
import { parseBibtex, type BibFile } from '../../core/bibtex/parse';
import { bibliographiesFor } from './bibliographyLocator';

export interface LoadedBibliography {
  uri: vscode.Uri;
  /** Undefined when the file does not exist or cannot be read. */
  bib: BibFile | undefined;
}

const parsed = new WeakMap<vscode.TextDocument, { version: number; bib: BibFile }>();

export function parsedBib(document: vscode.TextDocument): BibFile {
  const hit = parsed.get(document);
  if (hit && hit.version === document.version) {
    return hit.bib;
  }
  const bib = parseBibtex(document.getText());
  parsed.set(document, { version: document.version, bib });
  return bib;
}

export async function openBibliography(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

/** The document's .bib files, in the order it names them, each parsed (or undefined when unreadable). */
export async function loadBibliographies(document: vscode.TextDocument): Promise<LoadedBibliography[]> {
  const uris = await bibliographiesFor(document);
  return Promise.all(
    uris.map(async (uri) => {
      const bibDocument = await openBibliography(uri);
      return { uri, bib: bibDocument ? parsedBib(bibDocument) : undefined };
    }),
  );
}

/** The parsed files of `loaded` that could be read. */
export function readableBibs(loaded: readonly LoadedBibliography[]): BibFile[] {
  return loaded.flatMap((b) => (b.bib ? [b.bib] : []));
}
