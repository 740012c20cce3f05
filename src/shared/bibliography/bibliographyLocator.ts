// The bibliographies a document cites from: the bibliography.file setting, else what it or its root names
// (LaTeX, Typst), its front matter, _quarto.yml or index.Rmd; with none, the workspace's .bib files, read only.
import * as vscode from 'vscode';
import { hasFrontMatterReferences } from '../../core/bibliographies/bibliographyFormat';
import { latexBibliographies, markdownBibliographies, namesLatexRoot, quartoBibliographies, resolveRelative, subfilesParent, texRootMagic } from '../../core/citations/bibliographyFiles';
import { loadsLatexPackage } from '../../core/documents/latexSource';
import { readTypst } from '../../core/documents/typstSource';
import { syntaxOf } from '../documentLanguages';
import { outputLog } from '../outputLog';
import { fileOf, notebookOf } from '../notebookCells';
import { settings } from '../settings';
import { stampOf, workspaceBibs, workspaceBibsGeneration } from './fileStamps';
import { includersOf, includesGeneration } from './texIncludes';
import { workspaceText } from '../workspaceText';

export interface BibliographyResolution {
  /** The .bib files the document names, in order: the ones new entries go into. */
  named: vscode.Uri[];
  /** With none named, the workspace's .bib files: read for hovers and keys, never written without asking. */
  fallback: vscode.Uri[];
  /** The document names its LaTeX root (magic comment, subfiles): it gets no \bibliography of its own. */
  namesRoot: boolean;
  /** A root the document names that does not exist: as written, and where it was looked for. */
  missingRoot?: { written: string; resolved: vscode.Uri };
  /** Which root and which .bib files were chosen, and why, for the Output channel. */
  why: string;
  /** The document, or the LaTeX root that names its bibliography, loads biblatex (the flavour of new entries). */
  biblatex?: boolean;
}

const MAX_ROOT_CANDIDATES = 200;

const MAX_ROOT_DEPTH = 8;

function sibling(file: vscode.Uri, relative: string): vscode.Uri {
  return file.with({ path: resolveRelative(file.path, relative) });
}


const name = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
const names = (uris: readonly vscode.Uri[]) => uris.map(name).join(', ');

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

interface LatexRoot {
  /** The root, or undefined when the document is its own. */
  uri?: vscode.Uri;
  how: string;
  missing?: { written: string; resolved: vscode.Uri };
}

/** The LaTeX root: the file a magic comment or subfiles class names, else the top of the chain of files that include it. */
async function latexRoot(document: vscode.TextDocument, depended: vscode.Uri[]): Promise<LatexRoot> {
  const text = document.getText();
  const magic = texRootMagic(text);
  const written = magic ?? subfilesParent(text);
  let missing: LatexRoot['missing'];
  if (written) {
    const named = sibling(document.uri, written);
    depended.push(named);
    if ((await workspaceText(named)) !== undefined) {
      return {
        uri: named,
        how: magic ? vscode.l10n.t('Root {0}, named by its % !TEX root comment.', name(named)) : vscode.l10n.t('Root {0}, named by its subfiles class.', name(named)),
      };
    }
    missing = { written, resolved: named };
  }
  let top = document.uri;
  const seen = new Set([top.toString()]);
  for (let depth = 0; depth < MAX_ROOT_DEPTH; depth++) {
    const parent = (await includersOf(top))[0];
    if (!parent || seen.has(parent.toString())) {
      break;
    }
    seen.add(parent.toString());
    top = parent;
  }
  return top.toString() === document.uri.toString() ? { how: '', missing } : { uri: top, how: vscode.l10n.t('Root {0}, which includes this file.', name(top)), missing };
}

