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
