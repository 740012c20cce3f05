import * as assert from 'node:assert/strict';
import { headingLevelBelow, placeBlock } from '../../src/core/writing/blockPlacement';

/** The text after inserting the block placed for a cursor at the "|" in `marked`. */
function place(marked: string, block = 'BLOCK'): string {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const insertion = placeBlock(text, offset, block);
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}

describe('placeBlock', () => {
  it('puts the block after the line the cursor is in, between blank lines', () => {
    assert.equal(place('one tw|o\nthree\n'), 'one two\n\nBLOCK\n\nthree\n');
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

  it('only adds newlines: every original byte keeps its order', () => {
    const text = 'a\r\nb c\n\n  d';
    for (let offset = 0; offset <= text.length; offset++) {
      const insertion = placeBlock(text, offset, 'X');
      assert.match(insertion.text, /^\n*X\n*$/);
    }
  });
});

describe('headingLevelBelow', () => {
  it('is one below the last heading before the cursor, skipping fenced code', () => {
    const text = '# Title\n\n## Related work\n\n```sh\n# comment\n```\n\nhere';
    assert.equal(headingLevelBelow(text, text.indexOf('here')), 3);
    assert.equal(headingLevelBelow(text, text.indexOf('## Related')), 2);
  });

  it('is 2 with no heading before the cursor, and at most 6', () => {
    assert.equal(headingLevelBelow('text', 2), 2);
    assert.equal(headingLevelBelow('###### deep\n', 12), 6);
  });
});
