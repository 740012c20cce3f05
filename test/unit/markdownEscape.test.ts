import * as assert from 'node:assert/strict';
import { escapeMarkdownText } from '../../src/core/writing/markdownEscape';

describe('escapeMarkdownText and line breaks', () => {
  it('folds every line break a renderer may honour into one space, so no block (a heading) can start', () => {
    assert.equal(escapeMarkdownText('a\r# b'), 'a # b');
    assert.equal(escapeMarkdownText('a\u2028b'), 'a b');
    assert.equal(escapeMarkdownText('a \u2029 b'), 'a b');
    assert.equal(escapeMarkdownText('a\r\n  - b\n\nc'), 'a - b c');
  });
});
