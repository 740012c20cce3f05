// Finding model mentions: whole words, longest spelling first ("BLIP" never inside "BLIP-2"), read by
// character codes with one table lookup per candidate word (see the README's design notes).
import { CHAR_CLASS, foldAlphanumeric, hashStep, startsWord, UPPER } from './mentionChars';
import { SpellingTable, type Spelling } from './spellingTable';

export type { Spelling } from './spellingTable';

export interface Mention {
  modelId: string;
  start: number;
  end: number;
  /** The spelling as it stands in the text. */
  text: string;
}

export class MentionMatcher {
  private readonly table: SpellingTable;

  constructor(spellings: Iterable<Spelling>) {
    this.table = new SpellingTable(spellings);
  }

  /** Every mention in `text[from, to)`, in order and non-overlapping. */
  find(text: string, from = 0, to = text.length): Mention[] {
    const mentions: Mention[] = [];
    this.scan(text, from, to, -1, mentions);
    return mentions;
  }

  /**
   * The mention covering `offset`, as a scan of the line span from its start would find it, reading only the
   * few words before `offset` that a mention covering it could start at (a hover on a long paragraph's last
   * word does not scan the paragraph).
   */
  findAt(text: string, offset: number, lineStart: number, lineEnd: number): Mention | undefined {
    return this.scan(text, this.scanStartFor(text, offset, lineStart, lineEnd), lineEnd, offset, undefined);
  }

  /**
   * With `all`, collects every mention in `text[from, to)` into it; without, returns the first mention
   * covering `offset`, reading no word that starts after it.
   */
  private scan(text: string, from: number, to: number, offset: number, all: Mention[] | undefined): Mention | undefined {
    const length = text.length;
    const table = this.table;
    let i = from;
    while (i < to) {
      let c = text.charCodeAt(i);
      if (CHAR_CLASS[c] === 0) {
        i++;
        continue;
      }
      if (!all && i > offset) {
        return undefined;
      }
      const start = i;
      let hash = 0;
      let classes = 0;
      for (let k: number; i < length && (k = CHAR_CLASS[(c = text.charCodeAt(i))]) !== 0; i++) {
        classes |= k;
        hash = hashStep(hash, foldAlphanumeric(c));
      }
      const hasUpper = (classes & UPPER) !== 0;
      const end = table.mayStart(hash, hasUpper) && startsWord(text, start) ? table.matchAt(text, start, i, hash, hasUpper, to) : -1;
      if (end >= 0) {
        // A hover passes over the mentions before the cursor without making objects for them.
        if (all || (start <= offset && offset <= end)) {
          const mention = { modelId: table.matchedModelId, start, end, text: text.slice(start, end) };
          if (!all) {
            return mention;
          }
          all.push(mention);
        }
        i = end;
      }
    }
    return undefined;
  }

  /**
   * A place at or before `offset` that a scan from `lineStart` certainly reaches outside any mention, so a
   * scan from it finds the same mentions from there on: one that no spelling matching at a word start within
   * the longest spelling's length before it runs past. A spelling that does moves the candidate back to where
   * it starts, until one is safe or the line start is near.
   */
  private scanStartFor(text: string, offset: number, lineStart: number, lineEnd: number): number {
    const longest = this.table.longestSpelling;
    let candidate = Math.min(offset, lineEnd);
    while (candidate > lineStart && CHAR_CLASS[text.charCodeAt(candidate - 1)] !== 0) {
      candidate--; // back to the start of the word around the cursor
    }
    for (;;) {
      if (candidate - lineStart < longest) {
        return lineStart; // as cheap as any check, and reached by definition
      }
      const overrunning = this.firstOverrunningStart(text, candidate - longest + 1, candidate, lineEnd);
      if (overrunning === candidate) {
        return candidate;
      }
      candidate = overrunning;
    }
  }

  /**
   * The first word start in `[from, candidate)` whose longest spelling runs past `candidate`, or `candidate`
   * when none does. `from` may fall inside a word: that word's tail is no word start.
   */
  private firstOverrunningStart(text: string, from: number, candidate: number, lineEnd: number): number {
    const table = this.table;
    let i = from;
    if (i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] !== 0) {
      while (i < candidate && CHAR_CLASS[text.charCodeAt(i)] !== 0) {
        i++;
      }
    }
    while (i < candidate) {
      let c = text.charCodeAt(i);
      if (CHAR_CLASS[c] === 0) {
        i++;
        continue;
      }
      const start = i;
      let hash = 0;
      let classes = 0;
      for (let k: number; i < text.length && (k = CHAR_CLASS[(c = text.charCodeAt(i))]) !== 0; i++) {
        classes |= k;
        hash = hashStep(hash, foldAlphanumeric(c));
      }
      const hasUpper = (classes & UPPER) !== 0;
      if (table.mayStart(hash, hasUpper) && startsWord(text, start) && table.matchAt(text, start, i, hash, hasUpper, lineEnd) > candidate) {
        return start;
      }
    }
    return candidate;
  }
}
