// One name per organisation: every spelling and lab of the organisations that recur in the atlas resolves to
// one canonical organisation, and an affiliation the table does not know stands for itself.
import * as assert from 'assert';
import { knownOrganization, organizationName, organizationOf, organizationsOf } from '../../src/core/atlas/organizations';
import { fakeModel } from '../support/fakeModel';
import { realModels } from '../support/realAtlas';

/** Words that name an organisation of the table, whatever lab or team follows: each must resolve to that one. */
const RECURRING: Array<[RegExp, string]> = [
  [/microsoft/i, 'microsoft'],
  [/google|deepmind/i, 'google'],
  [/alibaba|damo academy|qwen team/i, 'alibaba'],
  [/\bmeta\b|facebook|\bfair\b/i, 'meta'],
  [/bytedance/i, 'bytedance'],
  [/tencent/i, 'tencent'],
  [/\bapple\b/i, 'apple'],
  [/salesforce/i, 'salesforce'],
  [/shanghai (ai|artificial intelligence) lab/i, 'shanghai-ai-lab'],
  [/tsinghua/i, 'tsinghua'],
  [/chinese university of hong kong|cuhk/i, 'cuhk'],
  [/allen institute/i, 'ai2'],
  [/sensetime/i, 'sensetime'],
];

describe('organisations', () => {
  it('files every spelling and lab of a recurring organisation of the bundled atlas under one canonical organisation', function () {
    this.timeout(60_000); // the first test to read data/models pays for it
    const affiliations = [...new Set(realModels().flatMap((m) => m.organizations))];
    const wrong = affiliations.flatMap((affiliation) =>
      RECURRING.filter(([pattern, id]) => pattern.test(affiliation) && organizationOf(affiliation).id !== id && !(id === 'microsoft' && /hong kong/i.test(affiliation))).map(
        ([, id]) => `${affiliation} → ${organizationOf(affiliation).id}, expected ${id} (add it to src/core/atlas/organizations.ts)`,
      ),
    );
    assert.deepStrictEqual(wrong, []);
  });

  it('ignores case, dashes and a lab in brackets it does not list', () => {
    assert.strictEqual(knownOrganization('University of Wisconsin–Madison')?.id, 'uw-madison');
    assert.strictEqual(knownOrganization('university of wisconsin-madison')?.id, 'uw-madison');
    assert.strictEqual(knownOrganization('Microsoft Research (Redmond)')?.id, 'microsoft');
    assert.strictEqual(knownOrganization('Stanford University'), undefined);
  });

  it('lets an unknown affiliation stand for itself, and names each organisation in English or Chinese', () => {
    const stanford = organizationOf('Stanford University');
    assert.deepStrictEqual([stanford.id, stanford.name, stanford.zh], ['stanford-university', 'Stanford University', 'Stanford University']);
    assert.strictEqual(organizationOf('Some Lab (Vision Team)').id, organizationOf('Some Lab').id, 'a team in brackets is the same organisation');
    assert.strictEqual(organizationName(organizationOf('Google Research'), 'zh-cn'), '谷歌');
    assert.strictEqual(organizationName(organizationOf('Google Research'), 'en'), 'Google');
  });

  it("lists a model's organisations once each, in the order of its affiliations", () => {
    const model = fakeModel('lisa', { organizations: ['The Chinese University of Hong Kong (CUHK)', 'Microsoft Research Asia (MSRA)', 'Microsoft Research'] });
    assert.deepStrictEqual(organizationsOf(model).map((o) => o.id), ['cuhk', 'microsoft']);
  });
});
