// The syntax of a document by its language id: LaTeX, Pandoc Markdown (Markdown, Quarto, R Markdown), Typst,
// or plain. A .typ file is Typst by its name when no extension gives it the `typst` language id.

export type CitationSyntax = 'latex' | 'pandoc' | 'typst' | 'plain';

const LATEX_LANGUAGES = new Set(['latex', 'tex', 'latex-expl3', 'doctex', 'rsweave']);
const PANDOC_LANGUAGES = new Set(['markdown', 'quarto', 'rmd', 'pandoc', 'mdx']);

export function citationSyntaxFor(languageId: string, path = ''): CitationSyntax {
  if (LATEX_LANGUAGES.has(languageId)) {
    return 'latex';
  }
  if (PANDOC_LANGUAGES.has(languageId)) {
    return 'pandoc';
  }
  return languageId === 'typst' || isTypstPath(path) ? 'typst' : 'plain';
}

export function isTypstPath(path: string): boolean {
  return /\.typ$/i.test(path);
}
