// Where a document is not prose: code, markup and URLs in Markdown; comments, verbatim-like environments
// and name arguments in LaTeX; code, comments, raw text and math in Typst. Hovers and mentions skip these.
import { latexComments } from './latexSource';
import { latexMarkup, markdownMarkup } from './markupRegions';
import { isInside, mergeRanges, type Range } from './ranges';
import type { CitationSyntax } from './syntax';
import { readTypst } from './typstSource';

const VERBATIM_ENVIRONMENTS = 'verbatim\\*?|Verbatim|lstlisting|minted|comment|filecontents\\*?';
const LATEX_VERBATIM = new RegExp(`\\\\begin\\{(${VERBATIM_ENVIRONMENTS})\\}[\\s\\S]*?(?:\\\\end\\{\\1\\}|$(?![\\s\\S]))`, 'g');
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const VERB_COMMANDS = ['verb', 'lstinline'];
const NOT_A_VERB_DELIMITER = /[\sa-zA-Z*]/;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

const BACKTICK = 0x60;
const TILDE = 0x7e;
const SPACE = 0x20;

/** Whether a line can open or close a fence: up to three spaces, then a backtick or a tilde (checked before the regex). */
function mayBeFence(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < lineStart + 3 && text.charCodeAt(i) === SPACE) {
    i++;
  }
  const c = text.charCodeAt(i);
  return c === BACKTICK || c === TILDE;
}

function markdownCode(text: string): Range[] {
  const ranges: Range[] = [];
  let fence: { marker: string; start: number } | undefined;
  /** The next backtick (or the text's length), remembered so that a text without any is searched once. */
  let nextBacktick = -1;
  // Lines are read in place: most have no fence and no backtick, and need no string of their own.
  for (let offset = 0; offset <= text.length; ) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = mayBeFence(text, offset) ? text.slice(offset, lineEnd) : undefined;
    const open = line === undefined ? null : FENCE_OPEN.exec(line);
    if (fence) {
      const close = open && open[1][0] === fence.marker[0] && open[1].length >= fence.marker.length && line?.trim() === open[1];
      if (close) {
        ranges.push({ start: fence.start, end: lineEnd });
        fence = undefined;
      }
    } else if (open) {
      fence = { marker: open[1], start: offset };
    } else {
      if (nextBacktick < offset) {
        const found = text.indexOf('`', offset);
        nextBacktick = found === -1 ? text.length : found;
      }
      if (nextBacktick < lineEnd) {
        for (const span of inlineCode(line ?? text.slice(offset, lineEnd))) {
          ranges.push({ start: offset + span.start, end: offset + span.end });
        }
      }
    }
    offset = lineEnd + 1;
  }
  if (fence) {
    ranges.push({ start: fence.start, end: text.length });
  }
  return ranges;
}

/** Backtick spans on one line: a run of n backticks up to the next run of exactly n. */
function inlineCode(line: string): Range[] {
  const ranges: Range[] = [];
  const runs = /`+/g;
  let open: RegExpExecArray | null;
  while ((open = runs.exec(line)) !== null) {
    const marker = open[0];
    let close: RegExpExecArray | null;
    while ((close = runs.exec(line)) !== null && close[0].length !== marker.length) {
      // keep looking for a run of the same length
    }
    if (!close) {
      break;
    }
    ranges.push({ start: open.index, end: close.index + marker.length });
  }
  return ranges;
}

function collect(text: string, pattern: RegExp): Range[] {
  const ranges: Range[] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    ranges.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) {
      pattern.lastIndex++;
    }
  }
  return ranges;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/** \verb|...| and \lstinline!...! (starred too): the delimiter is any character but a space, a letter or "*", closed on the same line. */
function latexInlineVerbs(text: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf('\\'); at !== -1; ) {
    const end = inlineVerbEnd(text, at);
    if (end === -1) {
      at = text.indexOf('\\', at + 1);
    } else {
      ranges.push({ start: at, end });
      at = text.indexOf('\\', end);
    }
  }
  return ranges;
}

/** Where the inline verbatim starting with the backslash at `at` ends, or -1 when there is none. */
function inlineVerbEnd(text: string, at: number): number {
  const command = VERB_COMMANDS.find((name) => text.startsWith(name, at + 1));
  if (!command) {
    return -1;
  }
  let delimiterAt = at + 1 + command.length;
  if (text.charCodeAt(delimiterAt) === STAR) {
    delimiterAt++;
  }
  const delimiter = text[delimiterAt];
  if (delimiter === undefined || NOT_A_VERB_DELIMITER.test(delimiter)) {
    return -1;
  }
  const close = text.indexOf(delimiter, delimiterAt + 1);
  return close === -1 || close > endOfLine(text, delimiterAt + 1) ? -1 : close + 1;
}

function latexExcluded(text: string): Range[] {
  const environments = collect(text, LATEX_VERBATIM);
  const comments = latexComments(text).filter((r) => !isInside(environments, r.start));
  const verbs = latexInlineVerbs(text).filter((r) => !isInside(environments, r.start));
  return mergeRanges([...environments, ...comments, ...verbs, ...latexMarkup(text)]);
}

/** Code, then the markup that does not start inside code (a "<!--" in a code span opens no comment). */
function markdownExcluded(text: string): Range[] {
  const code = mergeRanges(markdownCode(text));
  const markup = markdownMarkup(text).filter((r) => !isInside(code, r.start));
  return mergeRanges([...code, ...markup]);
}

/** Sorted, non-overlapping ranges that are not prose for the given citation syntax. */
export function nonProseRanges(text: string, syntax: CitationSyntax): Range[] {
  switch (syntax) {
    case 'latex':
      return latexExcluded(text);
    case 'pandoc':
      return markdownExcluded(text);
    case 'typst':
      return readTypst(text).nonProse;
    default:
      return [];
  }
}

