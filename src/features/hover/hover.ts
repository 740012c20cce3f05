// Hover cards over model names in prose and over atlas citation keys in \cite{...} and [@...].
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { hoverModelAt } from '../../core/citations/hoverLookup';
import { hoverCardMarkdown } from '../../core/presentation/hoverCard';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies, readableBibs } from '../../shared/bibliography/parsedBibs';
import { nonProseOf } from '../../shared/documentAnalysis';
import { documentSelector, syntaxOf } from '../../shared/documentLanguages';
import { cardMarkdown, hoverCardLabels } from '../../shared/labels/hoverCardLabels';
import { settings } from '../../shared/settings';

export function registerHover(service: AtlasService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(documentSelector(), {
    async provideHover(document, position, token) {
      const atlas = await service.atlas();
      const found = await modelAt(atlas, document, position);
      if (!found || token.isCancellationRequested) {
        return undefined;
      }
      const value = hoverCardMarkdown(found.model, atlas, { language: settings.displayLanguage(), labels: hoverCardLabels() });
      return new vscode.Hover(cardMarkdown(value), found.range);
    },
  });
}

/** The model named or cited at `position`; work is proportional to the line, plus a cached scan per version. */
async function modelAt(atlas: AtlasIndex, document: vscode.TextDocument, position: vscode.Position): Promise<{ model: AtlasModel; range: vscode.Range } | undefined> {
  const hit = await hoverModelAt({
    lines: { lineCount: document.lineCount, lineText: (line) => document.lineAt(line).text },
    line: position.line,
    character: position.character,
    offset: document.offsetAt(position),
    syntax: syntaxOf(document),
    nonProse: nonProseOf(document),
    atlas,
    bibliographies: async () => readableBibs(await loadBibliographies(document)),
  });
  return hit && { model: hit.model, range: new vscode.Range(hit.line, hit.start, hit.line, hit.end) };
}
