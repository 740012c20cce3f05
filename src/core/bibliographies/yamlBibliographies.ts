// YAML bibliographies: CSL-YAML (Pandoc's `references:` list, in a file or the front matter) and Hayagriva
// (Typst's map of keys to entries). Read with each entry's offsets; appended to after the last entry, in the
// file's own indentation and line endings, with nothing else rewritten. Loaded with the YAML library, on use.
import { Document, isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEndingOf, type Insertion } from '../bibtex/append';
import type { BibEntry, BibFile, BibProblem } from '../bibtex/parse';
import { lineAt, lineStarts } from '../documents/textLines';
import { frontMatter, type AppendRefusal } from './bibliographyFormat';
import { bibEntryOfCsl } from './cslItems';
import { bibEntryOfCff } from '../projectReferences/cffReference';
import { bibEntryOfHayagriva } from './hayagrivaEntries';

export type YamlBibliographyKind = 'csl-yaml' | 'hayagriva';

export interface YamlBibliography {
  kind: YamlBibliographyKind;
  bib: BibFile;
}

type Shape =
  | { kind: 'csl-yaml'; list: YAMLSeq | undefined; holder: Pair | undefined }
  | { kind: 'hayagriva'; map: YAMLMap | undefined }
  | { kind: 'other'; message: string };

/** CITATION.cff: a mapping whose `references:` list (absent at first) takes the new references. */
export type YamlTarget = YamlBibliographyKind | 'citation-cff';

function shapeOf(doc: Document, fallback: YamlTarget): Shape {
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return fallback === 'hayagriva' ? { kind: 'hayagriva', map: undefined } : { kind: 'csl-yaml', list: undefined, holder: undefined };
  }
  if (isSeq(root)) {
    return { kind: 'csl-yaml', list: root, holder: undefined };
  }
  if (!isMap(root)) {
    return { kind: 'other', message: 'a YAML bibliography is a mapping (Hayagriva) or a references list (CSL-YAML)' };
  }
  const references = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'references');
  if (references) {
    if (isSeq(references.value)) {
      return { kind: 'csl-yaml', list: references.value, holder: references };
    }
    const empty = references.value === null || (isScalar(references.value) && references.value.value === null);
    return empty ? { kind: 'csl-yaml', list: undefined, holder: references } : { kind: 'other', message: "'references' is not a list of CSL items" };
  }
  const noList = fallback === 'citation-cff' || (fallback === 'csl-yaml' && root.items.length === 0);
  return noList ? { kind: 'csl-yaml', list: undefined, holder: undefined } : { kind: 'hayagriva', map: root };
}

/**
 * Reads a YAML bibliography: a `references:` list or a bare list is CSL-YAML, any other mapping Hayagriva;
 * an empty file is `fallback`. `offset` places the text inside a larger one (the front matter of a document).
 */
export function readYamlBibliography(text: string, fallback: YamlBibliographyKind, whole = text, offset = 0): YamlBibliography {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const starts = lineStarts(whole);
  const at = (start: number, end: number) => ({ start: start + offset, end: end + offset, line: lineAt(starts, start + offset) });
  const problems: BibProblem[] = doc.errors.map((e) => ({ message: e.message.split('\n')[0], offset: e.pos[0] + offset, line: lineAt(starts, e.pos[0] + offset) }));
  const entries: BibEntry[] = [];
  const shape = problems.length > 0 ? undefined : shapeOf(doc, fallback);
  const bib = (kind: YamlBibliographyKind): YamlBibliography => ({ kind, bib: { entries, strings: {}, preambles: [], problems } });
  if (!shape) {
    return bib(fallback);
  }
  if (shape.kind === 'other') {
    problems.push({ message: shape.message, offset, line: lineAt(starts, offset) });
    return bib(fallback);
  }
  const toJs = (node: unknown, where: { start: number; end: number; line: number }): unknown => {
    try {
      return (node as Node).toJS(doc);
    } catch (error) {
      problems.push({ message: error instanceof Error ? error.message : String(error), offset: where.start, line: where.line });
      return undefined;
    }
  };
  if (shape.kind === 'csl-yaml') {
    for (const item of shape.list?.items ?? []) {
      const range = (item as Node).range;
      const where = at(range?.[0] ?? 0, range?.[1] ?? 0);
      const value = toJs(item, where);
      const entry = typeof value === 'object' && value !== null && !Array.isArray(value) ? bibEntryOfCsl(value as Record<string, unknown>, where) : undefined;
      if (entry) {
        entries.push(entry);
      } else if (value !== undefined) {
        problems.push({ message: 'a CSL item is a mapping with an "id"', offset: where.start, line: where.line });
      }
    }
    return bib('csl-yaml');
  }
  for (const pair of shape.map?.items ?? []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const start = (pair.key as Node | null)?.range?.[0] ?? 0;
    const where = at(start, (pair.value as Node | null)?.range?.[1] ?? start);
    const entry = key === undefined ? undefined : bibEntryOfHayagriva(key, toJs(pair.value, where), where);
    if (entry) {
      entries.push(entry);
    }
  }
  return bib('hayagriva');
}

