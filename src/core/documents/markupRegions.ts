// Markup that is not prose, found by indexOf scans (no backtracking): in Markdown, link destinations,
// reference definitions, HTML comments and tags, math, front matter but its title; URLs in any syntax.
import type { Range } from './ranges';

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
/** How far an HTML tag or a link destination may run: a stray "<" or "(" must not hide a page of prose. */
const MAX_MARKUP = 4096;

function lineEndFrom(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === NEWLINE || c === 0x0d;
}

/** `<!-- ... -->`, to the end of the text when unclosed (as Markdown renders it). */
function htmlComments(text: string, out: Range[]): void {
  for (let at = text.indexOf('<!--'); at !== -1; ) {
    const close = text.indexOf('-->', at + 4);
    const end = close === -1 ? text.length : close + 3;
    out.push({ start: at, end });
    at = text.indexOf('<!--', end);
  }
}

/**
 * HTML tags with their attributes (`<img src=... alt="...">`, `</p>`) and autolinks (`<https://...>`): a "<"
 * followed by a letter (or "/" and a letter), up to the ">" outside quotes, within MAX_MARKUP and no blank line.
 */
function htmlTags(text: string, out: Range[]): void {
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    const first = text.charCodeAt(at + 1) === 0x2f ? at + 2 : at + 1;
    if (!isLetter(text.charCodeAt(first)) || text.startsWith('<!--', at)) {
      continue;
    }
    const end = tagEnd(text, first);
    if (end !== -1) {
      out.push({ start: at, end });
      at = end - 1;
    }
  }
}

function tagEnd(text: string, from: number): number {
  let quote = 0;
  const limit = Math.min(text.length, from + MAX_MARKUP);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) {
        quote = 0;
      }
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i + 1;
    } else if (c === 0x3c) {
      return -1; // "a < b <c": the first "<" opened nothing
    }
    if (c === NEWLINE && text.charCodeAt(i + 1) === NEWLINE) {
      return -1;
    }
  }
  return -1;
}

/** `](destination "title")` of inline links and images, and the `][label]` of reference links. */
function linkDestinations(text: string, out: Range[]): void {
  for (let at = text.indexOf(']', 0); at !== -1; at = text.indexOf(']', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next !== 0x28 && next !== 0x5b) {
      continue;
    }
    const close = next === 0x28 ? closingParen(text, at + 2) : text.indexOf(']', at + 2);
    if (close === -1 || close > lineEndFrom(text, at + 1)) {
      continue;
    }
    // "[@a][@b]" is two citations side by side, not a reference link labelled "@b".
    if (next === 0x5b && /^\s*-?@/.test(text.slice(at + 2, close))) {
      continue;
    }
    out.push({ start: at + 1, end: close + 1 });
    at = close;
  }
}

/** The ")" closing a destination that starts at `from`, counting nested parentheses, on the same line. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  const limit = Math.min(lineEndFrom(text, from), from + MAX_MARKUP);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === 0x28) {
      depth++;
    } else if (c === 0x29) {
      if (depth === 0) {
        return i;
      }
      depth--;
    }
  }
  return -1;
}

/** Link reference definitions: `[label]: https://... "title"`, a whole line of its own. */
function referenceDefinitions(text: string, out: Range[]): void {
  for (let at = text.indexOf(']:'); at !== -1; at = text.indexOf(']:', at + 2)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let i = lineStart;
    while (i < lineStart + 3 && text.charCodeAt(i) === SPACE) {
      i++;
    }
    if (text.charCodeAt(i) === 0x5b && text.indexOf(']', i) === at) {
      out.push({ start: i, end: lineEndFrom(text, at) });
    }
  }
}

const URL_STOP = new Set([SPACE, TAB, NEWLINE, 0x0d, 0x3c, 0x3e, 0x22, 0x60, 0x7d, 0x7b]);
const URL_TRAILING = new Set([0x2e, 0x2c, 0x3a, 0x3b, 0x21, 0x3f, 0x29, 0x5d, 0x27, 0x2a, 0x5f]);

