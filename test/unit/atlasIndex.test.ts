import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { fakeModel } from '../support/fakeModel';

describe('atlas index', () => {
  const index = new AtlasIndex([
    fakeModel('beit', { name: 'BEiT', date: '2021-06-15' }),
    fakeModel('beit-3', { name: 'BEiT-3', aliases: ['BEiT v3'], date: '2022-08-22', lineage: { buildsOn: ['beit'] } }),
    fakeModel('blip-2', {
      name: 'BLIP-2',
      bibtex: { key: 'li2023blip2', origin: 'authors', entry: '@inproceedings{li2023blip2,\n}' },
      lineage: { buildsOn: ['beit'] },
    }),
  ]);

  it('sorts models oldest first', () => {
    assert.deepStrictEqual(
      index.models.map((m) => m.id),
      ['beit', 'beit-3', 'blip-2'],
    );
  });

  it('looks names up ignoring case, hyphens, spaces and the version v', () => {
    for (const spelling of ['BEiT-3', 'beit3', 'BEIT 3', 'BEiT v3', 'beitv3']) {
      assert.strictEqual(index.lookup(spelling)?.id, 'beit-3', spelling);
    }
    assert.strictEqual(index.lookup('blip2')?.id, 'blip-2');
    assert.strictEqual(index.lookup('BEiT')?.id, 'beit');
    assert.strictEqual(index.lookup('unknown'), undefined);
  });

  it('looks up citation keys ignoring case', () => {
    assert.strictEqual(index.lookup('Li2023BLIP2')?.id, 'blip-2');
    assert.strictEqual(index.byCitationKey('li2023blip2')?.id, 'blip-2');
  });

  it('refuses an ambiguous normalised name instead of guessing', () => {
    const ambiguous = new AtlasIndex([fakeModel('a', { name: 'Foo-1' }), fakeModel('b', { name: 'Foo 1' })]);
    assert.strictEqual(ambiguous.lookup('foo1'), undefined);
    assert.strictEqual(ambiguous.lookup('Foo-1'), undefined);
  });

  it('answers lineage both ways', () => {
    assert.deepStrictEqual(
      index.builtOn('beit').map((m) => m.id),
      ['beit-3', 'blip-2'],
    );
    assert.deepStrictEqual(
      index.buildsOn(index.get('beit-3')).map((m) => m.id),
      ['beit'],
    );
  });
});
