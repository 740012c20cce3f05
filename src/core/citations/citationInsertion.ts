// Where and what to insert for a citation of some keys at the cursor: inside, right after or right before an
// existing citation the keys join its list; elsewhere a new citation, set off from a word as the document does.
import { isInside, type Range } from '../documents/ranges';
import type { CitationSyntax } from '../documents/syntax';
import { TYPST_LABEL_CHAR } from '../documents/typstSource';
import { citationContextAt, LATEX_CITE_NAMES } from './citationContext';
import { formatCitation, typstCite, type LatexCiteCommand } from './citationSyntax';

export interface TextInsertion {
  offset: number;
  text: string;
}

export interface CitationStyle {
  latexCommand?: LatexCiteCommand;
  /** What goes between a word and a new citation right after it (citationSetOff): "~" or " " in LaTeX, " " in Markdown. */
  setOff?: string;
}

export function planCitationInsertion(
  text: string,
  cursor: number,
  syntax: CitationSyntax,
  keys: readonly string[],
  style: CitationStyle = {},
): TextInsertion | undefined {
  const offset = outOfWord(text, cursor);
  if (syntax === 'typst') {
    return typstInsertion(text, offset, keys);
  }
  const context = citationContextAt(text, offset, syntax);
  const group = syntax === 'pandoc' && !(context && context.keyStart === context.keyEnd) ? pandocGroupAt(text, offset) : undefined;
  if (group) {
    return joinPandocGroup(text, offset, group, keys);
  }
  if (context) {
    return joinContext(text, context, syntax, keys);
  }
  const adjacent = adjacentCitation(text, offset, syntax);
  if (adjacent) {
    return adjacent(keys);
  }
  if (keys.length === 0) {
    return undefined;
  }
  const citation = formatCitation(keys, syntax, style.latexCommand);
  const afterWord = offset > 0 && WORD_END.test(text[offset - 1]);
  return { offset, text: (afterWord ? style.setOff ?? defaultSetOff(syntax) : '') + citation };
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Characters a new citation right after is set off from. */
const WORD_END = /[\p{L}\p{N})]/u;

/** The cursor, or the end of the word it is inside ("BL|IP-2" and "LLa|VA-1.5" both go to the end): never split a word. */
export function outOfWord(text: string, cursor: number): number {
  const inside = cursor > 0 && cursor < text.length && WORD_CHAR.test(text[cursor - 1]) && isWordPart(text, cursor);
  if (!inside) {
    return cursor;
  }
  let end = cursor;
  while (end < text.length && isWordPart(text, end)) {
    end++;
  }
  return end;
}

/** A word character, or a hyphen or dot joining two (as in "LLaVA-1.5"). */
function isWordPart(text: string, at: number): boolean {
  const ch = text[at];
  if (WORD_CHAR.test(ch)) {
    return true;
  }
  return (ch === '-' || ch === '.') && at > 0 && WORD_CHAR.test(text[at - 1]) && at + 1 < text.length && WORD_CHAR.test(text[at + 1]);
}

function defaultSetOff(syntax: CitationSyntax): string {
  return syntax === 'latex' ? '~' : ' ';
}

const LATEX_CITE = `\\\\(?:${LATEX_CITE_NAMES.join('|')})\\*?(?:\\s*\\[[^\\]]*\\]){0,2}\\s*\\{([^{}]*)\\}`;
const LATEX_CITATION_BEFORE = new RegExp(`${LATEX_CITE}$`);
const LATEX_CITATION_AFTER = new RegExp(`^[ \\t]*~?[ \\t]*${LATEX_CITE}`);
const PANDOC_GROUP_AFTER = /^[ \t]*\[[^\]\n]*?(?<![\w.])-?@[^\]\n]*\]/;
const LOOK = 600;

/**
 * A citation that ends right where the cursor is ("\cite{a}|", "[@a]|"), or starts right after it, maybe
 * set off by a space or "~" ("BLIP-2| \cite{a}"): new keys join its list instead of starting another.
 */
