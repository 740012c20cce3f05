// CSL-JSON bibliographies (an array of CSL items): read with each item's offsets, and appended to by inserting
// one item before the closing "]" in the file's own indentation and line endings; nothing else is rewritten.
import { lineEndingOf, type Insertion } from '../bibtex/append';
import type { BibEntry, BibFile, BibProblem } from '../bibtex/parse';
import { lineAt, lineStarts } from '../documents/textLines';
import type { AppendRefusal } from './bibliographyFormat';
import { bibEntryOfCsl } from './cslItems';

interface ArrayShape {
  /** Offsets of the top-level "[" and "]". */
  open: number;
  close: number;
  items: Array<{ start: number; end: number }>;
}

type Scan = { ok: true; shape: ArrayShape } | { ok: false; message: string; offset: number };

export function readCslJson(text: string): BibFile {
  const scan = scanArray(text);
  const problems: BibProblem[] = [];
  const entries: BibEntry[] = [];
  const starts = lineStarts(text);
  if (!scan.ok) {
    if (text.trim() !== '') {
      problems.push({ message: scan.message, offset: scan.offset, line: lineAt(starts, scan.offset) });
    }
    return { entries, strings: {}, preambles: [], problems };
  }
  for (const at of scan.shape.items) {
    const line = lineAt(starts, at.start);
    let value: unknown;
    try {
      value = JSON.parse(text.slice(at.start, at.end));
    } catch (error) {
      problems.push({ message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, offset: at.start, line });
      continue;
    }
    const entry = typeof value === 'object' && value !== null && !Array.isArray(value) ? bibEntryOfCsl(value as Record<string, unknown>, { ...at, line }) : undefined;
    if (entry) {
      entries.push(entry);
    } else {
      problems.push({ message: 'a CSL item is an object with an "id"', offset: at.start, line });
    }
  }
  return { entries, strings: {}, preambles: [], problems };
}

export type CslAppend = { ok: true; insertion: Insertion } | AppendRefusal;

/**
 * Inserts `items` after the array's last item: each on lines of its own, indented as that item is and
 * serialised with its indent unit, or on one line when the file's items are written on one line each.
 * An empty file becomes a one-array file.
 */
export function planCslJsonAppend(text: string, items: readonly object[]): CslAppend {
  const eol = lineEndingOf(text);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    const body = items.map((item) => indentLines(prettyJson(item, '  '), '  ', eol)).join(`,${eol}`);
    return { ok: true, insertion: { offset: text.length, text: `[${eol}${body}${eol}]${eol}` } };
  }
  const scan = scanArray(text);
  if (!scan.ok) {
    return { ok: false, reason: text.replace(/^\uFEFF/, '').trimStart().startsWith('[') ? 'syntax' : 'shape', detail: scan.message };
  }
  const { open, items: existing } = scan.shape;
  const last = existing[existing.length - 1];
  if (!last) {
    const body = items.map((item) => indentLines(prettyJson(item, '  '), '  ', eol)).join(`,${eol}`);
    return { ok: true, insertion: { offset: open + 1, text: `${eol}${body}${eol}` } };
  }
  const lastText = text.slice(last.start, last.end);
  const indent = text.slice(text.lastIndexOf('\n', last.start - 1) + 1, last.start);
  const onOwnLine = indent.trim() === '';
  if (!lastText.includes('\n')) {
    // Items written on one line each (or the whole array on one line): the same for the new ones.
    const previous = existing[existing.length - 2];
    const separator = onOwnLine ? `,${eol}${indent}` : previous ? text.slice(previous.end, last.start) : ', ';
    const spaced = /"\s*:\s/.test(lastText);
    return { ok: true, insertion: { offset: last.end, text: items.map((item) => `${separator}${oneLineJson(item, spaced)}`).join('') } };
  }
  const unit = indentUnit(lastText) ?? '  ';
  const prefix = onOwnLine ? indent : '';
  const rendered = items.map((item) => `,${eol}${indentLines(prettyJson(item, unit), prefix, eol)}`);
  return { ok: true, insertion: { offset: last.end, text: rendered.join('') } };
}

/** JSON with objects on lines of their own and lists of plain values on one line (`"date-parts": [[2023, 1]]`). */
export function prettyJson(value: unknown, unit: string, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null || (Array.isArray(v) && v.every((w) => typeof w !== 'object' || w === null)))) {
      return `[${value.map((v) => (Array.isArray(v) ? `[${v.map((w) => JSON.stringify(w)).join(', ')}]` : JSON.stringify(v))).join(', ')}]`;
    }
    return `[\n${value.map((v) => indent + unit + prettyJson(v, unit, indent + unit)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{\n${members.map(([k, v]) => `${indent}${unit}${JSON.stringify(k)}: ${prettyJson(v, unit, indent + unit)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** JSON on one line, with a space after ":" and "," when `spaced` (as `{"id": "a"}` is written). */
function oneLineJson(value: unknown, spaced: boolean): string {
  if (!spaced || typeof value !== 'object' || value === null) {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => oneLineJson(v, spaced)).join(', ')}]`;
  }
  const members = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v, spaced)}`).join(', ')}}`;
}

/** Every line of `json` after `prefix`, joined with `eol`. */
function indentLines(json: string, prefix: string, eol: string): string {
  return json
    .split('\n')
    .map((line) => prefix + line)
    .join(eol);
}

/** The indent of an item's first member relative to its "{" line: the file's indent unit. */
function indentUnit(itemText: string): string | undefined {
  const second = itemText.split(/\r?\n/)[1];
  const closing = itemText.split(/\r?\n/).slice(-1)[0];
  const inner = /^[ \t]*/.exec(second ?? '')?.[0] ?? '';
  const outer = /^[ \t]*/.exec(closing)?.[0] ?? '';
  return inner.length > outer.length ? inner.slice(outer.length) : undefined;
}

/** The top-level array and the offsets of its items, read without building values. */
function scanArray(text: string): Scan {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[i] !== '[') {
    return { ok: false, message: 'a CSL-JSON file holds an array of items', offset: i };
  }
  const open = i;
  const items: Array<{ start: number; end: number }> = [];
  i = skipSpace(text, i + 1);
  if (text[i] === ']') {
    return { ok: true, shape: { open, close: i, items } };
  }
  for (;;) {
    const start = i;
    const end = valueEnd(text, i);
    if (end < 0) {
      return { ok: false, message: 'the array ends inside an item', offset: start };
    }
    items.push({ start, end });
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
    } else if (text[i] === ']') {
      return { ok: true, shape: { open, close: i, items } };
    } else {
      return { ok: false, message: `expected ',' or ']' after an item`, offset: i };
    }
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) {
    i++;
  }
  return i;
}

/** The end of the JSON value at `from` (balanced brackets, strings skipped), or -1 when the text ends first. */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) {
        return -1;
      }
      if (depth === 0) {
        return i + 1;
      }
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) {
        return i; // a scalar ended by the array's "]"
      }
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    } else if (depth === 0 && (c === ',' || /\s/.test(c))) {
      return i;
    }
  }
  return depth === 0 ? text.length : -1;
}

/** The offset of the closing quote of the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '"') {
      return i;
    }
  }
  return -1;
}
