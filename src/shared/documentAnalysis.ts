// Per-document facts that cost a scan of the whole text (where code and comments are, which mentions stand),
// cached per version.
import type * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import type { AtlasIndex } from '../core/atlas/atlasIndex';
import type { BibFile } from '../core/bibtex/parse';
import { findCitationKeys, type CitedKey } from '../core/citations/citationContext';
import { citationSetOff, type CitationStyle } from '../core/citations/citationInsertion';
import { citedModelOf } from '../core/citations/citationKeys';
import { mostUsedCiteCommand } from '../core/citations/citationSyntax';
import { proseRangesInCode } from '../core/code/codeProse';
import { nonProseRanges } from '../core/documents/documentRegions';
import type { Range } from '../core/documents/ranges';
import { documentMentions, mentionRules, type DocumentMentions } from '../core/mentions/documentMentions';
import type { Mention, MentionMatcher } from '../core/mentions/mentions';
import type { AtlasService } from './atlasService';
import { bibliographiesToRead } from './bibliography/parsedBibs';
import { codeLanguageOf, isServed, syntaxOf } from './documentLanguages';
import { fileOf, partsOf } from './notebookCells';
import { settings } from './settings';

/**
 * A per-document value recomputed only when the document's version changes, or the `input` it was computed
 * from (the atlas's matcher, say) is another one.
 */
function perVersion<T, I = undefined>(compute: (document: vscode.TextDocument, input: I) => T): (document: vscode.TextDocument, input: I) => T {
  const cache = new WeakMap<vscode.TextDocument, { version: number; input: I; value: T }>();
  return (document, input) => {
    const hit = cache.get(document);
    if (hit && hit.version === document.version && hit.input === input) {
      return hit.value;
    }
    const value = compute(document, input);
    cache.set(document, { version: document.version, input, value });
    return value;
  };
}

const nonProse = perVersion((d) => nonProseRanges(d.getText(), syntaxOf(d)));
const citations = perVersion((d) => findCitationKeys(d.getText(), syntaxOf(d)));
const citedKeys = perVersion((d) => new Set(citationsOf(d).map((c) => c.key)));
const styles = perVersion((d) => ({ command: mostUsedCiteCommand(d.getText()), setOff: citationSetOff(d.getText(), syntaxOf(d)) }));

export const nonProseOf = (document: vscode.TextDocument): Range[] => nonProse(document, undefined);

/** Every citation key in the document, in order, with its offsets. */
export const citationsOf = (document: vscode.TextDocument): readonly CitedKey[] => citations(document, undefined);

const codeProse = perVersion((d) => {
  const language = codeLanguageOf(d);
  return language ? proseRangesInCode(d.getText(), language) : [];
});

/** A code document's comments and docstrings, where model names count as prose. */
export const codeProseOf = (document: vscode.TextDocument): Range[] => codeProse(document, undefined);

export const citedKeysOf = (document: vscode.TextDocument): Set<string> => citedKeys(document, undefined);

/**
 * How the document cites: with modelAtlas.citation.command when it is set, else the LaTeX command the document
 * uses most (\cite when it has none); a citation right after a word is set off as the document's are.
 */
export function citationStyleOf(document: vscode.TextDocument): Required<CitationStyle> {
  const style = styles(document, undefined);
  return { latexCommand: settings.citationCommandIfSet(fileOf(document)) ?? style.command ?? '\\cite', setOff: style.setOff };
}

/** Every candidate the matcher finds in the document, code and comments included: one scan per version and atlas. */
const candidatesOf: (document: vscode.TextDocument, matcher: MentionMatcher) => readonly Mention[] = perVersion((d, matcher: MentionMatcher) =>
  matcher.find(d.getText()),
);

const decided = new WeakMap<vscode.TextDocument, { version: number; atlas: AtlasIndex; bibs: readonly BibFile[]; value: DocumentMentions }>();

function sameBibs(a: readonly BibFile[], b: readonly BibFile[]): boolean {
  return a.length === b.length && a.every((bib, i) => bib === b[i]);
}

/** The mentions every feature counts (mentionContext's rules), with what the document's .bib files say its citations are. */
function decide(document: vscode.TextDocument, atlas: AtlasIndex, bibs: readonly BibFile[]): DocumentMentions {
  const hit = decided.get(document);
  if (hit && hit.version === document.version && hit.atlas === atlas && sameBibs(hit.bibs, bibs)) {
    return hit.value;
  }
  const value = documentMentions(document.getText(), candidatesOf(document, atlas.matcher), nonProseOf(document), mentionRules(atlas, syntaxOf(document), bibs));
  decided.set(document, { version: document.version, atlas, bibs, value });
  return value;
}

/**
 * The document's mentions as the hover, In This Document, Export BibTeX, the writing aids and the hints count
 * them: decided once per version, atlas and .bib contents.
 */
export async function documentMentionsOf(document: vscode.TextDocument, atlas: AtlasIndex): Promise<DocumentMentions> {
  return decide(document, atlas, await bibliographiesToRead(document));
}

/**
 * The names as written, before the cited paper wins over the name before it: for Check Bibliography's
 * citation-mismatch, which asks exactly whether a name is followed by another paper's citation. Ordinary words
 * count only where the decision keeps their model.
 */
export async function namesAsWrittenOf(document: vscode.TextDocument, atlas: AtlasIndex): Promise<Mention[]> {
  const { supported } = await documentMentionsOf(document, atlas);
  return candidatesOf(document, atlas.matcher).filter((m) => !m.ordinary || supported.has(m.modelId));
}

/**
 * The same without waiting for the .bib files (the Markdown preview renders synchronously): the last decision
 * for this version, else one that knows citations by their atlas keys only.
 */
export function documentMentionsNow(document: vscode.TextDocument, atlas: AtlasIndex): DocumentMentions {
  const hit = decided.get(document);
  return hit && hit.version === document.version && hit.atlas === atlas ? hit.value : decide(document, atlas, []);
}

/**
 * Every atlas model the document (for a notebook cell: any served cell of its notebook) cites (by a key its
 * .bib or the atlas knows) or mentions, in atlas order.
 */
export async function modelsInDocument(service: AtlasService, document: vscode.TextDocument): Promise<AtlasModel[]> {
  const atlas = (await service.atlas());
  const bibs = await bibliographiesToRead(document);
  const ids = new Set<string>();
  for (const { document: part } of partsOf(document, isServed)) {
    for (const key of citedKeysOf(part)) {
      const id = citedModelOf(atlas, bibs, key);
      if (id) {
        ids.add(id);
      }
    }
    for (const mention of decide(part, atlas, bibs).mentions) {
      ids.add(mention.modelId);
    }
  }
  return atlas.models.filter((m) => ids.has(m.id));
}
