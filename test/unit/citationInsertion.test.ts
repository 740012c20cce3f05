import * as assert from 'assert';
import { citationSetOff, isCitablePlace, outOfWord, planCitationInsertion, type CitationStyle } from '../../src/core/citations/citationInsertion';
import { nonProseRanges } from '../../src/core/documents/documentRegions';

/** The text after inserting `keys` at the "|" of `marked`. */
function insert(marked: string, syntax: 'latex' | 'pandoc' | 'plain', keys: string[], style: CitationStyle | '\\citep' = {}): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const plan = planCitationInsertion(text, offset, syntax, keys, typeof style === 'string' ? { latexCommand: style } : style);
  return plan ? text.slice(0, plan.offset) + plan.text + text.slice(plan.offset) : text;
}

describe('citation insertion', () => {
  it('inserts a new citation in the document syntax', () => {
    assert.strictEqual(insert('as shown |.', 'latex', ['a', 'b']), 'as shown \\cite{a,b}.');
    assert.strictEqual(insert('as shown |.', 'latex', ['a'], '\\citep'), 'as shown \\citep{a}.');
    assert.strictEqual(insert('as shown |.', 'pandoc', ['a', 'b']), 'as shown [@a; @b].');
    assert.strictEqual(insert('keys: |', 'plain', ['a', 'b']), 'keys: a, b');
  });

  it('keeps the keys in the order given (the order the models were picked)', () => {
    assert.strictEqual(insert('as shown |.', 'latex', ['zeta', 'alpha', 'mid']), 'as shown \\cite{zeta,alpha,mid}.');
    assert.strictEqual(insert('as shown |.', 'pandoc', ['zeta', 'alpha']), 'as shown [@zeta; @alpha].');
  });

  it('sets a new citation right after a word off as the document does', () => {
    assert.strictEqual(insert('BLIP-2| is', 'latex', ['a']), 'BLIP-2~\\cite{a} is');
    assert.strictEqual(insert('BLIP-2| is', 'latex', ['a'], { setOff: ' ' }), 'BLIP-2 \\cite{a} is');
    assert.strictEqual(insert('BLIP-2| is', 'pandoc', ['a']), 'BLIP-2 [@a] is');
    assert.strictEqual(insert('(BLIP-2)| is', 'pandoc', ['a']), '(BLIP-2) [@a] is');
    // After a space or punctuation the citation goes where the cursor is.
    assert.strictEqual(insert('BLIP-2 | is', 'latex', ['a']), 'BLIP-2 \\cite{a} is');
    assert.strictEqual(insert('BLIP-2.|', 'pandoc', ['a']), 'BLIP-2.[@a]');
  });

  it('never splits a word: a cursor inside one cites after it', () => {
    assert.strictEqual(insert('BL|IP-2 connects', 'latex', ['a']), 'BLIP-2~\\cite{a} connects');
    assert.strictEqual(insert('LLa|VA-1.5 improves', 'pandoc', ['a']), 'LLaVA-1.5 [@a] improves');
    assert.strictEqual(insert('ends with LLa|VA.', 'pandoc', ['a']), 'ends with LLaVA [@a].');
    assert.strictEqual(outOfWord('BLIP-2 x', 2), 6);
    assert.strictEqual(outOfWord('BLIP-2 x', 0), 0, 'the start of a word is not inside it');
    assert.strictEqual(outOfWord('BLIP-2 x', 6), 6);
  });

  it('adds keys to the LaTeX citation around the cursor', () => {
    assert.strictEqual(insert('\\cite{x|}', 'latex', ['a']), '\\cite{x,a}');
    assert.strictEqual(insert('\\cite{|}', 'latex', ['a', 'b']), '\\cite{a,b}');
    assert.strictEqual(insert('\\cite{x,|}', 'latex', ['a']), '\\cite{x,a}');
    assert.strictEqual(insert('\\citep[see][]{x, y|}', 'latex', ['a']), '\\citep[see][]{x, y,a}');
  });

  it('adds keys to a citation the cursor is right after, or right before', () => {
    assert.strictEqual(insert('\\cite{a}| shows', 'latex', ['b']), '\\cite{a,b} shows');
    assert.strictEqual(insert('\\citep[p.~3]{a}|.', 'latex', ['b', 'c']), '\\citep[p.~3]{a,b,c}.');
    assert.strictEqual(insert('\\cite{}|', 'latex', ['b']), '\\cite{b}');
    assert.strictEqual(insert('[@a]| shows', 'pandoc', ['b']), '[@a; @b] shows');
    assert.strictEqual(insert('[see @a, p. 3]|.', 'pandoc', ['b']), '[see @a, p. 3; @b].');
    // A mention already followed by its citation: the new key joins that one.
    assert.strictEqual(insert('BLIP-2| \\cite{a} is', 'latex', ['b']), 'BLIP-2 \\cite{a,b} is');
    assert.strictEqual(insert('BLIP-2|~\\citep{a} is', 'latex', ['b']), 'BLIP-2~\\citep{a,b} is');
    assert.strictEqual(insert('BLIP-2| [@a] is', 'pandoc', ['b']), 'BLIP-2 [@a; @b] is');
    // ...and a key it already holds is not cited twice.
    assert.strictEqual(insert('BLIP-2| \\cite{a} is', 'latex', ['a']), 'BLIP-2 \\cite{a} is');
    assert.strictEqual(insert('[@a]|', 'pandoc', ['a']), '[@a]');
    // Brackets that are not a citation are left alone.
    assert.strictEqual(insert('[link](u)| x', 'pandoc', ['b']), '[link](u) [@b] x');
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
    // Brackets without a citation are plain text: a new citation goes in, set off from the word.
    assert.strictEqual(insert('a [link|](u) b', 'pandoc', ['a']), 'a [link [@a]](u) b');
    assert.strictEqual(insert('mail [me@host|]', 'pandoc', ['a']), 'mail [me@host [@a]]');
  });

  it('does not cite a key twice', () => {
    assert.strictEqual(insert('\\cite{a,b|}', 'latex', ['a', 'b']), '\\cite{a,b}');
    assert.strictEqual(insert('\\cite{a|}', 'latex', ['A', 'c']), '\\cite{a,c}');
  });

  it('reads how the document sets citations off', () => {
    assert.strictEqual(citationSetOff('No citation yet.', 'latex'), '~');
    assert.strictEqual(citationSetOff('BLIP \\cite{a} and CLIP \\citep{b}, ViLT~\\cite{c}.', 'latex'), ' ');
    assert.strictEqual(citationSetOff('BLIP~\\cite{a} and CLIP~\\parencite{b}, ViLT \\cite{c}.', 'latex'), '~');
    assert.strictEqual(citationSetOff('BLIP\\cite{a} and CLIP\\cite{b}.', 'latex'), '');
    assert.strictEqual(citationSetOff('No citation yet.', 'pandoc'), ' ');
    assert.strictEqual(citationSetOff('BLIP[@a] and CLIP[@b], ViLT [@c].', 'pandoc'), '');
  });

  it('tells where a citation cannot go from a stray cursor: outside prose, in a preamble, before a command or heading', () => {
    const tex = '\\documentclass{article}\n\\begin{document}\n\\chapter{Intro}\nBLIP-2 works. % a comment\n\\end{document}\n';
    const place = (needle: string, delta = 0) => isCitablePlace(tex, tex.indexOf(needle) + delta, 'latex', nonProseRanges(tex, 'latex'));
    assert.strictEqual(place('\\documentclass'), false);
    assert.strictEqual(place('\\chapter'), false);
    assert.strictEqual(place('BLIP-2', 6), true);
    assert.strictEqual(place('a comment'), false);
    const chapter = '\\chapter{Intro}\nText.\n';
    assert.strictEqual(isCitablePlace(chapter, 0, 'latex', []), false);
    assert.strictEqual(isCitablePlace(chapter, chapter.indexOf('.'), 'latex', []), true);
    const md = '# Notes\n\nBLIP-2 works.\n';
    assert.strictEqual(isCitablePlace(md, 0, 'pandoc', []), false);
    assert.strictEqual(isCitablePlace(md, md.indexOf(' works'), 'pandoc', []), true);
  });
});