async function latexResolution(document: vscode.TextDocument, depended: vscode.Uri[]): Promise<Omit<BibliographyResolution, 'fallback'>> {
  const namesRoot = namesLatexRoot(document.getText());
  const root = await latexRoot(document, depended);
  const base = { namesRoot, missingRoot: root.missing, biblatex: biblatexIn(document.getText()) };
  const missingNote = root.missing
    ? vscode.l10n.t('The root {0} it names was not found (looked for {1}).', root.missing.written, root.missing.resolved.fsPath || root.missing.resolved.path) + ' '
    : '';
  const rootNote = missingNote + (root.uri ? `${root.how} ` : '');
  // BibTeX runs in the root's folder: a chapter's own \bibliography{chapter8/refs} is read from there.
  const own = latexBibliographies(document.getText());
  if (own.length > 0) {
    const named = own.map((file) => sibling(root.uri ?? document.uri, file));
    return { ...base, named, why: rootNote + vscode.l10n.t('It names {0} itself (paths from the root folder).', names(named)) };
  }
  if (root.uri) {
    depended.push(root.uri);
    const rootText = await workspaceText(root.uri);
    const named = rootText ? latexBibliographies(rootText).map((file) => sibling(root.uri!, file)) : [];
    return { ...base, biblatex: base.biblatex || (rootText !== undefined && biblatexIn(rootText)), named, why: rootNote + (named.length > 0 ? vscode.l10n.t('The root names {0}.', names(named)) : vscode.l10n.t('The root names no .bib file.')) };
  }
  return { ...base, named: [], why: rootNote + vscode.l10n.t('It names no .bib file.') };
}

/** Markdown: its front matter, else the Quarto project's _quarto.yml, else the bookdown book's index.Rmd. */
async function pandocResolution(document: vscode.TextDocument, depended: vscode.Uri[]): Promise<Omit<BibliographyResolution, 'fallback'>> {
  const base = { namesRoot: false };
  const own = markdownBibliographies(document.getText());
  // Pandoc reads both; the front matter's own references come last, so appends go to the files.
  const references = hasFrontMatterReferences(document.getText()) ? [document.uri] : [];
  if (own.length > 0) {
    const named = own.map((file) => sibling(document.uri, file));
    return { ...base, named: [...named, ...references], why: vscode.l10n.t('Its front matter names {0}.', names(named)) };
  }
  if (references.length > 0) {
    return { ...base, named: references, why: vscode.l10n.t('Its front matter holds its references.') };
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  for (let dir = vscode.Uri.joinPath(document.uri, '..'); ; dir = vscode.Uri.joinPath(dir, '..')) {
    const project = vscode.Uri.joinPath(dir, '_quarto.yml');
    depended.push(project);
    const yaml = await workspaceText(project);
    if (yaml !== undefined) {
      const named = quartoBibliographies(yaml).map((file) => sibling(project, file));
      return { ...base, named, why: vscode.l10n.t('The Quarto project file {0} names {1}.', name(project), names(named) || '-') };
    }
    if (!folder || dir.path === folder.uri.path || dir.path === '/' || !dir.path.startsWith(folder.uri.path)) {
      break;
    }
  }
  const index = vscode.Uri.joinPath(document.uri, '..', 'index.Rmd');
  if (index.toString() !== document.uri.toString()) {
    depended.push(index);
    const indexText = await workspaceText(index);
    const named = indexText ? markdownBibliographies(indexText).map((file) => sibling(index, file)) : [];
    if (named.length > 0) {
      return { ...base, named, why: vscode.l10n.t('The book\'s {0} names {1} in its front matter.', name(index), names(named)) };
    }
  }
  return { ...base, named: [], why: vscode.l10n.t('It names no .bib file.') };
}

const biblatexIn = (text: string) => loadsLatexPackage(text, 'biblatex') || /\\addbibresource\b/.test(text);

/** Typst: its own #bibliography, else that of the workspace file that #includes it. */
async function typstResolution(document: vscode.TextDocument, depended: vscode.Uri[]): Promise<Omit<BibliographyResolution, 'fallback'>> {
  const base = { namesRoot: false };
  const own = readTypst(document.getText()).bibliographies;
  if (own.length > 0) {
    const named = own.map((file) => sibling(document.uri, file));
    return { ...base, named, why: vscode.l10n.t('Its #bibliography names {0}.', names(named)) };
  }
  const root = await includingFile(document, '**/*.typ', (t) => readTypst(t).includes);
  if (!root) {
    return { ...base, named: [], why: vscode.l10n.t('It names no .bib file.') };
  }
  depended.push(root);
  const rootText = await workspaceText(root);
  const named = rootText ? readTypst(rootText).bibliographies.map((file) => sibling(root, file)) : [];
  return { ...base, named, why: vscode.l10n.t('{0}, which includes it, names {1}.', name(root), names(named) || '-') };
}

/** The workspace file (of `glob`) that pulls `document` in, by what `children` reads from a file's text, or none. */
async function includingFile(document: vscode.TextDocument, glob: string, children: (text: string) => string[]): Promise<vscode.Uri | undefined> {
  const candidates = await vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_ROOT_CANDIDATES);
  for (const candidate of candidates) {
    if (candidate.toString() === document.uri.toString()) {
      continue;
    }
    const text = await workspaceText(candidate);
    if (text && children(text).some((child) => resolveRelative(candidate.path, child) === document.uri.path)) {
      return candidate;
    }
  }
  return undefined;
}

