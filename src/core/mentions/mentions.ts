// Finding model mentions: whole words, longest spelling first ("BLIP" never inside "BLIP-2"), read by
// character codes with one table lookup per candidate word (see the README's design notes).
import { CHAR_CLASS, foldAlphanumeric, hashStep, hashWord, isCjk, isUpper, startsWord, UPPER } from './mentionChars';
import { checkpointEnd, gluedSizeStart, namesAnotherThing } from './nameSuffixes';
import { SpellingTable, type Spelling } from './spellingTable';

export type { Spelling } from './spellingTable';

export interface Mention {
  modelId: string;
  start: number;
  end: number;
  /** The spelling as it stands in the text (with a checkpoint after it: "LLaVA-1.5-7B"). */
  text: string;
  /** Written as an ordinary word ("Florence"): only the text around it can say it names the model (mentionContext). */
  ordinary?: true;
  /** An ordinary word that only evidence right beside it makes a name ("Frozen", "Clip"). */
  strict?: true;
}

/** "-", ".", "/" and "@": the characters besides letters and digits that join a checkpoint's words. */
function isChainJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2e || c === 0x2f || c === 0x40;
}

export class MentionMatcher {
  private readonly table: SpellingTable;
  /** Names that are not models, written with a CJK prefix ("中文CLIP"): the lower-case rest, and its prefixes. */
  private readonly notAfterPrefix: Array<{ rest: string; prefix: string }> = [];

  constructor(spellings: Iterable<Spelling>) {
    const inTable: Spelling[] = [];
    for (const spelling of spellings) {
      const prefix = /^[^\x00-\x7f]+(?=[A-Za-z0-9])/.exec(spelling.spelling.trim())?.[0];
      if (prefix && spelling.modelId === '') {
        this.notAfterPrefix.push({ rest: spelling.spelling.trim().slice(prefix.length).toLowerCase(), prefix });
      } else {
        inTable.push(spelling);
      }
    }
    this.table = new SpellingTable(inTable);
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
      const end = this.matchWord(text, start, i, hash, (classes & UPPER) !== 0, to);
      if (end >= 0) {
        // A hover passes over the mentions before the cursor without making objects for them; a name that is
        // no atlas model ("Audio Flamingo") is passed over whole.
        if (table.matchedModelId !== '' && (all || (start <= offset && offset <= end)) && !this.afterNotModelPrefix(text, start, end)) {
          const mention: Mention = { modelId: table.matchedModelId, start, end, text: text.slice(start, end) };
          if (table.matchedOrdinary) {
            mention.ordinary = true;
          }
          if (table.matchedStrict) {
            mention.strict = true;
          }
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
    // Back to the start of the words around the cursor that a checkpoint chains without a space ("-500M",
    // "-Instruct", ".5", "/14", "@336px"): a checkpoint may run on past the longest spelling's reach, so a
    // mention covering the cursor can start any number of such words back.
    while (candidate > lineStart && (CHAR_CLASS[text.charCodeAt(candidate - 1)] !== 0 || isChainJoiner(text.charCodeAt(candidate - 1)))) {
      candidate--;
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
      if (this.matchWord(text, start, i, hash, (classes & UPPER) !== 0, lineEnd) > candidate) {
        return start;
      }
    }
    return candidate;
  }

  /**
   * Where the name starting at the word `text[start, wordEnd)` ends (the table's matched model set), or -1: the
   * table's longest spelling, any case when the word is glued to CJK text, with a size glued to the word
   * ("Flamingo80B") or a checkpoint after it, never one that a version or compound makes another name.
   */
  private matchWord(text: string, start: number, wordEnd: number, hash: number, hasUpper: boolean, limit: number): number {
    const table = this.table;
    let end = -1;
    if (table.mayStart(hash, hasUpper)) {
      if (!startsWord(text, start)) {
        return -1;
      }
      end = table.matchAt(text, start, wordEnd, hash, hasUpper, limit);
    }
    if (end < 0 && (isCjk(text.charCodeAt(start - 1)) || isCjk(text.charCodeAt(wordEnd))) && table.mayStart(hash, true) && startsWord(text, start)) {
      end = table.matchAt(text, start, wordEnd, hash, hasUpper, limit, true);
    }
    if (end < 0) {
      return this.matchBeforeGluedSize(text, start, wordEnd, limit);
    }
    if (namesAnotherThing(text, end)) {
      return -1;
    }
    const spaced = !table.matchedOrdinary || isUpper(text.charCodeAt(start + 1));
    const checkpoint = checkpointEnd(text, end, limit, spaced);
    return checkpoint > end ? checkpoint : end;
  }

  /** Whether the name at `start` is the end of a name that is not a model ("中文CLIP"). */
  private afterNotModelPrefix(text: string, start: number, end: number): boolean {
    if (this.notAfterPrefix.length === 0 || !(text.charCodeAt(start - 1) > 127)) {
      return false;
    }
    const written = text.slice(start, end).toLowerCase();
    return this.notAfterPrefix.some(({ rest, prefix }) => written.startsWith(rest) && text.endsWith(prefix, start));
  }

  /** "Flamingo80B": the name before a size glued to the word, with the size as its checkpoint; or -1. */
  private matchBeforeGluedSize(text: string, start: number, wordEnd: number, limit: number): number {
    const size = gluedSizeStart(text, start, wordEnd);
    if (size < 0 || !startsWord(text, start)) {
      return -1;
    }
    const hash = hashWord(text, start, size);
    const hasUpper = /[A-Z]/.test(text.slice(start, size));
    const table = this.table;
    return table.mayStart(hash, hasUpper) && table.matchAt(text, start, size, hash, hasUpper, wordEnd) === size ? checkpointEnd(text, size, limit) : -1;
  }
}
