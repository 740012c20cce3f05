// Which documents the features serve and their syntax: the writing languages (the modelAtlas.languages
// setting; a .typ file by its name while no extension gives it the `typst` id), and the code languages that
// get hovers on recorded checkpoint ids and class names (Python and notebooks' code cells, YAML, JSON, TOML).
import * as vscode from 'vscode';
import { codeLanguageFor, type CodeLanguage } from '../core/code/codeProse';
import { citationSyntaxFor, isTypstPath, type CitationSyntax } from '../core/documents/syntax';

import { affectsSettings, settings } from './settings';

export function configuredLanguages(): string[] {
  return settings.languages();
}

const servesTypst = () => configuredLanguages().includes('typst');

/** Every scheme: documents on a virtual file system (virtualWorkspaces) are served like files on disk. */
export function documentSelector(): vscode.DocumentSelector {
  const selector: vscode.DocumentFilter[] = configuredLanguages().map((language) => ({ language }));
  return servesTypst() ? [...selector, { pattern: '**/*.typ' }] : selector;
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
  return configuredLanguages().includes(document.languageId) || (servesTypst() && isTypstPath(document.uri.path));
}

export function syntaxOf(document: vscode.TextDocument): CitationSyntax {
  return citationSyntaxFor(document.languageId, document.uri.path);
}

/** Code documents, notebook cells included (their documents have these language ids); TOML by its name. */
export function codeSelector(): vscode.DocumentSelector {
  return [{ language: 'python' }, { language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }, { language: 'toml' }, { pattern: '**/*.toml' }];
}

export function codeLanguageOf(document: vscode.TextDocument): CodeLanguage | undefined {
  return codeLanguageFor(document.languageId, document.uri.path);
}
