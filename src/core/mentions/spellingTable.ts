// The atlas's spellings in typed arrays for the mention scan: buckets by folded first word in an
// open-addressing table, longest spelling first; case rules as in the README's design notes.
import { continuesWord, foldAlphanumeric, hasAsciiUpper, hashWord, isAscii, isUpper, wordEnd } from './mentionChars';
import { checkpointEnd } from './nameSuffixes';

export interface Spelling {
  /** The model; empty for a name known not to be an atlas model ("Audio Flamingo"), which matches and is skipped. */
  modelId: string;
  spelling: string;
  /** Matches only in the case written ("ALIGN", never "align" or "Align"). */
  matchCase?: boolean;
  /** The spelling is also an ordinary word ("Florence", "Monkey"): the text around it must say it names the model. */
  ordinary?: boolean;
  /** An ordinary word that only its own citation, a noun such as "model" after it, or CJK text makes a name ("Frozen", "Clip"). */
  strict?: boolean;
}

interface PendingSpelling {
  modelId: string;
  spelling: string;
  folded: string;
  matchCase: boolean;
  ordinary: boolean;
  strict: boolean;
}

/** Bits in each filter of first-word hashes: most words in prose start no spelling, and a bit test is cheaper than a lookup. */
const FILTER_BITS = 1 << 20;
const NO_NEXT_CHAR = 0;

// Per spelling: where its lower-case form starts in `chars` (plain ASCII spellings only), its length, its
// lower-case character after the first word (NO_NEXT_CHAR when none or not plain), and flags.
const SPELLING_STRIDE = 4;
const EXACT_CASE = 1;
const PLAIN = 2;
const HAS_UPPER = 4;
const ORDINARY = 8;
const STRICT = 16;

// Per bucket: its first spelling, how many, the first word's length and where it starts in `chars`, flags.
const BUCKET_STRIDE = 5;
/** Some spelling of the bucket can match text whose first word is all lower case ("qwen VL" for Qwen VL). */
const LOWER_FIRST_WORD_MAY_MATCH = 1;

export class SpellingTable {
  /** The most code units a match can span. */
  readonly longestSpelling: number;
  /** The model of the spelling matchAt matched last ('' for a name that is not an atlas model). */
  matchedModelId = '';
  /** Whether the spelling matchAt matched last is an ordinary word, and whether a strict one. */
  matchedOrdinary = false;
  matchedStrict = false;
  private readonly modelIds: string[] = [];
  /** As written, shared with the models: compared the exact or slow way. */
  private readonly spellings: string[] = [];
  /** Lower-case forms of the spellings that are not plain ASCII, by spelling index. */
  private readonly foldedNonAscii = new Map<number, string>();
  private readonly chars: string;
  private readonly spellingData: Int32Array;
  private readonly bucketData: Int32Array;
  /** Open addressing, [hash, bucket index + 1] per slot; 0 in the second cell is an empty slot. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly anyCaseFilter = new Uint32Array(FILTER_BITS >>> 5);
  /** The first words of buckets with LOWER_FIRST_WORD_MAY_MATCH: most prose words are lower case and start no spelling. */
  private readonly lowerCaseFilter = new Uint32Array(FILTER_BITS >>> 5);

