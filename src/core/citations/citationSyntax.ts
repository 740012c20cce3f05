// Writing citations: LaTeX \cite{a,b} with the chosen command, Pandoc [@a; @b], Typst @a @b, plain keys elsewhere.
import type { CitationSyntax } from '../documents/syntax';

export const LATEX_CITE_COMMANDS = ['\\cite', '\\citep', '\\citet', '\\autocite', '\\parencite', '\\textcite'] as const;
export type LatexCiteCommand = (typeof LATEX_CITE_COMMANDS)[number];

export function formatCitation(keys: readonly string[], syntax: CitationSyntax, latexCommand: LatexCiteCommand = '\\cite'): string {
  switch (syntax) {
    case 'latex':
      return `${latexCommand}{${keys.join(',')}}`;
    case 'pandoc':
      return `[${keys.map((k) => `@${k}`).join('; ')}]`;
    case 'typst':
      return keys.map((k) => typstCite(k)).join(' ');
    default:
      return keys.join(', ');
  }
}

/** A label a Typst reference can name: label characters, not ending in "." or ":" (text after it). */
const TYPST_REFERENCE = /^[\p{L}\p{N}_][\p{L}\p{N}_\-:.]*(?<![.:])$/u;

/**
 * A Typst citation of one key: `@key`; `#cite(<key>)` where `call` asks for one that ends before a label
 * character; `#cite(label("..."))` for a key no label literal can hold (a DBLP key with "/").
 */
export function typstCite(key: string, call = false): string {
  if (!TYPST_REFERENCE.test(key)) {
    return `#cite(label(${JSON.stringify(key)}))`;
  }
  return call ? `#cite(<${key}>)` : `@${key}`;
}

/** "BLIP-2~\cite{li2023blip2}" in LaTeX, "BLIP-2 [@li2023blip2]" in Markdown. */
export function formatNameWithCitation(name: string, key: string, syntax: CitationSyntax, latexCommand: LatexCiteCommand = '\\cite'): string {
  const citation = formatCitation([key], syntax, latexCommand);
  switch (syntax) {
    case 'latex':
      return `${name}~${citation}`;
    case 'pandoc':
    case 'typst':
      return `${name} ${citation}`;
    default:
      return `${name} (${citation})`;
  }
}
