// The first and last letters and digits of a title as normalizeTitle would give them, read straight from a
// plain title as numbers: matching a .bib against the atlas rules out most titles by these before normalising
// any, and without making a string of each.
import { CHAR_CLASS } from '../mentions/mentionChars';

export const END_LENGTH = 6;

/**
 * A run of up to END_LENGTH lower-case letters and digits as one number, one per run (the base-37 digits
 * 1-36 keep "ab" and "0ab" apart): what titleHead and titleTail give for the ends of a normalised title.
 */
export function endCode(run: string): number {
  let code = 0;
  for (let i = 0; i < run.length; i++) {
    code = code * BASE + digitOf(run.charCodeAt(i));
  }
  return code;
}

/**
 * The code of the first END_LENGTH letters and digits of a plain title (what normalizeTitle would start with),
 * or undefined for one with LaTeX commands or non-ASCII text there, which is normalised in full.
 */
export function titleHead(title: string): number | undefined {
  let code = 0;
  let count = 0;
  for (let i = 0; i < title.length && count < END_LENGTH; i++) {
    const c = title.charCodeAt(i);
    if (c === BACKSLASH || c > 0x7e) {
      return undefined;
    }
    if (CHAR_CLASS[c] !== 0) {
      code = code * BASE + digitOf(c);
      count++;
    }
  }
  return code;
}

/**
 * The code of the last END_LENGTH letters and digits of a plain title (what normalizeTitle would end with), or
 * undefined where LaTeX commands or non-ASCII text may change them: a backslash or a non-ASCII character among
 * them, or a backslash starting the run of letters they begin in ("\textsc{AB}" ends in "ab", not "xtscab").
 */
export function titleTail(title: string): number | undefined {
  let code = 0;
  let weight = 1;
  let count = 0;
  let i = title.length - 1;
  for (; i >= 0 && count < END_LENGTH; i--) {
    const c = title.charCodeAt(i);
    if (c === BACKSLASH || c > 0x7e) {
      return undefined;
    }
    if (CHAR_CLASS[c] !== 0) {
      code += digitOf(c) * weight;
      weight *= BASE;
      count++;
    }
  }
  return letterRunStartsCommand(title, i + 1) ? undefined : code;
}

/** Whether the letters running left from `at` follow a backslash: a command normalizeTitle drops. */
function letterRunStartsCommand(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isLetter(text.charCodeAt(i - 1))) {
    i--;
  }
  return i > 0 && text.charCodeAt(i - 1) === BACKSLASH && isLetter(text.charCodeAt(i));
}

/** 1-10 for the digits, 11-36 for the letters in either case. */
function digitOf(c: number): number {
  return c <= 0x39 ? c - 0x2f : (c | 0x20) - 0x56;
}

function isLetter(c: number): boolean {
  const lower = c | 0x20; // A-Z to a-z
  return lower >= 0x61 && lower <= 0x7a;
}

const BASE = 37;
const BACKSLASH = 0x5c;
