import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { familyDisplayNames, groupContents, groupModels, SUBGROUP_ABOVE } from '../../src/core/atlas/modelGroups';
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

  it('files a model of several organizations under each, by canonical organisation, sorted by its name', () => {
    const groups = groupModels(models, 'organization');
    assert.deepStrictEqual(groups.map((g) => g.key), ['academia', 'microsoft', 'salesforce']);
    assert.deepStrictEqual(groups[1].models.map((m) => m.id), ['joint', 'kosmos-1']);
  });

  it('files the spellings and labs of one organisation together: Microsoft Research with Microsoft, DeepMind with Google', () => {
    const spelled = [
      fakeModel('vlmo', { organizations: ['Microsoft', 'Harbin Institute of Technology'] }),
      fakeModel('kosmos-2', { organizations: ['Microsoft Research'] }),
      fakeModel('lisa', { organizations: ['The Chinese University of Hong Kong (CUHK)', 'Microsoft Research Asia (MSRA)'] }),
      fakeModel('flamingo', { organizations: ['DeepMind'] }),
      fakeModel('pali', { organizations: ['Google Research'] }),
      fakeModel('lab-of-its-own', { organizations: ['Some Lab (Vision Team)'] }),
    ];
    const groups = new Map(groupModels(spelled, 'organization').map((g) => [g.key, g.models.map((m) => m.id)]));
    assert.deepStrictEqual(groups.get('microsoft'), ['vlmo', 'kosmos-2', 'lisa'].sort());
    assert.deepStrictEqual(groups.get('google'), ['flamingo', 'pali']);
    assert.deepStrictEqual(groups.get('cuhk'), ['lisa']);
    assert.deepStrictEqual(groups.get('some-lab'), ['lab-of-its-own'], 'an unknown affiliation stands for itself, less a team in brackets');
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

describe('groupContents', () => {
  const year = Array.from({ length: SUBGROUP_ABOVE + 5 }, (_, i) =>
    fakeModel(`m${String(i).padStart(2, '0')}`, { date: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`, family: i < 6 ? 'llava' : i < 9 ? 'internvl' : `solo-${i}` }),
  );

  it('lists the models of a short group directly', () => {
    const short = { key: '2024', models: year.slice(0, SUBGROUP_ABOVE) };
    assert.deepStrictEqual(groupContents(short, 'year'), { subgroups: [], models: short.models });
  });

  it('splits a long year by family: families of two or more as sub-groups, the rest listed after them, oldest first', () => {
    const [group] = groupModels(year, 'year');
    const contents = groupContents(group, 'year');
    assert.strictEqual(contents.subgroupBy, 'family');
    assert.deepStrictEqual(contents.subgroups.map((g) => [g.key, g.models.length]), [['internvl', 3], ['llava', 6]]);
    const rest = contents.models.map((m) => m.paper.date);
    assert.deepStrictEqual(rest, [...rest].sort());
    assert.strictEqual(contents.models.length + 9, group.models.length, 'every model once');
  });

  it('splits a long organisation by family and a long architecture type by year', () => {
    const [org] = groupModels(year.map((m) => ({ ...m, organizations: ['Alibaba Group (Qwen Team)'] })), 'organization');
    assert.strictEqual(org.key, 'alibaba');
    assert.strictEqual(groupContents(org, 'organization').subgroupBy, 'family');
    const [type] = groupModels(year, 'architecture');
    assert.strictEqual(groupContents(type, 'architecture').subgroupBy, 'year');
  });
});
