// Is the cursor where a citation key goes? LaTeX \cite-family braces (with optional [..] arguments,
// key lists across lines), Pandoc citations ([@, ; @, -@, and a bare @ in prose), and Typst's @key and
// #cite(<key>).
import type { CitationSyntax } from '../documents/syntax';
import { readTypst, TYPST_LABEL_CHAR } from '../documents/typstSource';

export const LATEX_CITE_NAMES = [
  'cite', 'citep', 'citet', 'citeauthor', 'citeyear', 'citealp', 'citealt', 'citenum', 'nocite',
  'autocite', 'autocites', 'parencite', 'parencites', 'textcite', 'textcites', 'footcite', 'footcites',
  'smartcite', 'supercite', 'Cite', 'Citep', 'Citet', 'Autocite', 'Parencite', 'Textcite', 'Footcite',
];

export interface CitationContext {
  syntax: CitationSyntax;
  /** The key typed so far, before the cursor. */
  prefix: string;
  /** Offsets of the key being typed (prefix plus any key characters after the cursor). */
  keyStart: number;
  keyEnd: number;
  /** The other keys already in the same citation. */
  otherKeys: string[];
}

/** How far back to look for the opening of a citation: key lists are short, a line or a few. */
export const CITATION_LOOKBACK = 600;
const KEY_CHAR = /[^\s,{}\[\]%;@]/;
const PANDOC_KEY_CHAR = /[\w:.#$%&\-+?<>~/]/;
/** Quarto's and pandoc-crossref's cross-reference prefixes: @fig-a, @tbl-b, @sec-c, @fig:d are not citations. */
const CROSS_REFERENCE_PREFIXES = 'fig|tbl|lst|sec|eq|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|tip|nte|wrn|imp|cau';
const CROSS_REFERENCE = new RegExp(`^(?:${CROSS_REFERENCE_PREFIXES})[-:]`, 'i');

/** Whether a Pandoc "@" label is a cross-reference (Quarto, pandoc-crossref), not a citation key. */
export function isCrossReference(label: string): boolean {
  return CROSS_REFERENCE.test(label);
}

export function citationContextAt(text: string, offset: number, syntax: CitationSyntax): CitationContext | undefined {
  if (syntax === 'latex') {
    return latexContext(text, offset);
  }
  if (syntax === 'pandoc') {
    return pandocContext(text, offset);
  }
  return syntax === 'typst' ? typstContext(text, offset) : undefined;
}

function keyBounds(text: string, offset: number, keyChar: RegExp): { start: number; end: number } {
  let start = offset;
  while (start > 0 && keyChar.test(text[start - 1])) {
    start--;
  }
  let end = offset;
  while (end < text.length && keyChar.test(text[end])) {
    end++;
  }
  return { start, end };
}

const LATEX_OPENING = new RegExp(`\\\\(?:${LATEX_CITE_NAMES.join('|')})\\*?(?:\\s*\\[[^\\]]*\\]){0,2}\\s*\\{([^{}]*)$`);

function latexContext(text: string, offset: number): CitationContext | undefined {
  const before = text.slice(Math.max(0, offset - CITATION_LOOKBACK), offset);
  // The opening's "{" is the last one before the cursor, with no "}" after it. Most hovers are in prose:
  // two native searches rule them out before the regular expression tries every backslash in the text.
  const brace = before.lastIndexOf('{');
  if (brace < 0 || before.indexOf('}', brace) >= 0) {
    return undefined;
  }
  const opening = LATEX_OPENING.exec(before);
  if (!opening) {
    return undefined;
  }
  const { start, end } = keyBounds(text, offset, KEY_CHAR);
  const listStart = offset - opening[1].length;
  const closing = text.indexOf('}', offset);
  const listEnd = closing === -1 ? Math.min(text.length, offset + CITATION_LOOKBACK) : closing;
  const otherKeys = splitKeys(text.slice(listStart, start), /,/).concat(splitKeys(text.slice(end, listEnd), /,/));
  return { syntax: 'latex', prefix: text.slice(start, offset), keyStart: start, keyEnd: end, otherKeys };
}

function splitKeys(list: string, separator: RegExp): string[] {
  return list
    .split(separator)
    .map((k) => k.trim().replace(/^-?@/, ''))
    .filter((k) => k.length > 0 && !/\s/.test(k));
}

function pandocContext(text: string, offset: number): CitationContext | undefined {
  const { start, end } = keyBounds(text, offset, PANDOC_KEY_CHAR);
  const at = start - 1;
  if (text[at] !== '@') {
    return undefined;
  }
  let before = at - 1;
  if (text[before] === '-') {
    before--; // suppress-author form -@key
  }
  const prev = before >= 0 ? text[before] : '';
  // A word character before "@" is an e-mail address or a handle, not a citation; "\@ref(fig:x)" is bookdown's
  // cross-reference.
  if (/[\w.\\]/.test(prev) || isCrossReference(text.slice(start, end))) {
    return undefined;
  }
  const otherKeys = bracketKeys(text, at, end);
  return { syntax: 'pandoc', prefix: text.slice(start, offset), keyStart: start, keyEnd: end, otherKeys };
}

/** `@key` in markup (no word character before the "@"), or `<key` right inside `cite(`. */
function typstContext(text: string, offset: number): CitationContext | undefined {
  const { start, end } = keyBounds(text, offset, TYPST_LABEL_CHAR);
  const opener = text[start - 1];
  const before = start >= 2 ? text[start - 2] : '';
  const isReference = opener === '@' && !/[\p{L}\p{N}_]/u.test(before);
  const isCiteLabel = opener === '<' && /cite\(\s*$/.test(text.slice(Math.max(0, start - 40), start - 1));
  if (!isReference && !isCiteLabel) {
    return undefined;
  }
  return { syntax: 'typst', prefix: text.slice(start, offset), keyStart: start, keyEnd: end, otherKeys: [] };
}

/** The other keys of the surrounding [@a; @b] group, if the "@" is inside one on the same line. */
function bracketKeys(text: string, at: number, end: number): string[] {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const open = text.lastIndexOf('[', at);
  if (open < lineStart || text.slice(open, at).includes(']')) {
    return [];
  }
  const close = text.indexOf(']', end);
  const lineEnd = text.indexOf('\n', end);
  if (close === -1 || (lineEnd !== -1 && close > lineEnd)) {
    return [];
  }
  const group = text.slice(open + 1, at) + text.slice(end, close);
  return [...group.matchAll(/-?@([\w:.#$%&\-+?<>~/]+)/g)].map((m) => m[1]);
}

/** A span of text to replace with `before + key + after`. */
export interface CitationJoin {
  start: number;
  end: number;
  before: string;
  after: string;
}

const NEW_LATEX_CITATION = new RegExp(`(\\\\(?:${LATEX_CITE_NAMES.join('|')})\\*?)\\s*\\{$`);

/**
 * When the key being typed starts a new citation right after one of the same kind ("\cite{a}\cite{b|}",
 * "[@a][@b|]"), the span from the first one's closing to the end of the new one, so that the key joins the
 * first ("\cite{a,b}", "[@a; @b]") instead of standing beside it.
 */
export function joinWithPrevious(text: string, context: CitationContext): CitationJoin | undefined {
  if (context.otherKeys.length > 0) {
    return undefined;
  }
  const { keyStart, keyEnd } = context;
  if (context.syntax === 'latex') {
    const opening = NEW_LATEX_CITATION.exec(text.slice(Math.max(0, keyStart - 40), keyStart));
    if (!opening) {
      return undefined;
    }
    const commandStart = keyStart - opening[0].length;
    const command = opening[1].replace(/[\\*]/g, (c) => `\\${c}`);
    const previous = new RegExp(`${command}(?:\\s*\\[[^\\]]*\\]){0,2}\\s*\\{([^{}]*)\\}$`).exec(text.slice(Math.max(0, commandStart - CITATION_LOOKBACK), commandStart));
    if (!previous) {
      return undefined;
    }
    const end = text[keyEnd] === '}' ? keyEnd + 1 : keyEnd;
    return { start: commandStart - 1, end, before: previous[1].trim() === '' ? '' : ',', after: '}' };
  }
  if (context.syntax === 'pandoc' && text.slice(keyStart - 3, keyStart) === '][@') {
    const open = text.lastIndexOf('[', keyStart - 4);
    const lineStart = text.lastIndexOf('\n', keyStart) + 1;
    if (open < lineStart || !/(^|[^\w.])-?@[^\s;\]]/.test(text.slice(open + 1, keyStart - 3))) {
      return undefined;
    }
    const end = text[keyEnd] === ']' ? keyEnd + 1 : keyEnd;
    return { start: keyStart - 3, end, before: '; @', after: ']' };
  }
  return undefined;
}

/** Whether the "@" at `at` is escaped (`\@ref(fig:x)` in bookdown, `\@` in Pandoc): a literal at sign. */
function isEscapedAt(text: string, at: number): boolean {
  return at > 0 && text.charCodeAt(at - 1) === 0x5c;
}

/** The citation key under `offset` if it sits inside a citation, for hovers; never a Quarto cross-reference. */
export function citationKeyAt(text: string, offset: number, syntax: CitationSyntax): { key: string; start: number; end: number } | undefined {
  const context = citationContextAt(text, offset, syntax) ?? (offset > 0 ? citationContextAt(text, offset - 1, syntax) : undefined);
  if (!context || context.keyEnd <= context.keyStart) {
    return undefined;
  }
  if (syntax === 'pandoc' && (isCrossReference(text.slice(context.keyStart, context.keyEnd)) || isEscapedAt(text, context.keyStart - 1))) {
    return undefined;
  }
  // Pandoc and Typst leave trailing punctuation out of a key: "see @li2023blip2." cites li2023blip2.
  const key = text.slice(context.keyStart, context.keyEnd).replace(/[.:,;?!]+$/, '');
  return key ? { key, start: context.keyStart, end: context.keyStart + key.length } : undefined;
}

const LATEX_CITATIONS = new RegExp(`\\\\(?:${LATEX_CITE_NAMES.join('|')})\\*?(?:\\s*\\[[^\\]]*\\]){0,2}\\s*\\{([^{}]*)\\}`, 'g');
const PANDOC_CITATIONS = new RegExp(`(?<![\\w.\\\\])-?@(?!(?:${CROSS_REFERENCE_PREFIXES})[-:])([\\w][\\w:.#$%&\\-+?<>~/]*)`, 'gi');

export interface CitedKey {
  key: string;
  start: number;
  end: number;
}

/** Every key cited in the text, with its offsets, in order; Quarto cross-references and escaped "@"s are none. */
export function findCitationKeys(text: string, syntax: CitationSyntax): CitedKey[] {
  const found: CitedKey[] = [];
  if (syntax === 'latex') {
    for (const m of text.matchAll(LATEX_CITATIONS)) {
      const listStart = (m.index ?? 0) + m[0].length - 1 - m[1].length;
      for (const part of m[1].matchAll(/[^,\s]+/g)) {
        found.push({ key: part[0], start: listStart + (part.index ?? 0), end: listStart + (part.index ?? 0) + part[0].length });
      }
    }
  } else if (syntax === 'typst') {
    found.push(...readTypst(text).citations);
  } else if (syntax === 'pandoc') {
    for (const m of text.matchAll(PANDOC_CITATIONS)) {
      const key = m[1].replace(/[.:,;?!]+$/, '');
      const at = m.index ?? 0;
      if (isCrossReference(key) || isEscapedAt(text, at)) {
        continue;
      }
      const start = at + m[0].length - m[1].length;
      found.push({ key, start, end: start + key.length });
    }
  }
  return found;
}

/** Every key cited anywhere in the text. */
export function findCitedKeys(text: string, syntax: CitationSyntax): Set<string> {
  return new Set(findCitationKeys(text, syntax).map((c) => c.key));
}
