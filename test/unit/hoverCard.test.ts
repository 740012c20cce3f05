import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { hoverCardLabelsIn, PAPER_TYPES } from '../../src/core/presentation/cardLabels';
import { hoverCardMarkdown, type HoverCardLabels } from '../../src/core/presentation/hoverCard';
import { escapeMarkdown, safeHttpsUrl } from '../../src/core/presentation/markdown';
import { scaffoldEntry } from '../../src/core/userAtlas/newEntries';
import { fakeModel } from '../support/fakeModel';

const CARD_COMMANDS = ['modelAtlas.insertCitation', 'modelAtlas.copyBibtex', 'modelAtlas.copyCitationKey', 'modelAtlas.showDetails', 'modelAtlas.showOnTimeline'];

const labels: HoverCardLabels = {
  architecture: 'Architecture',
  buildsOn: 'Builds on',
  builtOnBy: 'Built on by',
  openPaper: 'Open Paper',
  code: 'Code',
  project: 'Project',
  visionOnly: 'vision-only',
  unfinished: 'not finished',
  paperTypes: PAPER_TYPES.en,
  commands: { 'modelAtlas.copyBibtex': 'Copy BibTeX' },
};

describe('hover card', () => {
  const blip = fakeModel('blip', { name: 'BLIP', date: '2022-01-28' });
  const blip2 = fakeModel('blip-2', {
    name: 'BLIP-2',
    lineage: { buildsOn: ['blip'] },
    links: { arxiv: 'https://arxiv.org/abs/2301.12597', code: 'https://github.com/salesforce/LAVIS' },
  });
  const atlas = new AtlasIndex([blip, blip2]);

  it('shows the name, title, facts, summary, architecture, lineage and links', () => {
    const card = hoverCardMarkdown(blip2, atlas, { language: 'en', labels });
    assert.match(card, /^\*\*BLIP\\-2\*\* — blip\\-2 paper/);
    assert.match(card, /Ada Lovelace et al\\\. · Example Lab · 2023\\-01\\-15/);
    assert.match(card, /\*Builds on:\* BLIP/);
    assert.match(card, /\[Open Paper\]\(https:\/\/arxiv\.org\/abs\/2301\.12597\)/);
    assert.match(card, /\[Copy BibTeX\]\(command:modelAtlas\.copyBibtex\?%5B%22blip-2%22%5D\)/);
    assert.match(hoverCardMarkdown(blip, atlas, { language: 'en', labels }), /\*Built on by:\* BLIP\\-2/);
  });

  it('leads an unfinished entry with what it is, shows no placeholder as a fact and offers no citation', () => {
    const scaffold = scaffoldEntry('Qwen9-VL', '2026-12-02', { ids: new Set(), keys: new Set() });
    const card = hoverCardMarkdown(scaffold, new AtlasIndex([scaffold]), { language: 'en', labels: { ...labels, commands: { 'modelAtlas.insertCitation': 'Cite', 'modelAtlas.showDetails': 'Details' } } });
    assert.match(card, /^\*\*Qwen9\\-VL\*\* — \*not finished\*/);
    assert.ok(!card.includes('TODO'), card);
    assert.ok(!card.includes('insertCitation'), card);
    assert.match(card, /\[Details\]\(command:modelAtlas\.showDetails/);
  });

  it('uses the Chinese summary in Chinese', () => {
    assert.match(hoverCardMarkdown(blip2, atlas, { language: 'zh-cn', labels }), /blip-2 摘要。|blip\\-2 摘要。/);
  });

  it('names a report, card or post and links it: alone, or beside the arXiv listing that also holds it', () => {
    const card = fakeModel('gpt-4v', { name: 'GPT-4V', paper: { title: 'GPT-4V(ision) System Card', authors: ['OpenAI'], date: '2023-09-25', type: 'system-card', url: 'https://openai.com/index/gpt-4v-system-card/' } });
    const both = fakeModel('gpt-4o', {
      name: 'GPT-4o',
      paper: { title: 'GPT-4o System Card', authors: ['OpenAI'], date: '2024-10-25', arxiv: '2410.21276', type: 'system-card', url: 'https://openai.com/index/gpt-4o-system-card/' },
    });
    const atlasOf = new AtlasIndex([card, both]);
    const only = hoverCardMarkdown(card, atlasOf, { language: 'en', labels });
    assert.match(only, /OpenAI · Example Lab · 2023\\-09\\-25 · System card\n/);
    assert.match(only, /\[System card\]\(https:\/\/openai\.com\/index\/gpt-4v-system-card\/\)/);
    assert.ok(!only.includes('[Open Paper]'), only);
    const withArxiv = hoverCardMarkdown(both, atlasOf, { language: 'en', labels });
    assert.match(withArxiv, /\[Open Paper\]\(https:\/\/arxiv\.org\/abs\/2410\.21276\) · \[System card\]\(https:\/\/openai\.com\/index\/gpt-4o-system-card\/\)/);
    assert.match(hoverCardMarkdown(card, atlasOf, { language: 'zh-cn', labels: hoverCardLabelsIn('zh-cn', CARD_COMMANDS) }), /\[系统卡\]\(https:/);
  });

  it('puts its labels in the display language: Chinese labels around the Chinese summary', () => {
    const zh = hoverCardMarkdown(blip2, atlas, { language: 'zh-cn', labels: hoverCardLabelsIn('zh-cn', CARD_COMMANDS) });
    assert.match(zh, /\*架构:\* /);
    assert.match(zh, /\*基于:\* BLIP/);
    assert.match(zh, /\[打开论文\]\(https:/);
    assert.match(zh, /\[插入引用\]\(command:modelAtlas\.insertCitation/);
    assert.ok(!/Architecture|Builds on|Open Paper|Insert Citation/.test(zh), zh);
    assert.match(hoverCardMarkdown(blip, atlas, { language: 'zh-cn', labels: hoverCardLabelsIn('zh-cn', CARD_COMMANDS) }), /\*后续工作:\* BLIP\\-2/);
    assert.deepStrictEqual(hoverCardLabelsIn('en', []).commands, {}, 'no action links in completion documentation');
  });

  it('keeps hostile dataset text inert', () => {
    const evil = fakeModel('evil', {
      name: '<img src=x onerror=alert(1)>',
      summary: { en: '[x](command:workbench.action.terminal.new) <script>alert(1)</script> javascript:alert(1)', 'zh-cn': '中' },
      links: { code: 'javascript:alert(1)', project: 'https://ok.example/a(b)' },
    });
    const card = hoverCardMarkdown(evil, new AtlasIndex([evil]), { language: 'en', labels: { ...labels, commands: {} } });
    // Every "<" is backslash-escaped, so Markdown shows it as a character and no tag is parsed.
    assert.ok(!/(^|[^\\])</m.test(card), card);
    assert.ok(card.includes('\\<img src\\=x'), card);
    assert.ok(!/\]\(command:/.test(card), card);
    assert.ok(!card.includes('](javascript'), card);
    assert.ok(card.includes('\\[x\\]\\(command\\:workbench'), card);
    assert.ok(card.includes('(https://ok.example/a%28b%29)'), card);
  });

  it('accepts only https link targets', () => {
    assert.strictEqual(safeHttpsUrl('http://x.org'), undefined);
    assert.strictEqual(safeHttpsUrl('https://x.org/a b'), undefined);
    assert.strictEqual(safeHttpsUrl('https://x.org/ok'), 'https://x.org/ok');
    assert.strictEqual(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
  });
});
