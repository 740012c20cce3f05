// Hover cards over model names in prose and over atlas citation keys in \cite{...} and [@...].
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { citationKeyAt } from '../core/citationContext';
import { isInside } from '../core/documentRegions';
import { hoverCardMarkdown } from '../core/hoverCard';
import type { AtlasService } from '../atlasService';
import { nonProseOf } from './documentAnalysis';
import { displayLanguage } from './displayLanguage';
import { documentSelector, syntaxOf } from './documentLanguages';
import { cardMarkdown, hoverCardLabels } from './hoverCardLabels';

export function registerHover(service: AtlasService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(documentSelector(), {
    provideHover(document, position, token) {
      const found = modelAt(service, document, position);
      if (!found || token.isCancellationRequested) {
        return undefined;
      }
      const value = hoverCardMarkdown(found.model, service.atlas, { language: displayLanguage(), labels: hoverCardLabels() });
      return new vscode.Hover(cardMarkdown(value), found.range);
    },
  });
}

/** The model named or cited at `position`; work is proportional to the line, plus a cached scan per version. */
export function modelAt(
  service: AtlasService,
  document: vscode.TextDocument,
  position: vscode.Position,
): { model: AtlasModel; range: vscode.Range } | undefined {
  const offset = document.offsetAt(position);
  if (isInside(nonProseOf(document), offset)) {
    return undefined;
  }
  const line = document.lineAt(position.line);
  const lineStart = document.offsetAt(line.range.start);
  const text = line.text;
  const inLine = offset - lineStart;
  const atlas = service.atlas;

  const cited = citationKeyAt(citationWindow(document, position), windowOffset(document, position), syntaxOf(document));
  if (cited) {
    const model = atlas.byCitationKey(cited.key);
    if (model) {
      const start = offset - windowOffset(document, position) + cited.start;
      return { model, range: new vscode.Range(document.positionAt(start), document.positionAt(start + cited.key.length)) };
    }
    return undefined;
  }

  const mention = atlas.matcher.findAt(text, inLine, 0, text.length);
  if (!mention) {
    return undefined;
  }
  return {
    model: atlas.get(mention.modelId),
    range: new vscode.Range(position.line, mention.start, position.line, mention.end),
  };
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
