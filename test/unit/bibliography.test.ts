import * as assert from 'assert';
import {
  latexBibliographies,
  latexParents,
  likeliestBibliography,
  markdownBibliographies,
  namesLatexRoot,
  quartoBibliographies,
  resolveRelative,
  subfilesParent,
  texRootMagic,
} from '../../src/core/citations/bibliographyFiles';

describe('finding bibliography files', () => {
  describe('in LaTeX', () => {
    it('reads \\bibliography lists and adds .bib when missing', () => {
      const text = '\\bibliographystyle{plain}\n\\bibliography{refs, ../shared/more.bib ,\n  extra}';
      assert.deepStrictEqual(latexBibliographies(text), ['refs.bib', '../shared/more.bib', 'extra.bib']);
    });

    it('reads biblatex resources with and without options', () => {
      const text = '\\addbibresource{main.bib}\n\\addbibresource[location=local]{other}\n\\addbibresource {main.bib}';
      assert.deepStrictEqual(latexBibliographies(text), ['main.bib', 'other.bib']);
    });

    it('ignores commented-out lines but not escaped percent signs', () => {
      const text = '% \\bibliography{old}\n  %\\addbibresource{older.bib}\n50\\% done \\bibliography{new} % \\bibliography{trailing}\n\\\\% \\bibliography{afterLineBreak}';
      assert.deepStrictEqual(latexBibliographies(text), ['new.bib']);
    });

    it('returns nothing when there is no bibliography', () => {
      assert.deepStrictEqual(latexBibliographies('\\section{Intro}\\cite{a}'), []);
    });

    it('reads the TeX root magic comment in its spellings', () => {
      assert.strictEqual(texRootMagic('% !TEX root = ../main.tex\n\\section{A}'), '../main.tex');
      assert.strictEqual(texRootMagic('\uFEFF%!TeX root=paper.tex  \r\n'), 'paper.tex');
      assert.strictEqual(texRootMagic('text\n  %  !tex   ROOT =  dir/with space.tex'), 'dir/with space.tex');
      assert.strictEqual(texRootMagic('% !TEX program = xelatex\n% root = main.tex'), undefined);
    });

    it('lists the files a document includes, adding .tex when there is no extension', () => {
      const text = '\\input{preamble}\n\\include{chapters/intro}\n% \\input{old}\n\\subfile{parts/a.tex}\n\\input{figure.pgf}\\includegraphics{x}\\includeonly{y}';
      assert.deepStrictEqual(latexParents(text), ['preamble.tex', 'chapters/intro.tex', 'parts/a.tex', 'figure.pgf']);
    });

    it("reads a subfiles child's main file", () => {
      assert.strictEqual(subfilesParent('\\documentclass[../main]{subfiles}'), '../main.tex');
      assert.strictEqual(subfilesParent('\\documentclass[11pt]{article}'), undefined);
    });
  });

  describe('in Markdown front matter', () => {
    it('reads a plain or quoted string', () => {
      assert.deepStrictEqual(markdownBibliographies('---\ntitle: X\nbibliography: refs.bib\n---\n# Body'), ['refs.bib']);
      assert.deepStrictEqual(markdownBibliographies("---\nbibliography: 'my refs.bib' # a comment\n..."), ['my refs.bib']);
      assert.deepStrictEqual(markdownBibliographies('\uFEFF---\r\nbibliography: "a \\"q\\".bib"\r\n---\r\n'), ['a "q".bib']);
    });

    it('reads flow and block lists', () => {
      assert.deepStrictEqual(markdownBibliographies('---\nbibliography: [a.bib, "b, c.bib", \'d.bib\']\n---'), ['a.bib', 'b, c.bib', 'd.bib']);
      assert.deepStrictEqual(markdownBibliographies('---\nbibliography: [a.bib,\n  b.bib]\n---'), ['a.bib', 'b.bib']);
      const block = '---\nbibliography: # the shared ones first\n  - refs/a.bib\n  # a comment\n\n  - "b.bib"\n- c.bib\ncsl: x.csl\n---';
      assert.deepStrictEqual(markdownBibliographies(block), ['refs/a.bib', 'b.bib', 'c.bib']);
    });

    it('ignores a field that is not at the top, not top-level, or outside front matter', () => {
      assert.deepStrictEqual(markdownBibliographies('# Title\n---\nbibliography: a.bib\n---'), []);
      assert.deepStrictEqual(markdownBibliographies('---\nformat:\n  bibliography: a.bib\n---'), []);
      assert.deepStrictEqual(markdownBibliographies('---\ntitle: x\n---\nbibliography: a.bib'), []);
      assert.deepStrictEqual(markdownBibliographies('---\nbibliography: a.bib\nno closing line'), []);
    });
  });

  describe('in a Quarto project file', () => {
    it('reads the field at the top level or under book: or a format, as a string or a list', () => {
      assert.deepStrictEqual(quartoBibliographies('project:\n  type: book\nbibliography: references.bib\n'), ['references.bib']);
      assert.deepStrictEqual(quartoBibliographies('book:\n  title: X\n  bibliography:\n    - refs/a.bib\n    - b.bib\nformat: html\n'), ['refs/a.bib', 'b.bib']);
      assert.deepStrictEqual(quartoBibliographies('format:\n  html:\n    bibliography: [a.bib, b.bib]\n'), ['a.bib', 'b.bib']);
      assert.deepStrictEqual(quartoBibliographies('project:\n  type: website\n'), []);
    });
  });

  it('knows a LaTeX file that names its root', () => {
    assert.ok(namesLatexRoot('% !TEX root = ../thesis.tex\n\\chapter{A}'));
    assert.ok(namesLatexRoot('\\documentclass[../main.tex]{subfiles}'));
    assert.ok(!namesLatexRoot('\\documentclass{article}\n% TEX root is elsewhere'));
  });

  describe("choosing a chapter's likeliest .bib among the workspace's", () => {
    const chapter = '/ws/thesis/chapters/intro.tex';
    const pick = (candidates: Array<{ path: string; citedKeys: number }>) => likeliestBibliography(chapter, candidates)?.path;

    it('takes the one holding the most of the keys the chapter cites, wherever it is', () => {
      assert.strictEqual(pick([{ path: '/ws/thesis/shared/refs.bib', citedKeys: 1 }, { path: '/ws/other/all.bib', citedKeys: 2 }]), '/ws/other/all.bib');
    });

    it("on a tie, the nearest, even when another project's .bib comes first in path order", () => {
      const candidates = [
        { path: '/ws/bibcheck/refs.bib', citedKeys: 1 },
        { path: '/ws/thesis/shared/refs.bib', citedKeys: 1 },
        { path: '/ws/zz/refs.bib', citedKeys: 1 },
      ];
      assert.strictEqual(pick(candidates), '/ws/thesis/shared/refs.bib');
      assert.strictEqual(pick([{ path: '/ws/a.bib', citedKeys: 0 }, { path: '/ws/thesis/chapters/refs.bib', citedKeys: 0 }]), '/ws/thesis/chapters/refs.bib');
    });

    it('keeps the given order when nothing tells them apart, and has none to offer from none', () => {
      assert.strictEqual(pick([{ path: '/ws/a/refs.bib', citedKeys: 0 }, { path: '/ws/b/refs.bib', citedKeys: 0 }]), '/ws/a/refs.bib');
      assert.strictEqual(pick([]), undefined);
    });
  });

  describe('resolving paths', () => {
    it('joins relative paths with the folder of the base file', () => {
      assert.strictEqual(resolveRelative('/work/paper/sections/intro.tex', '../refs.bib'), '/work/paper/refs.bib');
      assert.strictEqual(resolveRelative('/work/paper/main.tex', './refs/a.bib'), '/work/paper/refs/a.bib');
      assert.strictEqual(resolveRelative('/c:/Users/me/doc.md', '..\\..\\shared\\refs.bib'), '/c:/shared/refs.bib');
      assert.strictEqual(resolveRelative('/c:/doc.md', '../../refs.bib'), '/c:/refs.bib');
      assert.strictEqual(resolveRelative('docs/doc.md', '../../refs.bib'), '../refs.bib');
    });

    it('keeps absolute paths and URLs', () => {
      assert.strictEqual(resolveRelative('/work/main.tex', '/etc/./refs.bib'), '/etc/refs.bib');
      assert.strictEqual(resolveRelative('/work/main.tex', 'https://example.org/refs.bib'), 'https://example.org/refs.bib');
    });
  });
});
