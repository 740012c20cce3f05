// The bibliographies a document cites from: the bibliography.file setting, else what the document or its root
// names (LaTeX: magic comment, subfiles parent, a workspace file that includes it; Typst: #bibliography, or
// the file that #includes it), or the front matter's `bibliography:` files and its own `references:`.
import * as vscode from 'vscode';
import { hasFrontMatterReferences } from '../../core/bibliographies/bibliographyFormat';
import { latexBibliographies, latexParents, markdownBibliographies, resolveRelative, subfilesParent, texRootMagic } from '../../core/citations/bibliographyFiles';
import { loadsLatexPackage } from '../../core/documents/latexSource';
import { readTypst } from '../../core/documents/typstSource';
import { syntaxOf } from '../documentLanguages';
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
  const setting = settings.bibliographyFile(document.uri);
  if (!setting) {
    return undefined;
  }
  if (setting.startsWith('/')) {
    return document.uri.with({ path: setting });
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return folder ? vscode.Uri.joinPath(folder.uri, setting) : sibling(document.uri, setting);
}

/** The workspace file (of `glob`) that pulls `document` in, by what `children` reads from a file's text, or none. */
async function includingFile(document: vscode.TextDocument, glob: string, children: (text: string) => string[]): Promise<vscode.Uri | undefined> {
  const candidates = await vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_ROOT_CANDIDATES);
  for (const candidate of candidates) {
    if (candidate.toString() === document.uri.toString()) {
      continue;
    }
    const text = await readText(candidate);
    if (text && children(text).some((child) => resolveRelative(candidate.path, child) === document.uri.path)) {
      return candidate;
    }
  }
  return undefined;
}

/** The LaTeX root file of `document`: a magic comment, a subfiles parent, a workspace file that includes it, or none. */
async function latexRoot(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const named = texRootMagic(document.getText()) ?? subfilesParent(document.getText());
  return named ? sibling(document.uri, named) : includingFile(document, '**/*.tex', latexParents);
}

interface Bibliographies {
  uris: vscode.Uri[];
  /** The document, or the root that names its bibliography, loads biblatex. */
  biblatex: boolean;
}

/**
 * Hovers, completions and diagnostics ask for the same document's bibliographies many times a second, and
 * for an \input chapter the answer means searching the workspace for its root: an answer is reused for the
 * same version and setting for a moment (a root file edited meanwhile is seen a moment later).
 */
const REUSE_MS = 2_000;
const recent = new WeakMap<vscode.TextDocument, { version: number; setting: string; at: number; found: Promise<Bibliographies> }>();

function bibliographiesOf(document: vscode.TextDocument): Promise<Bibliographies> {
  const setting = settings.bibliographyFile(document.uri);
  const hit = recent.get(document);
  if (hit && hit.version === document.version && hit.setting === setting && Date.now() - hit.at < REUSE_MS) {
    return hit.found;
  }
  const found = findBibliographies(document);
  recent.set(document, { version: document.version, setting, at: Date.now(), found });
  return found;
}

export async function bibliographiesFor(document: vscode.TextDocument): Promise<vscode.Uri[]> {
  return (await bibliographiesOf(document)).uris;
}

/** Whether the document (or its LaTeX root) loads biblatex, for the BibTeX flavour of appended entries. */
export async function usesBiblatex(document: vscode.TextDocument): Promise<boolean> {
  return (await bibliographiesOf(document)).biblatex;
}

const biblatexIn = (text: string) => loadsLatexPackage(text, 'biblatex') || /\\addbibresource\b/.test(text);

async function findBibliographies(document: vscode.TextDocument): Promise<Bibliographies> {
  const syntax = syntaxOf(document);
  const text = document.getText();
  const override = configured(document);
  if (syntax === 'pandoc') {
    const files = override ? [override] : markdownBibliographies(text).map((file) => sibling(document.uri, file));
    // Pandoc reads both; the front matter's own references come last, so appends go to the files.
    return { uris: hasFrontMatterReferences(text) ? [...files, document.uri] : files, biblatex: false };
  }
  if (syntax === 'typst') {
    if (override) {
      return { uris: [override], biblatex: false };
    }
    const own = readTypst(text).bibliographies;
    const root = own.length > 0 ? undefined : await includingFile(document, '**/*.typ', (t) => readTypst(t).includes);
    const rootText = root && (await readText(root));
    const names = root ? (rootText ? readTypst(rootText).bibliographies : []) : own;
    return { uris: names.map((file) => sibling(root ?? document.uri, file)), biblatex: false };
  }
  if (syntax !== 'latex') {
    return { uris: override ? [override] : [], biblatex: false };
  }
  const own = latexBibliographies(text);
  if (own.length > 0 || override) {
    return { uris: override ? [override] : own.map((file) => sibling(document.uri, file)), biblatex: biblatexIn(text) };
  }
  const root = await latexRoot(document);
  const rootText = root && (await readText(root));
  if (!root || !rootText) {
    return { uris: [], biblatex: biblatexIn(text) };
  }
  return { uris: latexBibliographies(rootText).map((file) => sibling(root, file)), biblatex: biblatexIn(rootText) };
}
