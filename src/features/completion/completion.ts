// Completion of citation keys inside \cite{...} and Pandoc citations, and of model names in prose
// (alone, or followed by their citation).
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { citationContextAt, type CitationContext } from '../../core/citations/citationContext';
import { keyToCite } from '../../core/citations/citationKeys';
import { formatNameWithCitation } from '../../core/citations/citationSyntax';
import { citationCandidates, nameCandidates, type Candidate } from '../../core/citations/completionCandidates';
import { isInside } from '../../core/documents/ranges';
import { hoverCardMarkdown } from '../../core/presentation/hoverCard';
import { escapeLatex } from '../../core/writing/latexEscape';
import type { AtlasService } from '../../shared/atlasService';
import { bibliographiesFor } from '../../shared/bibliography/bibliographyLocator';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { loadBibliographies, readableBibs } from '../../shared/bibliography/parsedBibs';
import { citedKeysOf, nonProseOf } from '../../shared/documentAnalysis';
import { documentSelector, syntaxOf } from '../../shared/documentLanguages';
import { cardMarkdown, hoverCardLabels } from '../../shared/labels/hoverCardLabels';
import { RecentModels } from '../../shared/recentModels';
import { settings } from '../../shared/settings';

/** Run after a citation is accepted: records it as recent and keeps the bibliography in step. */
export const CITATION_ACCEPTED = 'modelAtlas.internal.citationAccepted';

const LOOKBACK_LINES = 8;

export function registerCompletion(service: AtlasService, recent: RecentModels): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position, token, context) {
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
        const range = new vscode.Range(toPosition(citation.keyStart), toPosition(citation.keyEnd));
        return citationItems(await service.atlas(), document, citation, range, recent, await citationKeysIn(document));
      }
      if (context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter) {
        return undefined; // "{", "," and "@" outside a citation are not ours
      }
      return nameItems(await service.atlas(), document, position, recent, await citationKeysIn(document));
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(documentSelector(), provider, '{', ',', '@'),
    vscode.commands.registerCommand(CITATION_ACCEPTED, async (modelId: string, documentUri?: string, cited?: boolean) => {
      await recent.add(modelId);
      const model = (await service.atlas()).byIdOrUndefined(modelId);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === documentUri);
      if (cited && model && document) {
        await ensureBibEntry(document, model);
      }
    }),
  );
}

function documentation(atlas: AtlasIndex, model: AtlasModel): vscode.MarkdownString {
  return cardMarkdown(hoverCardMarkdown(model, atlas, { language: settings.displayLanguage(), labels: hoverCardLabels(false), withActions: false }));
}

type KeyOf = (model: AtlasModel) => string;

/** The key to cite each model by: the one the document's .bib already holds it under, else the atlas key (see keyToCite). */
async function citationKeysIn(document: vscode.TextDocument): Promise<KeyOf> {
  const bibs = readableBibs(await loadBibliographies(document));
  return (model) => keyToCite(bibs, model);
}

/** After a citation is accepted: append the model's entry to the document's first .bib unless one of its .bib files holds it. */
async function ensureBibEntry(document: vscode.TextDocument, model: AtlasModel): Promise<void> {
  const bibUris = await bibliographiesFor(document);
  if (bibUris.length > 0) {
    await applyBibliographyPlan(await planBibliography(bibUris[0], [model], bibUris));
  }
}

function citationItems(
  atlas: AtlasIndex,
  document: vscode.TextDocument,
  citation: CitationContext,
  range: vscode.Range,
  recent: RecentModels,
  keyOf: KeyOf,
): vscode.CompletionList {
  const already = new Set(citation.otherKeys.map((k) => k.toLowerCase()));
  const candidates = citationCandidates(atlas, citation.prefix, { citedKeys: citedKeysOf(document), recentIds: recent.ids });
  const items = candidates
    .filter((c) => !already.has(keyOf(c.model).toLowerCase()))
    .map((c) => {
      const key = keyOf(c.model);
      const item = new vscode.CompletionItem({ label: key, description: c.model.name }, vscode.CompletionItemKind.Reference);
      item.detail = c.model.paper.title;
      item.documentation = documentation(atlas, c.model);
      item.insertText = key;
      item.range = range;
      finish(item, c, document, true);
      if (key !== c.model.bibtex.key) {
        item.filterText = `${key} ${item.filterText}`.slice(0, 128);
      }
      return item;
    });
  return new vscode.CompletionList(items, false);
}

function nameItems(
  atlas: AtlasIndex,
  document: vscode.TextDocument,
  position: vscode.Position,
  recent: RecentModels,
  keyOf: KeyOf,
): vscode.CompletionItem[] {
  // A dot before a digit is part of a name (Qwen2.5-VL, LLaVA-1.5); one that ends a sentence is not.
  const range = document.getWordRangeAtPosition(position, /[A-Za-z0-9](?:[A-Za-z0-9-]|\.(?=[0-9]))*/) ?? new vscode.Range(position, position);
  const typed = document.getText(new vscode.Range(range.start, position)).trimEnd();
  const syntax = syntaxOf(document);
  const command = settings.citationCommand(document.uri);
  const replace = new vscode.Range(range.start, position);
  const items: vscode.CompletionItem[] = [];
  for (const candidate of nameCandidates(atlas, typed, { recentIds: recent.ids, limit: 50 })) {
    const { model } = candidate;
    const name = new vscode.CompletionItem({ label: model.name, description: model.paper.date.slice(0, 4) }, vscode.CompletionItemKind.Value);
    name.detail = model.paper.title;
    name.documentation = documentation(atlas, model);
    name.range = replace;
    // A user's model name may hold LaTeX specials (&, _, #): in LaTeX it goes in as text that prints it.
    const nameText = syntax === 'latex' ? escapeLatex(model.name) : model.name;
    name.insertText = nameText;
    items.push(finish(name, candidate, document, false));

    const withCitation = formatNameWithCitation(nameText, keyOf(model), syntax, command);
    const cited = new vscode.CompletionItem({ label: withCitation, description: vscode.l10n.t('with citation') }, vscode.CompletionItemKind.Reference);
    cited.detail = model.paper.title;
    cited.documentation = name.documentation;
    cited.insertText = withCitation;
    cited.range = replace;
    items.push(finish(cited, { ...candidate, sortText: `${candidate.sortText}~` }, document, true));
  }
  return items;
}

function finish(item: vscode.CompletionItem, candidate: Candidate, document: vscode.TextDocument, cites: boolean): vscode.CompletionItem {
  item.filterText = candidate.filterText;
  item.sortText = candidate.sortText;
  item.command = { title: '', command: CITATION_ACCEPTED, arguments: [candidate.model.id, document.uri.toString(), cites] };
  return item;
}
