// What Check Bibliography finds: one code per kind of problem, its severity, and the facts a message or a
// fix needs. Offsets are into the text of the file the finding is in.
import type { AuthorDifferences } from './authorNames';

export const BIB_CODES = ['author-mismatch', 'title-mismatch', 'title-unprotected', 'year-mismatch', 'arxiv-mismatch', 'published-version', 'duplicate-paper'] as const;
export type BibCheckCode = (typeof BIB_CODES)[number];
export type CheckCode = BibCheckCode | 'citation-mismatch';
export const CHECK_CODES: readonly CheckCode[] = [...BIB_CODES, 'citation-mismatch'];

/** Wrong facts are warnings; a version to update and a title to protect are information. */
export function severityOf(code: CheckCode): 'warning' | 'information' {
  return code === 'published-version' || code === 'title-unprotected' ? 'information' : 'warning';
}

/** Fixes that change nothing a reader could disagree with: the published version, and braces. */
export function isSafeFix(code: CheckCode): boolean {
  return code === 'published-version' || code === 'title-unprotected';
}

interface EntryFindingBase {
  /** The entry's key and its index in its file's entries. */
  key: string;
  entryIndex: number;
  /** The atlas paper the entry is (for arxiv-mismatch on another paper: the paper the id belongs to). */
  modelId: string;
  start: number;
  end: number;
}

export type BibFinding = EntryFindingBase &
  (
    | { code: 'author-mismatch'; differences: AuthorDifferences }
    | { code: 'title-mismatch'; expected: string }
    | { code: 'title-unprotected'; words: string[] }
    | { code: 'year-mismatch'; written: string; expected: string }
    /** `expected` is undefined when the entry is another paper that borrowed this id. */
    | { code: 'arxiv-mismatch'; written: string; expected: string | undefined }
    | { code: 'published-version'; venue: string }
    | { code: 'duplicate-paper'; others: Array<{ key: string; file: number }> }
  );

export interface CitationMismatch {
  code: 'citation-mismatch';
  /** The key or keys of the citation that follows the name. */
  start: number;
  end: number;
  /** The model named, and the offsets of its name. */
  modelId: string;
  nameStart: number;
  nameEnd: number;
  keys: string[];
  /** What the cited keys are: an atlas model's id, or the title the .bib gives. */
  cited: Array<{ key: string; modelId?: string; title?: string }>;
}