/** Bare URLs (`https://github.com/OpenGVLab/InternVL`, `www.example.org/x`), trailing punctuation left out. */
export function bareUrls(text: string, out: Range[] = []): Range[] {
  for (const marker of ['://', 'www.']) {
    for (let at = text.indexOf(marker); at !== -1; ) {
      let start = at;
      if (marker === '://') {
        while (start > 0 && isLetter(text.charCodeAt(start - 1))) {
          start--;
        }
        if (start === at) {
          at = text.indexOf(marker, at + 3);
          continue;
        }
      } else if (start > 0 && !isBlank(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 0x28) {
        at = text.indexOf(marker, at + 4);
        continue;
      }
      let end = at + marker.length;
      while (end < text.length && !URL_STOP.has(text.charCodeAt(end))) {
        end++;
      }
      while (end > at + marker.length && URL_TRAILING.has(text.charCodeAt(end - 1))) {
        end--;
      }
      out.push({ start, end });
      at = text.indexOf(marker, end);
    }
  }
  return out;
}

/** Pandoc math: `$$...$$`, `$...$` (no space inside the dollars, none followed by a digit), `\(...\)`, `\[...\]`. */
function markdownMath(text: string, out: Range[]): void {
  for (let at = text.indexOf('$'); at !== -1; ) {
    if (at > 0 && text.charCodeAt(at - 1) === BACKSLASH) {
      at = text.indexOf('$', at + 1);
      continue;
    }
    const display = text.charCodeAt(at + 1) === DOLLAR;
    const end = display ? displayMathEnd(text, at + 2) : inlineMathEnd(text, at + 1);
    if (end === -1) {
      at = text.indexOf('$', at + (display ? 2 : 1));
      continue;
    }
    out.push({ start: at, end });
    at = text.indexOf('$', end);
  }
  for (const [open, close] of [['\\(', '\\)'], ['\\[', '\\]']]) {
    for (let at = text.indexOf(open); at !== -1; ) {
      const end = text.indexOf(close, at + 2);
      if (end === -1 || end - at > MAX_MARKUP) {
        at = text.indexOf(open, at + 2);
        continue;
      }
      out.push({ start: at, end: end + 2 });
      at = text.indexOf(open, end + 2);
    }
  }
}

function displayMathEnd(text: string, from: number): number {
  const close = text.indexOf('$$', from);
  return close === -1 || close - from > MAX_MARKUP * 4 ? -1 : close + 2;
}

function inlineMathEnd(text: string, from: number): number {
  if (isBlank(text.charCodeAt(from)) || from >= text.length) {
    return -1;
  }
  const lineEnd = lineEndFrom(text, from);
  for (let close = text.indexOf('$', from); close !== -1 && close < lineEnd; close = text.indexOf('$', close + 1)) {
    const before = text.charCodeAt(close - 1);
    if (before === BACKSLASH || isBlank(before)) {
      continue;
    }
    const after = text.charCodeAt(close + 1);
    return after >= 48 && after <= 57 ? -1 : close + 1;
  }
  return -1;
}

/** bookdown's text references and cross-references: `(ref:label)` opening a line, `\@ref(fig:x)`. */
function bookdownReferences(text: string, out: Range[]): void {
  for (const [marker, atLineStart] of [['(ref:', true], ['\\@ref(', false]] as const) {
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + marker.length)) {
      const close = text.indexOf(')', at);
      if ((!atLineStart || at === 0 || text.charCodeAt(at - 1) === NEWLINE) && close !== -1 && close < lineEndFrom(text, at)) {
        out.push({ start: at, end: close + 1 });
      }
    }
  }
}

/** Front matter keys whose values are prose; every other key and value is data (tags, dates, paths). */
const PROSE_KEYS = /^(title|subtitle|description|abstract)\s*:/;

/** The YAML front matter, except the values of its title, subtitle, description and abstract; none when unclosed. */
function frontMatter(text: string, out: Range[]): void {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!/^---[ \t]*\r?$/.test(text.slice(bom, lineEndFrom(text, bom)))) {
    return;
  }
  const found: Range[] = [];
  let data = bom;
  let inProse = false;
  for (let lineStart = lineEndFrom(text, bom) + 1; lineStart < text.length; ) {
    const lineEnd = lineEndFrom(text, lineStart);
    const line = text.slice(lineStart, lineEnd);
    if (/^(---|\.\.\.)[ \t]*\r?$/.test(line)) {
      found.push({ start: inProse ? lineStart : data, end: lineEnd });
      out.push(...found);
      return;
    }
    const c = line.charCodeAt(0);
    // Indented and blank lines continue the value above (a block scalar or a list).
    if (c !== SPACE && c !== TAB && line.trim() !== '') {
      const prose = PROSE_KEYS.exec(line);
      if (prose && !inProse) {
        found.push({ start: data, end: lineStart + prose[0].length });
      } else if (prose) {
        found.push({ start: lineStart, end: lineStart + prose[0].length });
      } else if (inProse) {
        data = lineStart;
      }
      inProse = prose !== null;
    }
    lineStart = lineEnd + 1;
  }
}

/** The Markdown markup that is not prose, unsorted and possibly overlapping. */
export function markdownMarkup(text: string): Range[] {
  const out: Range[] = [];
  frontMatter(text, out);
  htmlComments(text, out);
  htmlTags(text, out);
  linkDestinations(text, out);
  referenceDefinitions(text, out);
  bareUrls(text, out);
  markdownMath(text, out);
  bookdownReferences(text, out);
  return out;
}

/** LaTeX arguments that hold names, paths or URLs rather than prose: `\label{sec:BLIP-2}`, `\url{...}`, `\href{url}`. */
const LATEX_IDENTIFIER_ARGUMENT = /\\(?:label|ref|eqref|autoref|cref|Cref|pageref|nameref|url|href|input|include|subfile|includegraphics|bibliography|addbibresource|usepackage|documentclass|begin|end)\*?(?:\s*\[[^\]\n]*\])?\s*\{[^{}\n]*\}/g;

/** Arguments of LaTeX commands that name things (labels, files, URLs), and bare URLs. */
export function latexMarkup(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(LATEX_IDENTIFIER_ARGUMENT)) {
    const braceAt = (m.index ?? 0) + m[0].lastIndexOf('{');
    out.push({ start: braceAt, end: (m.index ?? 0) + m[0].length });
  }
  return bareUrls(text, out);
}
