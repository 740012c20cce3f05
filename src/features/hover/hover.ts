// Hover cards over model names in prose and over atlas citation keys in \cite{...} and [@...]; over a cited
// key, a line saying when the document's root was not found or its keys were looked up in the workspace.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { hoverModelAt } from '../../core/citations/hoverLookup';
import { hoverTargetAt } from '../../core/citations/hoverTarget';
import { isInside } from '../../core/documents/ranges';
import { escapeMarkdown } from '../../core/presentation/markdown';
import { hoverCardMarkdown } from '../../core/presentation/hoverCard';
import type { AtlasService } from '../../shared/atlasService';
import { resolveBibliographies, type BibliographyResolution } from '../../shared/bibliography/bibliographyLocator';
import { bibliographiesToRead } from '../../shared/bibliography/parsedBibs';
import { documentMentionsOf, nonProseOf } from '../../shared/documentAnalysis';
import { registerForServedLanguages, syntaxOf } from '../../shared/documentLanguages';
import type { MentionArgument } from '../../shared/modelArguments';
import { cardMarkdown, hoverCardLabels } from '../../shared/labels/hoverCardLabels';
import { settingsScope } from '../../shared/notebookCells';
import { settings } from '../../shared/settings';

export function registerHover(service: AtlasService): vscode.Disposable {
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const atlas = await service.atlas();
      const found = await modelAt(atlas, document, position);
      if (token.isCancellationRequested) {
        return undefined;
      }
      const onCitation = found ? found.kind === 'citation' : onCitedKey(atlas, document, position);
      const status = onCitation ? bibliographyStatus(await resolveBibliographies(document)) : undefined;
      if (!found) {
        // A key the atlas does not know says nothing, unless the document's root is missing: then it says so.
        return status && (await resolveBibliographies(document)).missingRoot ? new vscode.Hover(cardMarkdown(`**Model Atlas** — ${escapeMarkdown(status)}`)) : undefined;
      }
      const { range } = found;
      // Insert Citation from the card cites this mention, right after it.
      const mention: MentionArgument = { uri: document.uri.toString(), line: range.start.line, start: range.start.character, end: range.end.character, text: document.getText(range) };
      const card = hoverCardMarkdown(found.model, atlas, {
        language: settings.displayLanguage(settingsScope(document)),
        labels: hoverCardLabels(),
        commandArguments: { 'modelAtlas.insertCitation': [{ modelId: found.model.id, mention }] },
      });
      return new vscode.Hover(cardMarkdown(status ? `${card}\n\n---\n\n_${escapeMarkdown(status)}_` : card), found.range);
    },
  };
  return registerForServedLanguages((selector) => vscode.languages.registerHoverProvider(selector, provider));
}

/** The model named or cited at `position`; work is proportional to the line, plus a cached scan per version. */
async function modelAt(atlas: AtlasIndex, document: vscode.TextDocument, position: vscode.Position): Promise<{ kind: 'citation' | 'mention'; model: AtlasModel; range: vscode.Range } | undefined> {
  const hit = await hoverModelAt({
    lines: { lineCount: document.lineCount, lineText: (line) => document.lineAt(line).text },
    line: position.line,
    character: position.character,
    offset: document.offsetAt(position),
    syntax: syntaxOf(document),
    nonProse: nonProseOf(document),
    atlas,
    bibliographies: () => bibliographiesToRead(document),
    supportedModels: async () => (await documentMentionsOf(document, atlas)).supported,
  });
  return hit && { kind: hit.kind, model: hit.model, range: new vscode.Range(hit.line, hit.start, hit.line, hit.end) };
}

function onCitedKey(atlas: AtlasIndex, document: vscode.TextDocument, position: vscode.Position): boolean {
  if (isInside(nonProseOf(document), document.offsetAt(position))) {
    return false;
  }
  const lines = { lineCount: document.lineCount, lineText: (line: number) => document.lineAt(line).text };
  return hoverTargetAt(lines, position.line, position.character, syntaxOf(document), atlas.matcher)?.kind === 'citation';
}

/** What a researcher should know about where a cited key was looked up: a root that was not found, or the workspace's .bib files. */
function bibliographyStatus(resolution: BibliographyResolution): string | undefined {
  const fallback = resolution.named.length === 0 && resolution.fallback.length > 0;
  const looked = fallback
    ? vscode.l10n.t('Keys are looked up in the workspace\'s .bib files: {0}.', resolution.fallback.map((uri) => vscode.workspace.asRelativePath(uri, false)).join(', '))
    : '';
  if (resolution.missingRoot) {
    const { written, resolved } = resolution.missingRoot;
    return `${vscode.l10n.t('The root {0} named by this file was not found ({1}).', written, resolved.fsPath || resolved.path)} ${looked}`.trim();
  }
  return fallback ? vscode.l10n.t('This file names no .bib file.') + ` ${looked}` : undefined;
}
