// Node entry point (desktop VS Code, code-server).
import type * as vscode from 'vscode';
import { activateShared, type ModelAtlasApi } from './activate';
import { isLockedOnDisk } from './nodeFileLocks';
import { useLockCheck } from './shared/bibliography/fileLocks';
import type { UserAtlasTools } from './userAtlasToolsLoader';

export function activate(context: vscode.ExtensionContext): ModelAtlasApi {
  useLockCheck(isLockedOnDisk);
  // A separate file beside this one (see esbuild.js), required only when an atlas file is read or written.
  return activateShared(context, async () => require('./userAtlasTools.js') as UserAtlasTools);
}

export function deactivate(): void {}
