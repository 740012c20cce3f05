import * as assert from 'assert';
import { filterModels, matchesFilter } from '../../src/core/atlas/modelFilter';
import { fakeModel } from '../support/fakeModel';

const blip2 = fakeModel('blip-2', {
  name: 'BLIP-2',
  aliases: ['BLIP2'],
  organizations: ['Salesforce Research'],
  tags: ['q-former'],
  paper: { title: 'Bootstrapping Language-Image Pre-training with Frozen Image Encoders', authors: ['Junnan Li', 'Steven Hoi'], date: '2023-01-30' },
});
const flamingo = fakeModel('flamingo', { name: 'Flamingo', organizations: ['DeepMind'], tags: ['few-shot'], date: '2022-04-29' });
const qwen = fakeModel('qwen2-5-vl', { name: 'Qwen2.5-VL', organizations: ['Alibaba Group (Qwen Team)'], date: '2025-02-19' });
blip2.architecture = { ...blip2.architecture, summary: 'frozen ViT → Q-Former → frozen LLM', components: [{ id: 'qformer', name: 'Q-Former (32 queries)', role: 'connector', trainable: true }] };
blip2.paper.venue = 'ICML 2024'; // a venue year other than the paper's, to see that a year means the paper's

describe('matchesFilter', () => {
  it('matches everything when the query is blank', () => {
    assert.ok(matchesFilter(blip2, '   '));
  });

  it('matches name, alias, title, author, organization and tag, ignoring case', () => {
    for (const query of ['blip-2', 'blip2', 'bootstrapping', 'junnan', 'salesforce', 'Q-FORMER']) {
      assert.ok(matchesFilter(blip2, query), query);
      assert.ok(!matchesFilter(flamingo, query), query);
    }
  });

  it('requires every word of the query', () => {
    assert.ok(matchesFilter(blip2, 'salesforce hoi'));
    assert.ok(!matchesFilter(blip2, 'salesforce deepmind'));
  });

  it('filters a list, keeping its order', () => {
    assert.deepStrictEqual(filterModels([flamingo, blip2], 'e').map((m) => m.id), ['flamingo', 'blip-2']);
    assert.deepStrictEqual(filterModels([flamingo, blip2], 'deepmind').map((m) => m.id), ['flamingo']);
    assert.deepStrictEqual(filterModels([flamingo, blip2], 'nothing-like-this'), []);
  });

  it("matches a year against the paper's year only, not a venue's or a title's", () => {
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], '2023').map((m) => m.id), ['blip-2']);
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], '2024').map((m) => m.id), []);
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], '2022 deepmind').map((m) => m.id), ['flamingo']);
  });

  it('matches architecture words, ignoring hyphens, dots and spaces inside a term', () => {
    for (const query of ['qformer', 'Q-Former', 'q_former', 'q-former frozen']) {
      assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], query).map((m) => m.id), ['blip-2'], query);
    }
    for (const query of ['qwen2.5-vl', 'qwen25vl', 'Qwen-2.5-VL', 'qwen2.5 vl']) {
      assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], query).map((m) => m.id), ['qwen2-5-vl'], query);
    }
  });

  it('matches the canonical organisation as well as the affiliation as written, in English and Chinese', () => {
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], 'google').map((m) => m.id), ['flamingo']);
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], 'alibaba').map((m) => m.id), ['qwen2-5-vl']);
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], '阿里巴巴').map((m) => m.id), ['qwen2-5-vl']);
    assert.deepStrictEqual(filterModels([flamingo, blip2, qwen], 'qwen team').map((m) => m.id), ['qwen2-5-vl']);
  });
});
