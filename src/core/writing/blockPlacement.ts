// Where a block (a table, an outline) goes for a cursor at some offset: on lines of its own, set off by
// blank lines, so it neither splits the line the cursor is on nor runs into a paragraph. Only newlines
// are added; no existing byte changes.
import type { TextInsertion } from '../citationInsertion';
import { nonProseRanges, isInside } from '../documentRegions';

const BLANK_LINE_AFTER = /^[ \t]*\n[ \t]*(\n|$)/;

export function placeBlock(text: string, offset: number, block: string): TextInsertion {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  // Before the cursor's line when nothing precedes the cursor on it, else after the line.
  const at = text.slice(lineStart, offset).trim() === '' ? lineStart : lineEnd;
  const before = text.slice(0, at);
  const after = text.slice(at);

  let lead = '';
  if (before !== '' && !/\n[ \t]*\n$/.test(before)) {
    lead = before.endsWith('\n') ? '\n' : '\n\n';
  }
  let trail: string;
  if (after.trim() === '') {
    trail = after.startsWith('\n') ? '' : '\n';
  } else if (after.startsWith('\n')) {
    trail = BLANK_LINE_AFTER.test(after) ? '' : '\n';
  } else {
    // The block goes before the text of this line: end the block's line, then a blank line, unless this line is blank.
    trail = /^[ \t]*\n/.test(after) ? '\n' : '\n\n';
  }
  return { offset: at, text: lead + block + trail };
}

/** One level below the Markdown ATX heading before `offset` (outside code), or 2 when there is none. */
export function headingLevelBelow(text: string, offset: number): number {
  const code = nonProseRanges(text, 'pandoc');
  const heading = /^ {0,3}(#{1,6})(?:[ \t]|$)/gm;
  let level = 1;
  for (const match of text.slice(0, offset).matchAll(heading)) {
    if (!isInside(code, match.index ?? 0)) {
      level = match[1].length;
    }
  }
  return Math.min(6, level + 1);
}
