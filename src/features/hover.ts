// Hover cards over model names in prose and over atlas citation keys in \cite{...} and [@...].
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { isInside } from '../core/documentRegions';
import { hoverCardMarkdown } from '../core/hoverCard';
import { hoverTargetAt, type TextLines } from '../core/hoverTarget';
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

/** The model named or cited at `position`; work is proportional to the line, plus a cached scan per version. */
async function modelAt(service: AtlasService, document: vscode.TextDocument, position: vscode.Position): Promise<{ model: AtlasModel; range: vscode.Range } | undefined> {
  if (isInside(nonProseOf(document), document.offsetAt(position))) {
    return undefined;
  }
  const target = hoverTargetAt(linesOf(document), position.line, position.character, syntaxOf(document), service.atlas.matcher);
  if (!target) {
    return undefined;
  }
  const range = new vscode.Range(target.line, target.start, target.line, target.end);
  // A cited key means what the document's .bib says: an atlas paper under the user's own key, or another
  // paper that happens to have an atlas key.
  const model =
    target.kind === 'mention' ? service.atlas.get(target.modelId) : atlasModelOfBibKey(service.atlas, await loadBibliographies(document), target.key);
  return model && { model, range };
}

function linesOf(document: vscode.TextDocument): TextLines {
  return { lineCount: document.lineCount, lineText: (line) => document.lineAt(line).text };
}
