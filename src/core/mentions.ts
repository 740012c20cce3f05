// Finding model mentions in text: whole words only, longest spelling first, so "BLIP" never
// matches inside "BLIP-2" and "BEiT" not inside "VL-BEiT". Work is one Map lookup per word.

export interface Mention {
  modelId: string;
  start: number;
  end: number;
  /** The spelling as it stands in the text. */
  text: string;
}

interface Spelling {
  modelId: string;
  folded: string;
  /** An all-lower-case spelling only matches lower-case text; others match any case but all-lower ("blip", "flamingo" stay prose). */
  allLower: boolean;
}

const WORD_CHAR = /[A-Za-z0-9_]/;
const WORD_START = /[A-Za-z0-9]+/g;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/**
 * Whether the text at `at` carries on the word that just ended: a letter or digit, a hyphen before an
 * upper-case letter or digit ("BLIP-Diffusion", "LLaVA-1.5"), or a dot between digits. A hyphen before a
 * lower-case letter is a suffix ("BLIP-based"), so the mention stands.
 */
function continuesWord(text: string, at: number): boolean {
  const ch = text[at];
  if (isWordChar(ch)) {
    return true;
  }
  const next = text[at + 1] ?? '';
  if (HYPHENS.has(ch) && /[A-Z0-9]/.test(next)) {
    return true;
  }
  return ch === '.' && /[0-9]/.test(next) && /[0-9]/.test(text[at - 1] ?? '');
}

function startsWord(text: string, at: number): boolean {
  if (at === 0) {
    return true;
  }
  const before = text[at - 1];
  if (isWordChar(before)) {
    return false;
  }
  return !(HYPHENS.has(before) && isWordChar(text[at - 2]));
}

export class MentionMatcher {
  /** Spellings bucketed by their folded first word, longest first. */
  private readonly buckets = new Map<string, Spelling[]>();

  constructor(spellings: Iterable<{ modelId: string; spelling: string }>) {
    for (const { modelId, spelling } of spellings) {
      const trimmed = spelling.trim();
      const first = /^[A-Za-z0-9]+/.exec(trimmed)?.[0];
      if (!first) {
        continue;
      }
      const bucketKey = first.toLowerCase();
      const bucket = this.buckets.get(bucketKey) ?? [];
      const folded = trimmed.toLowerCase();
      if (!bucket.some((s) => s.folded === folded)) {
        bucket.push({ modelId, folded, allLower: trimmed === folded });
      }
      this.buckets.set(bucketKey, bucket);
    }
    for (const bucket of this.buckets.values()) {
      bucket.sort((a, b) => b.folded.length - a.folded.length);
    }
  }

  /** Every mention in `text[from, to)`, in order and non-overlapping. */
  find(text: string, from = 0, to = text.length): Mention[] {
    const mentions: Mention[] = [];
    WORD_START.lastIndex = from;
    let word: RegExpExecArray | null;
    while ((word = WORD_START.exec(text)) !== null && word.index < to) {
      const start = word.index;
      const match = startsWord(text, start) ? this.matchAt(text, start, word[0], to) : undefined;
      if (match) {
        mentions.push(match);
        WORD_START.lastIndex = match.end;
      }
    }
    return mentions;
  }

  /** The mention covering `offset`, looking only at the given line span. */
  findAt(text: string, offset: number, lineStart: number, lineEnd: number): Mention | undefined {
    return this.find(text, lineStart, lineEnd).find((m) => m.start <= offset && offset <= m.end);
  }

  private matchAt(text: string, start: number, firstWord: string, limit: number): Mention | undefined {
    const bucket = this.buckets.get(firstWord.toLowerCase());
    if (!bucket) {
      return undefined;
    }
    for (const spelling of bucket) {
      const end = start + spelling.folded.length;
      if (end > limit) {
        continue;
      }
      const candidate = text.slice(start, end);
      const folded = candidate.toLowerCase();
      if (folded !== spelling.folded || continuesWord(text, end)) {
        continue;
      }
      if (!spelling.allLower && candidate === folded) {
        continue;
      }
      return { modelId: spelling.modelId, start, end, text: candidate };
    }
    return undefined;
  }
}
