import * as assert from 'assert';
import { bibliographyCommands } from '../../src/core/citations/bibliographyCommands';
import { citationContextAt, citationKeyAt, findCitationKeys } from '../../src/core/citations/citationContext';
import { planCitationInsertion } from '../../src/core/citations/citationInsertion';
import { formatCitation, typstCite } from '../../src/core/citations/citationSyntax';
import { isInside } from '../../src/core/documents/ranges';
import { citationSyntaxFor } from '../../src/core/documents/syntax';
import { readTypst } from '../../src/core/documents/typstSource';

const DOC = `#set page(width: 12cm)
#import "@preview/charged-ieee:0.1.0": ieee
= Related work
BLIP-2 @li2023blip2 builds on CLIP #cite(<radford2021clip>, form: "prose").
// BLIP in a comment
\`LLaVA in raw\` and $"Flamingo" + x$ and #emph[Kosmos-2 in a content block].
\`\`\`python
model = "BEiT-3"
\`\`\`
Mail me at a@b.org; see https://github.com/salesforce/BLIP-2 or <intro> and @fig-arch.
#let note(x) = [ALBEF #x]
#bibliography(("refs.bib", "more.yml"), style: "ieee")
#include "chapter.typ"
`;

describe('reading Typst source', () => {
  const source = readTypst(DOC);
  const prose = (needle: string) => !isInside(source.nonProse, DOC.indexOf(needle));

  it('leaves markup as prose, and code, comments, raw text, math, URLs and labels out', () => {
    assert.ok(prose('BLIP-2 @li'));
    assert.ok(prose('Related work'));
    assert.ok(prose('Kosmos-2 in a content block'), 'a content block inside code is markup again');
    assert.ok(prose('ALBEF #x'), 'a content block in a #let is markup');
    for (const code of ['#set page', '@preview', 'BLIP in a comment', 'LLaVA in raw', 'Flamingo', 'BEiT-3', 'BLIP-2 or', '<intro>', 'form: "prose"', '#emph', 'more.yml']) {
      assert.ok(!prose(code), `${code} should not be prose`);
    }
  });

  it('finds @key and #cite(<key>) citations, not e-mail addresses, trailing dots left out', () => {
    assert.deepStrictEqual(
      source.citations.map((c) => c.key),
      ['li2023blip2', 'radford2021clip', 'fig-arch'],
    );
    const cite = source.citations[1];
    assert.strictEqual(DOC.slice(cite.start, cite.end), 'radford2021clip');
    assert.ok(prose('radford2021clip'), 'the label inside #cite( is where a key is typed: not excluded');
    assert.deepStrictEqual(readTypst('see @li2023blip2.').citations.map((c) => c.key), ['li2023blip2']);
  });

  it('names the bibliography files and included files', () => {
    assert.deepStrictEqual(source.bibliographies, ['refs.bib', 'more.yml']);
    assert.deepStrictEqual(source.includes, ['chapter.typ']);
    assert.deepStrictEqual(readTypst('#bibliography("refs.yml")').bibliographies, ['refs.yml']);
  });

  it('never hangs or throws on unbalanced or unclosed input', () => {
    for (const text of ['#f(', '#[', ']]]', '#cite(<', '`', '```', '$', '/*', '"', '#let x = [', '#{ [ ( ', '@', '<', '#', '\\']) {
      const read = readTypst(text);
      assert.ok(read.nonProse.every((r) => r.start <= r.end && r.end <= text.length), text);
    }
    const deep = '#f['.repeat(5000) + 'x' + ']'.repeat(5000);
    assert.ok(readTypst(deep).nonProse.length > 0);
  });
});

describe('Typst citations', () => {
  it('is the syntax of the typst language id and of .typ files', () => {
    assert.strictEqual(citationSyntaxFor('typst'), 'typst');
    assert.strictEqual(citationSyntaxFor('plaintext', '/w/paper.typ'), 'typst');
    assert.strictEqual(citationSyntaxFor('plaintext', '/w/notes.txt'), 'plain');
  });

  it('completes after @ in markup and after <  inside #cite(', () => {
    assert.strictEqual(citationContextAt('see @li', 7, 'typst')?.prefix, 'li');
    assert.strictEqual(citationContextAt('#cite(<li', 9, 'typst')?.prefix, 'li');
    assert.strictEqual(citationContextAt('mail a@b', 8, 'typst'), undefined);
    assert.strictEqual(citationContextAt('x < li', 6, 'typst'), undefined);
    assert.deepStrictEqual(citationKeyAt('see @li2023blip2.', 8, 'typst'), { key: 'li2023blip2', start: 5, end: 16 });
  });

  it('writes @key, #cite(<key>) before a label character, and label("...") for keys no label literal holds', () => {
    assert.strictEqual(formatCitation(['a', 'b'], 'typst'), '@a @b');
    assert.strictEqual(typstCite('DBLP:conf/icml/LiLSH23'), '#cite(label("DBLP:conf/icml/LiLSH23"))');
    assert.deepStrictEqual(planCitationInsertion('BLIP-2 is', 6, 'typst', ['li2023blip2']), { offset: 6, text: '@li2023blip2' });
    assert.deepStrictEqual(planCitationInsertion('BLIP-2: x', 6, 'typst', ['li2023blip2']), { offset: 6, text: '#cite(<li2023blip2>)' }, 'a label character follows');
    assert.deepStrictEqual(planCitationInsertion('see @li2023blip2 and', 10, 'typst', ['x', 'li2023blip2']), { offset: 16, text: ' @x' });
    assert.strictEqual(planCitationInsertion('see @li2023blip2', 10, 'typst', ['li2023blip2']), undefined);
    assert.deepStrictEqual(planCitationInsertion('see @', 5, 'typst', ['a', 'b']), { offset: 5, text: 'a @b' });
  });

  it('lists cited keys outside code', () => {
    assert.deepStrictEqual(
      findCitationKeys('A @a, #cite(<b>) and `@c` // @d', 'typst').map((c) => c.key),
      ['a', 'b'],
    );
  });

  it('adds #bibliography at the end for a new references.bib', () => {
    assert.deepStrictEqual(bibliographyCommands('= Intro\nText', 'typst'), [{ offset: 12, text: '\n\n#bibliography("references.bib")\n' }]);
  });
});
