// Citation syntax per document language: LaTeX \cite{a,b}, Pandoc [@a; @b], plain keys elsewhere.

export type CitationSyntax = 'latex' | 'pandoc' | 'plain';

export const LATEX_CITE_COMMANDS = ['\\cite', '\\citep', '\\citet', '\\autocite', '\\parencite', '\\textcite'] as const;
export type LatexCiteCommand = (typeof LATEX_CITE_COMMANDS)[number];

const LATEX_LANGUAGES = new Set(['latex', 'tex', 'latex-expl3', 'doctex', 'rsweave']);
const PANDOC_LANGUAGES = new Set(['markdown', 'quarto', 'rmd', 'pandoc', 'mdx']);

export function citationSyntaxFor(languageId: string): CitationSyntax {
  if (LATEX_LANGUAGES.has(languageId)) {
    return 'latex';
  }
  return PANDOC_LANGUAGES.has(languageId) ? 'pandoc' : 'plain';
}

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
