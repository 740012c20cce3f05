// Where and what to insert for a citation of some keys at the cursor: inside an existing citation the
// keys join its list; elsewhere a new citation in the document's syntax is inserted.
import { formatCitation, type CitationSyntax, type LatexCiteCommand } from './citation';
import { citationContextAt } from './citationContext';

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
  const context = citationContextAt(text, offset, syntax);
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

function hasKeyBefore(text: string, keyStart: number, syntax: CitationSyntax): boolean {
  if (syntax !== 'latex') {
    return false;
  }
  const before = text.slice(Math.max(0, keyStart - 200), keyStart).trimEnd();
  return !before.endsWith('{') && !before.endsWith(',');
}
