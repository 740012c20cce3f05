// Choosing the user atlas file a new entry goes into, and writing the entry there. Shared by New Model
// Entry and Add Paper from arXiv. Nothing is written unless the whole entry can be appended.
import * as vscode from 'vscode';
import type { appendEntry } from '../../core/userAtlas/entryText';

export const DEFAULT_ATLAS_FILE = 'models.atlas.yaml';

/** Asks which atlas file: one of the existing ones, a new models.atlas.yaml, or any file. */
export async function pickAtlasFile(existing: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const fresh = folder ? vscode.Uri.joinPath(folder.uri, DEFAULT_ATLAS_FILE) : undefined;
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: Item[] = existing.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }));
  if (fresh && !existing.some((u) => u.toString() === fresh.toString())) {
    items.push({ label: `$(new-file) ${DEFAULT_ATLAS_FILE}`, description: vscode.l10n.t('new file in the workspace'), uri: fresh });
  }
  items.push({ label: `$(folder-opened) ${vscode.l10n.t('Choose a file...')}` });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Atlas file for the new entry') });
  if (!picked) {
    return undefined;
  }
  if (picked.uri) {
    return picked.uri;
  }
  return vscode.window.showSaveDialog({
    defaultUri: fresh,
    filters: { [vscode.l10n.t('Atlas files')]: ['atlas.yaml', 'yaml'] },
    saveLabel: vscode.l10n.t('Use this file'),
  });
}

export type WriteResult = { ok: true; line: number } | { ok: false; message: string };

/** Appends `entry` to the file (creating it), then opens it at the entry. */
export async function writeEntry(uri: vscode.Uri, entry: object, append: typeof appendEntry): Promise<WriteResult> {
  let existing = '';
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // a new file
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    return { ok: false, message: vscode.l10n.t('{0} has unsaved changes; save it first.', vscode.workspace.asRelativePath(uri)) };
  }
  const appended = append(existing, entry);
  if (!appended.ok) {
    return {
      ok: false,
      message:
        appended.reason === 'syntax-error'
          ? vscode.l10n.t('{0} has YAML syntax errors; fix them first.', vscode.workspace.asRelativePath(uri))
          : vscode.l10n.t('{0} holds neither an atlas entry nor a list of entries.', vscode.workspace.asRelativePath(uri)),
    };
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(appended.text));
  } catch (error) {
    return { ok: false, message: vscode.l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), String(error)) };
  }
  return { ok: true, line: appended.entryLine };
}

export async function revealEntry(uri: vscode.Uri, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}
