import * as assert from 'assert';
import { bibliographyCommands } from '../../src/core/citations/bibliographyCommands';

/** The document after the insertions (offsets into the original, applied from the last). */
function apply(text: string): string {
  return bibliographyCommands(text)
    .sort((a, b) => b.offset - a.offset)
    .reduce((t, i) => t.slice(0, i.offset) + i.text + t.slice(i.offset), text);
}

describe('bibliography commands for a new references.bib', () => {
  const body = '\\begin{document}\nText.\n\\end{document}\n';

  it('adds a style with \\bibliography for BibTeX, unless the document has one', () => {
    assert.strictEqual(apply(`\\documentclass{article}\n${body}`), '\\documentclass{article}\n\\begin{document}\nText.\n\\bibliographystyle{plain}\n\\bibliography{references}\n\\end{document}\n');
    assert.strictEqual(apply(`\\bibliographystyle{abbrvnat}\n${body}`), '\\bibliographystyle{abbrvnat}\n\\begin{document}\nText.\n\\bibliography{references}\n\\end{document}\n');
    assert.match(apply(`% \\bibliographystyle{x}\n${body}`), /\\bibliographystyle\{plain\}/, 'a commented-out style does not count');
  });

  it('adds \\addbibresource and \\printbibliography for biblatex', () => {
    assert.strictEqual(
      apply(`\\usepackage[style=authoryear]{biblatex}\n${body}`),
      '\\usepackage[style=authoryear]{biblatex}\n\\addbibresource{references.bib}\n\\begin{document}\nText.\n\\printbibliography\n\\end{document}\n',
    );
    assert.doesNotMatch(apply(`\\usepackage{biblatex}\n\\begin{document}\n\\printbibliography\n\\end{document}\n`), /printbibliography\n\\printbibliography/);
  });

  it('adds nothing to a document without \\end{document} (an \\input file)', () => {
    assert.deepStrictEqual(bibliographyCommands('Some section text.\n'), []);
  });
});
