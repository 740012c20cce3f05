import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { fakeModel } from '../support/fakeModel';

const index = new AtlasIndex([
  fakeModel('blip', { name: 'BLIP' }),
  fakeModel('blip-2', { name: 'BLIP-2', aliases: ['BLIP2', 'BLIP 2'] }),
  fakeModel('beit', { name: 'BEiT' }),
  fakeModel('beit-v2', { name: 'BEiT v2', aliases: ['BEiTv2', 'BEiT-v2'] }),
  fakeModel('beit-3', { name: 'BEiT-3', aliases: ['BEiT v3', 'BEiTv3', 'BEIT-3'] }),
  fakeModel('vl-beit', { name: 'VL-BEiT', aliases: ['VL-BEIT'] }),
  fakeModel('kosmos-1', { name: 'Kosmos-1', aliases: ['KOSMOS-1'] }),
  fakeModel('kosmos-2', { name: 'Kosmos-2', aliases: ['KOSMOS-2'] }),
  fakeModel('coca', { name: 'CoCa' }),
  fakeModel('llava', { name: 'LLaVA', aliases: ['LLAVA'] }),
  fakeModel('flamingo', { name: 'Flamingo' }),
]);

function mentioned(text: string): string[] {
  return index.matcher.find(text).map((m) => `${m.modelId}:${m.text}`);
}

describe('mention finder', () => {
  it('prefers the longest spelling: BLIP-2 is not BLIP', () => {
    assert.deepStrictEqual(mentioned('BLIP-2 improves on BLIP.'), ['blip-2:BLIP-2', 'blip:BLIP']);
    assert.deepStrictEqual(mentioned('BLIP2 and BLIP 2'), ['blip-2:BLIP2', 'blip-2:BLIP 2']);
  });

  it('keeps BEiT apart from BEiT-3, BEiT v2 and VL-BEiT', () => {
    assert.deepStrictEqual(mentioned('BEiT, BEiT-3, BEiT v2 and VL-BEiT'), [
      'beit:BEiT',
      'beit-3:BEiT-3',
      'beit-v2:BEiT v2',
      'vl-beit:VL-BEiT',
    ]);
  });

  it('never finds BEiT inside another hyphenated word', () => {
    assert.deepStrictEqual(mentioned('XL-BEiT and BEiTs'), []);
  });

  it('keeps Kosmos-1 and Kosmos-2 apart, in any case the aliases give', () => {
    assert.deepStrictEqual(mentioned('KOSMOS-1 then Kosmos-2'), ['kosmos-1:KOSMOS-1', 'kosmos-2:Kosmos-2']);
  });

  it("counts possessives and suffixes: CoCa's, LLaVA’s, BLIP-based", () => {
    assert.deepStrictEqual(mentioned("CoCa's decoder, LLaVA’s data, BLIP-based models"), ['coca:CoCa', 'llava:LLaVA', 'blip:BLIP']);
  });

  it('does not take a different model with a shared prefix (BLIP-Diffusion, LLaVA-1.5)', () => {
    assert.deepStrictEqual(mentioned('BLIP-Diffusion and LLaVA-1.5'), []);
  });

  it('leaves ordinary lower-case words alone (a flamingo, a blip)', () => {
    assert.deepStrictEqual(mentioned('a flamingo made a blip'), []);
    assert.deepStrictEqual(mentioned('FLAMINGO'), ['flamingo:FLAMINGO']);
  });

  it('finds mentions next to CJK text and LaTeX markup', () => {
    assert.deepStrictEqual(mentioned('基于BLIP-2的模型,\\textbf{CoCa}~\\cite{x}'), ['blip-2:BLIP-2', 'coca:CoCa']);
  });

  it('reports exact offsets, in order, without overlap', () => {
    const text = 'We compare BLIP-2 and BEiT v2.';
    const found = index.matcher.find(text);
    assert.deepStrictEqual(
      found.map((m) => [m.start, m.end]),
      [
        [11, 17],
        [22, 29],
      ],
    );
    for (const m of found) {
      assert.strictEqual(text.slice(m.start, m.end), m.text);
    }
  });

  it('finds the mention under a cursor on one line only', () => {
    const text = 'first line\nsee BLIP-2 here\nlast';
    const lineStart = text.indexOf('see');
    const lineEnd = text.indexOf('\nlast');
    assert.strictEqual(index.matcher.findAt(text, lineStart + 6, lineStart, lineEnd)?.modelId, 'blip-2');
    assert.strictEqual(index.matcher.findAt(text, lineStart + 1, lineStart, lineEnd), undefined);
  });

  it('finds under the cursor a checkpoint chained past the longest spelling\'s reach, as the full scan does', () => {
    const text = `see BLIP-2-7B${'-Part1'.repeat(30)} here`;
    const [whole] = index.matcher.find(text);
    assert.strictEqual(whole?.modelId, 'blip-2');
    for (const offset of [whole.start, whole.end - 2, whole.end]) {
      assert.deepStrictEqual(index.matcher.findAt(text, offset, 0, text.length), whole, `offset ${offset}`);
    }
  });
});

describe('mention finder, names that are also words', () => {
  const wordy = new AtlasIndex([
    fakeModel('align', { name: 'ALIGN', matchCase: true }),
    fakeModel('git', { name: 'GIT', aliases: ['GIT-L'], matchCase: true }),
    fakeModel('frozen', { name: 'Frozen', aliases: ['Frozen-PLM'], nameIsCommonWord: true }),
    fakeModel('clip', { name: 'CLIP' }),
  ]);
  const found = (text: string) => wordy.matcher.find(text).map((m) => `${m.modelId}:${m.text}`);

  it('matches a matchCase name only in the case written, its capitalised form only as a strict candidate', () => {
    const text = 'ALIGN and CLIP; we align the Align step; git, Git, GIT and GIT-L.';
    assert.deepStrictEqual(found(text), ['align:ALIGN', 'clip:CLIP', 'align:Align', 'git:Git', 'git:GIT', 'git:GIT-L']);
    assert.deepStrictEqual(wordy.matcher.find(text).filter((m) => m.strict).map((m) => m.text), ['Align', 'Git']);
  });

  it('marks a name that is a common word as ordinary: a candidate the text around must confirm (mentionContext)', () => {
    assert.deepStrictEqual(found('Frozen encoders help. Frozen-PLM is cited.'), ['frozen:Frozen', 'frozen:Frozen-PLM']);
    assert.deepStrictEqual(wordy.matcher.find('Frozen encoders').map((m) => [m.ordinary, m.strict]), [[true, undefined]]);
  });

  it('still knows such a model by name for lookups', () => {
    assert.strictEqual(wordy.lookup('Frozen')?.id, 'frozen');
    assert.strictEqual(wordy.lookup('git')?.id, 'git');
  });
});
