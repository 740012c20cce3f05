// Per-document facts that cost a scan of the whole text (where code and comments are), cached per version.
import type * as vscode from 'vscode';
import { findCitedKeys } from '../core/citationContext';
import { nonProseRanges, type Range } from '../core/documentRegions';
import type { Mention, MentionMatcher } from '../core/mentions';
import { syntaxOf } from './documentLanguages';

/** A per-document value recomputed only when the document's version changes. */
function perVersion<T>(compute: (document: vscode.TextDocument) => T): (document: vscode.TextDocument) => T {
  const cache = new WeakMap<vscode.TextDocument, { version: number; value: T }>();
  return (document) => {
    const hit = cache.get(document);
    if (hit && hit.version === document.version) {
      return hit.value;
    }
    const value = compute(document);
    cache.set(document, { version: document.version, value });
    return value;
  };
}

export const nonProseOf: (document: vscode.TextDocument) => Range[] = perVersion((d) => nonProseRanges(d.getText(), syntaxOf(d)));

export const citedKeysOf: (document: vscode.TextDocument) => Set<string> = perVersion((d) => findCitedKeys(d.getText(), syntaxOf(d)));

const mentionCache = new WeakMap<vscode.TextDocument, { version: number; matcher: MentionMatcher; mentions: Mention[] }>();

/**
 * Every mention in the document, code and comments included (callers skip those with nonProseOf): one scan
 * per version and atlas, shared by the In This Document view, the uncited-mention hints and Export BibTeX.
 */
export function mentionsOf(document: vscode.TextDocument, matcher: MentionMatcher): readonly Mention[] {
  const hit = mentionCache.get(document);
  if (hit && hit.version === document.version && hit.matcher === matcher) {
    return hit.mentions;
  }
  const mentions = matcher.find(document.getText());
  mentionCache.set(document, { version: document.version, matcher, mentions });
  return mentions;
}
