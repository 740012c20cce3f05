// Reads one user atlas file. A file holds either one entry (a YAML mapping) or a list of entries (a YAML
// sequence of mappings); every entry keeps a way to find the line and column of any of its fields.
import { isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A zero-based position, as editors count. */
export interface TextPosition {
  line: number;
  character: number;
}

export interface TextSpan {
  start: TextPosition;
  end: TextPosition;
}

export interface FileEntry {
  /** The entry as plain data; not yet checked. */
  value: unknown;
  /** The span of the field at `path` inside this entry, or of its nearest parent that exists. */
  locate(path: readonly (string | number)[]): TextSpan;
}

export interface AtlasFile {
  entries: FileEntry[];
  /** YAML syntax errors; a file with any has no entries. */
  syntaxErrors: { span: TextSpan; message: string }[];
}

export function readAtlasFile(text: string): AtlasFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const spanOf = (from: number, to: number): TextSpan => ({ start: positionOf(lineCounter, from), end: positionOf(lineCounter, Math.max(from, to)) });
  if (doc.errors.length > 0) {
    return { entries: [], syntaxErrors: doc.errors.map((e) => ({ span: spanOf(e.pos[0], e.pos[1]), message: e.message.split('\n')[0] })) };
  }
  const root = doc.contents;
  if (root === null) {
    return { entries: [], syntaxErrors: [] }; // an empty file is a valid file with no entries yet
  }
  if (isSeq(root)) {
    return { entries: root.items.map((item, index) => entryAt(doc, [index], item as Node, spanOf)), syntaxErrors: [] };
  }
  return { entries: [entryAt(doc, [], root, spanOf)], syntaxErrors: [] };
}

function entryAt(doc: Document, prefix: number[], node: Node, spanOf: (from: number, to: number) => TextSpan): FileEntry {
  return {
    value: node ? node.toJS(doc) : null,
    locate(path) {
      let parts = [...prefix, ...path];
      while (parts.length > prefix.length) {
        const parent = parts.length > 1 ? doc.getIn(parts.slice(0, -1), true) : doc.contents;
        const last = parts[parts.length - 1];
        // A field's span runs from its key, so "unknown field" and "bad value" both point at the line.
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === last) : undefined;
        const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
        const found = doc.getIn(parts, true) as Node | undefined;
        if (keyRange) {
          return spanOf(keyRange[0], isCollection(found) ? keyRange[1] : found?.range?.[1] ?? keyRange[1]);
        }
        if (found?.range) {
          return spanOf(found.range[0], found.range[1]);
        }
        parts = parts.slice(0, -1);
      }
      // The entry itself: point at its first line only, not the whole block.
      const start = node?.range?.[0] ?? 0;
      const firstLineEnd = isMap(node) && node.items[0]?.key && (node.items[0].key as Node).range ? (node.items[0].key as Node).range![1] : start;
      return spanOf(start, firstLineEnd);
    },
  };
}

function positionOf(lineCounter: LineCounter, offset: number): TextPosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}
