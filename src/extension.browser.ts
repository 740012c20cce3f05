// Browser entry point (vscode.dev, web-worker extension host): the same activation as Node.
import type * as vscode from 'vscode';
import { activateShared, type ModelAtlasApi } from './activate';

export function activate(context: vscode.ExtensionContext): ModelAtlasApi {
  return activateShared(context);
}

export function deactivate(): void {}
