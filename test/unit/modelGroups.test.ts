import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { familyDisplayNames, groupModels } from '../../src/core/atlas/modelGroups';
import { fakeModel } from '../support/fakeModel';

const models = [
  fakeModel('blip-2', { date: '2023-01-30', family: 'blip', organizations: ['Salesforce Research'] }),
  fakeModel('blip', { date: '2022-01-28', family: 'blip', organizations: ['Salesforce Research'] }),
  fakeModel('kosmos-1', { date: '2023-02-27', family: 'kosmos', organizations: ['Microsoft'] }),
  fakeModel('joint', { date: '2021-06-01', family: 'joint', organizations: ['Microsoft', 'Academia'] }),
];

describe('groupModels', () => {
  it('groups by year, years ascending, oldest first within a year', () => {
    const groups = groupModels(models, 'year');
    assert.deepStrictEqual(
      groups.map((g) => [g.key, g.models.map((m) => m.id)]),
      [
        ['2021', ['joint']],
        ['2022', ['blip']],
        ['2023', ['blip-2', 'kosmos-1']],
      ],
    );
  });

  it('groups by family alphabetically, oldest first', () => {
    const groups = groupModels(models, 'family');
    assert.deepStrictEqual(groups.map((g) => g.key), ['blip', 'joint', 'kosmos']);
    assert.deepStrictEqual(groups[0].models.map((m) => m.id), ['blip', 'blip-2']);
  });

  it('files a model of several organizations under each', () => {
    const groups = groupModels(models, 'organization');
    assert.deepStrictEqual(groups.map((g) => g.key), ['Academia', 'Microsoft', 'Salesforce Research']);
    assert.deepStrictEqual(groups[1].models.map((m) => m.id), ['joint', 'kosmos-1']);
  });

  it('groups by architecture type', () => {
    const withTypes = [
      fakeModel('a', { architecture: { ...fakeModel('a').architecture, type: 'dual-encoder' } }),
      fakeModel('b', { architecture: { ...fakeModel('b').architecture, type: 'multimodal-llm' } }),
      fakeModel('c', { architecture: { ...fakeModel('c').architecture, type: 'dual-encoder' } }),
    ];
    const groups = groupModels(withTypes, 'architecture');
    assert.deepStrictEqual(groups.map((g) => [g.key, g.models.length]), [
      ['dual-encoder', 2],
      ['multimodal-llm', 1],
    ]);
  });

  it("names a family after its founding model, else its oldest member", () => {
    assert.strictEqual(familyDisplayNames(models).get('blip'), 'BLIP');
    const olderMember = fakeModel('albef', { family: 'blip', date: '2021-07-16' });
    assert.strictEqual(familyDisplayNames([...models, olderMember]).get('blip'), 'BLIP', 'the founder, though ALBEF is older');
    const orphans = [fakeModel('x-2', { family: 'x', date: '2024-01-01' }), fakeModel('x-1', { family: 'x', date: '2020-01-01' })];
    assert.strictEqual(familyDisplayNames(orphans).get('x'), 'X-1');
    assert.strictEqual(new AtlasIndex(orphans).familyName('x'), 'X-1');
    assert.strictEqual(new AtlasIndex(orphans).familyName('none'), 'none');
  });
});
