// The "In This Document" listing: which atlas models a text mentions, how often, and where (line,
// column and a one-line snippet), skipping mentions in code, comments and verbatim regions.
import type { Mention } from './mentions';
import { isInside, type Range } from './documentRegions';

export interface Occurrence {
  start: number;
  end: number;
  /** Zero-based line and column of `start`. */
  line: number;
  character: number;
  /** The mention's line, trimmed and shortened around the mention. */
  snippet: string;
  /** Where the mention stands in `snippet`: [start, end). */
  highlight: [number, number];
}

export interface ModelOccurrences {
  modelId: string;
  occurrences: Occurrence[];
}

const SNIPPET_CONTEXT = 30;

/** Offsets where each line starts, for offset → line lookups by binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** The mention's line, collapsed to single spaces, cut to about SNIPPET_CONTEXT characters either side. */
export function snippetAround(text: string, lineStart: number, start: number, end: number): { snippet: string; highlight: [number, number] } {
  const newline = text.indexOf('\n', lineStart);
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, start - SNIPPET_CONTEXT);
  const to = Math.min(lineEnd, end + SNIPPET_CONTEXT);
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  const before = `${from > lineStart ? '…' : ''}${collapse(text.slice(from, start)).trimStart()}`;
  const mention = collapse(text.slice(start, end));
  const after = `${collapse(text.slice(end, to)).trimEnd()}${to < lineEnd ? '…' : ''}`;
  return { snippet: before + mention + after, highlight: [before.length, before.length + mention.length] };
}

/** Mentions grouped per model, models in order of first mention, mentions inside `nonProse` dropped. */
export function listOccurrences(text: string, mentions: readonly Mention[], nonProse: readonly Range[] = []): ModelOccurrences[] {
  const starts = lineStarts(text);
  const byModel = new Map<string, Occurrence[]>();
  for (const mention of mentions) {
    if (isInside(nonProse, mention.start)) {
      continue;
    }
    const line = lineOf(starts, mention.start);
    const occurrence: Occurrence = {
      start: mention.start,
      end: mention.end,
      line,
      character: mention.start - starts[line],
      ...snippetAround(text, starts[line], mention.start, mention.end),
    };
    const list = byModel.get(mention.modelId) ?? [];
    list.push(occurrence);
    byModel.set(mention.modelId, list);
  }
  return [...byModel].map(([modelId, occurrences]) => ({ modelId, occurrences }));
}
