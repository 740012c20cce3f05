import * as assert from 'node:assert/strict';
import { escapeMarkdownText } from '../../src/core/writing/markdownEscape';
import { escapeIcons } from '../../src/core/presentation/markdown';

describe('escapeMarkdownText and line breaks', () => {
  it('folds every line break a renderer may honour into one space, so no block (a heading) can start', () => {
    assert.equal(escapeMarkdownText('a\r# b'), 'a # b');
    assert.equal(escapeMarkdownText('a\u2028b'), 'a b');
    assert.equal(escapeMarkdownText('a \u2029 b'), 'a b');
    assert.equal(escapeMarkdownText('a\r\n  - b\n\nc'), 'a - b c');
  });
});

describe('escapeIcons', () => {
  it('keeps "$(name)" in dataset text from being drawn as an icon in a quick pick', () => {
    assert.equal(escapeIcons('Evil $(alert) model $(x~spin) and $5'), 'Evil \\$(alert) model \\$(x~spin) and $5');
  });
});
