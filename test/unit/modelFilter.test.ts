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
const flamingo = fakeModel('flamingo', { name: 'Flamingo', organizations: ['DeepMind'], tags: ['few-shot'] });

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
});
