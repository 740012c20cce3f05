// Which documents the writing features serve (the modelAtlas.languages setting) and their syntax.
import * as vscode from 'vscode';
import { citationSyntaxFor, type CitationSyntax } from '../core/documents/syntax';

import { affectsSettings, settings } from './settings';

export function configuredLanguages(): string[] {
  return settings.languages();
}

/** Every scheme: documents on a virtual file system (virtualWorkspaces) are served like files on disk. */
export function documentSelector(): vscode.DocumentSelector {
  return configuredLanguages().map((language) => ({ language }));
}

/**
 * Registers a provider for the languages in modelAtlas.languages, and again whenever the setting changes, so a
 * language added or removed takes effect without a reload.
 */
export function registerForServedLanguages(register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
  let registration = register(documentSelector());
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (affectsSettings(event, 'languages')) {
      registration.dispose();
      registration = register(documentSelector());
    }
  });
  return { dispose: () => (listener.dispose(), registration.dispose()) };
}

export function isServed(document: vscode.TextDocument): boolean {
  return configuredLanguages().includes(document.languageId);
}

export function syntaxOf(document: vscode.TextDocument): CitationSyntax {
  return citationSyntaxFor(document.languageId);
}
