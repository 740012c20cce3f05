// Finding model mentions in text: whole words only, longest spelling first, so "BLIP" never
// matches inside "BLIP-2" and "BEiT" not inside "VL-BEiT". Work is one Map lookup per word: the text is
// read by character codes in place (no regex, no slice per word or per candidate spelling), because a
// full scan of a 1 MB thesis runs after every edit and a hover on every pause of the mouse.

export interface Mention {
  modelId: string;
  start: number;
  end: number;
  /** The spelling as it stands in the text. */
  text: string;
}

/**
 * Spellings sharing a folded first word, longest (folded) first. `items` holds three slots per spelling:
 * the model id, the spelling as written (shared with the model, so no copy per spelling at 100,000
 * models), and its lower-case form only when that is not plain ASCII (compared the slow, exact way).
 * An all-lower-case spelling only matches lower-case text; others match any case but all-lower ("blip",
 * "flamingo" stay prose).
 */
interface Bucket {
  wordLength: number;
  items: Array<string | undefined>;
  /**
   * Per spelling, its lower-case character after the first word, so most spellings are passed over
   * without a call; NO_NEXT_CHAR when it has none or is compared the slow way.
   */
  nextChars: string;
  /** Per spelling, 1 when it matches only in the case written; absent when no spelling of the bucket does. */
  exactCase: Uint8Array | undefined;
  /** Another first word with the same hash. */
  next: Bucket | undefined;
}

const STRIDE = 3;
const NO_NEXT_CHAR = 0;
/** Bits in the filter of first-word hashes: most words in prose start no spelling, and a bit test is cheaper than a Map lookup. */
const FILTER_BITS = 1 << 20;

const ALPHANUMERIC = 1;
const UPPER = 2;
/** Per UTF-16 code unit: ALPHANUMERIC for [A-Za-z0-9], plus UPPER for [A-Z]; a table load beats range tests in the scan. */
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) {
  CHAR_CLASS[c] = ALPHANUMERIC;
}
for (let c = 97; c <= 122; c++) {
  CHAR_CLASS[c] = ALPHANUMERIC;
  CHAR_CLASS[c - 32] = ALPHANUMERIC | UPPER;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** [A-Za-z0-9_]; NaN (past either end) is not. */
function isWordChar(c: number): boolean {
  return isAlphanumeric(c) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** "-", U+2010 hyphen, U+2011 non-breaking hyphen. */
function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** ASCII lower case; letters and digits only, which is all a first word holds. */
function foldAlphanumeric(c: number): number {
  return c | 0x20;
}

function hashStep(hash: number, folded: number): number {
  return (Math.imul(hash, 31) + folded) & 0x3fffffff;
}

/**
 * Whether the text at `at` carries on the word that just ended: a letter or digit, a hyphen before an
 * upper-case letter or digit ("BLIP-Diffusion", "LLaVA-1.5"), or a dot between digits. A hyphen before a
 * lower-case letter is a suffix ("BLIP-based"), so the mention stands.
 */
function continuesWord(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (isWordChar(c)) {
    return true;
  }
  const next = text.charCodeAt(at + 1);
  if (isHyphen(c) && (isUpper(next) || isDigit(next))) {
    return true;
  }
  return c === 46 && isDigit(next) && isDigit(text.charCodeAt(at - 1));
}

function startsWord(text: string, at: number): boolean {
  if (at === 0) {
    return true;
  }
  const before = text.charCodeAt(at - 1);
  if (isWordChar(before)) {
    return false;
  }
  return !(isHyphen(before) && isWordChar(text.charCodeAt(at - 2)));
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      return false;
    }
  }
  return true;
}

function hasAsciiUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (isUpper(s.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}

/** Where a word of [A-Za-z0-9] starting at `start` ends. */
function wordEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && isAlphanumeric(s.charCodeAt(i))) {
    i++;
  }
  return i;
}

function hashWord(s: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    hash = hashStep(hash, foldAlphanumeric(s.charCodeAt(i)));
  }
  return hash;
}

export interface Spelling {
  modelId: string;
  spelling: string;
  /** Matches only in the case written ("ALIGN", never "align" or "Align"). */
  matchCase?: boolean;
}

interface PendingSpelling {
  modelId: string;
  spelling: string;
  folded: string;
  matchCase: boolean;
}

