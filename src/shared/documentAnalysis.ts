// Per-document facts that cost a scan of the whole text (where code and comments are), cached per version.
import type * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import { findCitationKeys, type CitedKey } from '../core/citations/citationContext';
import { citationSetOff, type CitationStyle } from '../core/citations/citationInsertion';
import { bibKeyIndex, modelOfCitedKey } from '../core/citations/citationKeys';
import { mostUsedCiteCommand } from '../core/citations/citationSyntax';
import { nonProseRanges } from '../core/documents/documentRegions';
import { isInside, type Range } from '../core/documents/ranges';
import type { Mention, MentionMatcher } from '../core/mentions/mentions';
import type { AtlasService } from './atlasService';
import { loadBibliographies, readableBibs } from './bibliography/parsedBibs';
import { syntaxOf } from './documentLanguages';
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

export const citedKeysOf = (document: vscode.TextDocument): Set<string> => citedKeys(document, undefined);

/**
 * How the document cites: with modelAtlas.citation.command when it is set, else the LaTeX command the document
 * uses most (\cite when it has none); a citation right after a word is set off as the document's are.
 */
export function citationStyleOf(document: vscode.TextDocument): Required<CitationStyle> {
  const style = styles(document, undefined);
  return { latexCommand: settings.citationCommandIfSet(document.uri) ?? style.command ?? '\\cite', setOff: style.setOff };
}

/**
 * Every mention in the document, code and comments included (callers skip those with nonProseOf): one scan
 * per version and atlas, shared by the In This Document view, the uncited-mention hints and Export BibTeX.
 */
export const mentionsOf: (document: vscode.TextDocument, matcher: MentionMatcher) => readonly Mention[] = perVersion((d, matcher: MentionMatcher) =>
  matcher.find(d.getText()),
);

/**
 * Every atlas model the document cites or mentions in prose, in atlas order; a cited key stands for what the
 * document's .bib says it is (liu2023visual is LLaVA), read only when the document cites something.
 */
export async function modelsInDocument(service: AtlasService, document: vscode.TextDocument): Promise<AtlasModel[]> {
  const atlas = service.atlas;
  const skip = nonProseOf(document);
  const citations = citationsOf(document).filter((c) => !isInside(skip, c.start));
  const index = citations.length > 0 ? bibKeyIndex(atlas, readableBibs(await loadBibliographies(document))) : undefined;
  const ids = new Set<string>();
  for (const citation of citations) {
    const model = index && modelOfCitedKey(atlas, index, citation.key);
    if (model) {
      ids.add(model.id);
    }
  }
  for (const mention of mentionsOf(document, atlas.matcher)) {
    if (!isInside(skip, mention.start)) {
      ids.add(mention.modelId);
    }
  }
  return atlas.models.filter((m) => ids.has(m.id));
}
