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
  /** Another first word with the same hash. */
  next: Bucket | undefined;
}

const STRIDE = 3;
/** Bits in the filter of first-word hashes: most words in prose start no spelling, and a bit test is cheaper than a Map lookup. */
const FILTER_BITS = 1 << 20;

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

interface PendingSpelling {
  modelId: string;
  spelling: string;
  folded: string;
}

export class MentionMatcher {
  private readonly buckets = new Map<number, Bucket>();
  private readonly firstWordFilter = new Uint32Array(FILTER_BITS >>> 5);

  constructor(spellings: Iterable<{ modelId: string; spelling: string }>) {
    const pending = new Map<string, PendingSpelling[]>();
    for (const { modelId, spelling } of spellings) {
      const trimmed = spelling.trim();
      const firstEnd = wordEnd(trimmed, 0);
      if (firstEnd === 0) {
        continue;
      }
      const bucketKey = trimmed.slice(0, firstEnd).toLowerCase();
      const folded = trimmed.toLowerCase();
      const bucket = pending.get(bucketKey);
      if (!bucket) {
        pending.set(bucketKey, [{ modelId, spelling: trimmed, folded }]);
      } else if (!bucket.some((s) => s.folded === folded)) {
        bucket.push({ modelId, spelling: trimmed, folded });
      }
    }
    for (const [word, list] of pending) {
      list.sort((a, b) => b.folded.length - a.folded.length);
      const items: Array<string | undefined> = [];
      for (const s of list) {
        const plain = isAscii(s.spelling) && isAscii(s.folded);
        items.push(s.modelId, s.spelling, plain ? undefined : s.folded);
      }
      const hash = hashWord(word, 0, word.length);
      this.firstWordFilter[(hash & (FILTER_BITS - 1)) >>> 5] |= 1 << (hash & 31);
      this.buckets.set(hash, { wordLength: word.length, items, next: this.buckets.get(hash) });
    }
  }

  /** Every mention in `text[from, to)`, in order and non-overlapping. */
  find(text: string, from = 0, to = text.length): Mention[] {
    const mentions: Mention[] = [];
    this.scan(text, from, to, Infinity, (m) => {
      mentions.push(m);
      return false;
    });
    return mentions;
  }

  /** The mention covering `offset`, looking only at the given line span (and no further than `offset`). */
  findAt(text: string, offset: number, lineStart: number, lineEnd: number): Mention | undefined {
    let found: Mention | undefined;
    this.scan(text, lineStart, lineEnd, offset, (m) => {
      if (m.start <= offset && offset <= m.end) {
        found = m;
        return true;
      }
      return false;
    });
    return found;
  }

  /**
   * Calls `onMention` for each mention whose word starts in [from, to) and at or before `lastStart`,
   * until it returns true.
   */
  private scan(text: string, from: number, to: number, lastStart: number, onMention: (m: Mention) => boolean): void {
    const length = text.length;
    let i = from;
    while (i < to) {
      if (!isAlphanumeric(text.charCodeAt(i))) {
        i++;
        continue;
      }
      if (i > lastStart) {
        return;
      }
      const start = i;
      let hash = 0;
      let upper = false;
      for (let c = text.charCodeAt(i); i < length && isAlphanumeric(c); c = text.charCodeAt(++i)) {
        upper ||= isUpper(c);
        hash = hashStep(hash, foldAlphanumeric(c));
      }
      const mayStartSpelling = (this.firstWordFilter[(hash & (FILTER_BITS - 1)) >>> 5] & (1 << (hash & 31))) !== 0;
      const match = mayStartSpelling && startsWord(text, start) ? this.matchAt(text, start, i, hash, upper, to) : undefined;
      if (match) {
        if (onMention(match)) {
          return;
        }
        i = match.end;
      }
    }
  }

  private matchAt(text: string, start: number, firstEnd: number, hash: number, firstHasUpper: boolean, limit: number): Mention | undefined {
    const bucket = this.bucketOf(text, start, firstEnd, hash);
    if (!bucket) {
      return undefined;
    }
    const items = bucket.items;
    for (let k = 0; k < items.length; k += STRIDE) {
      const spelling = items[k + 1] as string;
      const folded = items[k + 2];
      const end = folded === undefined ? this.asciiMatchEnd(text, start, firstEnd, firstHasUpper, spelling, limit) : slowMatchEnd(text, start, spelling, folded, limit);
      if (end >= 0) {
        return { modelId: items[k] as string, start, end, text: text.slice(start, end) };
      }
    }
    return undefined;
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