/** The CSL items of a document's front matter `references:` (none without one), offsets in the document. */
export function frontMatterReferences(documentText: string): BibFile | undefined {
  const yaml = frontMatter(documentText);
  if (!yaml || !/^references\s*:/m.test(yaml.text)) {
    return undefined;
  }
  const read = readYamlBibliography(yaml.text, 'csl-yaml', documentText, yaml.offset);
  return read.kind === 'csl-yaml' ? read.bib : undefined;
}

/** The `references:` of a CITATION.cff file, read as entries for finding a paper already there. */
export function readCitationCff(text: string): BibFile {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const starts = lineStarts(text);
  const problems: BibProblem[] = doc.errors.map((e) => ({ message: e.message.split('\n')[0], offset: e.pos[0], line: lineAt(starts, e.pos[0]) }));
  const entries: BibEntry[] = [];
  const shape = problems.length > 0 ? undefined : shapeOf(doc, 'citation-cff');
  if (shape?.kind === 'csl-yaml') {
    shape.list?.items.forEach((item, index) => {
      const range = (item as Node).range ?? [0, 0, 0];
      const at = { start: range[0], end: range[1], line: lineAt(starts, range[0]) };
      try {
        const entry = bibEntryOfCff((item as Node).toJS(doc), index, at);
        if (entry) {
          entries.push(entry);
        }
      } catch (error) {
        problems.push({ message: error instanceof Error ? error.message : String(error), offset: at.start, line: at.line });
      }
    });
  }
  return { entries, strings: {}, preambles: [], problems };
}

export type YamlAppend = { ok: true; insertion: Insertion } | AppendRefusal;

export interface NewYamlEntry {
  key: string;
  /** A CSL item (with its `id`) or a Hayagriva entry. */
  value: object;
}

/**
 * Appends `entries` after the last one: a CSL item as a new "- " item of the references list, indented as the
 * others; a Hayagriva entry as a new top-level key. An empty text gets a new list or map. `offset` places the
 * YAML inside a larger text (front matter).
 */
export function planYamlAppend(text: string, fallback: YamlTarget, entries: readonly NewYamlEntry[], offset = 0): YamlAppend {
  const eol = lineEndingOf(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'syntax', detail: doc.errors[0].message.split('\n')[0] };
  }
  const shape = shapeOf(doc, fallback);
  if (shape.kind === 'other') {
    return { ok: false, reason: 'shape', detail: shape.message };
  }
  const at = (insertion: Insertion): YamlAppend => ({ ok: true, insertion: { offset: insertion.offset + offset, text: insertion.text } });
  if (shape.kind === 'hayagriva') {
    return at(hayagrivaAppend(text, shape.map, entries, eol));
  }
  if (shape.list?.flow) {
    return { ok: false, reason: 'flow', detail: 'the references list is written in flow style' };
  }
  return at(cslAppend(text, shape.list, shape.holder, entries, eol));
}

