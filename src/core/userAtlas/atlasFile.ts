// Reads one user atlas file. A file holds either one entry (a YAML mapping) or a list of entries (a YAML
// sequence of mappings); every entry keeps a way to find the line and column of any of its fields.
import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { lineAt, lineStarts } from '../documents/textLines';

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
  /** YAML syntax errors: a file that does not parse has no entries; an entry whose aliases do not resolve is left out. */
  syntaxErrors: { span: TextSpan; message: string }[];
}

export function readAtlasFile(text: string): AtlasFile {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  // Lines counted here rather than by the parser's LineCounter, which misses line breaks inside some broken flow collections.
  const starts = lineStarts(text);
  const spanOf = (from: number, to: number): TextSpan => ({ start: positionOf(text, starts, from), end: positionOf(text, starts, Math.max(from, to)) });
  if (doc.errors.length > 0) {
    return { entries: [], syntaxErrors: doc.errors.map((e) => ({ span: spanOf(e.pos[0], e.pos[1]), message: e.message.split('\n')[0] })) };
  }
  const root = doc.contents;
  if (root === null) {
    return { entries: [], syntaxErrors: [] }; // an empty file is a valid file with no entries yet
  }
  const items = isSeq(root) ? root.items.map((item, index) => ({ node: item as Node, prefix: [index] })) : [{ node: root, prefix: [] }];
  const entries: FileEntry[] = [];
  const syntaxErrors: AtlasFile['syntaxErrors'] = [];
  for (const { node, prefix } of items) {
    let value: unknown;
    try {
      value = node ? node.toJS(doc) : null;
    } catch (error) {
      // An alias to no anchor, or one that expands too far (the parser's guard against alias bombs): only
      // this entry is lost, the file's other entries load.
      const [from, to] = node?.range ?? [0, 0];
      syntaxErrors.push({ span: spanOf(from, to), message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    entries.push(entryAt(doc, prefix, node, value, spanOf));
  }
  return { entries, syntaxErrors };
}

function entryAt(doc: Document, prefix: number[], node: Node, value: unknown, spanOf: (from: number, to: number) => TextSpan): FileEntry {
  return {
    value,
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

/** The zero-based position of `offset`, kept inside the text (the parser may point one past its end). */
function positionOf(text: string, starts: readonly number[], offset: number): TextPosition {
  const at = Math.min(Math.max(0, offset), text.length);
  const low = lineAt(starts, at);
  // A line ends before its break; a position inside a \r\n is the end of its line.
  const nextStart = low + 1 < starts.length ? starts[low + 1] : -1;
  const breakLength = nextStart >= 2 && text.charCodeAt(nextStart - 2) === 13 && text.charCodeAt(nextStart - 1) === 10 ? 2 : 1;
  const lineEnd = nextStart < 0 ? text.length : nextStart - breakLength;
  return { line: low, character: Math.min(at, lineEnd) - starts[low] };
}
