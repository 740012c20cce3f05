// Reading a document's .bib files, each parsed once per version: an open editor's text (unsaved changes
// count) by its version, a file on disk by its modification time and size; for hovers, completion, diagnostics.
import * as vscode from 'vscode';
import { parseBibtex, type BibFile } from '../../core/bibtex/parse';
import { bibliographiesFor, resolveBibliographies } from './bibliographyLocator';

export interface LoadedBibliography {
  uri: vscode.Uri;
  /** Undefined when the file does not exist or cannot be read. */
  bib: BibFile | undefined;
}

const parsed = new WeakMap<vscode.TextDocument, { version: number; bib: BibFile }>();
const onDisk = new Map<string, { mtime: number; size: number; bib: BibFile }>();

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

/**
 * A .bib parsed: from its open editor when there is one, else read from disk and kept while its modification
 * time and size stay the same (opening a 10 MB file as a document would copy it to the editor for nothing).
 */
export async function readBib(uri: vscode.Uri): Promise<BibFile | undefined> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) {
    return parsedBib(open);
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    const hit = onDisk.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size) {
      return hit.bib;
    }
    const bib = parseBibtex(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    onDisk.set(key, { mtime: stat.mtime, size: stat.size, bib });
    return bib;
  } catch {
    onDisk.delete(key);
    return undefined;
  }
}

/** The document's .bib files, in the order it names them, each parsed (or undefined when unreadable). */
export async function loadBibliographies(document: vscode.TextDocument): Promise<LoadedBibliography[]> {
  const uris = await bibliographiesFor(document);
  return Promise.all(uris.map(async (uri) => ({ uri, bib: await readBib(uri) })));
}

/** The parsed files of `loaded` that could be read. */
export function readableBibs(loaded: readonly LoadedBibliography[]): BibFile[] {
  return loaded.flatMap((b) => (b.bib ? [b.bib] : []));
}

/**
 * The .bib files to look keys up in: those the document names, or, when it names none (a chapter whose root
 * is not in the workspace), the workspace's .bib files, read only.
 */
export async function bibliographiesToRead(document: vscode.TextDocument): Promise<BibFile[]> {
  const resolution = await resolveBibliographies(document);
  const uris = resolution.named.length > 0 ? resolution.named : resolution.fallback;
  return (await Promise.all(uris.map(readBib))).filter((bib): bib is BibFile => bib !== undefined);
}
