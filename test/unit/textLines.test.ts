import * as assert from 'assert';
import { lineAt, lineStarts } from '../../src/core/documents/textLines';

describe('text lines', () => {
  it('breaks lines where an editor does: \\n, \\r\\n and a lone \\r', () => {
    assert.deepStrictEqual(lineStarts('a\nb\n'), [0, 2, 4]);
    assert.deepStrictEqual(lineStarts('a\r\nb\rc'), [0, 3, 5]);
    assert.deepStrictEqual(lineStarts(''), [0]);
  });

  it('finds the line of an offset, the last one past the end', () => {
    const starts = lineStarts('ab\ncd\r\nef');
    assert.deepStrictEqual([0, 2, 3, 5, 6, 7, 9, 42].map((offset) => lineAt(starts, offset)), [0, 0, 1, 1, 1, 2, 2, 2]);
  });
});
