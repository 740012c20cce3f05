// Shared helpers for the integration suites: open fixture documents, locate text, and read what
// VS Code's hover and completion providers return, through the same commands the editor uses.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';

export const EXTENSION_ID = 'model-atlas.multimodal-model-atlas';

/** Polls until `check` returns a truthy value: reloads are debounced and file and view events asynchronous. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** waitFor for a check that must await something (a file's text, say). */
export function waitForAsync<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  return waitFor(what, check, timeoutMs);
}

export async function activateExtension(): Promise<ModelAtlasApi> {
  const extension = vscode.extensions.getExtension<ModelAtlasApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Opens a fixture with the cursor `delta` characters into the first `needle`. */
export async function editorAt(file: string, needle: string, delta: number): Promise<vscode.TextEditor> {
  const editor = await openFixture(file);
  const position = positionOf(editor.document, needle, delta);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** The text of the fixture refs.bib as VS Code holds it (unsaved changes included). */
export async function bibText(): Promise<string> {
  return (await vscode.workspace.openTextDocument(workspaceUri('refs.bib'))).getText();
}

/** The position `delta` characters into the `occurrence`-th (0-based) appearance of `needle`. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 1, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `'${needle}' (occurrence ${occurrence}) not found in ${document.uri.path}`);
  }
  return document.positionAt(index + delta);
}

function markdownOf(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

/** Our hover's Markdown at `position`, or undefined when there is none. */
export async function atlasHoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.MarkdownString | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      const value = markdownOf(content);
      if (value.startsWith('**')) {
        return typeof content === 'string' ? new vscode.MarkdownString(content) : (content as vscode.MarkdownString);
      }
    }
  }
  return undefined;
}

/** The completion items at `position`; the first `resolved` of them resolved, as VS Code does to show an item's details. */
export async function completionsAt(document: vscode.TextDocument, position: vscode.Position, trigger?: string, resolved = 0): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
    resolved,
  );
  return list?.items ?? [];
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Replaces the whole text of `editor` (one edit), for tests that need a document of their own. */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
  assert.ok(await editor.edit((b) => b.replace(all, text)));
}

let scratchCount = 0;

/**
 * Opens a new untitled document of `language` holding `text`, under a name never used before in the run:
 * "Untitled-1" comes back once the last one is closed, and a request by URI could then meet the closed one
 * that the extension host has not let go of yet.
 */
export async function scratch(language: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `scratch-${++scratchCount}` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit)); // before it is shown, as a document that opens with its text
  return vscode.window.showTextDocument(document);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The bytes of some fixture files, read before a suite changes them. */
export async function snapshotFixtures(files: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of files) {
    texts.set(file, new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(file))));
  }
  return texts;
}

/**
 * Puts fixture files back as they were, in the open document models and on disk. Writing the disk alone is
 * not enough: an open document only picks the change up when the file watcher fires, some time later.
 */
export async function restoreFixtures(texts: ReadonlyMap<string, string>): Promise<void> {
  for (const [file, text] of texts) {
    const document = await vscode.workspace.openTextDocument(workspaceUri(file));
    // An undo across files may still be finishing in the workbench when a test ends; an edit then is refused
    // (applyEdit answers false), so it is tried again until the document takes it.
    await waitFor(`${file} restored`, async () => {
      if (document.getText() === text) {
        return true;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
      return await vscode.workspace.applyEdit(edit);
    });
    // The web workbench saves on its own a second after an edit (files.autoSave is afterDelay there): a save
    // that finds the document already saved answers false, so what counts is that it ends up saved.
    if (document.isDirty && !(await document.save())) {
      await waitForAsync(`${file} saved`, async () => !document.isDirty && new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)) === text);
    }
    assert.strictEqual(document.getText(), text, `${file} was not restored`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export interface ShownMessage {
  kind: 'information' | 'warning' | 'error';
  text: string;
  items: string[];
}

/**
 * Records the notifications the extension shows while `run` runs (the test and the extension share one
 * `vscode` API object) and answers each with what `answer` returns (undefined: dismissed); restores them after.
 */
export async function withMessages<T>(run: (shown: ShownMessage[]) => Thenable<T>, answer: (message: ShownMessage) => string | undefined | Thenable<string | undefined> = () => undefined): Promise<{ result: T; shown: ShownMessage[] }> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = { showInformationMessage: window.showInformationMessage, showWarningMessage: window.showWarningMessage, showErrorMessage: window.showErrorMessage };
  const shown: ShownMessage[] = [];
  const stub = (kind: ShownMessage['kind']) => (text: string, ...rest: unknown[]) => {
    const items = rest.filter((r): r is string => typeof r === 'string');
    const message = { kind, text, items };
    shown.push(message);
    return Promise.resolve(answer(message));
  };
  window.showInformationMessage = stub('information');
  window.showWarningMessage = stub('warning');
  window.showErrorMessage = stub('error');
  try {
    return { result: await run(shown), shown };
  } finally {
    Object.assign(window, originals);
  }
}
