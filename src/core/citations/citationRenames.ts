// Citing one key instead of others throughout a document (\cite family and Pandoc), as offsets: a key that
// would then stand twice in one citation is dropped with its separator instead.
import type { CitationSyntax } from '../documents/syntax';
import type { Range } from '../documents/ranges';
import { isInside } from '../documents/ranges';
import { findCitationKeys, type CitedKey } from './citationContext';

export interface KeyEdit {
  start: number;
  end: number;
  text: string;
}

/** The edits that cite `to` wherever `text` cites one of `from` (keys compare without case, as BibTeX does). */
export function renameCitations(text: string, syntax: CitationSyntax, from: readonly string[], to: string, skip: readonly Range[] = []): KeyEdit[] {
  const renamed = new Set(from.map((k) => k.toLowerCase()));
  const keys = findCitationKeys(text, syntax).filter((k) => !isInside(skip, k.start));
  const edits: KeyEdit[] = [];
  let group: CitedKey[] = [];
  const flush = () => {
    const present = new Set(group.filter((k) => !renamed.has(k.key.toLowerCase())).map((k) => k.key.toLowerCase()));
    group.forEach((key, i) => {
      if (!renamed.has(key.key.toLowerCase())) {
        return;
      }
      if (!present.has(to.toLowerCase())) {
        present.add(to.toLowerCase());
        edits.push({ start: key.start, end: key.end, text: to });
        return;
      }
      // Already cited here: remove this key and the separator before it (or after it, for the first).
      const previous = group[i - 1];
      const next = group[i + 1];
      if (previous) {
        edits.push({ start: previous.end, end: key.end, text: '' });
      } else if (next) {
        const at = syntax === 'pandoc' ? 1 : 0; // from this key's "@" to the next one's
        edits.push({ start: key.start - at, end: next.start - at, text: '' });
      }
    });
    group = [];
  };
  keys.forEach((key, i) => {
    const previous = keys[i - 1];
    const between = previous ? text.slice(previous.end, key.start) : undefined;
    const sameCitation = between !== undefined && (syntax === 'latex' ? /^\s*,\s*$/.test(between) : /^\s*;\s*-?@$/.test(between));
    if (!sameCitation) {
      flush();
    }
    group.push(key);
  });
  flush();
  return edits;
}
