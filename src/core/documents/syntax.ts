// The syntax of a document by its language id: LaTeX, Pandoc Markdown (Markdown, Quarto, R Markdown), or plain.

export type CitationSyntax = 'latex' | 'pandoc' | 'plain';

const LATEX_LANGUAGES = new Set(['latex', 'tex', 'latex-expl3', 'doctex', 'rsweave']);
const PANDOC_LANGUAGES = new Set(['markdown', 'quarto', 'rmd', 'pandoc', 'mdx']);

export function citationSyntaxFor(languageId: string): CitationSyntax {
  if (LATEX_LANGUAGES.has(languageId)) {
    return 'latex';
  }
  return PANDOC_LANGUAGES.has(languageId) ? 'pandoc' : 'plain';
}
