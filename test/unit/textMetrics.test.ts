import * as assert from 'assert';
import { textWidth, wrapText } from '../../src/core/diagram/textMetrics';

describe('diagram text metrics', () => {
  it('wraps at spaces within the width', () => {
    const lines = wrapText('Q-Former with thirty-two learned queries', 90, 12);
    assert.ok(lines.length > 1);
    assert.ok(lines.every((l) => textWidth(l, 12) <= 90), lines.join(' | '));
    assert.strictEqual(lines.join(' '), 'Q-Former with thirty-two learned queries');
  });

  it('cuts a word too long for a line after a hyphen where it can', () => {
    assert.deepStrictEqual(wrapText('cross-attention', 50, 11), ['cross-', 'attention']);
    const cut = wrapText('Supercalifragilisticexpialidocious', 60, 12);
    assert.ok(cut.length > 1 && cut.every((l) => textWidth(l, 12) <= 60));
    assert.strictEqual(cut.join(''), 'Supercalifragilisticexpialidocious');
  });

  it('counts CJK characters as full width', () => {
    assert.ok(textWidth('冻结', 12) > textWidth('ab', 12) * 1.5);
  });
});
