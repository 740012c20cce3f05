import * as assert from 'node:assert/strict';
import { outlineGroupTitle } from '../../src/core/writing/documentLabels';
import { buildRelatedWorkOutline, introducedClause, type OutlineOptions } from '../../src/core/writing/relatedWorkOutline';
import { fakeModel } from '../support/fakeModel';
import { realIndex } from '../support/realAtlas';
import { realCited, tricky } from '../support/writingFixtures';

const FAMILY: Omit<OutlineOptions, 'syntax'> = { groupBy: 'family', groupTitle: (key) => `${key} family`, language: 'en' };
const IDS = ['instructblip', 'llava', 'blip-2', 'flamingo', 'blip', 'albef', 'minigpt-4'];

describe('buildRelatedWorkOutline (real atlas)', () => {
  it('groups by family, groups in order of their oldest model, oldest first within a group (LaTeX)', () => {
    const outline = buildRelatedWorkOutline(realCited(IDS), { ...FAMILY, syntax: 'latex' });
    const paragraphs = outline.split('\n').filter((l) => l.startsWith('\\paragraph'));
    assert.deepEqual(paragraphs, ['\\paragraph{blip family}', '\\paragraph{flamingo family}', '\\paragraph{llava family}']);
    const items = outline.split('\n').filter((l) => l.startsWith('  \\item ')).map((l) => l.slice(8, l.indexOf('~')));
    assert.deepEqual(items, ['ALBEF', 'BLIP', 'BLIP-2', 'MiniGPT-4', 'InstructBLIP', 'Flamingo', 'LLaVA']);
    assert.equal(outline.split('\\begin{itemize}').length - 1, 3);
    assert.equal(outline.split('\\end{itemize}').length - 1, 3);
  });

  it('gives each model its citation, year and first key idea', () => {
    const outline = buildRelatedWorkOutline(realCited(['blip-2']), { ...FAMILY, syntax: 'latex', latexCommand: '\\citet' });
    assert.equal(
      outline,
      [
        '\\paragraph{blip family}',
        '\\begin{itemize}',
        '  \\item BLIP-2~\\citet{li2023blip2} (2023) --- Q-Former: a lightweight Transformer with learned query embeddings that bridges a frozen image encoder and a frozen LLM.',
        '\\end{itemize}',
      ].join('\n'),
    );
  });

  it('writes lists under bold labels in Markdown, never headings (which would take over the rest of a section), the older group first', () => {
    const outline = buildRelatedWorkOutline(realCited(['blip-2', 'flamingo']), { ...FAMILY, syntax: 'markdown', language: 'zh-cn' });
    assert.ok(!/^#/m.test(outline), outline);
    assert.equal(
      outline,
      [
        '**flamingo family**',
        '',
        '- Flamingo [@alayrac2022flamingo] (2022) — 用 Perceiver Resampler 和门控交叉注意力（XATTN-DENSE）层桥接冻结的纯视觉模型与纯语言模型。',
        '',
        '**blip family**',
        '',
        '- BLIP-2 [@li2023blip2] (2023) — Q-Former：带可学习查询向量的轻量 Transformer，连接冻结的图像编码器与冻结的 LLM。',
      ].join('\n'),
    );
  });

  it('groups by architecture type with the titles it is given', () => {
    const outline = buildRelatedWorkOutline(realCited(['llava', 'blip-2', 'albef']), {
      syntax: 'markdown',
      groupBy: 'architecture',
      groupTitle: (key) => key.toUpperCase(),
      language: 'en',
    });
    const labels = outline.split('\n').filter((l) => l.startsWith('**'));
    assert.deepEqual(labels, ['**FUSION-ENCODER**', '**FROZEN-LLM-ADAPTER**', '**MULTIMODAL-LLM**']);
  });

  it('escapes the names, the clause and the group title in LaTeX', () => {
    const outline = buildRelatedWorkOutline([{ model: tricky, key: 'zoe2023' }], { ...FAMILY, groupTitle: () => 'R&D #1', syntax: 'latex' });
    assert.ok(outline.startsWith('\\paragraph{R\\&D \\#1}'), outline);
    assert.ok(
      outline.includes(
        '\\item Zo\\"{e} \\& \\"{U}n\\"{\\i}code \\#1~\\cite{zoe2023} (2023) --- Costs 50\\% less \\& scales: a\\_b \\textasciitilde{} c\\textasciicircum{}2 \\{x\\} \\$5 \\textbar{} [link](y) \\textless{}b\\textgreater{} @key --- na\\"{\\i}ve $\\times$2.',
      ),
      outline,
    );
  });

  it('keeps the clause inert in Markdown (no link, no citation)', () => {
    const outline = buildRelatedWorkOutline([{ model: tricky, key: 'zoe2023' }], { ...FAMILY, syntax: 'markdown' });
    assert.ok(outline.includes('\\[link\\](y) \\<b\\> \\@key'), outline);
  });
});

describe('outline group titles', () => {
  const atlas = realIndex();
  const familyName = (family: string) => atlas.familyName(family);

  it('name a family after its founding model, in the display language', () => {
    assert.equal(outlineGroupTitle('family', 'en', familyName)('blip'), 'BLIP family');
    assert.equal(outlineGroupTitle('family', 'zh-cn', familyName)('blip'), 'BLIP 家族');
  });

  it('name an architecture type in the display language, and keep an unknown type as it is', () => {
    assert.equal(outlineGroupTitle('architecture', 'en', familyName)('frozen-llm-adapter'), 'Frozen LLM with adapter');
    assert.equal(outlineGroupTitle('architecture', 'zh-cn', familyName)('multimodal-llm'), '多模态大语言模型');
    assert.equal(outlineGroupTitle('architecture', 'en', familyName)('something-new'), 'something-new');
  });
});

describe('introducedClause', () => {
  it('falls back to the first sentence of the summary without key ideas', () => {
    const model = fakeModel('x', { summary: { en: 'Does one thing, e.g. well. Then more.', 'zh-cn': '做一件事。然后更多。' } });
    assert.equal(introducedClause(model, 'en'), 'Does one thing, e.g. well.');
    assert.equal(introducedClause(model, 'zh-cn'), '做一件事。');
  });

  it('uses the English key idea when the entry has none in the display language', () => {
    const model = fakeModel('x', { keyIdeas: { en: ['English idea.'] } });
    assert.equal(introducedClause(model, 'zh-cn'), 'English idea.');
  });
});
