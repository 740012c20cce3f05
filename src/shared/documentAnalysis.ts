// Per-document facts that cost a scan of the whole text (where code and comments are), cached per version.
import type * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import type { AtlasIndex } from '../core/atlas/atlasIndex';
import { findCitedKeys } from '../core/citations/citationContext';
import { nonProseRanges } from '../core/documents/documentRegions';
import { isInside, type Range } from '../core/documents/ranges';
import type { Mention, MentionMatcher } from '../core/mentions/mentions';
import { syntaxOf } from './documentLanguages';

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
const citedKeys = perVersion((d) => findCitedKeys(d.getText(), syntaxOf(d)));

export const nonProseOf = (document: vscode.TextDocument): Range[] => nonProse(document, undefined);

export const citedKeysOf = (document: vscode.TextDocument): Set<string> => citedKeys(document, undefined);

/**
 * Every mention in the document, code and comments included (callers skip those with nonProseOf): one scan
 * per version and atlas, shared by the In This Document view, the uncited-mention hints and Export BibTeX.
 */
export const mentionsOf: (document: vscode.TextDocument, matcher: MentionMatcher) => readonly Mention[] = perVersion((d, matcher: MentionMatcher) =>
  matcher.find(d.getText()),
);

/** Every atlas model the document cites (by an atlas key) or mentions in prose, in atlas order. */
export function modelsInDocument(atlas: AtlasIndex, document: vscode.TextDocument): AtlasModel[] {
  const ids = new Set<string>();
  for (const key of citedKeysOf(document)) {
    const model = atlas.byCitationKey(key);
    if (model) {
      ids.add(model.id);
    }
  }
  const skip = nonProseOf(document);
  for (const mention of mentionsOf(document, atlas.matcher)) {
    if (!isInside(skip, mention.start)) {
      ids.add(mention.modelId);
    }
  }
  return atlas.models.filter((m) => ids.has(m.id));
}
