// What a hover at a cursor points at: a cited key or a model named in prose, read from the cursor's line and
// the few lines before it where a key list may start, never the whole document.
import type { CitationSyntax } from '../documents/syntax';
import type { Mention, MentionMatcher } from '../mentions/mentions';
import { CITATION_LOOKBACK, citationKeyAt } from './citationContext';

/** The lines of a document, as VS Code's TextDocument keeps them (no line breaks). */
export interface TextLines {
  readonly lineCount: number;
  lineText(line: number): string;
}

/** Offsets within one line. */
export type HoverTarget =
  | { kind: 'citation'; key: string; line: number; start: number; end: number }
  | { kind: 'mention'; modelId: string; line: number; start: number; end: number; mention: Mention };

/** How many lines before the cursor a \cite{...} key list may have opened. */
const CITATION_WINDOW_LINES = 8;

export function hoverTargetAt(document: TextLines, line: number, character: number, syntax: CitationSyntax, matcher: MentionMatcher): HoverTarget | undefined {
  const cursorLine = document.lineText(line);
  return citedKeyAt(document, cursorLine, line, character, syntax) ?? mentionAt(matcher, cursorLine, line, character);
}

function mentionAt(matcher: MentionMatcher, text: string, line: number, character: number): HoverTarget | undefined {
  const mention = matcher.findAt(text, character, 0, text.length);
  return mention && { kind: 'mention', modelId: mention.modelId, line, start: mention.start, end: mention.end, mention };
}

function citedKeyAt(document: TextLines, cursorLine: string, line: number, character: number, syntax: CitationSyntax): HoverTarget | undefined {
  // The window: the cursor's line, the next (a key may go on past the cursor), and before them up to eight
  // lines, stopping once they hold more than the citation context ever looks back over. Each line is read once.
  const lines: string[] = [];
  let lookedBack = character;
  for (let n = line - 1; n >= 0 && line - n <= CITATION_WINDOW_LINES && lookedBack <= CITATION_LOOKBACK; n--) {
    const text = document.lineText(n);
    lines.unshift(text);
    lookedBack += text.length + 1;
  }
  const first = line - lines.length;
  const cursorLineStart = lookedBack - character;
  lines.push(cursorLine);
  if (line + 1 < document.lineCount) {
    lines.push(document.lineText(line + 1));
  }
  const cited = citationKeyAt(lines.join('\n'), cursorLineStart + character, syntax);
  if (!cited) {
    return undefined;
  }
  // A key holds no line break, so it lies on one line of the window: find which.
  let keyLine = first;
  let lineStart = 0;
  while (cited.start >= lineStart + lines[keyLine - first].length + 1) {
    lineStart += lines[keyLine - first].length + 1;
    keyLine++;
  }
  return { kind: 'citation', key: cited.key, line: keyLine, start: cited.start - lineStart, end: cited.end - lineStart };
}
