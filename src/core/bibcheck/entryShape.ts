// Reading what kind of reference an entry is: an arXiv-only preprint or a published version, in BibTeX or
// biblatex fields, and its year.
import type { BibEntry } from '../bibtex/parse';

const PREPRINT_TYPES = new Set(['misc', 'unpublished', 'online', 'preprint', 'electronic', 'www']);
const ARXIV_CONTAINER = /\barxiv\b|^\s*corr\s*$|^\s*arxiv|\bcorr\s+abs/i;

/** An arXiv (or otherwise unpublished) version: @misc, @unpublished, @online, or an @article in arXiv or CoRR. */
export function isPreprintEntry(entry: BibEntry): boolean {
  if (entry.fields.booktitle !== undefined) {
    return false;
  }
  if (PREPRINT_TYPES.has(entry.type)) {
    return true;
  }
  const journal = entry.fields.journal ?? entry.fields.journaltitle;
  return entry.type === 'article' && (journal === undefined ? entry.fields.eprint !== undefined : ARXIV_CONTAINER.test(journal));
}

/** Whether a field's value names arXiv or CoRR as the venue: the journal of a preprint. */
export function isArxivContainer(value: string): boolean {
  return ARXIV_CONTAINER.test(value);
}

/** biblatex's own fields, so a fix writes journaltitle rather than journal. */
export function usesBiblatex(entry: BibEntry): boolean {
  const f = entry.fields;
  return f.journaltitle !== undefined || f.date !== undefined || f.eprinttype !== undefined || f.eprintclass !== undefined || entry.type === 'online';
}

export interface WrittenYear {
  field: 'year' | 'date';
  year: string;
}

/** The year from `year`, or biblatex's `date` (2023-07-23). */
export function writtenYear(entry: BibEntry): WrittenYear | undefined {
  const year = /\b(1[89]|20)\d{2}\b/.exec(entry.fields.year ?? '')?.[0];
  if (year) {
    return { field: 'year', year };
  }
  const date = /^\s*((1[89]|20)\d{2})/.exec(entry.fields.date ?? '')?.[1];
  return date ? { field: 'date', year: date } : undefined;
}
