// The Node build's lock check (see shared/bibliography/fileLocks): the one module reading a file's mode with
// Node's fs, as VS Code does to call a file Locked; everything else goes through vscode.workspace.fs.
import { constants, promises as fs } from 'fs';
import type * as vscode from 'vscode';

const OWNER_WRITE = 0o200;

export async function isLockedOnDisk(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file') {
    return false;
  }
  try {
    const { mode } = await fs.stat(uri.fsPath);
    if ((mode & OWNER_WRITE) === 0) {
      return true;
    }
    await fs.access(uri.fsPath, constants.W_OK); // root may write a 0444 file, but not an immutable one
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
  }
}
