import * as assert from 'assert';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { isInside } from '../../src/core/documents/ranges';

function excludedText(text: string, syntax: 'latex' | 'pandoc'): string[] {
  return nonProseRanges(text, syntax).map((r) => text.slice(r.start, r.end));
}

describe('non-prose regions', () => {
  it('finds LaTeX comments but not escaped percent signs', () => {
    const text = 'BLIP is 50\\% better % but ALBEF here is a comment\nnext \\\\% also a comment';
    assert.deepStrictEqual(excludedText(text, 'latex'), ['% but ALBEF here is a comment', '% also a comment']);
  });

  it('finds verbatim, lstlisting and minted environments, and \\verb', () => {
    const text = 'a\n\\begin{verbatim}\nFlamingo % x\n\\end{verbatim}\nb \\verb|CoCa| c\n\\begin{lstlisting}\nBLIP\n\\end{lstlisting}';
    assert.deepStrictEqual(excludedText(text, 'latex'), [
      '\\begin{verbatim}\nFlamingo % x\n\\end{verbatim}',
      '\\verb|CoCa|',
      '\\begin{lstlisting}\nBLIP\n\\end{lstlisting}',
    ]);
  });

  it('treats an unterminated verbatim as running to the end', () => {
    const text = 'x\n\\begin{verbatim}\nBLIP';
    assert.deepStrictEqual(excludedText(text, 'latex'), ['\\begin{verbatim}\nBLIP']);
  });

  it('finds fenced and inline code in Markdown', () => {
    const text = 'BLIP `BLIP-2` and ``a ` b`` x\n```python\nBLIP\n```\nafter\n~~~~\nopen fence';
    assert.deepStrictEqual(excludedText(text, 'pandoc'), ['`BLIP-2`', '``a ` b``', '```python\nBLIP\n```', '~~~~\nopen fence']);
  });

  it('leaves link text as prose but not destinations, images, autolinks or reference definitions', () => {
    const text = [
      'See [InternVL](https://github.com/OpenGVLab/InternVL "the repo") and ![](img/mPLUG-Owl/arch.png).',
      'An autolink <https://example.org/BLIP-2>, a bare https://huggingface.co/Qwen/Qwen-VL, and [BLIP][ref].',
      '  [ref]: https://github.com/salesforce/BLIP "BLIP"',
    ].join('\n');
    assert.deepStrictEqual(excludedText(text, 'pandoc'), [
      '(https://github.com/OpenGVLab/InternVL "the repo")',
      '(img/mPLUG-Owl/arch.png)',
      '<https://example.org/BLIP-2>',
      'https://huggingface.co/Qwen/Qwen-VL',
      '[ref]',
      '[ref]: https://github.com/salesforce/BLIP "BLIP"',
    ]);
  });

  it('reads "[@a][@b]" as two citations side by side, and "[text][label]" as a reference link', () => {
    assert.deepStrictEqual(excludedText('As [@liu2023llava][@li2023blip2] and [BLIP-2][blip2-repo] show.', 'pandoc'), ['[blip2-repo]']);
  });

  it('skips HTML comments and tags with their attributes, not the text between tags', () => {
    const text = '<p align="center"><img src="a/CLIP.png" alt="CLIP overview"></p>\n<!-- compare\nCLIP -->\n<sub>LLaVA connects CLIP</sub>';
    assert.deepStrictEqual(excludedText(text, 'pandoc'), ['<p align="center"><img src="a/CLIP.png" alt="CLIP overview"></p>', '<!-- compare\nCLIP -->', '<sub>', '</sub>']);
  });

  it('keeps the title and description of front matter as prose, and nothing else of it', () => {
    const text = '---\ntitle: "BLIP-2 notes"\ntags: ["CLIP", "BLIP"]\ndescription: >\n  On LLaVA\nbibliography: refs.bib\n---\nCLIP';
    assert.deepStrictEqual(excludedText(text, 'pandoc'), ['---\ntitle:', 'tags: ["CLIP", "BLIP"]\ndescription:', 'bibliography: refs.bib\n---']);
    assert.deepStrictEqual(excludedText('---\nnot closed: CLIP\n', 'pandoc'), []);
  });

  it('skips math, bookdown references and a "<" or "$" that opens nothing', () => {
    const text = 'Loss $\\mathcal{L}_{CLIP}$ and $$L_{BLIP}$$ and \\( L_{ITC} \\); (fig. \\@ref(fig:CLIP)) costs $5 and $10; a < b but c > d';
    assert.deepStrictEqual(excludedText(text, 'pandoc'), ['$\\mathcal{L}_{CLIP}$', '$$L_{BLIP}$$', '\\( L_{ITC} \\)', '\\@ref(fig:CLIP)']);
    assert.deepStrictEqual(excludedText('(ref:CLIP-arch) CLIP overview', 'pandoc'), ['(ref:CLIP-arch)']);
  });

  it('reads no markup inside code: a "<!--" in a code span opens no comment', () => {
    const text = 'Write `<!--` to open a comment. BLIP-2 stays prose.';
    assert.deepStrictEqual(excludedText(text, 'pandoc'), ['`<!--`']);
  });

  it('skips LaTeX labels, file and URL arguments and bare URLs, not frame titles or citations', () => {
    const text = '\\label{sec:BLIP-2} \\url{https://github.com/openai/CLIP} \\href{https://x.org/CLIP}{CLIP} \\begin{frame}{CLIP \\parencite{radford2021}} see https://github.com/X-PLUG/mPLUG-Owl.';
    assert.deepStrictEqual(excludedText(text, 'latex'), ['{sec:BLIP-2}', '{https://github.com/openai/CLIP}', '{https://x.org/CLIP}', '{frame}', 'https://github.com/X-PLUG/mPLUG-Owl']);
  });

  it('answers membership by binary search', () => {
    const ranges = [
      { start: 2, end: 4 },
      { start: 10, end: 20 },
    ];
    assert.deepStrictEqual(
      [1, 2, 3, 4, 9, 10, 19, 20].map((o) => isInside(ranges, o)),
      [false, true, true, false, false, true, true, false],
    );
  });
});