function adjacentCitation(text: string, offset: number, syntax: CitationSyntax): ((keys: readonly string[]) => TextInsertion | undefined) | undefined {
  if (syntax === 'latex') {
    const before = LATEX_CITATION_BEFORE.exec(text.slice(Math.max(0, offset - LOOK), offset));
    if (before) {
      return (keys) => joinLatexList(before[1], offset - 1, keys);
    }
    const after = LATEX_CITATION_AFTER.exec(text.slice(offset, offset + LOOK));
    if (after) {
      return (keys) => joinLatexList(after[1], offset + after[0].length - 1, keys);
    }
  }
  if (syntax === 'pandoc') {
    if (text[offset - 1] === ']') {
      const group = pandocGroupAt(text, offset - 1);
      if (group) {
        return (keys) => joinPandocGroup(text, offset - 1, group, keys);
      }
    }
    const after = PANDOC_GROUP_AFTER.exec(text.slice(offset, text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset)));
    if (after) {
      const close = offset + after[0].length - 1;
      const group = pandocGroupAt(text, close);
      if (group) {
        return (keys) => joinPandocGroup(text, close, group, keys);
      }
    }
  }
  return undefined;
}

/** New keys at the end of a LaTeX key list whose closing brace is at `close`. */
function joinLatexList(list: string, close: number, keys: readonly string[]): TextInsertion | undefined {
  const present = new Set(list.split(',').map((k) => k.trim().toLowerCase()));
  const fresh = keys.filter((k) => !present.has(k.toLowerCase()));
  if (fresh.length === 0) {
    return undefined;
  }
  return { offset: close, text: (list.trim() === '' ? '' : ',') + fresh.join(',') };
}

function joinContext(text: string, context: NonNullable<ReturnType<typeof citationContextAt>>, syntax: CitationSyntax, keys: readonly string[]): TextInsertion | undefined {
  const present = new Set(context.otherKeys.map((k) => k.toLowerCase()));
  const typed = text.slice(context.keyStart, context.keyEnd);
  if (typed) {
    present.add(typed.toLowerCase());
  }
  const fresh = keys.filter((k) => !present.has(k.toLowerCase()));
  if (fresh.length === 0) {
    return undefined;
  }
  // Insert after the key under the cursor, separated as the syntax wants.
  const at = context.keyEnd;
  const needsLeading = typed !== '' || hasKeyBefore(text, context.keyStart, syntax);
  if (syntax === 'latex') {
    const joined = fresh.join(',');
    return { offset: at, text: needsLeading ? `,${joined}` : joined };
  }
  // Pandoc: the cursor sits after an "@"; an empty key takes the first new key directly.
  const joined = fresh.join('; @');
  return { offset: at, text: typed === '' ? joined : `; @${joined}` };
}

/**
 * Typst: `@a @b` at the cursor, or after the reference the cursor is in. Where a label character follows, a
 * reference would run into it, so `#cite(<a>)` is written instead.
 */
function typstInsertion(text: string, offset: number, keys: readonly string[]): TextInsertion | undefined {
  const context = citationContextAt(text, offset, 'typst');
  if (context) {
    const typed = text.slice(context.keyStart, context.keyEnd);
    const fresh = keys.filter((k) => k.toLowerCase() !== typed.toLowerCase());
    if (fresh.length === 0) {
      return undefined;
    }
    const inCite = text[context.keyStart - 1] === '<';
    if (typed === '') {
      // In `#cite(<|>)` each further key gets a cite of its own, closed by the ">)" already there.
      return { offset: context.keyStart, text: fresh.join(inCite ? '>) #cite(<' : ' @') };
    }
    const after = inCite ? text.indexOf(')', context.keyEnd) + 1 || context.keyEnd : context.keyEnd;
    return { offset: after, text: fresh.map((k) => ` ${typstCite(k)}`).join('') };
  }
  if (keys.length === 0) {
    return undefined;
  }
  const next = text[offset];
  const joined = next !== undefined && TYPST_LABEL_CHAR.test(next) ? keys.map((k) => typstCite(k, true)).join('') : formatCitation(keys, 'typst');
  return { offset, text: joined };
}

