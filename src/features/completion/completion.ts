// Completion of citation keys inside \cite{...} and Pandoc citations (atlas papers, then the user's own .bib
// entries), and of model names in prose (alone, or followed by their citation).
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { bibEntryCandidates } from '../../core/citations/bibEntryCandidates';
import { citationContextAt, joinWithPrevious, type CitationContext } from '../../core/citations/citationContext';
import { bibKeyIndex, keyToCite } from '../../core/citations/citationKeys';
import { formatNameWithCitation } from '../../core/citations/citationSyntax';
import { citationCompletions, nameCandidates, type Candidate } from '../../core/citations/completionCandidates';
import type { BibEntry, BibFile } from '../../core/bibtex/parse';
import { isInside } from '../../core/documents/ranges';
import { hoverCardMarkdown } from '../../core/presentation/hoverCard';
import { escapeMarkdown } from '../../core/presentation/markdown';
import { isUnfinished } from '../../core/userAtlas/unfinished';
import { escapeLatex } from '../../core/writing/latexEscape';
import type { AtlasService } from '../../shared/atlasService';
import { bibliographiesFor } from '../../shared/bibliography/bibliographyLocator';
import { applyBibliographyPlan, newEntryKey, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { bibliographiesToRead } from '../../shared/bibliography/parsedBibs';
import { citationsOf, citationStyleOf, nonProseOf } from '../../shared/documentAnalysis';
import { registerForServedLanguages, syntaxOf } from '../../shared/documentLanguages';
import { cardMarkdown, hoverCardLabels } from '../../shared/labels/hoverCardLabels';
import { RecentModels } from '../../shared/recentModels';
import { settings } from '../../shared/settings';

/** Run after a citation is accepted: records it as recent and keeps the bibliography in step. */
export const CITATION_ACCEPTED = 'modelAtlas.internal.citationAccepted';

const LOOKBACK_LINES = 8;
/** LaTeX Workshop completes a LaTeX document's own .bib keys itself: we then offer only the atlas. */
const LATEX_WORKSHOP = 'James-Yu.latex-workshop';

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
        // Right after a citation of the same kind ("\cite{a}\cite{b|"), the key joins that one: one edit over both.
        const join = joinWithPrevious(windowText, citation);
        const span = join ? new vscode.Range(toPosition(join.start), toPosition(join.end)) : undefined;
        const keyRange = new vscode.Range(toPosition(citation.keyStart), toPosition(citation.keyEnd));
        const target: KeyTarget =
          span && span.start.line === position.line && span.end.line === position.line
            ? { range: span, before: join!.before, after: join!.after }
            : { range: keyRange, before: '', after: '' };
        const bibs = await bibliographiesToRead(document);
        return citationItems(await service.atlas(), document, position, citation, target, recent, bibs, await newKeysFor(document, bibs));
      }
      if (context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter) {
        return undefined; // "{", ",", "@" and "<" outside a citation are not ours
      }
      const bibs = await bibliographiesToRead(document);
      return nameItems(await service.atlas(), document, position, recent, bibs, await newKeysFor(document, bibs));
    },
    async resolveCompletionItem(item) {
      const model = cardOf.get(item);
      const entry = entryOf.get(item);
      if (model && item.documentation === undefined) {
        item.documentation = documentation(await service.atlas(), model);
      } else if (entry && item.documentation === undefined) {
        item.documentation = entryDocumentation(entry);
      }
      return item;
    },
  };
  return vscode.Disposable.from(
    registerForServedLanguages((selector) => vscode.languages.registerCompletionItemProvider(selector, provider, '{', ',', '@', '<')),
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

/**
 * The model whose card an item shows, written when VS Code shows the item's details (resolveCompletionItem):
 * a card for each of the hundred or so items on every keystroke cost most of the round trip.
 */
const cardOf = new WeakMap<vscode.CompletionItem, AtlasModel>();
/** Likewise, the user's own entry whose title an item shows. */
const entryOf = new WeakMap<vscode.CompletionItem, BibEntry>();

function documentation(atlas: AtlasIndex, model: AtlasModel): vscode.MarkdownString {
  return cardMarkdown(hoverCardMarkdown(model, atlas, { language: settings.displayLanguage(), labels: hoverCardLabels([]), withActions: false }));
}

type NewKey = (model: AtlasModel) => string;

/**
 * The key a model none of the document's bibliographies holds will get when appended: modelAtlas.bibtex.keyStyle's
 * for the first bibliography the document names; undefined (the atlas key) when it names none.
 */
async function newKeysFor(document: vscode.TextDocument, bibs: readonly BibFile[]): Promise<NewKey | undefined> {
  const target = (await bibliographiesFor(document))[0];
  return target ? (model) => newEntryKey(model, bibs, target) : undefined;
}

/** After a citation is accepted: append the model's entry to the document's first .bib unless one of its .bib files holds it. */
async function ensureBibEntry(document: vscode.TextDocument, model: AtlasModel): Promise<void> {
  const bibUris = await bibliographiesFor(document);
  if (bibUris.length > 0) {
    await applyBibliographyPlan(await planBibliography(bibUris[0], [model], bibUris, { citing: document }));
  }
}

/** Where an accepted key goes: the range it replaces, with text around the key (to join a previous citation). */
interface KeyTarget {
  range: vscode.Range;
  before: string;
  after: string;
}

/**
 * VS Code ranks items by its fuzzy score of their filter text against what was typed (from the item's range
 * start to the cursor) before their sortText. Every item gets exactly the typed text as its filter text, so
 * all score the same and our order stands; the list is incomplete, so each keystroke asks again, and an item
 * from the last keystroke never matches a longer word.
 */
function typedText(document: vscode.TextDocument, range: vscode.Range, position: vscode.Position): string {
  return document.getText(new vscode.Range(range.start, position));
}

function citationItems(
  atlas: AtlasIndex,
  document: vscode.TextDocument,
  position: vscode.Position,
  citation: CitationContext,
  target: KeyTarget,
  recent: RecentModels,
  bibs: readonly BibFile[],
  newKey: NewKey | undefined,
): vscode.CompletionList {
  const filterText = typedText(document, target.range, position);
  const cited = citationsOf(document).map((c) => c.key);
  const completions = citationCompletions(atlas, citation.prefix, citation.otherKeys, bibs, { citedKeys: cited, recentIds: recent.ids, newKey });
  const offered = new Set<string>(citation.otherKeys.map((k) => k.toLowerCase()));
  const items: vscode.CompletionItem[] = [];
  let preselected = false;
  for (const { candidate: c, key } of completions) {
    if (isUnfinished(c.model)) {
      continue; // no citation until its entry is complete
    }
    offered.add(key.toLowerCase());
    const item = new vscode.CompletionItem({ label: key, description: c.model.name }, vscode.CompletionItemKind.Reference);
    item.detail = c.model.paper.title;
    cardOf.set(item, c.model);
    item.insertText = target.before + key + target.after;
    item.range = target.range;
    finish(item, c, document, true, filterText, `a${c.sortText}`);
    item.preselect = c.exact && !preselected;
    preselected ||= c.exact;
    items.push(item);
  }
  // LaTeX Workshop offers the .bib's own keys in LaTeX: ours would be the same items twice.
  const latexWorkshop = citation.syntax === 'latex' && vscode.extensions.getExtension(LATEX_WORKSHOP)?.isActive === true;
  if (!latexWorkshop) {
    bibKeyIndex(atlas, bibs).keyOfModel.forEach((key) => offered.add(key.toLowerCase()));
    const citedLower = new Set(cited.map((k) => k.toLowerCase()));
    bibEntryCandidates(bibs, citation.prefix, { exclude: offered, cited: citedLower }).forEach(({ entry, exact }, i) => {
      const item = bibEntryItem(entry, target);
      item.filterText = filterText;
      item.sortText = `b${String(i).padStart(4, '0')}`;
      item.preselect = exact && !preselected;
      preselected ||= exact;
      items.push(item);
    });
  }
  return new vscode.CompletionList(items, true);
}

/** A key of the user's own .bib, with its title: nothing to append when it is accepted. */
function bibEntryItem(entry: BibEntry, target: KeyTarget): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: entry.key, description: plainTitle(entry) }, vscode.CompletionItemKind.Reference);
  item.detail = [entry.fields.author?.split(/\s+and\s+/)[0], entry.fields.year].filter(Boolean).join(', ');
  entryOf.set(item, entry);
  item.insertText = target.before + entry.key + target.after;
  item.range = target.range;
  return item;
}

