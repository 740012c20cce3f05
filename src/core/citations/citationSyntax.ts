// Writing citations: LaTeX \cite{a,b} with the chosen command, Pandoc [@a; @b], plain keys elsewhere.
import type { CitationSyntax } from '../documents/syntax';

export const LATEX_CITE_COMMANDS = ['\\cite', '\\citep', '\\citet', '\\autocite', '\\parencite', '\\textcite'] as const;
export type LatexCiteCommand = (typeof LATEX_CITE_COMMANDS)[number];

export function formatCitation(keys: readonly string[], syntax: CitationSyntax, latexCommand: LatexCiteCommand = '\\cite'): string {
  switch (syntax) {
    case 'latex':
      return `${latexCommand}{${keys.join(',')}}`;
    case 'pandoc':
      return `[${keys.map((k) => `@${k}`).join('; ')}]`;
    default:
      return keys.join(', ');
  }
}

/** "BLIP-2~\cite{li2023blip2}" in LaTeX, "BLIP-2 [@li2023blip2]" in Markdown. */
export function formatNameWithCitation(name: string, key: string, syntax: CitationSyntax, latexCommand: LatexCiteCommand = '\\cite'): string {
  const citation = formatCitation([key], syntax, latexCommand);
  switch (syntax) {
    case 'latex':
      return `${name}~${citation}`;
    case 'pandoc':
      return `${name} ${citation}`;
    default:
      return `${name} (${citation})`;
  }
}
