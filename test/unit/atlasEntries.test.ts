import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { atlasModelOfEntry } from '../../src/core/bibtex/atlasEntries';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { fakeModel } from '../support/fakeModel';

describe('atlas model of a .bib entry', () => {
  const atlas = new AtlasIndex([
    fakeModel('blip-2', { paper: { title: 'BLIP-2: Bootstrapping Things', authors: ['A'], date: '2023-01-30', arxiv: '2301.12597' } }),
    fakeModel('coca', { paper: { title: 'CoCa: Contrastive Captioners', authors: ['B'], date: '2022-05-04' } }),
  ]);
  const bib = parseBibtex(
    '@article{blip2paper, journal = {arXiv preprint arXiv:2301.12597v3}}\n@misc{c, title = {{CoCa}: contrastive captioners}}\n@misc{other, title={Else}}',
  );

  it('finds the model by arXiv id under any key', () => {
    assert.strictEqual(atlasModelOfEntry(atlas, bib.entries[0])?.id, 'blip-2');
  });

  it('finds the model by title ignoring case, braces and punctuation', () => {
    assert.strictEqual(atlasModelOfEntry(atlas, bib.entries[1])?.id, 'coca');
  });

  it('finds nothing for another paper', () => {
    assert.strictEqual(atlasModelOfEntry(atlas, bib.entries[2]), undefined);
  });

  it('reads new-style ids with four and with five digits after the dot, and only whole ones', () => {
    const ids = new AtlasIndex([
      fakeModel('seq2seq', { paper: { title: 'Neural Machine Translation', authors: ['C'], date: '2014-09-01', arxiv: '1409.0473' } }),
      fakeModel('blip-2', { paper: { title: 'BLIP-2: Bootstrapping Things', authors: ['A'], date: '2023-01-30', arxiv: '2301.12597' } }),
    ]);
    const entries = parseBibtex(
      [
        '@misc{a, url = {https://arxiv.org/abs/1409.0473}}',
        '@misc{b, eprint = {2301.12597}}',
        '@misc{c, eprint = {2301.1259}}',
        '@misc{d, eprint = {2301.12598}}',
        '@misc{e, volume = {abs/1409.04731}}',
      ].join('\n'),
    ).entries;
    assert.deepStrictEqual(
      entries.map((entry) => atlasModelOfEntry(ids, entry)?.id),
      ['seq2seq', 'blip-2', undefined, undefined, undefined],
    );
  });
});
