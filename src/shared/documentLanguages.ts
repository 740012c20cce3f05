// Which documents the writing features serve (the modelAtlas.languages setting) and their syntax.
import * as vscode from 'vscode';
import { citationSyntaxFor, type CitationSyntax } from '../core/documents/syntax';

import { settings } from './settings';

export function configuredLanguages(): string[] {
  return settings.languages();
}

/** Every scheme: documents on a virtual file system (virtualWorkspaces) are served like files on disk. */
export function documentSelector(): vscode.DocumentSelector {
  return configuredLanguages().map((language) => ({ language }));
}

export function isServed(document: vscode.TextDocument): boolean {
  return configuredLanguages().includes(document.languageId);
}

export function syntaxOf(document: vscode.TextDocument): CitationSyntax {
  return citationSyntaxFor(document.languageId);
}