function hasKeyBefore(text: string, keyStart: number, syntax: CitationSyntax): boolean {
  if (syntax !== 'latex') {
    return false;
  }
  const before = text.slice(Math.max(0, keyStart - 200), keyStart).trimEnd();
  return !before.endsWith('{') && !before.endsWith(',');
}

interface Group {
  /** Offsets of the "[" and the "]". */
  open: number;
  close: number;
}

/** The [...] around the cursor on its line, when it holds a Pandoc citation ("@" after a non-word character). */
function pandocGroupAt(text: string, offset: number): Group | undefined {
  const open = text.lastIndexOf('[', offset - 1);
  const close = text.indexOf(']', offset);
  if (open < 0 || close < 0) {
    return undefined;
  }
  const before = text.slice(open + 1, offset);
  const after = text.slice(offset, close);
  if (/[\]\n]/.test(before) || /[[\n]/.test(after) || !/(^|[^\w.])-?@[^\s;\]]/.test(before + after)) {
    return undefined;
  }
  return { open, close };
}

/**
 * New keys join the group after the item under the cursor, so a locator stays with its key ("[see @a, p. 3]"
 * becomes "[see @a, p. 3; @b]"); an empty item ("[@a; |]") takes them where the cursor is.
 */
function joinPandocGroup(text: string, offset: number, group: Group, keys: readonly string[]): TextInsertion | undefined {
  const inside = text.slice(group.open + 1, group.close);
  const present = new Set([...inside.matchAll(/@([^\s;,\]]+)/g)].map((m) => m[1].toLowerCase()));
  const fresh = keys.filter((k) => !present.has(k.toLowerCase()));
  if (fresh.length === 0) {
    return undefined;
  }
  const joined = fresh.map((k) => `@${k}`).join('; ');
  const semicolon = text.indexOf(';', offset);
  const itemEnd = semicolon >= 0 && semicolon < group.close ? semicolon : group.close;
  const itemStart = Math.max(text.lastIndexOf(';', offset - 1), group.open) + 1;
  if (text.slice(itemStart, itemEnd).trim() === '') {
    const lead = text[offset - 1] === ';' ? ' ' : '';
    return { offset, text: lead + joined };
  }
  return { offset: itemEnd, text: `; ${joined}` };
}

/**
 * How the document sets a citation off from the word before it: the commonest of "~", " " and nothing before
 * its citations (LaTeX), or of " " and nothing before "[@" (Markdown); "~" and " " when it has none yet.
 */
export function citationSetOff(text: string, syntax: CitationSyntax): string {
  const counts = new Map<string, number>();
  const pattern = syntax === 'latex' ? new RegExp(`[\\p{L}\\p{N})](~|[ \\t]?)\\\\(?:${LATEX_CITE_NAMES.join('|')})\\b`, 'gu') : /[\p{L}\p{N})]([ \t]?)\[-?@/gu;
  for (const m of text.matchAll(pattern)) {
    const setOff = m[1] === '\t' ? ' ' : m[1];
    counts.set(setOff, (counts.get(setOff) ?? 0) + 1);
  }
  let best = defaultSetOff(syntax);
  let most = 0;
  for (const [setOff, count] of counts) {
    if (count > most) {
      best = setOff;
      most = count;
    }
  }
  return best;
}

/**
 * Whether a citation can go at `offset` at all, for a cursor the writer did not just place (Insert Citation
 * from the Models view or a details page): in prose, after a LaTeX preamble, and not at the start of a line
 * that begins with a command or a heading (a stray cursor at line 1 of a chapter sits before \chapter).
 */
export function isCitablePlace(text: string, offset: number, syntax: CitationSyntax, nonProse: readonly Range[]): boolean {
  if (isInside(nonProse, offset)) {
    return false;
  }
  if (syntax === 'latex') {
    const begin = text.indexOf('\\begin{document}');
    if (begin >= 0 && offset <= begin) {
      return false;
    }
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.slice(lineStart, offset).trim() !== '') {
    return true;
  }
  const rest = text.slice(offset, offset + 80).trimStart();
  return !(syntax === 'latex' ? /^\\[A-Za-z@]/ : /^(#|---|\.\.\.)/).test(rest);
}
