// The first and last letters and digits of a title as normalizeTitle would give them, read straight from a
// plain title: matching a .bib against the atlas rules out most titles by these before normalising any.
export const END_LENGTH = 6;

/**
 * The first END_LENGTH letters and digits of a plain title in lower case (what normalizeTitle would start
 * with), or undefined for one with LaTeX commands or non-ASCII text there, which is normalised in full.
 */
export function titleHead(title: string): string | undefined {
  if (alphanumericsAt(title, 0, END_LENGTH)) {
    return title.slice(0, END_LENGTH).toLowerCase(); // most titles ("Visual Instruction Tuning"): no loop
  }
  let head = '';
  for (let i = 0; i < title.length && head.length < END_LENGTH; i++) {
    const c = title.charCodeAt(i);
    if (c === BACKSLASH || c > 0x7e) {
      return undefined;
    }
    if (isAlphanumeric(c)) {
      head += title[i].toLowerCase();
    }
  }
  return head;
}

/**
 * The last END_LENGTH letters and digits of a plain title in lower case (what normalizeTitle would end with),
 * or undefined where LaTeX commands or non-ASCII text may change them: a backslash or a non-ASCII character
 * among them, or a backslash starting the run of letters they begin in ("\textsc{AB}" ends in "ab", not "xtscab").
 */
export function titleTail(title: string): string | undefined {
  const end = title.length;
  if (alphanumericsAt(title, end - END_LENGTH, END_LENGTH)) {
    return letterRunStartsCommand(title, end - END_LENGTH) ? undefined : title.slice(end - END_LENGTH).toLowerCase();
  }
  let tail = '';
  let i = end - 1;
  for (; i >= 0 && tail.length < END_LENGTH; i--) {
    const c = title.charCodeAt(i);
    if (c === BACKSLASH || c > 0x7e) {
      return undefined;
    }
    if (isAlphanumeric(c)) {
      tail = title[i].toLowerCase() + tail;
    }
  }
  return letterRunStartsCommand(title, i + 1) ? undefined : tail;
}

/** Whether the letters running left from `at` follow a backslash: a command normalizeTitle drops. */
function letterRunStartsCommand(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isLetter(text.charCodeAt(i - 1))) {
    i--;
  }
  return i > 0 && text.charCodeAt(i - 1) === BACKSLASH && isLetter(text.charCodeAt(i));
}

function alphanumericsAt(text: string, from: number, count: number): boolean {
  if (from < 0 || from + count > text.length) {
    return false;
  }
  for (let i = from; i < from + count; i++) {
    if (!isAlphanumeric(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

function isAlphanumeric(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39);
}

function isLetter(c: number): boolean {
  const lower = c | 0x20; // A-Z to a-z
  return lower >= 0x61 && lower <= 0x7a;
}

const BACKSLASH = 0x5c;
