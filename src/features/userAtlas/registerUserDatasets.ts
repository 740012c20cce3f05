// Loads the user's atlas files, merges them into the AtlasService (every view follows), shows their problems,
// and reloads when a file or the datasets / hiddenModels settings change.
import * as vscode from 'vscode';
import { mergeAtlas, type DatasetProblem } from '../../core/userAtlas/mergeAtlas';
import type { AtlasService } from '../../shared/atlasService';
import { affectsSettings, settings } from '../../shared/settings';
import type { LoadUserAtlasTools } from '../../userAtlasToolsLoader';
import { datasetPatterns, findDatasetFiles } from './datasetFiles';
import { problemMessage } from './problemMessages';

export interface UserDatasets {
  /** The dataset files of the last load. */
  files(): readonly vscode.Uri[];
  /** Loads everything again now; resolves when the service holds the result. */
  reload(): Promise<void>;
}

const RELOAD_DELAY_MS = 150;

/** Given to mergeAtlas when there is no atlas file, so no user entry to validate. */
function noEntryToValidate(): boolean {
  throw new Error('no user atlas entry to validate');
}

export function registerUserDatasets(service: AtlasService, loadTools: LoadUserAtlasTools): vscode.Disposable & { datasets: UserDatasets } {
  const diagnostics = vscode.languages.createDiagnosticCollection('modelAtlas.datasets');
  let files: vscode.Uri[] = [];
  let watchers: vscode.Disposable[] = [];
  let merged = false;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let latest: Promise<void> = Promise.resolve();

  /** Resolves once the newest load (this one, or one that started meanwhile) is in the service. */
  async function reload(): Promise<void> {
    let seen = (latest = load(++generation));
    await seen;
    while (latest !== seen) {
      seen = latest;
      await seen;
    }
  }

  async function load(mine: number): Promise<void> {
    // In Restricted Mode the workspace's YAML is not parsed; trusting the workspace reloads.
    const found = vscode.workspace.isTrusted ? await findDatasetFiles() : [];
    const texts = await Promise.all(found.map((uri) => readText(uri)));
    // Most workspaces have no atlas file: then the YAML parser and validator are never loaded.
    const tools = found.length > 0 ? await loadTools() : undefined;
    if (mine !== generation) {
      return; // a newer reload started meanwhile
    }
    files = found;
    const hiddenIds = settings.hiddenModels();
    if (found.length === 0 && hiddenIds.length === 0 && !merged) {
      diagnostics.clear();
      return; // nothing to merge: the bundled atlas is not read until a feature first needs it
    }
    const bundled = await service.bundled();
    if (mine !== generation) {
      return;
    }
    const parsed = tools ? found.flatMap((uri, i) => (texts[i] === undefined ? [] : [{ name: uri.toString(), file: tools.readAtlasFile(texts[i]!) }])) : [];
    const result = mergeAtlas(bundled, parsed, { validate: tools?.validate ?? noEntryToValidate, hiddenIds });
    showProblems(found, result.problems);
    if (result.userIds.size > 0 || hiddenIds.length > 0 || merged) {
      merged = result.userIds.size > 0 || hiddenIds.length > 0;
      service.setModels(result.models);
    }
  }

  function showProblems(found: readonly vscode.Uri[], problems: readonly DatasetProblem[]): void {
    diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>(found.map((uri) => [uri.toString(), []]));
    for (const problem of problems) {
      const { start, end } = problem.span;
      const range = new vscode.Range(start.line, start.character, end.line, end.character);
      const severity = problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
      const diagnostic = new vscode.Diagnostic(range, problemMessage(problem), severity);
      diagnostic.source = 'Model Atlas';
      diagnostic.code = problem.keyword ? `${problem.code}:${problem.keyword}` : problem.code;
      byFile.get(problem.file)?.push(diagnostic);
    }
    for (const uri of found) {
      diagnostics.set(uri, byFile.get(uri.toString()));
    }
  }

  function scheduleReload(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void reload().catch(logFailure), RELOAD_DELAY_MS);
  }

  function watch(): void {
    watchers.forEach((w) => w.dispose());
    watchers = datasetPatterns().map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      return vscode.Disposable.from(watcher, watcher.onDidCreate(scheduleReload), watcher.onDidChange(scheduleReload), watcher.onDidDelete(scheduleReload));
    });
  }

  watch();
  scheduleReload();
  // Deleting a folder reports only the folder, which no dataset glob matches.
  const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  const disposable = vscode.Disposable.from(
    diagnostics,
    deletions,
    deletions.onDidDelete((deleted) => {
      const prefix = `${deleted.toString()}/`;
      if (files.some((f) => f.toString() === deleted.toString() || f.toString().startsWith(prefix))) {
        scheduleReload();
      }
    }),
    { dispose: () => watchers.forEach((w) => w.dispose()) },
    { dispose: () => clearTimeout(timer) },
    // Saving is also a change; some remote file systems report it late or not at all.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (files.some((f) => f.toString() === doc.uri.toString()) || /\.atlas\.ya?ml$|\/\.atlas\//.test(doc.uri.path)) {
        scheduleReload();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(scheduleReload),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      scheduleReload();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'datasets')) {
        watch();
      }
      if (affectsSettings(e, 'datasets', 'hiddenModels')) {
        scheduleReload();
      }
    }),
  );
  return Object.assign(disposable, { datasets: { files: () => files, reload } });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // deleted between the search and the read; the watcher reloads again
  }
}

function logFailure(error: unknown): void {
  console.error('[Model Atlas] loading user datasets failed:', error);
}
