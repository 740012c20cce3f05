import * as assert from 'assert';
import { planCitationInsertion } from '../../src/core/citations/citationInsertion';

/** The text after inserting `keys` at the "|" of `marked`. */
function insert(marked: string, syntax: 'latex' | 'pandoc' | 'plain', keys: string[], command?: '\\citep'): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const plan = planCitationInsertion(text, offset, syntax, keys, command);
  return plan ? text.slice(0, plan.offset) + plan.text + text.slice(plan.offset) : text;
}

describe('citation insertion', () => {
  it('inserts a new citation in the document syntax', () => {
    assert.strictEqual(insert('as shown |.', 'latex', ['a', 'b']), 'as shown \\cite{a,b}.');
    assert.strictEqual(insert('as shown |.', 'latex', ['a'], '\\citep'), 'as shown \\citep{a}.');
    assert.strictEqual(insert('as shown |.', 'pandoc', ['a', 'b']), 'as shown [@a; @b].');
    assert.strictEqual(insert('keys: |', 'plain', ['a', 'b']), 'keys: a, b');
  });

  it('adds keys to the LaTeX citation around the cursor', () => {
    assert.strictEqual(insert('\\cite{x|}', 'latex', ['a']), '\\cite{x,a}');
    assert.strictEqual(insert('\\cite{|}', 'latex', ['a', 'b']), '\\cite{a,b}');
    assert.strictEqual(insert('\\cite{x,|}', 'latex', ['a']), '\\cite{x,a}');
    assert.strictEqual(insert('\\citep[see][]{x, y|}', 'latex', ['a']), '\\citep[see][]{x, y,a}');
  });

  it('adds keys to the Pandoc citation around the cursor', () => {
    assert.strictEqual(insert('[@x|]', 'pandoc', ['a']), '[@x; @a]');
    assert.strictEqual(insert('[@|]', 'pandoc', ['a', 'b']), '[@a; @b]');
    // Never a citation inside a citation, and a locator stays with its own key.
    assert.strictEqual(insert('[@x;| @y]', 'pandoc', ['a']), '[@x; @y; @a]');
    assert.strictEqual(insert('[@x; |]', 'pandoc', ['a', 'b']), '[@x; @a; @b]');
    assert.strictEqual(insert('[@x;|]', 'pandoc', ['a']), '[@x; @a]');
    assert.strictEqual(insert('[see @x|, p. 3]', 'pandoc', ['a']), '[see @x, p. 3; @a]');
    assert.strictEqual(insert('[@x, p. 33|]', 'pandoc', ['a']), '[@x, p. 33; @a]');
    assert.strictEqual(insert('[@x|, p. 3; @y]', 'pandoc', ['a']), '[@x, p. 3; @a; @y]');
    assert.strictEqual(insert('[see @x, p. 3|]', 'pandoc', ['x']), '[see @x, p. 3]');
    // Brackets without a citation are plain text: a new citation goes in.
    assert.strictEqual(insert('a [link|](u) b', 'pandoc', ['a']), 'a [link[@a]](u) b');
    assert.strictEqual(insert('mail [me@host|]', 'pandoc', ['a']), 'mail [me@host[@a]]');
  });

  it('does not cite a key twice', () => {
    assert.strictEqual(insert('\\cite{a,b|}', 'latex', ['a', 'b']), '\\cite{a,b}');
    assert.strictEqual(insert('\\cite{a|}', 'latex', ['A', 'c']), '\\cite{a,c}');
  });
});
