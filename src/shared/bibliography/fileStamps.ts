// What changed since a cached answer was worked out, without a timer: an open document's version, or a
// counter of file-system events for a file that is not open; and the workspace's .bib files, listed once.
import * as vscode from 'vscode';

const diskChanges = new Map<string, number>();
/** Created with the first question, not at activation. */
let watching: vscode.Disposable | undefined;
let bibList: Promise<vscode.Uri[]> | undefined;
let bibListGeneration = 0;
const MAX_WORKSPACE_BIBS = 200;

/** A string that changes whenever the file's text may have: its open version, or its count of disk events. */
export function stampOf(uri: vscode.Uri): string {
  watch();
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return open ? `v${open.version}` : `d${diskChanges.get(key) ?? 0}`;
}

/** Counts of how often the workspace's list of .bib files changed, for caches that depend on it. */
export function workspaceBibsGeneration(): number {
  return bibListGeneration;
}

/** Every .bib file in the workspace (up to 200), found once and kept up to date by the watcher. */
export function workspaceBibs(): Promise<vscode.Uri[]> {
  watch();
  bibList ??= Promise.resolve(vscode.workspace.findFiles('**/*.bib', '**/node_modules/**', MAX_WORKSPACE_BIBS)).then(
    (uris) => uris.sort((a, b) => a.path.localeCompare(b.path)),
    () => [],
  );
  return bibList;
}

/** Stops watching (on deactivation); watching starts with the first question. */
export function registerFileStamps(): vscode.Disposable {
  return { dispose: () => ((watching = watching?.dispose() as undefined), diskChanges.clear(), (bibList = undefined)) };
}

/** Watches the files a bibliography is worked out from or read from (.tex, .typ, .bib, CSL, front matter, _quarto.yml). */
function watch(): void {
  if (watching) {
    return;
  }
  const bump = (uri: vscode.Uri) => diskChanges.set(uri.toString(), (diskChanges.get(uri.toString()) ?? 0) + 1);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{tex,bib,yml,yaml,md,Rmd,rmd,qmd,json,typ,cff}');
  const listChanged = (uri: vscode.Uri) => {
    bump(uri);
    if (uri.path.toLowerCase().endsWith('.bib')) {
      bibList = undefined;
      bibListGeneration++;
    }
  };
  watching = vscode.Disposable.from(watcher, watcher.onDidChange(bump), watcher.onDidCreate(listChanged), watcher.onDidDelete(listChanged));
}
