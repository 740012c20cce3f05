// The user's own .bib entries to offer for a citation key (papers the atlas does not hold): matched by key,
// author surname, year or title word, as a writer remembers them; cited ones first.
import type { BibEntry, BibFile } from '../bibtex/parse';

export interface BibEntryCandidate {
  entry: BibEntry;
  /** The typed text is the entry's key. */
  exact: boolean;
}

export interface BibEntryOptions {
  /** Lower-case keys not to offer (the atlas items already offer them, or the citation holds them). */
  exclude?: ReadonlySet<string>;
  /** Lower-case keys the document cites: offered first. */
  cited?: ReadonlySet<string>;
  limit?: number;
}

const MIN_WORD_PREFIX = 3;
const DEFAULT_LIMIT = 100;

interface EntryWords {
  key: string;
  /** Surnames and the year: matched from the first character. */
  people: string[];
  /** Title words: matched from MIN_WORD_PREFIX characters. */
  words: string[];
}

const wordsCache = new WeakMap<BibEntry, EntryWords>();

function surnames(authors: string): string[] {
  return authors.split(/\s+and\s+/).map((author) => {
    const name = author.includes(',') ? author.slice(0, author.indexOf(',')) : author.trim().split(/\s+/).pop() ?? '';
    return name.replace(/[{}\\'"`^~]/g, '').trim().toLowerCase();
  });
}

function wordsOf(entry: BibEntry): EntryWords {
  let words = wordsCache.get(entry);
  if (!words) {
    const f = entry.fields;
    words = {
      key: entry.key.toLowerCase(),
      people: [...surnames(f.author ?? f.editor ?? ''), (f.year ?? f.date ?? '').slice(0, 4)].filter((w) => w !== ''),
      words: (f.title ?? '').toLowerCase().replace(/[{}]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3),
    };
    wordsCache.set(entry, words);
  }
  return words;
}

/** 0 exact key, 1 key prefix or substring, 2 another word, undefined no match. */
function matchRank(words: EntryWords, lower: string): number | undefined {
  if (lower === '') {
    return 1;
  }
  if (words.key === lower) {
    return 0;
  }
  if (words.key.startsWith(lower) || (lower.length >= MIN_WORD_PREFIX && words.key.includes(lower))) {
    return 1;
  }
  if (words.people.some((w) => w.startsWith(lower)) || (lower.length >= MIN_WORD_PREFIX && words.words.some((w) => w.startsWith(lower)))) {
    return 2;
  }
  return undefined;
}

/** Entries of `bibs` (each key once, the first file's) that match `prefix`: exact key, cited, then file order. */
export function bibEntryCandidates(bibs: readonly BibFile[], prefix: string, options: BibEntryOptions = {}): BibEntryCandidate[] {
  const lower = prefix.toLowerCase();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const seen = new Set(options.exclude ?? []);
  const found: Array<{ entry: BibEntry; rank: number; order: number }> = [];
  for (const bib of bibs) {
    for (const entry of bib.entries) {
      const words = wordsOf(entry);
      if (seen.has(words.key)) {
        continue;
      }
      seen.add(words.key);
      const rank = matchRank(words, lower);
      if (rank !== undefined) {
        const cited = options.cited?.has(words.key) && rank > 0;
        found.push({ entry, rank: cited ? 0.5 : rank, order: found.length });
      }
    }
  }
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return found.slice(0, limit).map(({ entry, rank }) => ({ entry, exact: rank === 0 }));
}
