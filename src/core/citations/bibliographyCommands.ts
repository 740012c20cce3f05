// What a document needs to print a new references.bib: in LaTeX \bibliographystyle and \bibliography for
// BibTeX, \addbibresource and \printbibliography for biblatex, each only where missing; in Typst a
// #bibliography call at the end.
import { loadsLatexPackage, withoutLatexComments } from '../documents/latexSource';
import type { CitationSyntax } from '../documents/syntax';
import type { TextInsertion } from './citationInsertion';

export function bibliographyCommands(text: string, syntax: CitationSyntax = 'latex', bibName = 'references'): TextInsertion[] {
  if (syntax === 'typst') {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lead = text === '' || text.endsWith('\n') ? '' : eol;
    return [{ offset: text.length, text: `${lead}${eol}#bibliography("${bibName}.bib")${eol}` }];
  }
  const end = text.lastIndexOf('\\end{document}');
  if (end < 0) {
    return [];
  }
  const source = withoutLatexComments(text);
  if (loadsLatexPackage(text, 'biblatex')) {
    const begin = text.indexOf('\\begin{document}');
    const resource: TextInsertion[] = begin < 0 ? [] : [{ offset: begin, text: `\\addbibresource{${bibName}.bib}\n` }];
    const print = /\\printbibliography\b/.test(source) ? [] : [{ offset: end, text: '\\printbibliography\n' }];
    return [...resource, ...print];
  }
  const style = /\\bibliographystyle\s*\{/.test(source) ? '' : '\\bibliographystyle{plain}\n';
  return [{ offset: end, text: `${style}\\bibliography{${bibName}}\n` }];
}
