// Whether a file is Locked (its owner may not write it: chmod 444, an immutable file). VS Code's API reports
// only Readonly (a read-only file system) and drops Locked, so the Node host tells it from the file on disk.
import type * as vscode from 'vscode';

export type LockCheck = (uri: vscode.Uri) => Promise<boolean>;

let lockCheck: LockCheck = async () => false; // the browser build cannot tell: a failed save is taken back

/** Set once by the Node entry point. */
export function useLockCheck(check: LockCheck): void {
  lockCheck = check;
}

export function isLocked(uri: vscode.Uri): Promise<boolean> {
  return lockCheck(uri);
}
