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