export class MentionMatcher {
  private readonly buckets = new Map<number, Bucket>();
  private readonly firstWordFilter = new Uint32Array(FILTER_BITS >>> 5);
  /** The model of the spelling matchAt found last. */
  private matchedModelId = '';
  /** The most code units a mention can span: no mention starts further back than this from any it covers. */
  private longestSpelling = 0;

  constructor(spellings: Iterable<Spelling>) {
    const pending = new Map<string, PendingSpelling[]>();
    for (const { modelId, spelling, matchCase = false } of spellings) {
      const trimmed = spelling.trim();
      const firstEnd = wordEnd(trimmed, 0);
      if (firstEnd === 0) {
        continue;
      }
      const bucketKey = trimmed.slice(0, firstEnd).toLowerCase();
      const folded = trimmed.toLowerCase();
      this.longestSpelling = Math.max(this.longestSpelling, trimmed.length, folded.length);
      const bucket = pending.get(bucketKey);
      if (!bucket) {
        pending.set(bucketKey, [{ modelId, spelling: trimmed, folded, matchCase }]);
      } else if (!bucket.some((s) => s.folded === folded)) {
        bucket.push({ modelId, spelling: trimmed, folded, matchCase });
      }
    }
    for (const [word, list] of pending) {
      list.sort((a, b) => b.folded.length - a.folded.length);
      // Sized up front: a pushed-to array reserves room for 17 slots, and most buckets hold one spelling.
      const items = new Array<string | undefined>(list.length * STRIDE);
      const nextCodes: number[] = [];
      list.forEach((s, k) => {
        const plain = isAscii(s.spelling) && isAscii(s.folded);
        items[k * STRIDE] = s.modelId;
        items[k * STRIDE + 1] = s.spelling;
        items[k * STRIDE + 2] = plain ? undefined : s.folded;
        nextCodes.push(plain && s.folded.length > word.length ? s.folded.charCodeAt(word.length) : NO_NEXT_CHAR);
      });
      const nextChars = String.fromCharCode(...nextCodes);
      const exactCase = list.some((s) => s.matchCase) ? Uint8Array.from(list, (s) => (s.matchCase ? 1 : 0)) : undefined;
      const hash = hashWord(word, 0, word.length);
      this.firstWordFilter[(hash & (FILTER_BITS - 1)) >>> 5] |= 1 << (hash & 31);
      this.buckets.set(hash, { wordLength: word.length, items, nextChars, exactCase, next: this.buckets.get(hash) });
    }
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
   * A word start at or before `offset` that a scan from `lineStart` certainly reaches as a word start (not
   * inside a mention), so a scan from it finds the same mentions from there on. A word start is reached when
   * no spelling matching at a word start within the longest spelling's length before it runs past it; a
   * spelling that does moves the candidate back to where it starts, until one is safe or the line starts.
   */
  private scanStartFor(text: string, offset: number, lineStart: number, lineEnd: number): number {
    let candidate = Math.min(offset, lineEnd);
    while (candidate > lineStart && CHAR_CLASS[text.charCodeAt(candidate - 1)] !== 0) {
      candidate--; // back to the start of the word around the cursor
    }
    for (;;) {
      if (candidate - lineStart < this.longestSpelling) {
        return lineStart; // as cheap as any check, and reached by definition
      }
      const overrunning = this.firstOverrunningStart(text, candidate - this.longestSpelling + 1, candidate, lineEnd);
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
    const filter = this.firstWordFilter;
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
      const mayStartSpelling = (filter[(hash & (FILTER_BITS - 1)) >>> 5] & (1 << (hash & 31))) !== 0;
      if (mayStartSpelling && startsWord(text, start) && this.matchAt(text, start, i, hash, (classes & UPPER) !== 0, lineEnd) > candidate) {
        return start;
      }
    }
    return candidate;
  }

  /**
   * With `all`, collects every mention in `text[from, to)` into it; without, returns the first mention
   * covering `offset`, reading no word that starts after it.
   */
  private scan(text: string, from: number, to: number, offset: number, all: Mention[] | undefined): Mention | undefined {
    const length = text.length;
    const filter = this.firstWordFilter;
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
      const mayStartSpelling = (filter[(hash & (FILTER_BITS - 1)) >>> 5] & (1 << (hash & 31))) !== 0;
      const end = mayStartSpelling && startsWord(text, start) ? this.matchAt(text, start, i, hash, (classes & UPPER) !== 0, to) : -1;
      if (end >= 0) {
        // A hover passes over the mentions before the cursor without making objects for them.
        if (all || (start <= offset && offset <= end)) {
          const mention = { modelId: this.matchedModelId, start, end, text: text.slice(start, end) };
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

  /** Where the longest spelling starting at `start` ends (its model in matchedModelId), or -1. */
  private matchAt(text: string, start: number, firstEnd: number, hash: number, firstHasUpper: boolean, limit: number): number {
    const bucket = this.bucketOf(text, start, firstEnd, hash);
    if (!bucket) {
      return -1;
    }
    const items = bucket.items;
    const nextChars = bucket.nextChars;
    const exactCase = bucket.exactCase;
    // A non-ASCII character may lower-case to ASCII, and the text may end: then every spelling is compared.
    const after = firstEnd < text.length ? text.charCodeAt(firstEnd) : NO_NEXT_CHAR;
    const afterLower = after > 127 ? NO_NEXT_CHAR : isUpper(after) ? after + 32 : after;
    for (let k = 0, j = 0; k < items.length; k += STRIDE, j++) {
      const next = nextChars.charCodeAt(j);
      if (next !== NO_NEXT_CHAR && afterLower !== NO_NEXT_CHAR && next !== afterLower) {
        continue;
      }
      const spelling = items[k + 1] as string;
      const folded = items[k + 2];
      const end =
        exactCase !== undefined && exactCase[j] === 1
          ? exactMatchEnd(text, start, spelling, limit)
          : folded === undefined
            ? this.asciiMatchEnd(text, start, firstEnd, firstHasUpper, spelling, limit)
            : slowMatchEnd(text, start, spelling, folded, limit);
      if (end >= 0) {
        this.matchedModelId = items[k] as string;
        return end;
      }
    }
    return -1;
  }

  /** The bucket whose first word is `text[start, end)` ignoring case, if any. */
  private bucketOf(text: string, start: number, end: number, hash: number): Bucket | undefined {
    for (let bucket = this.buckets.get(hash); bucket; bucket = bucket.next) {
      if (bucket.wordLength === end - start && sameFirstWord(text, start, bucket.items[1] as string, bucket.wordLength)) {
        return bucket;
      }
    }
    return undefined;
  }

  /** Where an ASCII spelling whose first word is known to match ends in the text, or -1. */
  private asciiMatchEnd(text: string, start: number, firstEnd: number, firstHasUpper: boolean, spelling: string, limit: number): number {
    const end = start + spelling.length;
    if (end > limit) {
      return -1;
    }
    let textHasUpper = firstHasUpper;
    for (let i = firstEnd - start; i < spelling.length; i++) {
      const t = text.charCodeAt(start + i);
      if (t > 127) {
        // Some non-ASCII letters lower-case to ASCII (the Kelvin sign to "k"): compare exactly.
        return slowMatchEnd(text, start, spelling, spelling.toLowerCase(), limit);
      }
      const s = spelling.charCodeAt(i);
      const tLower = isUpper(t) ? t + 32 : t;
      if (tLower !== (isUpper(s) ? s + 32 : s)) {
        return -1;
      }
      textHasUpper ||= t !== tLower;
    }
    if (continuesWord(text, end) || (!textHasUpper && hasAsciiUpper(spelling))) {
      return -1;
    }
    return end;
  }
}

function sameFirstWord(text: string, start: number, spelling: string, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (foldAlphanumeric(text.charCodeAt(start + i)) !== foldAlphanumeric(spelling.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** Where a spelling that matches only in the case written ends in the text, or -1. */
function exactMatchEnd(text: string, start: number, spelling: string, limit: number): number {
  const end = start + spelling.length;
  return end <= limit && text.startsWith(spelling, start) && !continuesWord(text, end) ? end : -1;
}

/** The exact comparison, for spellings or text with non-ASCII letters: where the match ends, or -1. */
function slowMatchEnd(text: string, start: number, spelling: string, folded: string, limit: number): number {
  const end = start + folded.length;
  if (end > limit) {
    return -1;
  }
  const candidate = text.slice(start, end);
  const lower = candidate.toLowerCase();
  if (lower !== folded || continuesWord(text, end)) {
    return -1;
  }
  const allLower = spelling === folded;
  return !allLower && candidate === lower ? -1 : end;
}