  constructor(spellings: Iterable<Spelling>) {
    const byFirstWord = new Map<string, PendingSpelling[]>();
    let longest = 0;
    let spellingCount = 0;
    for (const { modelId, spelling, matchCase = false, ordinary = false, strict = false } of spellings) {
      const trimmed = spelling.trim();
      const firstEnd = wordEnd(trimmed, 0);
      if (firstEnd === 0) {
        continue;
      }
      const word = trimmed.slice(0, firstEnd).toLowerCase();
      const folded = trimmed.toLowerCase();
      const bucket = byFirstWord.get(word);
      if (!bucket) {
        byFirstWord.set(word, [{ modelId, spelling: trimmed, folded, matchCase, ordinary, strict }]);
      } else if (!bucket.some((s) => s.folded === folded && (!s.matchCase || s.spelling === trimmed))) {
        // Equal ignoring case: the first wins, unless both match only as written ("Oscar" and "OSCAR").
        bucket.push({ modelId, spelling: trimmed, folded, matchCase, ordinary, strict });
      } else {
        continue;
      }
      spellingCount++;
      longest = Math.max(longest, trimmed.length, folded.length);
    }
    this.longestSpelling = longest;
    this.spellingData = new Int32Array(spellingCount * SPELLING_STRIDE);
    this.bucketData = new Int32Array(byFirstWord.size * BUCKET_STRIDE);
    let slotCount = 16;
    while (slotCount < byFirstWord.size * 2) {
      slotCount *= 2;
    }
    this.slots = new Int32Array(slotCount * 2);
    this.slotMask = slotCount - 1;

    const parts: string[] = [];
    let charCount = 0;
    let bucketIndex = 0;
    for (const [word, list] of byFirstWord) {
      list.sort((a, b) => b.folded.length - a.folded.length);
      const b = bucketIndex * BUCKET_STRIDE;
      this.bucketData[b] = this.modelIds.length;
      this.bucketData[b + 1] = list.length;
      this.bucketData[b + 2] = word.length;
      this.bucketData[b + 3] = charCount;
      parts.push(word);
      charCount += word.length;
      let lowerFirstWordMayMatch = false;
      for (const s of list) {
        const j = this.modelIds.length;
        const at = j * SPELLING_STRIDE;
        const plain = isAscii(s.spelling) && isAscii(s.folded);
        this.modelIds.push(s.modelId);
        this.spellings.push(s.spelling);
        if (plain) {
          this.spellingData[at] = charCount;
          parts.push(s.folded);
          charCount += s.folded.length;
        } else {
          this.spellingData[at] = -1;
          this.foldedNonAscii.set(j, s.folded);
        }
        this.spellingData[at + 1] = s.spelling.length;
        this.spellingData[at + 2] = plain && s.folded.length > word.length ? s.folded.charCodeAt(word.length) : NO_NEXT_CHAR;
        this.spellingData[at + 3] =
          (s.matchCase ? EXACT_CASE : 0) | (plain ? PLAIN : 0) | (hasAsciiUpper(s.spelling) ? HAS_UPPER : 0) | (s.ordinary ? ORDINARY : 0) | (s.strict ? STRICT : 0);
        lowerFirstWordMayMatch ||= mayMatchLowerFirstWord(s, word.length);
      }
      this.bucketData[b + 4] = lowerFirstWordMayMatch ? LOWER_FIRST_WORD_MAY_MATCH : 0;
      const hash = hashWord(word, 0, word.length);
      setBit(this.anyCaseFilter, hash);
      if (lowerFirstWordMayMatch) {
        setBit(this.lowerCaseFilter, hash);
      }
      let slot = hash & this.slotMask;
      while (this.slots[slot * 2 + 1] !== 0) {
        slot = (slot + 1) & this.slotMask;
      }
      this.slots[slot * 2] = hash;
      this.slots[slot * 2 + 1] = bucketIndex + 1;
      bucketIndex++;
    }
    this.chars = parts.join('');
  }

  /** Whether a word with this folded hash may start a spelling: false for most prose words, at the cost of a bit test. */
  mayStart(hash: number, hasUpper: boolean): boolean {
    const filter = hasUpper ? this.anyCaseFilter : this.lowerCaseFilter;
    return (filter[(hash & (FILTER_BITS - 1)) >>> 5] & (1 << (hash & 31))) !== 0;
  }

  /**
   * Where the longest spelling starting at `start` ends (its model in matchedModelId), or -1. The first word
   * is `text[start, firstEnd)` with folded hash `hash`; no match runs past `limit`. With `anyCase`, the case
   * rules are waived ("Clip模型", "llava的", where the text around is no English word), except that an ordinary
   * word must start with a capital.
   */
  matchAt(text: string, start: number, firstEnd: number, hash: number, firstHasUpper: boolean, limit: number, anyCase = false): number {
    const b = this.bucketOf(text, start, firstEnd, hash);
    if (b < 0 || (!firstHasUpper && !anyCase && (this.bucketData[b + 4] & LOWER_FIRST_WORD_MAY_MATCH) === 0)) {
      return -1;
    }
    // A non-ASCII character may lower-case to ASCII, and the text may end: then every spelling is compared.
    const after = firstEnd < text.length ? text.charCodeAt(firstEnd) : NO_NEXT_CHAR;
    const afterLower = after > 127 ? NO_NEXT_CHAR : isUpper(after) ? after + 32 : after;
    const data = this.spellingData;
    const first = this.bucketData[b];
    const last = first + this.bucketData[b + 1];
    for (let j = first; j < last; j++) {
      const at = j * SPELLING_STRIDE;
      const next = data[at + 2];
      if (next !== NO_NEXT_CHAR && afterLower !== NO_NEXT_CHAR && next !== afterLower) {
        continue;
      }
      const flags = data[at + 3];
      // An ordinary word in lower case is the word even in CJK text ("用monkey patch"); "Clip模型" is the name.
      if (anyCase && (flags & ORDINARY) !== 0 && !isUpper(text.charCodeAt(start))) {
        continue;
      }
      const end =
        anyCase
          ? slowMatchEnd(text, start, this.spellings[j], this.foldedNonAscii.get(j) ?? this.spellings[j].toLowerCase(), limit, true)
          : (flags & EXACT_CASE) !== 0
            ? exactMatchEnd(text, start, this.spellings[j], limit)
            : (flags & PLAIN) !== 0
              ? this.plainMatchEnd(text, start, firstEnd, firstHasUpper, j, limit)
              : slowMatchEnd(text, start, this.spellings[j], this.foldedNonAscii.get(j) as string, limit);
      if (end >= 0) {
        this.matchedModelId = this.modelIds[j];
        this.matchedOrdinary = (flags & ORDINARY) !== 0;
        this.matchedStrict = (flags & STRICT) !== 0;
        return end;
      }
    }
    return -1;
  }

