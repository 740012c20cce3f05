// Dataset text as Markdown text that a writer keeps editing: only the characters that could start
// markup inside a line are escaped (emphasis, code, links, HTML, table cells, Pandoc math, super- and
// subscripts and citations), so the source stays readable. Blocks are never started: every line we
// write begins with our own syntax ("| ", "- ", "#").
import { joinLines } from '../presentation/markdown';

const INLINE_SYNTAX = /[\\`*_[\]<>|$~^@&]/g;

export function escapeMarkdownText(text: string): string {
  return joinLines(text).replace(INLINE_SYNTAX, (ch) => `\\${ch}`);
}
