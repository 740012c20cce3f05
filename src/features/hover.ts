// Hover cards over model names in prose and over atlas citation keys in \cite{...} and [@...].
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { citationKeyAt } from '../core/citationContext';
import { isInside } from '../core/documentRegions';
import { hoverCardMarkdown } from '../core/hoverCard';
import type { AtlasService } from '../atlasService';
import { atlasModelOfBibKey, loadBibliographies } from './citations/documentBibliography';
import { nonProseOf } from './documentAnalysis';
import { displayLanguage } from './displayLanguage';
import { documentSelector, syntaxOf } from './documentLanguages';
import { cardMarkdown, hoverCardLabels } from './hoverCardLabels';

export function registerHover(service: AtlasService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(documentSelector(), {
    async provideHover(document, position, token) {
      const found = await modelAt(service, document, position);
      if (!found || token.isCancellationRequested) {
        return undefined;
      }
      const value = hoverCardMarkdown(found.model, service.atlas, { language: displayLanguage(), labels: hoverCardLabels() });
      return new vscode.Hover(cardMarkdown(value), found.range);
    },
  });
}

type Found = { model: AtlasModel; range: vscode.Range } | undefined;

/** The model named or cited at `position`; work is proportional to the line, plus a cached scan per version. */
async function modelAt(service: AtlasService, document: vscode.TextDocument, position: vscode.Position): Promise<Found> {
  if (isInside(nonProseOf(document), document.offsetAt(position))) {
    return undefined;
  }
  const cited = citedKeyAt(document, position);
  if (cited) {
    return modelOfCitedKey(service, document, cited);
  }
  const text = document.lineAt(position.line).text;
  const mention = service.atlas.matcher.findAt(text, position.character, 0, text.length);
  if (!mention) {
    return undefined;
  }
  return {
    model: service.atlas.get(mention.modelId),
    range: new vscode.Range(position.line, mention.start, position.line, mention.end),
  };
}

function citedKeyAt(document: vscode.TextDocument, position: vscode.Position): { key: string; range: vscode.Range } | undefined {
  const inWindow = windowOffset(document, position);
  const cited = citationKeyAt(citationWindow(document, position), inWindow, syntaxOf(document));
  if (!cited) {
    return undefined;
  }
  const start = document.offsetAt(position) - inWindow + cited.start;
  return { key: cited.key, range: new vscode.Range(document.positionAt(start), document.positionAt(start + cited.key.length)) };
}

/** An atlas key, or a key whose entry in the document's .bib is an atlas paper (read only for non-atlas keys). */
async function modelOfCitedKey(service: AtlasService, document: vscode.TextDocument, cited: { key: string; range: vscode.Range }): Promise<Found> {
  const model = service.atlas.byCitationKey(cited.key) ?? atlasModelOfBibKey(service.atlas, await loadBibliographies(document), cited.key);
  return model ? { model, range: cited.range } : undefined;
}

// A citation's key list may span a few lines: look at a bounded window around the cursor, never the whole document.
const WINDOW_LINES = 8;

function citationWindow(document: vscode.TextDocument, position: vscode.Position): string {
  const first = Math.max(0, position.line - WINDOW_LINES);
  const last = Math.min(document.lineCount - 1, position.line + 1);
  return document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
}

function windowOffset(document: vscode.TextDocument, position: vscode.Position): number {
  const first = Math.max(0, position.line - WINDOW_LINES);
  return document.offsetAt(position) - document.offsetAt(new vscode.Position(first, 0));
}
