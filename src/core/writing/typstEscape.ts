// Dataset text as Typst markup: every character markup could read as syntax (emphasis, raw, math, code,
// labels, references, brackets, a comment's "//" or "/*") is escaped with a backslash; line breaks become
// spaces. Hyphens, quotes and "=" stay as they are: the text never starts a line, where they would mean more.
import { joinLines } from '../presentation/markdown';

const TYPST_SYNTAX = /[\\`*_#$@<>[\]~]|\/(?=[/*])/g;

export function escapeTypst(text: string): string {
  return joinLines(text).replace(TYPST_SYNTAX, (ch) => `\\${ch}`);
}
