// Where a block (a table, an outline) goes for a cursor: on lines of its own, set off by blank lines, never
// splitting a paragraph; only line breaks are added, no existing byte changes.
import { lineEndingOf } from '../bibtex/append';
import type { TextInsertion } from '../citations/citationInsertion';
import { isInside, type Range } from '../documents/ranges';

const BLANK_LINE_AFTER = /^[ \t]*\r?\n[ \t]*(\r?\n|$)/;
/**
 * A line that ends the paragraph before it although it is not blank: a Markdown heading or fence, a LaTeX
 * environment's start or end, a sectioning or bibliography command. Never put a block after \end{document}.
 */
const PARAGRAPH_BREAK =
  /^[ \t]*(?:$|#{1,6}(?:[ \t]|$)|```|~~~|\\(?:begin|end|item|part|chapter|(?:sub)*section|(?:sub)?paragraph|bibliography\w*|printbibliography)\b|\\\[)/;

/** In Typst: a heading, a raw block's fence, a block-level call or rule. */
const TYPST_PARAGRAPH_BREAK = /^[ \t]*(?:$|={1,6}(?:[ \t]|$)|```|#(?:bibliography|figure|table|set|show|let|import|include|pagebreak|outline)\b)/;

/**
 * `code` holds the document's sorted non-prose ranges: a cursor in a code block or comment places the block
 * after it. `typst` reads the document's paragraph breaks as Typst writes them.
 */
export function placeBlock(text: string, cursor: number, block: string, code: readonly Range[] = [], typst = false): TextInsertion {
  const paragraphBreak = typst ? TYPST_PARAGRAPH_BREAK : PARAGRAPH_BREAK;
  const around = code.find((r) => cursor > r.start && cursor < r.end);
  const offset = around ? around.end : cursor;
  const eol = lineEndingOf(text);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let at: number;
  if (around && paragraphBreak.test(text.slice(lineStart, lineEnd(text, offset)))) {
    at = lineEnd(text, offset); // right after the closing fence or \end{...}
  } else {
    // Before the cursor's line when nothing precedes the cursor on it, else after its paragraph.
    at = text.slice(lineStart, offset).trim() === '' ? lineStart : paragraphEnd(text, offset, paragraphBreak);
  }
  const before = text.slice(0, at);
  const after = text.slice(at);

  let lead = '';
  if (before !== '' && !/\n[ \t]*\r?\n$/.test(before)) {
    lead = before.endsWith('\n') ? eol : eol + eol;
  }
  let trail: string;
  if (after.trim() === '') {
    trail = /^\r?\n/.test(after) ? '' : eol;
  } else if (/^\r?\n/.test(after)) {
    trail = BLANK_LINE_AFTER.test(after) ? '' : eol;
  } else {
    // The block goes before the text of this line: end the block's line, then a blank line, unless this line is blank.
    trail = /^[ \t]*\r?\n/.test(after) ? eol : eol + eol;
  }
  return { offset: at, text: lead + block.replace(/\r?\n/g, eol) + trail };
}

/** The end of the line holding `offset`, before its "\n" or "\r\n". */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) {
    return text.length;
  }
  return newline > offset && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
}

/** The end of the last line of the paragraph holding `offset` (up to a blank line or the end of the text). */
function paragraphEnd(text: string, offset: number, paragraphBreak: RegExp): number {
  let end = lineEnd(text, offset);
  while (end < text.length) {
    const next = text.indexOf('\n', end) + 1;
    const nextEnd = lineEnd(text, next);
    if (paragraphBreak.test(text.slice(next, nextEnd))) {
      break;
    }
    end = nextEnd;
  }
  return end;
}

/**
 * One level below the heading before `offset` outside `code` (the document's code ranges), or 2 when there is
 * none: Markdown's ATX headings, or Typst's "=" headings.
 */
export function headingLevelBelow(text: string, offset: number, code: readonly Range[], typst = false): number {
  const heading = typst ? /^[ \t]*(={1,6})(?:[ \t]|$)/gm : /^ {0,3}(#{1,6})(?:[ \t]|$)/gm;
  let level = 1;
  for (const match of text.slice(0, offset).matchAll(heading)) {
    if (!isInside(code, match.index ?? 0)) {
      level = match[1].length;
    }
  }
  return Math.min(6, level + 1);
}
