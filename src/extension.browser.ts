// Browser entry point (vscode.dev, web-worker extension host): the same activation as Node.
import type * as vscode from 'vscode';
import { activateShared, type ModelAtlasApi } from './activate';
import * as userAtlasTools from './userAtlasTools';

export function activate(context: vscode.ExtensionContext): ModelAtlasApi {
  // A web worker cannot require a second file: the browser bundle carries the user atlas tools.
  return activateShared(context, async () => userAtlasTools);
}

export function deactivate(): void {}