function cslAppend(text: string, list: YAMLSeq | undefined, holder: Pair | undefined, entries: readonly NewYamlEntry[], eol: string): Insertion {
  const last = list?.items[list.items.length - 1] as Node | undefined;
  const lastStart = last?.range?.[0];
  if (!list || !last || lastStart === undefined) {
    // No item yet: a list under the "references:" key there is, or a new key at the end.
    const items = entries.map((e) => listItem(e.value, '', 2, false, eol)).join(eol);
    const keyEnd = (holder?.key as Node | null)?.range?.[1];
    if (keyEnd !== undefined) {
      const lineEnd = endOfLine(text, keyEnd);
      return { offset: lineEnd, text: eol + items };
    }
    const before = text === '' || text.endsWith('\n') ? '' : eol;
    return { offset: text.length, text: `${before}references:${eol}${items}${eol}` };
  }
  const dash = text.lastIndexOf('-', lastStart - 1);
  const dashColumn = dash - (text.lastIndexOf('\n', dash) + 1);
  const contentIndent = Math.max(2, lastStart - dash);
  const keyColumn = holder ? column(text, (holder.key as Node).range?.[0] ?? 0) : -1;
  const indentSeq = nestedListsIndented(text, list) ?? dashColumn > keyColumn;
  const prefix = ' '.repeat(dashColumn);
  const items = entries.map((e) => listItem(e.value, prefix, contentIndent, indentSeq, eol));
  return { offset: endOfContent(text, last), text: items.map((item) => eol + item).join('') };
}

/** `- first line`, the rest indented under it. */
function listItem(value: object, prefix: string, contentIndent: number, indentSeq: boolean, eol: string): string {
  const lines = yamlLines(value, indentSeq);
  const pad = ' '.repeat(contentIndent);
  return lines.map((line, i) => (i === 0 ? `${prefix}-${pad.slice(1)}${line}` : line === '' ? '' : `${prefix}${pad}${line}`)).join(eol);
}

function hayagrivaAppend(text: string, map: YAMLMap | undefined, entries: readonly NewYamlEntry[], eol: string): Insertion {
  const pairs = map?.items ?? [];
  const last = pairs[pairs.length - 1];
  const firstValue = pairs[0]?.value as Node | null | undefined;
  const keyColumn = pairs[0] ? column(text, (pairs[0].key as Node).range?.[0] ?? 0) : 0;
  const unit = firstValue?.range && isMap(firstValue) ? Math.max(1, column(text, firstValue.range[0]) - keyColumn) : 2;
  // Entries set off by a blank line (before the last one) get one before the new ones too.
  const blank = pairs.length < 2 || /\n[ \t]*\r?\n[ \t]*$/.test(text.slice(0, (last?.key as Node | undefined)?.range?.[0] ?? 0));
  const prefix = ' '.repeat(keyColumn);
  const rendered = entries.map((e) => {
    const body = yamlLines(e.value, true, unit).map((line) => (line === '' ? '' : `${prefix}${' '.repeat(unit)}${line}`));
    return [`${prefix}${stringify(e.key).trim()}:`, ...body].join(eol);
  });
  if (!last) {
    const before = text.trim() === '' || text.endsWith('\n') ? '' : eol;
    return { offset: text.length, text: `${before}${rendered.join(eol + eol)}${eol}` };
  }
  const gap = blank ? eol + eol : eol;
  const end = endOfContent(text, (last.value as Node | null) ?? (last.key as Node));
  return { offset: end, text: rendered.map((entry) => gap + entry).join('') };
}

/** The value as block YAML lines, long strings unfolded and CSL's `issued` kept on one line. */
function yamlLines(value: object, indentSeq: boolean, indent = 2): string[] {
  const doc = new Document(value);
  const issued = doc.get('issued', true);
  if (isMap(issued)) {
    issued.flow = true;
  }
  return doc.toString({ indentSeq, lineWidth: 0, indent }).replace(/\n$/, '').split('\n');
}

/** Whether the list's items indent their own nested lists (`author:\n  - family`), when one has any. */
function nestedListsIndented(text: string, list: YAMLSeq): boolean | undefined {
  for (const item of list.items) {
    if (!isMap(item)) {
      continue;
    }
    for (const pair of item.items) {
      const value = pair.value as Node | null;
      const first = isSeq(value) && !value.flow ? (value.items[0] as Node | undefined) : undefined;
      if (first?.range) {
        const dash = text.lastIndexOf('-', first.range[0] - 1);
        return column(text, dash) > column(text, (pair.key as Node).range?.[0] ?? 0);
      }
    }
  }
  return undefined;
}

/** The end of the line where a node's content ends (trailing blank lines and comments of the file left after it). */
function endOfContent(text: string, node: Node): number {
  let end = node.range?.[1] ?? text.length;
  while (end > 0 && /\s/.test(text[end - 1])) {
    end--;
  }
  return endOfLine(text, end);
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  if (newline < 0) {
    return text.length;
  }
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
