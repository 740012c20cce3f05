// Where and what to insert for a citation of some keys at the cursor: inside an existing citation the
// keys join its list; elsewhere a new citation in the document's syntax is inserted.
import type { CitationSyntax } from '../documents/syntax';
import { TYPST_LABEL_CHAR } from '../documents/typstSource';
import { citationContextAt } from './citationContext';
import { formatCitation, typstCite, type LatexCiteCommand } from './citationSyntax';

export interface TextInsertion {
  offset: number;
  text: string;
}

export function planCitationInsertion(
  text: string,
  offset: number,
  syntax: CitationSyntax,
  keys: readonly string[],
  latexCommand: LatexCiteCommand = '\\cite',
): TextInsertion | undefined {
  if (syntax === 'typst') {
    return typstInsertion(text, offset, keys);
  }
  const context = citationContextAt(text, offset, syntax);
  const group = syntax === 'pandoc' && !(context && context.keyStart === context.keyEnd) ? pandocGroupAt(text, offset) : undefined;
  if (group) {
    return joinPandocGroup(text, offset, group, keys);
  }
  if (!context) {
    return keys.length > 0 ? { offset, text: formatCitation(keys, syntax, latexCommand) } : undefined;
  }
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
  const separator = syntax === 'latex' ? ',' : '; @';
  const needsLeading = typed !== '' || hasKeyBefore(text, context.keyStart, syntax);
  const joined = fresh.join(separator);
  if (syntax === 'latex') {
    return { offset: at, text: needsLeading ? `,${joined}` : joined };
  }
  // Pandoc: the cursor sits after an "@"; an empty key takes the first new key directly.
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
