// Tools for AI agents (the Language Model Tool API): agent mode can look models up and cite verified entries
// instead of inventing them. Each tool is declared in package.json (contributes.languageModelTools) too.
import * as vscode from 'vscode';
import type { AtlasService } from '../../shared/atlasService';
import { checkBibliographyTool } from './checkBibliographyTool';
import { findModelsTool } from './findModelsTool';
import { getCitationTool } from './getCitationTool';

export const TOOL_NAMES = {
  findModels: 'modelAtlas_findModels',
  getCitation: 'modelAtlas_getCitation',
  checkBibliography: 'modelAtlas_checkBibliography',
} as const;

/** Registers the tools where the host has the API (VS Code 1.95 and later, desktop and web); nothing elsewhere. */
export function registerAgentTools(service: AtlasService): vscode.Disposable {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerTool !== 'function') {
    return new vscode.Disposable(() => undefined);
  }
  return vscode.Disposable.from(
    lm.registerTool(TOOL_NAMES.findModels, findModelsTool(service)),
    lm.registerTool(TOOL_NAMES.getCitation, getCitationTool(service)),
    lm.registerTool(TOOL_NAMES.checkBibliography, checkBibliographyTool(service)),
  );
}

/** A tool's answer: plain text for the language model. */
export function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/** The document a tool works on: the one named (a workspace-relative path, an absolute path or a URI), else the active editor's. */
export async function toolDocument(named: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (!named?.trim()) {
    return vscode.window.activeTextEditor?.document;
  }
  const text = named.trim();
  const folder = vscode.workspace.workspaceFolders?.[0];
  const uri = /^[a-z][a-z0-9+.-]+:/i.test(text) && !/^[a-z]:[\\/]/i.test(text)
    ? vscode.Uri.parse(text)
    : text.startsWith('/') || /^[a-z]:[\\/]/i.test(text) || !folder
      ? vscode.Uri.file(text)
      : vscode.Uri.joinPath(folder.uri, text);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ?? vscode.workspace.openTextDocument(uri).then(
    (d) => d,
    () => undefined,
  );
}
