// Where code holds prose: comments, and in Python the docstrings. Model names are looked for there and
// nowhere else in code (a variable called `clip` is not CLIP); recorded identifiers match anywhere.
import type { Range } from '../documents/ranges';

export type CodeLanguage = 'python' | 'yaml' | 'toml' | 'json' | 'jsonc';

const LANGUAGE_IDS: Record<string, CodeLanguage> = { python: 'python', yaml: 'yaml', toml: 'toml', json: 'json', jsonc: 'jsonc' };

/** The code language of a document, by its language id or, for TOML (no built-in language), its name. */
export function codeLanguageFor(languageId: string, path = ''): CodeLanguage | undefined {
  return LANGUAGE_IDS[languageId] ?? (/\.toml$/i.test(path) ? 'toml' : undefined);
}

/** Sorted, disjoint ranges of comments and docstrings. */
export function proseRangesInCode(text: string, language: CodeLanguage): Range[] {
  switch (language) {
    case 'python':
      return pythonProse(text);
    case 'yaml':
      return yamlComments(text);
    case 'toml':
      return hashComments(text, ['"""', "'''", '"', "'"]);
    case 'jsonc':
      return jsoncComments(text);
    default:
      return [];
  }
}

const STRING_PREFIX = /[rRbBuUfF]{1,2}$/;

/**
 * Python: `#` comments, and docstrings: a string literal standing as a statement of its own (the first token
 * on its line, outside brackets, nothing but a comment after it on its last line).
 */
function pythonProse(text: string): Range[] {
  const ranges: Range[] = [];
  let depth = 0;
  let lineHasToken = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '\n') {
      lineHasToken = false;
      i++;
    } else if (c === '#') {
      const end = lineEnd(text, i);
      ranges.push({ start: i, end });
      i = end;
    } else if (c === '"' || c === "'") {
      const prefix = STRING_PREFIX.exec(text.slice(Math.max(0, i - 2), i))?.[0] ?? '';
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const end = stringEnd(text, i + quote.length, quote);
      const firstOnLine = !lineHasToken || (prefix !== '' && text.slice(lineStart(text, i), i - prefix.length).trim() === '');
      if (depth === 0 && firstOnLine && restIsComment(text, end)) {
        ranges.push({ start: i + quote.length, end: Math.max(i + quote.length, end - quote.length) });
      }
      lineHasToken = true;
      i = end;
    } else {
      if (c === '(' || c === '[' || c === '{') {
        depth++;
      } else if ((c === ')' || c === ']' || c === '}') && depth > 0) {
        depth--;
      }
      if (!/\s/.test(c)) {
        lineHasToken = true;
      }
      i++;
    }
  }
  return ranges;
}

/** YAML: `#` at a line's start or after a blank, outside quoted scalars and block scalars (`|`, `>`). */
function yamlComments(text: string): Range[] {
  const ranges: Range[] = [];
  let blockIndent = -1; // inside a block scalar: lines indented more than this belong to it
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) {
      start = end + 1;
      continue;
    }
    blockIndent = -1;
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (quote === '"' && c === '\\') {
          i++;
        } else if (c === quote) {
          quote = undefined;
        }
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s:,[{-]/.test(line[i - 1]))) {
        quote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
        ranges.push({ start: start + i, end });
        break;
      }
    }
    if (/(?:^|[:\-]\s*)[|>][+-]?\d?\s*(?:#.*)?$/.test(line.trim()) && quote === undefined) {
      blockIndent = indent;
    }
    start = end + 1;
  }
  return ranges;
}

/** `#` comments outside the given string delimiters (TOML). */
function hashComments(text: string, quotes: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i < text.length; ) {
    const quote = quotes.find((q) => text.startsWith(q, i));
    if (quote) {
      i = stringEnd(text, i + quote.length, quote, quote !== "'" && quote !== "'''");
    } else if (text[i] === '#') {
      const end = lineEnd(text, i);
      ranges.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return ranges;
}

/** JSON with comments: line and block comments outside strings. */
function jsoncComments(text: string): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] === '"') {
      i = stringEnd(text, i + 1, '"');
    } else if (text.startsWith('//', i)) {
      const end = lineEnd(text, i);
      ranges.push({ start: i, end });
      i = end;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      ranges.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return ranges;
}

/** The offset after the closing `quote`, searched from `from`; a backslash escapes the next character. */
function stringEnd(text: string, from: number, quote: string, escapes = true): number {
  const single = quote.length === 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (escapes && c === '\\') {
      i++;
    } else if (single && c === '\n') {
      return i; // an unterminated one-line string ends with its line
    } else if (text.startsWith(quote, i)) {
      return i + quote.length;
    }
  }
  return text.length;
}

function restIsComment(text: string, from: number): boolean {
  const rest = text.slice(from, lineEnd(text, from)).trim();
  return rest === '' || rest.startsWith('#');
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}
