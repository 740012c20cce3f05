import * as assert from 'assert';
import { citationContextAt, citationKeyAt, findCitationKeys, findCitedKeys } from '../../src/core/citations/citationContext';

/** The context at the "|" in `marked`, which is removed from the text. */
function at(marked: string, syntax: 'latex' | 'pandoc') {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const context = citationContextAt(text, offset, syntax);
  return context && { prefix: context.prefix, others: context.otherKeys, key: text.slice(context.keyStart, context.keyEnd) };
}

describe('citation context', () => {
  it('is inside \\cite-family braces, with optional arguments', () => {
    assert.deepStrictEqual(at('see \\cite{|}', 'latex'), { prefix: '', others: [], key: '' });
    assert.deepStrictEqual(at('see \\citep[see][p.~3]{bl|}', 'latex'), { prefix: 'bl', others: [], key: 'bl' });
    assert.deepStrictEqual(at('\\textcite{a,b|', 'latex'), { prefix: 'b', others: ['a'], key: 'b' });
    assert.deepStrictEqual(at('\\footcite*{a, |c}', 'latex'), { prefix: '', others: ['a'], key: 'c' });
  });

  it('follows key lists across lines', () => {
    assert.deepStrictEqual(at('\\cite{alpha,\n  beta,\n  ga|}', 'latex'), { prefix: 'ga', others: ['alpha', 'beta'], key: 'ga' });
  });

  it('is not inside other commands or after the closing brace', () => {
    assert.strictEqual(at('\\ref{fig|}', 'latex'), undefined);
    assert.strictEqual(at('\\cite{a} |', 'latex'), undefined);
    assert.strictEqual(at('\\cite{a}{b|}', 'latex'), undefined);
  });

  it('recognises Pandoc citations: [@, ; @, -@ and a bare @ in prose', () => {
    assert.deepStrictEqual(at('as [@|]', 'pandoc'), { prefix: '', others: [], key: '' });
    assert.deepStrictEqual(at('[@a; @bl|]', 'pandoc'), { prefix: 'bl', others: ['a'], key: 'bl' });
    assert.deepStrictEqual(at('[-@li|]', 'pandoc'), { prefix: 'li', others: [], key: 'li' });
    assert.deepStrictEqual(at('As @li| says', 'pandoc'), { prefix: 'li', others: [], key: 'li' });
  });

  it('stays quiet in e-mail addresses', () => {
    assert.strictEqual(at('mail me at me@ex|ample.org', 'pandoc'), undefined);
  });

  it('finds the key under the cursor for hovers', () => {
    const text = 'see \\cite{alpha,li2023blip2} and [@li2023blip2].';
    assert.deepStrictEqual(citationKeyAt(text, text.indexOf('li2023') + 3, 'latex'), { key: 'li2023blip2', start: 16, end: 27 });
    const md = 'as @li2023blip2. Next';
    assert.strictEqual(citationKeyAt(md, 6, 'pandoc')?.key, 'li2023blip2');
  });
});

describe('cited keys', () => {
  it('collects every key of \\cite-family commands', () => {
    const text = '\\cite{a, b} \\citep[see][]{c}\n\\textcite{d,\n e} \\ref{no}';
    assert.deepStrictEqual([...findCitedKeys(text, 'latex')], ['a', 'b', 'c', 'd', 'e']);
  });

  it('collects Pandoc keys but not e-mail addresses', () => {
    const text = '[@a; -@b] and @c. Mail x@y.org';
    assert.deepStrictEqual([...findCitedKeys(text, 'pandoc')], ['a', 'b', 'c']);
  });
});

describe('cross-references are not citations', () => {
  it('gives no key for Quarto cross-references or bookdown\'s \\@ref, in hovers or in the document\'s keys', () => {
    const text = 'See @fig-clip, @tbl-results, @sec-intro, @eq-loss, @lst-code and @thm-bound; Figure \\@ref(fig:arch); cited [@li2023blip2].';
    assert.deepStrictEqual([...findCitedKeys(text, 'pandoc')], ['li2023blip2']);
    for (const label of ['fig-clip', 'tbl-results', 'eq-loss', 'thm-bound', 'ref(fig']) {
      assert.strictEqual(citationKeyAt(text, text.indexOf(label) + 2, 'pandoc'), undefined, label);
    }
    assert.strictEqual(citationKeyAt(text, text.indexOf('li2023') + 2, 'pandoc')?.key, 'li2023blip2');
    assert.deepStrictEqual([...findCitedKeys('a @figure2023 citation', 'pandoc')], ['figure2023']);
  });
});

describe('citation key positions', () => {
  it('gives each cited key with its offsets', () => {
    const text = 'x \\citep[a]{k1, k2}\n[@p1; -@p2]';
    const found = findCitationKeys(text, 'latex').concat(findCitationKeys(text, 'pandoc'));
    assert.deepStrictEqual(
      found.map((c) => [c.key, text.slice(c.start, c.end)]),
      [
        ['k1', 'k1'],
        ['k2', 'k2'],
        ['p1', 'p1'],
        ['p2', 'p2'],
      ],
    );
  });
});
