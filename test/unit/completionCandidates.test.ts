import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { citationCandidates, nameCandidates } from '../../src/core/citations/completionCandidates';
import { fakeModel } from '../support/fakeModel';

describe('completion candidates', () => {
  const atlas = new AtlasIndex([
    fakeModel('blip', { name: 'BLIP', date: '2022-01-28', bibtex: { key: 'li2022blip', origin: 'authors', entry: '@misc{li2022blip,}' } }),
    fakeModel('blip-2', { name: 'BLIP-2', aliases: ['BLIP2'], date: '2023-01-30', bibtex: { key: 'li2023blip2', origin: 'authors', entry: '@misc{li2023blip2,}' } }),
    fakeModel('coca', { name: 'CoCa', date: '2022-05-04', organizations: ['Google Research'] }),
  ]);
  const ids = (list: ReturnType<typeof citationCandidates>) => list.map((c) => c.model.id);

  it('offers every model for an empty prefix, newest first', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, '')), ['blip-2', 'coca', 'blip']);
  });

  it('matches by key, name, alias, author, organization and year', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'bl')), ['blip-2', 'blip']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'goo')), ['coca']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, '2022')), ['coca', 'blip']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'lovel')), ['blip-2', 'coca', 'blip']);
  });

  it('ranks cited keys, then recent ones, then an exact name first', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, '', { citedKeys: new Set(['li2022blip']) })), ['blip', 'blip-2', 'coca']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, '', { recentIds: ['coca'] })), ['coca', 'blip-2', 'blip']);
    assert.deepStrictEqual(ids(nameCandidates(atlas, 'BLIP')), ['blip', 'blip-2']);
  });

  it('keeps filter text short and starting with the key or name', () => {
    for (const c of citationCandidates(atlas, '')) {
      assert.ok(c.filterText.length <= 128);
      assert.ok(c.filterText.startsWith(c.model.bibtex.key));
    }
    assert.ok(nameCandidates(atlas, '')[0].filterText.startsWith('BLIP-2 '));
  });

  it('bounds the list', () => {
    assert.strictEqual(citationCandidates(atlas, '', { limit: 2 }).length, 2);
  });
});
