// Where a document is not prose: fenced and inline code in Markdown; comments and verbatim-like
// environments in LaTeX. Hovers, completions and mention counts skip these ranges.
import type { CitationSyntax } from './citation';

export interface Range {
  start: number;
  end: number;
}

const VERBATIM_ENVIRONMENTS = 'verbatim\\*?|Verbatim|lstlisting|minted|comment|filecontents\\*?';
const LATEX_VERBATIM = new RegExp(`\\\\begin\\{(${VERBATIM_ENVIRONMENTS})\\}[\\s\\S]*?(?:\\\\end\\{\\1\\}|$(?![\\s\\S]))`, 'g');
// A % not preceded by an odd number of backslashes starts a comment that runs to the end of the line.
const LATEX_COMMENT = /(?<=(?:^|[^\\])(?:\\\\)*)%[^\n]*/gm;
const LATEX_INLINE_VERB = /\\(?:verb|lstinline)\*?([^\sa-zA-Z*])[^\n]*?\1/g;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

function markdownCode(text: string): Range[] {
  const ranges: Range[] = [];
  let offset = 0;
  let fence: { marker: string; start: number } | undefined;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const open = FENCE_OPEN.exec(line);
    if (fence) {
      const close = open && open[1][0] === fence.marker[0] && open[1].length >= fence.marker.length && line.trim() === open[1];
      if (close) {
        ranges.push({ start: fence.start, end: lineEnd });
        fence = undefined;
      }
    } else if (open) {
      fence = { marker: open[1], start: offset };
    } else {
      for (const span of inlineCode(line)) {
        ranges.push({ start: offset + span.start, end: offset + span.end });
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

function latexExcluded(text: string): Range[] {
  const environments = collect(text, LATEX_VERBATIM);
  const inEnvironment = (at: number) => environments.some((r) => r.start <= at && at < r.end);
  const comments = collect(text, LATEX_COMMENT).filter((r) => !inEnvironment(r.start));
  const verbs = collect(text, LATEX_INLINE_VERB).filter((r) => !inEnvironment(r.start));
  return merge([...environments, ...comments, ...verbs]);
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

/** Sorted, non-overlapping ranges that are not prose for the given citation syntax. */
export function nonProseRanges(text: string, syntax: CitationSyntax): Range[] {
  switch (syntax) {
    case 'latex':
      return latexExcluded(text);
    case 'pandoc':
      return merge(markdownCode(text));
    default:
      return [];
  }
}

/** Whether `offset` falls inside one of the sorted `ranges` (binary search). */
export function isInside(ranges: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) {
      hi = mid - 1;
    } else if (offset >= r.end) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}
