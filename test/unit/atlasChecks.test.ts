import * as assert from 'assert';
import { findAtlasProblems } from '../../src/core/atlas/atlasChecks';
import { fakeModel } from '../support/fakeModel';

function messages(...models: ReturnType<typeof fakeModel>[]): string[] {
  return findAtlasProblems(models).map((p) => `${p.modelId} ${p.path.join('.')}: ${p.message}`);
}

describe('atlas consistency checks', () => {
  it('accepts a consistent atlas', () => {
    assert.deepStrictEqual(messages(fakeModel('a'), fakeModel('b', { lineage: { buildsOn: ['a'] } })), []);
  });

  it('reports duplicate ids, spellings and citation keys', () => {
    const a = fakeModel('a', { aliases: ['Shared'] });
    const b = fakeModel('b', { aliases: ['shared'], bibtex: { ...a.bibtex } });
    const found = messages(a, b, fakeModel('a'));
    assert.ok(found.some((m) => m.startsWith("b aliases.0: 'shared' is already")), found.join('\n'));
    assert.ok(found.some((m) => m.startsWith('b bibtex.key: citation key')), found.join('\n'));
    assert.ok(found.some((m) => m.startsWith("a id: duplicate id 'a'")), found.join('\n'));
  });

  it('reports lineage to unknown models and to itself', () => {
    const found = messages(fakeModel('a', { lineage: { buildsOn: ['nope', 'a'] } }));
    assert.deepStrictEqual(found, ["a lineage.buildsOn.0: lineage links to unknown model 'nope'", 'a lineage.buildsOn.1: a model cannot build on itself']);
  });

  it('reports an entry key that differs from bibtex.key', () => {
    const found = messages(fakeModel('a', { bibtex: { key: 'k1', origin: 'composed', entry: '@misc{k2,\n}' } }));
    assert.deepStrictEqual(found, ["a bibtex.entry: the entry's key 'k2' differs from bibtex.key 'k1'"]);
  });

  it('reports an arXiv id whose yymm disagrees with the date', () => {
    const model = fakeModel('a');
    model.paper = { ...model.paper, arxiv: '2302.00001', date: '2023-01-10' };
    assert.deepStrictEqual(messages(model), ['a paper.arxiv: arXiv id 2302.00001 does not match the first-submission month 2023-01']);
  });

  it("accepts the next month's id for a paper submitted after the month's last deadline", () => {
    const late = (arxiv: string, date: string) => {
      const model = fakeModel('a');
      model.paper = { ...model.paper, arxiv, date };
      return messages(model);
    };
    assert.deepStrictEqual(late('2103.00020', '2021-02-26'), []);
    assert.deepStrictEqual(late('2201.00001', '2021-12-30'), []);
    assert.strictEqual(late('2104.00020', '2021-02-26').length, 1);
    // arXiv's holiday schedule: a paper submitted on 19 December 2025 was announced with a January id.
    assert.deepStrictEqual(late('2601.03267', '2025-12-19'), []);
    assert.strictEqual(late('2601.03267', '2025-12-10').length, 1);
    assert.strictEqual(late('2612.00001', '2026-11-20').length, 1);
  });

  it('reports connections to unknown components', () => {
    const model = fakeModel('a');
    model.architecture = { ...model.architecture, connections: [{ from: 'enc', to: 'ghost' }] };
    assert.deepStrictEqual(messages(model), ["a architecture.connections.0.to: connection to unknown component 'ghost'"]);
  });
});
