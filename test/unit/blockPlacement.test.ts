import * as assert from 'node:assert/strict';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { placeBlock } from '../../src/core/writing/blockPlacement';

/** The text after inserting the block placed for a cursor at the "|" in `marked`. */
function place(marked: string, block = 'BLOCK', syntax?: 'latex' | 'pandoc'): string {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const insertion = placeBlock(text, offset, block, syntax ? nonProseRanges(text, syntax) : []);
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}

describe('placeBlock', () => {
  it('puts the block after the paragraph the cursor is in, between blank lines', () => {
    assert.equal(place('one tw|o\nthree\n'), 'one two\nthree\n\nBLOCK\n');
    assert.equal(place('One sentence.|\nAnother one.\n\nNext paragraph.\n'), 'One sentence.\nAnother one.\n\nBLOCK\n\nNext paragraph.\n');
    assert.equal(place('a|\nb\n  \nc'), 'a\nb\n\nBLOCK\n  \nc');
  });

  it('ends the paragraph at a heading, a fence or a LaTeX environment or section, never after \\end{document}', () => {
    assert.equal(place('Last line.|\n\\end{document}\n'), 'Last line.\n\nBLOCK\n\n\\end{document}\n');
    assert.equal(place('text|\n\\begin{verbatim}\na\n\nb\n\\end{verbatim}'), 'text\n\nBLOCK\n\n\\begin{verbatim}\na\n\nb\n\\end{verbatim}');
    assert.equal(place('text|\n\\section{Next}\n'), 'text\n\nBLOCK\n\n\\section{Next}\n');
    assert.equal(place('text|\n```\ncode\n\nmore\n```\n'), 'text\n\nBLOCK\n\n```\ncode\n\nmore\n```\n');
    assert.equal(place('text|\n## Next\n'), 'text\n\nBLOCK\n\n## Next\n');
    // A command that continues the sentence does not end it.
    assert.equal(place('As shown|\n\\citet{x} and\n\\emph{y}.\n'), 'As shown\n\\citet{x} and\n\\emph{y}.\n\nBLOCK\n');
  });

  it('puts the block after a code block, verbatim environment or comment the cursor is in', () => {
    assert.equal(place('a\n```\nco|de\n```\nafter\n', 'BLOCK', 'pandoc'), 'a\n```\ncode\n```\n\nBLOCK\n\nafter\n');
    assert.equal(place('x\n\\begin{verbatim}\nv|v\n\\end{verbatim}\n', 'BLOCK', 'latex'), 'x\n\\begin{verbatim}\nvv\n\\end{verbatim}\n\nBLOCK\n');
    assert.equal(place('text % a com|ment\nmore\n', 'BLOCK', 'latex'), 'text % a comment\nmore\n\nBLOCK\n');
  });

  it('fills an empty line between paragraphs without adding more blank lines', () => {
    assert.equal(place('one\n\n|\n\nthree\n'), 'one\n\nBLOCK\n\nthree\n');
  });

  it('goes before a line when the cursor is at its start', () => {
    assert.equal(place('one\n\n|three\n'), 'one\n\nBLOCK\n\nthree\n');
    assert.equal(place('one\n|three\n'), 'one\n\nBLOCK\n\nthree\n');
  });

  it('uses a blank line already after the cursor line', () => {
    assert.equal(place('one|\n\nthree'), 'one\n\nBLOCK\n\nthree');
  });

  it('ends the document with a newline, and starts an empty one without blank lines', () => {
    assert.equal(place('one|'), 'one\n\nBLOCK\n');
    assert.equal(place('|'), 'BLOCK\n');
  });

  it('keeps CRLF documents in CRLF, with no extra blank line', () => {
    const cases: [string, number, string][] = [
      ['one tw|o\r\nthree\r\n\r\nfour\r\n', 14, 'one two\r\nthree\r\n\r\nBLOCK\r\n\r\nfour\r\n'],
      ['one|\r\n\r\nthree', 3, 'one\r\n\r\nBLOCK\r\n\r\nthree'],
      ['one\r\n\r\n|\r\n\r\nthree\r\n', 7, 'one\r\n\r\nBLOCK\r\n\r\nthree\r\n'],
      ['one\r\n|three\r\n', 5, 'one\r\n\r\nBLOCK\r\n\r\nthree\r\n'],
      ['one|\r\n', 3, 'one\r\n\r\nBLOCK\r\n'],
    ];
    for (const [marked, offset, expected] of cases) {
      const text = marked.replace('|', '');
      const insertion = placeBlock(text, marked.indexOf('|'), 'BLOCK');
      assert.equal(insertion.offset, offset, JSON.stringify(marked));
      assert.equal(place(marked), expected, JSON.stringify(marked));
    }
    assert.equal(place('a|\r\nb\r\n', 'X\nY'), 'a\r\nb\r\n\r\nX\r\nY\r\n');
  });

  it('only adds newlines: every original byte keeps its order', () => {
    const text = 'a\r\nb c\n\n  d';
    for (let offset = 0; offset <= text.length; offset++) {
      const insertion = placeBlock(text, offset, 'X');
      assert.match(insertion.text, /^\n*X\n*$/);
    }
  });
});
