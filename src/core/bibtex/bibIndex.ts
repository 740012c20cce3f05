// Lookups into a parsed .bib by key, arXiv id, DOI and title, built once per parse (a parse is cached per
// file version), so completion and hovers ask in constant time instead of scanning every entry per model.
import { arxivIdsOf, doisOf, normalizeTitle } from './match';
import type { BibEntry, BibFile } from './parse';

export class BibIndex {
  private keys: Map<string, BibEntry> | undefined;
  private arxivIds: Map<string, BibEntry> | undefined;
  private dois: Map<string, BibEntry> | undefined;
  private titles: Map<string, BibEntry> | undefined;

  constructor(private readonly bib: BibFile) {}

  /** The first entry with this key, compared without case as BibTeX does. */
  byKey(key: string): BibEntry | undefined {
    return this.entriesByKey().get(key.toLowerCase());
  }

  /** Each key in lower case with the first entry holding it, in the file's order. */
  entriesByKey(): ReadonlyMap<string, BibEntry> {
    this.keys ??= firstBy(this.bib.entries, (e) => e.key.toLowerCase());
    return this.keys;
  }

  /** The first entry naming this arXiv id (lower case, no version). */
  byArxiv(id: string): BibEntry | undefined {
    this.arxivIds ??= firstBy(this.bib.entries, (e) => arxivIdsOf(e));
    return this.arxivIds.get(id);
  }

  /** The first entry with this DOI (normalised). */
  byDoi(doi: string): BibEntry | undefined {
    this.dois ??= firstBy(this.bib.entries, doisOf);
    return this.dois.get(doi);
  }

  /** The first entry whose normalised title is this one. */
  byTitle(normalized: string): BibEntry | undefined {
    this.titles ??= firstBy(this.bib.entries, (e) => (e.fields.title === undefined ? undefined : normalizeTitle(e.fields.title)));
    return this.titles.get(normalized);
  }
}

/**
 * Each key `keysOf` gives (one, several or none per entry) with the first entry giving it. A single key comes
 * as a string, not an array: the key map reads every key of a 10,000-entry file on a key's first use.
 */
function firstBy(entries: readonly BibEntry[], keysOf: (entry: BibEntry) => string | Iterable<string> | undefined): Map<string, BibEntry> {
  const map = new Map<string, BibEntry>();
  const add = (key: string, entry: BibEntry) => {
    if (!map.has(key)) {
      map.set(key, entry);
    }
  };
  for (const entry of entries) {
    const keys = keysOf(entry);
    if (typeof keys === 'string') {
      add(keys, entry);
    } else if (keys !== undefined) {
      for (const key of keys) {
        add(key, entry);
      }
    }
  }
  return map;
}

const indexes = new WeakMap<BibFile, BibIndex>();

export function bibIndex(bib: BibFile): BibIndex {
  let index = indexes.get(bib);
  if (!index) {
    index = new BibIndex(bib);
    indexes.set(bib, index);
  }
  return index;
}