async function resolve(document: vscode.TextDocument, depended: vscode.Uri[]): Promise<BibliographyResolution> {
  const override = configured(document);
  if (override) {
    return { named: [override], fallback: [], namesRoot: false, why: vscode.l10n.t('The modelAtlas.bibliography.file setting names {0}.', name(override)) };
  }
  const syntax = syntaxOf(document);
  const notebook = notebookOf(document);
  if (notebook) {
    const named = syntax === 'pandoc' ? await notebookBibliographies(document, notebook) : [];
    depended.push(sibling(notebook.uri, NOTEBOOK_BIBLIOGRAPHY));
    const why = named.length > 0 ? vscode.l10n.t('The notebook\'s bibliography: {0}.', names(named)) : vscode.l10n.t('It names no .bib file.');
    return { named, fallback: [], namesRoot: false, why };
  }
  const found =
    syntax === 'latex'
      ? await latexResolution(document, depended)
      : syntax === 'pandoc'
        ? await pandocResolution(document, depended)
        : syntax === 'typst'
          ? await typstResolution(document, depended)
          : { named: [], namesRoot: false, why: '' };
  depended.push(...found.named);
  // An untitled document is in no folder of the workspace: its .bib files are not its bibliography.
  if (found.named.length > 0 || syntax === 'plain' || document.isUntitled) {
    return { ...found, fallback: [] };
  }
  const fallback = await workspaceBibs();
  const why = `${found.why} ${fallback.length > 0 ? vscode.l10n.t('Reading the workspace\'s .bib files instead, without writing to them: {0}.', names(fallback)) : vscode.l10n.t('The workspace has no .bib file either.')}`;
  return { ...found, fallback, why };
}

interface Cached {
  key: string;
  depended: vscode.Uri[];
  stamps: string;
  resolution: Promise<BibliographyResolution>;
}

const cache = new WeakMap<vscode.TextDocument, Cached>();
const logged = new Map<string, string>();

/**
 * Hovers, completions and diagnostics ask for the same document's bibliographies many times a second: the
 * answer is reused until the document's version, the setting, a file it was worked out from, which file
 * includes which, or the workspace's list of .bib files changes (no timer).
 */
export async function resolveBibliographies(document: vscode.TextDocument): Promise<BibliographyResolution> {
  const key = [document.version, settings.bibliographyFile(fileOf(document)), await includesGeneration(), workspaceBibsGeneration()].join('\n');
  const hit = cache.get(document);
  if (hit && hit.key === key && hit.stamps === hit.depended.map(stampOf).join()) {
    return hit.resolution;
  }
  const depended: vscode.Uri[] = [];
  const resolution = resolve(document, depended);
  const entry: Cached = { key, depended, stamps: '', resolution };
  cache.set(document, entry);
  const resolved = await resolution;
  entry.stamps = depended.map(stampOf).join();
  logChoice(document, resolved);
  return resolved;
}

/** Whether the document (or its LaTeX root) loads biblatex, for the BibTeX flavour of appended entries. */
export async function usesBiblatex(document: vscode.TextDocument): Promise<boolean> {
  return (await resolveBibliographies(document)).biblatex === true;
}

/** The .bib files new entries go into: those the document names. */
export async function bibliographiesFor(document: vscode.TextDocument): Promise<vscode.Uri[]> {
  return (await resolveBibliographies(document)).named;
}

function logChoice(document: vscode.TextDocument, resolution: BibliographyResolution): void {
  if (syntaxOf(document) === 'plain' || !resolution.why) {
    return;
  }
  const line = `${name(document.uri)}: ${resolution.why}`;
  if (logged.get(document.uri.toString()) !== line) {
    logged.set(document.uri.toString(), line);
    const log = outputLog();
    if (resolution.missingRoot) {
      log.warn(line);
    } else {
      log.info(line);
    }
  }
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

