// Character tests for the mention scan, by UTF-16 code unit: what a word is, where a mention may start and
// end, and the case-folded hash of a first word. Read in place with charCodeAt: no slice per word.

export const ALPHANUMERIC = 1;
export const UPPER = 2;
/** Per UTF-16 code unit: ALPHANUMERIC for [A-Za-z0-9], plus UPPER for [A-Z]; a table load beats range tests in the scan. */
export const CHAR_CLASS = new Uint8Array(0x10000);
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

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** "-", U+2010 hyphen, U+2011 non-breaking hyphen. */
function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** ASCII lower case; letters and digits only, which is all a first word holds. */
export function foldAlphanumeric(c: number): number {
  return c | 0x20;
}

export function hashStep(hash: number, folded: number): number {
  return (Math.imul(hash, 31) + folded) & 0x3fffffff;
}

export function hashWord(s: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    hash = hashStep(hash, foldAlphanumeric(s.charCodeAt(i)));
  }
  return hash;
}

/**
 * Whether the text at `at` carries on the word that just ended: a letter or digit, a hyphen before an
 * upper-case letter or digit ("BLIP-Diffusion", "LLaVA-1.5"), or a dot between digits. A hyphen before a
 * lower-case letter is a suffix ("BLIP-based"), so the mention stands.
 */
export function continuesWord(text: string, at: number): boolean {
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

export function startsWord(text: string, at: number): boolean {
  if (at === 0) {
    return true;
  }
  const before = text.charCodeAt(at - 1);
  if (isWordChar(before)) {
    return false;
  }
  return !(isHyphen(before) && isWordChar(text.charCodeAt(at - 2)));
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      return false;
    }
  }
  return true;
}

export function hasAsciiUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (isUpper(s.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}

/** Where a word of [A-Za-z0-9] starting at `start` ends. */
export function wordEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && isAlphanumeric(s.charCodeAt(i))) {
    i++;
  }
  return i;
}

/**
 * CJK ideographs, kana, Hangul and full-width forms: text a name is glued to in Chinese, Japanese or Korean
 * writing ("基于LLaVA的"), where no English word can be meant. NaN (past either end) is not.
 */
export function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}
