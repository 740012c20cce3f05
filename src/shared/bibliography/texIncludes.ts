// Which workspace .tex files \input, \include or \subfile which: read once from the workspace, then only the
// files that changed are read again (an edit to a chapter re-reads that chapter's own text, nothing else).
import * as vscode from 'vscode';
import { includedFileCandidates, latexParents, resolveRelative } from '../../core/citations/bibliographyFiles';
import { syntaxOf } from '../documentLanguages';
import { workspaceText } from '../workspaceText';

const MAX_TEX_FILES = 2000;

/** Included file (URI string) names by including file (URI string). */
const includes = new Map<string, string[]>();
const dirty = new Set<string>();
let scanned: Promise<void> | undefined;
/** Bumped whenever a file's list of included files changes. */
let generation = 0;


async function reread(key: string): Promise<void> {
  const uri = vscode.Uri.parse(key);
  const text = await workspaceText(uri);
  const before = includes.get(key);
  const after = text === undefined ? undefined : latexParents(text).map((name) => uri.with({ path: resolveRelative(uri.path, name) }).toString());
  if (after === undefined) {
    includes.delete(key);
  } else {
    includes.set(key, after);
  }
  if (before?.join('\n') !== after?.join('\n')) {
    generation++;
  }
}

/** Reads what changed; returns a number that changes whenever which file includes which does. */
export async function includesGeneration(): Promise<number> {
  await upToDate();
  return generation;
}

async function upToDate(): Promise<void> {
  scanned ??= (async () => {
    watcher ??= watchTexFiles();
    const uris = await Promise.resolve(vscode.workspace.findFiles('**/*.tex', '**/node_modules/**', MAX_TEX_FILES)).then(
      (found) => found,
      () => [],
    );
    await Promise.all(uris.map((uri) => reread(uri.toString())));
  })();
  await scanned;
  const changed = [...dirty];
  dirty.clear();
  await Promise.all(changed.map(reread));
}

/** The workspace .tex files that include `uri`, in path order. */
export async function includersOf(uri: vscode.Uri): Promise<vscode.Uri[]> {
  await upToDate();
  const key = uri.toString();
  return [...includes].filter(([, children]) => children.includes(key)).map(([parent]) => vscode.Uri.parse(parent)).sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The document and the LaTeX files it brings in with \input, \include or \subfile, each once
 * (Check Bibliography's report and the agent tool read them all).
 */
export async function withIncludedFiles(document: vscode.TextDocument): Promise<vscode.TextDocument[]> {
  const documents = [document];
  const seen = new Set([document.uri.toString()]);
  for (let i = 0; i < documents.length && i < 200; i++) {
    if (syntaxOf(documents[i]) !== 'latex') {
      continue;
    }
    for (const child of latexParents(documents[i].getText())) {
      for (const path of includedFileCandidates(document.uri.path, documents[i].uri.path, child)) {
        const uri = document.uri.with({ path });
        const opened = seen.has(uri.toString()) ? undefined : await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
        if (opened) {
          seen.add(uri.toString());
          documents.push(opened);
          break;
        }
      }
    }
  }
  return documents;
}

let watcher: vscode.Disposable | undefined;

function mark(uri: vscode.Uri): void {
  if (scanned && uri.path.toLowerCase().endsWith('.tex')) {
    dirty.add(uri.toString());
  }
}

/** Files created, changed or deleted on disk; watched from the first question on, not from activation. */
function watchTexFiles(): vscode.Disposable {
  const files = vscode.workspace.createFileSystemWatcher('**/*.tex');
  return vscode.Disposable.from(
    files,
    files.onDidCreate(mark),
    files.onDidChange(mark),
    files.onDidDelete((uri) => {
      dirty.delete(uri.toString());
      if (includes.delete(uri.toString())) {
        generation++;
      }
    }),
  );
}

/** Keeps the index in step with edits (and, once it is built, with the disk). */
export function registerTexIncludes(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((e) => mark(e.document.uri)),
    vscode.workspace.onDidCloseTextDocument((d) => mark(d.uri)),
    { dispose: () => ((watcher = watcher?.dispose() as undefined), (scanned = undefined), includes.clear(), dirty.clear()) },
  );
}
