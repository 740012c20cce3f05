// Completion of citation keys inside \cite{...} and Pandoc citations, and of model names in prose
// (alone, or followed by their citation).
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { citationContextAt, type CitationContext } from '../core/citationContext';
import { formatNameWithCitation, type LatexCiteCommand } from '../core/citation';
import { citationCandidates, nameCandidates, type Candidate } from '../core/completionCandidates';
import { isInside } from '../core/documentRegions';
import { hoverCardMarkdown } from '../core/hoverCard';
import type { AtlasService } from '../atlasService';
import { citedKeysOf, nonProseOf } from './documentAnalysis';
import { displayLanguage } from './displayLanguage';
import { documentSelector, syntaxOf } from './documentLanguages';
import { cardMarkdown, hoverCardLabels } from './hoverCardLabels';
import { RecentModels } from './recentModels';

/** Run after a citation is accepted: records it as recent and keeps the bibliography in step. */
export const CITATION_ACCEPTED = 'modelAtlas.internal.citationAccepted';

const LOOKBACK_LINES = 8;

export function registerCompletion(service: AtlasService, recent: RecentModels): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position, token, context) {
      if (isInside(nonProseOf(document), document.offsetAt(position))) {
        return undefined;
      }
      const first = Math.max(0, position.line - LOOKBACK_LINES);
      const windowStart = new vscode.Position(first, 0);
      const windowText = document.getText(new vscode.Range(windowStart, document.lineAt(position.line).range.end));
      const offsetInWindow = document.offsetAt(position) - document.offsetAt(windowStart);
      const citation = citationContextAt(windowText, offsetInWindow, syntaxOf(document));
      if (token.isCancellationRequested) {
        return undefined;
      }
      if (citation) {
        const toPosition = (o: number) => document.positionAt(document.offsetAt(windowStart) + o);
        return citationItems(service, document, citation, new vscode.Range(toPosition(citation.keyStart), toPosition(citation.keyEnd)), recent);
      }
      if (context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter) {
        return undefined; // "{", "," and "@" outside a citation are not ours
      }
      return nameItems(service, document, position, recent);
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(documentSelector(), provider, '{', ',', '@'),
    vscode.commands.registerCommand(CITATION_ACCEPTED, (modelId: string) => recent.add(modelId)),
  );
}

function documentation(service: AtlasService, model: AtlasModel): vscode.MarkdownString {
  return cardMarkdown(hoverCardMarkdown(model, service.atlas, { language: displayLanguage(), labels: hoverCardLabels(false), withActions: false }));
}

function citationItems(
  service: AtlasService,
  document: vscode.TextDocument,
  citation: CitationContext,
  range: vscode.Range,
  recent: RecentModels,
): vscode.CompletionList {
  const already = new Set(citation.otherKeys.map((k) => k.toLowerCase()));
  const candidates = citationCandidates(service.atlas, citation.prefix, { citedKeys: citedKeysOf(document), recentIds: recent.ids });
  const items = candidates
    .filter((c) => !already.has(c.model.bibtex.key.toLowerCase()))
    .map((c) => {
      const item = new vscode.CompletionItem({ label: c.model.bibtex.key, description: c.model.name }, vscode.CompletionItemKind.Reference);
      item.detail = c.model.paper.title;
      item.documentation = documentation(service, c.model);
      item.insertText = c.model.bibtex.key;
      item.range = range;
      return finish(item, c);
    });
  return new vscode.CompletionList(items, false);
}

function nameItems(service: AtlasService, document: vscode.TextDocument, position: vscode.Position, recent: RecentModels): vscode.CompletionItem[] {
  const range = document.getWordRangeAtPosition(position, /[A-Za-z0-9][A-Za-z0-9-]*/) ?? new vscode.Range(position, position);
  const typed = document.getText(new vscode.Range(range.start, position)).trimEnd();
  const syntax = syntaxOf(document);
  const command = vscode.workspace.getConfiguration('modelAtlas').get<LatexCiteCommand>('citation.command', '\\cite');
  const replace = new vscode.Range(range.start, position);
  const items: vscode.CompletionItem[] = [];
  for (const candidate of nameCandidates(service.atlas, typed, { recentIds: recent.ids, limit: 50 })) {
    const { model } = candidate;
    const name = new vscode.CompletionItem({ label: model.name, description: model.paper.date.slice(0, 4) }, vscode.CompletionItemKind.Value);
    name.detail = model.paper.title;
    name.documentation = documentation(service, model);
    name.range = replace;
    items.push(finish(name, candidate));

    const withCitation = formatNameWithCitation(model.name, model.bibtex.key, syntax, command);
    const cited = new vscode.CompletionItem({ label: withCitation, description: vscode.l10n.t('with citation') }, vscode.CompletionItemKind.Reference);
    cited.detail = model.paper.title;
    cited.documentation = name.documentation;
    cited.insertText = withCitation;
    cited.range = replace;
    items.push(finish(cited, { ...candidate, sortText: `${candidate.sortText}~` }));
  }
  return items;
}

function finish(item: vscode.CompletionItem, candidate: Candidate): vscode.CompletionItem {
  item.filterText = candidate.filterText;
  item.sortText = candidate.sortText;
  item.command = { title: '', command: CITATION_ACCEPTED, arguments: [candidate.model.id] };
  return item;
}