function plainTitle(entry: BibEntry): string {
  return (entry.fields.title ?? '').replace(/[{}]/g, '');
}

function entryDocumentation(entry: BibEntry): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(`**${escapeMarkdown(plainTitle(entry))}**`);
  markdown.supportHtml = false;
  return markdown;
}

function nameItems(
  atlas: AtlasIndex,
  document: vscode.TextDocument,
  position: vscode.Position,
  recent: RecentModels,
  bibs: readonly BibFile[],
  newKey: NewKey | undefined,
): vscode.CompletionList | undefined {
  // A dot before a digit is part of a name (Qwen2.5-VL, LLaVA-1.5); one that ends a sentence is not.
  const range = document.getWordRangeAtPosition(position, /[A-Za-z0-9](?:[A-Za-z0-9-]|\.(?=[0-9]))*/) ?? new vscode.Range(position, position);
  const replace = new vscode.Range(range.start, position);
  const typed = typedText(document, replace, position);
  const candidates = nameCandidates(atlas, typed, { recentIds: recent.ids, limit: 50 });
  if (candidates.length === 0) {
    return undefined;
  }
  const syntax = syntaxOf(document);
  const style = citationStyleOf(document);
  const index = bibKeyIndex(atlas, bibs);
  const items: vscode.CompletionItem[] = [];
  let preselected = false;
  for (const candidate of candidates) {
    const { model } = candidate;
    const name = new vscode.CompletionItem({ label: model.name, description: model.paper.date.slice(0, 4) }, vscode.CompletionItemKind.Value);
    name.detail = model.paper.title;
    cardOf.set(name, model);
    name.range = replace;
    // A user's model name may hold LaTeX specials (&, _, #): in LaTeX it goes in as text that prints it.
    const nameText = syntax === 'latex' ? escapeLatex(model.name) : model.name;
    name.insertText = nameText;
    items.push(finish(name, candidate, document, false, typed, `a${candidate.sortText}`));
    name.preselect = candidate.exact && !preselected;
    preselected ||= candidate.exact;
    if (isUnfinished(model)) {
      continue; // its name, but no citation until its entry is complete
    }

    const key = index.keyOfModel.get(model.id) ?? newKey?.(model) ?? keyToCite(bibs, model);
    const withCitation = formatNameWithCitation(nameText, key, syntax, style.latexCommand, style.setOff);
    const cited = new vscode.CompletionItem({ label: withCitation, description: vscode.l10n.t('with citation') }, vscode.CompletionItemKind.Reference);
    cited.detail = model.paper.title;
    cardOf.set(cited, model);
    cited.insertText = withCitation;
    cited.range = replace;
    items.push(finish(cited, candidate, document, true, typed, `a${candidate.sortText}~`));
  }
  return new vscode.CompletionList(items, true);
}

function finish(item: vscode.CompletionItem, candidate: Candidate, document: vscode.TextDocument, cites: boolean, filterText: string, sortText: string): vscode.CompletionItem {
  item.filterText = filterText;
  item.sortText = sortText;
  item.command = { title: '', command: CITATION_ACCEPTED, arguments: [candidate.model.id, document.uri.toString(), cites] };
  return item;
}
