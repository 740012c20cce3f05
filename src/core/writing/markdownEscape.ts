// Dataset text as Markdown a writer keeps editing: only what could start inline markup is escaped
// (emphasis, code, links, HTML, cells, math, citations); every line we write starts with our own syntax.
import { joinLines } from '../presentation/markdown';

const INLINE_SYNTAX = /[\\`*_[\]<>|$~^@&]/g;

export function escapeMarkdownText(text: string): string {
  return joinLines(text).replace(INLINE_SYNTAX, (ch) => `\\${ch}`);
}
