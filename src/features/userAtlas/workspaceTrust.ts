// Restricted Mode and the user's atlas files: their YAML comes from the workspace and is parsed and
// validated by this extension, so in a workspace the user has not trusted no atlas file is read (the bundled
// atlas works as usual); granting trust loads them. Types only from vscode, so unit tests pass a fake.
import type * as vscode from 'vscode';

/** The part of vscode.workspace the gate reads. */
export interface WorkspaceTrust {
  readonly isTrusted: boolean;
  onDidGrantWorkspaceTrust(listener: () => unknown): vscode.Disposable;
}

/** The atlas files to read: those `find` finds in a trusted workspace, none in Restricted Mode. */
export async function datasetFilesToRead<T>(trust: WorkspaceTrust, find: () => Promise<T[]>): Promise<T[]> {
  return trust.isTrusted ? find() : [];
}

/** Calls `reload` when the user trusts the workspace, so its atlas files load without a restart. */
export function reloadWhenTrusted(trust: WorkspaceTrust, reload: () => void): vscode.Disposable {
  return trust.onDidGrantWorkspaceTrust(reload);
}
