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

/**
 * What names a new references.bib in a Markdown note: a `bibliography:` line at the end of its front matter,
 * or front matter of its own at the top when it has none; nothing when the front matter has the field already.
 */
export function frontMatterBibliography(text: string, file = 'references.bib'): TextInsertion[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(bom));
  if (open) {
    const close = /^(?:---|\.\.\.)[ \t]*$/m;
    const body = text.slice(bom + open[0].length);
    const end = close.exec(body);
    if (end) {
      if (/^bibliography\s*:/m.test(body.slice(0, end.index))) {
        return [];
      }
      return [{ offset: bom + open[0].length + end.index, text: `bibliography: ${file}${eol}` }];
    }
  }
  return [{ offset: bom, text: `---${eol}bibliography: ${file}${eol}---${eol}${eol}` }];
}
