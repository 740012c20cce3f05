// Node entry point (desktop VS Code, code-server).
import type * as vscode from 'vscode';
import { activateShared, type ModelAtlasApi } from './activate';

export function activate(context: vscode.ExtensionContext): ModelAtlasApi {
  return activateShared(context);
}

export function deactivate(): void {}
