// Adding an entry to a .bib file as a pure insertion at its end: no existing byte changes, so the edit
// can never damage what the user wrote, and the new text follows the file's own line endings and habits.

export interface Insertion {
  offset: number;
  text: string;
}

export function planAppend(existingText: string, entryText: string): Insertion {
  const eol = lineEndingOf(existingText);
  const entry = entryText.trim().replace(/\r\n?|\n/g, eol);
  const tail = trailingWhitespace(existingText);
  const endsWithNewline = existingText.endsWith('\n');
  const newlinesInTail = countNewlines(tail);
  let separator: string;
  if (tail.length === existingText.length) {
    // Nothing but whitespace (or a BOM) yet: start on a fresh line, without blank lines above the entry.
    separator = existingText.replace(/^\uFEFF/, '') === '' || endsWithNewline ? '' : eol;
  } else if (endsWithNewline) {
    separator = newlinesInTail >= 2 ? '' : eol;
  } else {
    separator = newlinesInTail >= 1 ? eol : eol + eol;
  }
  // A file without a final newline keeps that habit; an empty one gets the usual final newline.
  const ending = endsWithNewline || existingText.trim() === '' ? eol : '';
  return { offset: existingText.length, text: separator + entry + ending };
}

export function applyInsertion(text: string, insertion: Insertion): string {
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}

/** The line ending most lines use; "\n" for a file with none. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) {
      crlf++;
    } else {
      lf++;
    }
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Scanned backwards by hand: a /\s*$/ search is quadratic on long runs of spaces. */
function trailingWhitespace(text: string): string {
  let start = text.length;
  while (start > 0 && /\s/.test(text[start - 1])) {
    start--;
  }
  return text.slice(start);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}

export interface OpenEntry {
  /** Offset of the entry's "@". */
  offset: number;
  /** Zero-based. */
  line: number;
  /** What follows the opening brace, up to the first comma: the key, when the entry got that far. */
  key: string;
}

/**
 * The entry the file ends inside, if any, read the way BibTeX reads: text between entries is skipped up to
 * the next "@", "@comment" is skipped as a word, and an entry runs from its "{" (or "(") to the matching
 * close. Anything appended after an entry left open would be read by BibTeX as part of it, and lost.
 */
export function openEntryAtEnd(text: string): OpenEntry | undefined {
  for (let at = text.indexOf('@'); at >= 0; ) {
    const head = /^@\s*([A-Za-z]+)\s*([{(])?/.exec(text.slice(at, at + 100));
    if (!head || head[1].toLowerCase() === 'comment' || !head[2]) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    const open = at + head[0].length - 1;
    const end = entryEnd(text, open);
    if (end < 0) {
      const key = text.slice(open + 1, open + 101).split(/[,\n]/)[0].trim();
      return { offset: at, line: text.slice(0, at).split('\n').length - 1, key };
    }
    at = text.indexOf('@', end + 1);
  }
  return undefined;
}

/** The offset of the close matching the "{" or "(" at `open`, or -1 when the text ends first. */
function entryEnd(text: string, open: number): number {
  const paren = text[open] === '(';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0 && !paren) {
        return i;
      }
      depth = Math.max(0, depth - 1);
    } else if (c === ')' && paren && depth === 0) {
      return i;
    }
  }
  return -1;
}
