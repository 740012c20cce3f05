// The .bib files a document cites from: the bibliography.file setting, else what the document or its LaTeX
// root names (magic comment, subfiles parent, a workspace file that includes it), or the front matter's; for a
// notebook cell, the notebook's front matter or the references.bib beside it.
import * as vscode from 'vscode';
import { latexBibliographies, latexParents, markdownBibliographies, resolveRelative, subfilesParent, texRootMagic } from '../../core/citations/bibliographyFiles';
import { syntaxOf } from '../documentLanguages';
import { fileOf, notebookOf } from '../notebookCells';
import { settings } from '../settings';

const MAX_ROOT_CANDIDATES = 200;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
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

function sibling(file: vscode.Uri, relative: string): vscode.Uri {
  return file.with({ path: resolveRelative(file.path, relative) });
}

function configured(document: vscode.TextDocument): vscode.Uri | undefined {
  const file = fileOf(document);
  const setting = settings.bibliographyFile(file);
  if (!setting) {
    return undefined;
  }
  if (setting.startsWith('/')) {
    return file.with({ path: setting });
  }
  const folder = vscode.workspace.getWorkspaceFolder(file);
  return folder ? vscode.Uri.joinPath(folder.uri, setting) : sibling(file, setting);
}

/** The LaTeX root file of `document`: a magic comment, a subfiles parent, a workspace file that includes it, or itself. */
async function latexRoot(document: vscode.TextDocument): Promise<vscode.Uri> {
  const named = texRootMagic(document.getText()) ?? subfilesParent(document.getText());
  if (named) {
    return sibling(document.uri, named);
  }
  const candidates = await vscode.workspace.findFiles('**/*.tex', '**/node_modules/**', MAX_ROOT_CANDIDATES);
  for (const candidate of candidates) {
    if (candidate.toString() === document.uri.toString()) {
      continue;
    }
    const text = await readText(candidate);
    const includes = text ? latexParents(text).map((child) => resolveRelative(candidate.path, child)) : [];
    if (includes.includes(document.uri.path)) {
      return candidate;
    }
  }
  return document.uri;
}

/**
 * Hovers, completions and diagnostics ask for the same document's bibliographies many times a second, and
 * for an \input chapter the answer means searching the workspace for its root: an answer is reused for the
 * same version and setting for a moment (a root file edited meanwhile is seen a moment later).
 */
const REUSE_MS = 2_000;
const recent = new WeakMap<vscode.TextDocument, { version: number; setting: string; at: number; uris: Promise<vscode.Uri[]> }>();

export function bibliographiesFor(document: vscode.TextDocument): Promise<vscode.Uri[]> {
  const setting = settings.bibliographyFile(fileOf(document));
  const hit = recent.get(document);
  if (hit && hit.version === document.version && hit.setting === setting && Date.now() - hit.at < REUSE_MS) {
    return hit.uris;
  }
  const uris = findBibliographies(document);
  recent.set(document, { version: document.version, setting, at: Date.now(), uris });
  return uris;
}

async function findBibliographies(document: vscode.TextDocument): Promise<vscode.Uri[]> {
  const override = configured(document);
  if (override) {
    return [override];
  }
  const syntax = syntaxOf(document);
  const notebook = notebookOf(document);
  if (notebook) {
    return syntax === 'pandoc' ? notebookBibliographies(document, notebook) : [];
  }
  if (syntax === 'pandoc') {
    return markdownBibliographies(document.getText()).map((file) => sibling(document.uri, file));
  }
  if (syntax !== 'latex') {
    return [];
  }
  const own = latexBibliographies(document.getText());
  if (own.length > 0) {
    return own.map((file) => sibling(document.uri, file));
  }
  const root = await latexRoot(document);
  if (root.toString() === document.uri.toString()) {
    return [];
  }
  const rootText = await readText(root);
  return rootText ? latexBibliographies(rootText).map((file) => sibling(root, file)) : [];
}

/**
 * A notebook names its bibliography in front matter, in the cell itself or (Quarto) in its first cell; a
 * Jupyter notebook has nowhere to name one, so a references.bib beside it (Jupyter Book's default) counts.
 */
async function notebookBibliographies(cell: vscode.TextDocument, notebook: vscode.NotebookDocument): Promise<vscode.Uri[]> {
  const first = notebook.cellCount > 0 ? notebook.cellAt(0).document.getText() : '';
  const named = markdownBibliographies(cell.getText());
  const files = named.length > 0 ? named : markdownBibliographies(first);
  if (files.length > 0) {
    return files.map((file) => sibling(notebook.uri, file));
  }
  const beside = sibling(notebook.uri, NOTEBOOK_BIBLIOGRAPHY);
  const exists = await vscode.workspace.fs.stat(beside).then(
    () => true,
    () => false,
  );
  return exists ? [beside] : [];
}

export const NOTEBOOK_BIBLIOGRAPHY = 'references.bib';