  /** Where the bucket whose first word is `text[start, end)`, ignoring case, starts in bucketData, or -1. */
  private bucketOf(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const length = end - start;
    for (let slot = hash & this.slotMask; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & this.slotMask) {
      if (slots[slot * 2] !== hash) {
        continue;
      }
      const b = (slots[slot * 2 + 1] - 1) * BUCKET_STRIDE;
      if (this.bucketData[b + 2] === length && this.sameFirstWord(text, start, this.bucketData[b + 3], length)) {
        return b;
      }
    }
    return -1;
  }

  private sameFirstWord(text: string, start: number, charsAt: number, length: number): boolean {
    const chars = this.chars;
    for (let i = 0; i < length; i++) {
      if (foldAlphanumeric(text.charCodeAt(start + i)) !== chars.charCodeAt(charsAt + i)) {
        return false;
      }
    }
    return true;
  }

  /** Where plain ASCII spelling `j`, whose first word is known to match, ends in the text, or -1. */
  private plainMatchEnd(text: string, start: number, firstEnd: number, firstHasUpper: boolean, j: number, limit: number): number {
    const at = j * SPELLING_STRIDE;
    const length = this.spellingData[at + 1];
    const end = start + length;
    if (end > limit) {
      return -1;
    }
    const chars = this.chars;
    const charsAt = this.spellingData[at];
    let textHasUpper = firstHasUpper;
    for (let i = firstEnd - start; i < length; i++) {
      const t = text.charCodeAt(start + i);
      if (t > 127) {
        // Some non-ASCII letters lower-case to ASCII (the Kelvin sign to "k"): compare exactly.
        return slowMatchEnd(text, start, this.spellings[j], this.spellings[j].toLowerCase(), limit);
      }
      const tLower = isUpper(t) ? t + 32 : t;
      if (tLower !== chars.charCodeAt(charsAt + i)) {
        return -1;
      }
      textHasUpper ||= t !== tLower;
    }
    if (endsInsideWord(text, end, limit) || (!textHasUpper && (this.spellingData[at + 3] & HAS_UPPER) !== 0)) {
      return -1;
    }
    return end;
  }
}

/** The word goes on past `end`, other than into a checkpoint of the model ("CLIP-L", "LLaVA-1.5-7B"). */
function endsInsideWord(text: string, end: number, limit: number): boolean {
  return continuesWord(text, end) && checkpointEnd(text, end, limit) < 0;
}

function setBit(filter: Uint32Array, hash: number): void {
  filter[(hash & (FILTER_BITS - 1)) >>> 5] |= 1 << (hash & 31);
}

/**
 * Whether text whose first word is all lower case can match the spelling: an all-lower-case spelling, a
 * case-exact one whose first word is lower case, or one with letters after its first word (where the text
 * may have its capital); non-ASCII spellings are compared the slow way, so they count as possible.
 */
function mayMatchLowerFirstWord(s: PendingSpelling, firstWordLength: number): boolean {
  if (s.matchCase) {
    return !hasAsciiUpper(s.spelling.slice(0, firstWordLength));
  }
  if (s.spelling === s.folded || !isAscii(s.spelling) || !isAscii(s.folded)) {
    return true;
  }
  return /[a-z]/i.test(s.spelling.slice(firstWordLength));
}

/** Where a spelling that matches only in the case written ends in the text, or -1. */
function exactMatchEnd(text: string, start: number, spelling: string, limit: number): number {
  const end = start + spelling.length;
  return end <= limit && text.startsWith(spelling, start) && !endsInsideWord(text, end, limit) ? end : -1;
}

/** The exact comparison, for spellings or text with non-ASCII letters (or in any case): where the match ends, or -1. */
function slowMatchEnd(text: string, start: number, spelling: string, folded: string, limit: number, anyCase = false): number {
  const end = start + folded.length;
  if (end > limit) {
    return -1;
  }
  const candidate = text.slice(start, end);
  const lower = candidate.toLowerCase();
  if (lower !== folded || endsInsideWord(text, end, limit)) {
    return -1;
  }
  const allLower = spelling === folded;
  return !anyCase && !allLower && candidate === lower ? -1 : end;
}
