// Hover cards over model names in prose and over atlas citation keys in \cite{...} and [@...].
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { isInside } from '../../core/documents/documentRegions';
import { hoverCardMarkdown } from '../../core/presentation/hoverCard';
import { hoverTargetAt, type TextLines } from '../../core/citations/hoverTarget';
import type { AtlasService } from '../../shared/atlasService';
import { atlasModelOfBibKey, loadBibliographies } from '../../shared/bibliography/documentBibliographies';
import { nonProseOf } from '../../shared/documentAnalysis';
import { displayLanguage } from '../../shared/displayLanguage';
import { documentSelector, syntaxOf } from '../../shared/documentLanguages';
import { cardMarkdown, hoverCardLabels } from '../../shared/labels/hoverCardLabels';

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
