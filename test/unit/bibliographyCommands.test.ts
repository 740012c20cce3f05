import * as assert from 'assert';
import { bibliographyCommands, frontMatterBibliography } from '../../src/core/citations/bibliographyCommands';
import { markdownBibliographies } from '../../src/core/citations/bibliographyFiles';
import { mostUsedCiteCommand } from '../../src/core/citations/citationSyntax';

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

describe('front matter naming a new references.bib', () => {
  const named = (text: string) =>
    frontMatterBibliography(text)
      .sort((a, b) => b.offset - a.offset)
      .reduce((t, i) => t.slice(0, i.offset) + i.text + t.slice(i.offset), text);

  it('adds front matter to a note that has none, which then names the file', () => {
    const note = named('# Notes\n\nBLIP-2 is neat.\n');
    assert.strictEqual(note, '---\nbibliography: references.bib\n---\n\n# Notes\n\nBLIP-2 is neat.\n');
    assert.deepStrictEqual(markdownBibliographies(note), ['references.bib']);
  });

  it('extends front matter that has no bibliography, in its line endings and after a BOM', () => {
    assert.strictEqual(named('---\ntitle: Notes\n---\nText.\n'), '---\ntitle: Notes\nbibliography: references.bib\n---\nText.\n');
    assert.strictEqual(named('\uFEFF---\r\ntitle: x\r\n...\r\n'), '\uFEFF---\r\ntitle: x\r\nbibliography: references.bib\r\n...\r\n');
    assert.strictEqual(named('\uFEFFText.\r\n'), '\uFEFF---\r\nbibliography: references.bib\r\n---\r\n\r\nText.\r\n');
    assert.deepStrictEqual(markdownBibliographies(named('---\ntitle: Notes\n---\nText.\n')), ['references.bib']);
  });

  it('leaves front matter that has a bibliography field alone', () => {
    assert.deepStrictEqual(frontMatterBibliography('---\nbibliography: []\n---\n'), []);
  });
});

describe('the citation command a document uses', () => {
  it('is the one it uses most, outside comments; none without citations', () => {
    assert.strictEqual(mostUsedCiteCommand('\\autocite{a} and \\autocite{b}, \\cite{c}'), '\\autocite');
    assert.strictEqual(mostUsedCiteCommand('\\citep{a}\n% \\cite{x} \\cite{y} \\cite{z}\n'), '\\citep');
    assert.strictEqual(mostUsedCiteCommand('\\citet*{a} \\citep[p.~3]{b} \\citep{c}'), '\\citep');
    assert.strictEqual(mostUsedCiteCommand('\\citeauthor{a} wrote no \\citation.'), undefined);
    assert.strictEqual(mostUsedCiteCommand('Nothing cited.'), undefined);
  });
});
