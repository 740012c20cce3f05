// The "In This Document" listing: which models a text mentions or cites, how often and where, skipping code,
// comments and verbatim; snippets are made only when a tree item is shown.
import { isInside, type Range } from '../documents/ranges';
import { lineAt, lineStarts } from '../documents/textLines';
import type { Mention } from './mentions';

export interface Occurrence {
  start: number;
  end: number;
  /** Zero-based line and column of `start`. */
  line: number;
  character: number;
  /** The mention's line, trimmed and shortened around the mention. */
  readonly snippet: string;
  /** Where the mention stands in `snippet`: [start, end). */
  readonly highlight: [number, number];
  /** A citation key that stands for the model, rather than its name. */
  readonly citation: boolean;
}

/** A place in the text that refers to a model: a mention of its name, or a citation of its paper. */
export interface ModelReference {
  modelId: string;
  start: number;
  end: number;
}

export interface ModelOccurrences {
  modelId: string;
  occurrences: Occurrence[];
}

const SNIPPET_CONTEXT = 30;

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

/** An occurrence whose snippet is cut from the text when first read; the text stays out of enumerable fields. */
class MentionOccurrence implements Occurrence {
  readonly #text: string;
  readonly #lineStart: number;
  #shown: { snippet: string; highlight: [number, number] } | undefined;
  readonly character: number;

  constructor(text: string, lineStart: number, readonly start: number, readonly end: number, readonly line: number, readonly citation: boolean) {
    this.#text = text;
    this.#lineStart = lineStart;
    this.character = start - lineStart;
  }

  get snippet(): string {
    return this.shown().snippet;
  }

  get highlight(): [number, number] {
    return this.shown().highlight;
  }

  private shown(): { snippet: string; highlight: [number, number] } {
    this.#shown ??= snippetAround(this.#text, this.#lineStart, this.start, this.end);
    return this.#shown;
  }
}

/**
 * Mentions and citations grouped per model, in text order, models in order of first reference; those inside
 * `nonProse` dropped.
 */
export function listOccurrences(text: string, mentions: readonly Mention[], nonProse: readonly Range[] = [], citations: readonly ModelReference[] = []): ModelOccurrences[] {
  const starts = lineStarts(text);
  const byModel = new Map<string, Occurrence[]>();
  // Copied only when citations are merged in: copying every mention (a spread per mention, at first) made the
  // scan of a 1 MB document ten times as slow.
  const references: ReadonlyArray<Mention | CitedReference> = citations.length === 0 ? mentions : merged(mentions, citations);
  for (const mention of references) {
    if (isInside(nonProse, mention.start)) {
      continue;
    }
    const line = lineAt(starts, mention.start);
    const occurrence = new MentionOccurrence(text, starts[line], mention.start, mention.end, line, 'citation' in mention && mention.citation);
    const list = byModel.get(mention.modelId);
    if (list) {
      list.push(occurrence);
    } else {
      byModel.set(mention.modelId, [occurrence]);
    }
  }
  return [...byModel].map(([modelId, occurrences]) => ({ modelId, occurrences }));
}

type CitedReference = ModelReference & { citation: boolean };

function merged(mentions: readonly Mention[], citations: readonly ModelReference[]): CitedReference[] {
  const asReference = (citation: boolean) => (r: ModelReference): CitedReference => ({ modelId: r.modelId, start: r.start, end: r.end, citation });
  return [...mentions.map(asReference(false)), ...citations.map(asReference(true))].sort(
    (a, b) => a.start - b.start,
  );
}

