import * as assert from 'node:assert/strict';
import { loadsLatexPackage } from '../../src/core/documents/latexSource';
import { buildComparisonTable, cellText, DEFAULT_TABLE_COLUMNS, TABLE_COLUMNS } from '../../src/core/writing/comparisonTable';
import { comparisonTableLabels } from '../../src/core/writing/documentLabels';
import { realIndex } from '../support/realAtlas';
import { REAL_IDS, realCited, TABLE_LABELS, tricky } from '../support/writingFixtures';

const markdown = (ids: string[], columns = TABLE_COLUMNS) => buildComparisonTable(realCited(ids), columns, { syntax: 'markdown', labels: TABLE_LABELS });
const latex = (ids: string[], columns = TABLE_COLUMNS, latexCommand?: '\\citep') =>
  buildComparisonTable(realCited(ids), columns, { syntax: 'latex', labels: TABLE_LABELS, latexCommand });

describe('comparison table cells (real atlas)', () => {
  const atlas = realIndex();

  it('reads the components by role and the objectives of BLIP-2, and the parameters of Qwen-VL', () => {
    const blip2 = atlas.get('blip-2');
    const cells = Object.fromEntries(TABLE_COLUMNS.map((c) => [c, cellText(blip2, c, TABLE_LABELS)]));
    assert.deepEqual(cells, {
      date: '2023-01',
      organization: 'Salesforce Research',
      venue: 'ICML 2023',
      visionEncoder: 'ViT-g/14 or ViT-L/14 image encoder',
      languageModel: 'OPT / FlanT5 LLM',
      connector: 'Q-Former (32 learned queries); Linear projection',
      trainable: 'Q-Former (32 learned queries); Linear projection',
      objectives: 'ITC, ITM, ITG, LM',
      parameters: undefined,
    });
    assert.equal(cellText(atlas.get('qwen-vl'), 'parameters', TABLE_LABELS), '9.6B (ViT 1.9B + adapter 0.08B + LLM 7.7B)');
  });

  it('has no data where the entry has none (no guess): ALBEF has no language model, Qwen-VL no venue', () => {
    assert.equal(cellText(atlas.get('albef'), 'languageModel', TABLE_LABELS), undefined);
    assert.equal(cellText(atlas.get('albef'), 'parameters', TABLE_LABELS), undefined);
    assert.equal(cellText(atlas.get('qwen-vl'), 'venue', TABLE_LABELS), undefined);
  });

  it('says "all" when every component is trained and lists only the trained ones otherwise', () => {
    assert.equal(cellText(atlas.get('albef'), 'trainable', TABLE_LABELS), 'all');
    assert.equal(cellText(atlas.get('minigpt-4'), 'trainable', TABLE_LABELS), 'Linear projection layer');
    assert.equal(cellText(atlas.get('llava'), 'trainable', TABLE_LABELS), 'Linear projection W; Vicuna LLM');
  });
});

describe('buildComparisonTable, Markdown', () => {
  it('writes a GFM table: header, delimiter row and one cited row per model, oldest first', () => {
    const lines = markdown(['blip-2', 'albef', 'kosmos-1']).split('\n');
    assert.equal(lines.length, 5);
    assert.equal(lines[0], '| Model | Date | Organization | Venue | Vision encoder | Language model | Fusion / connector | Trainable parts | Pretraining objectives | Parameters |');
    assert.equal(lines[1], '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    assert.deepEqual(lines.slice(2).map((l) => l.split(' | ')[0]), ['| ALBEF [@ALBEF]', '| BLIP-2 [@li2023blip2]', '| Kosmos-1 [@kosmos-1]']);
    assert.equal(lines[4], '| Kosmos-1 [@kosmos-1] | 2023-02 | Microsoft | NeurIPS 2023 | Pretrained image encoder | MAGNETO causal Transformer LM | Embedding module (text + image) | all | LM | about 1.6B |');
  });

  it('has the chosen columns only, in the standard order', () => {
    const header = markdown(['blip-2'], ['parameters', 'date']).split('\n')[0];
    assert.equal(header, '| Model | Date | Parameters |');
  });

  it('uses the key the .bib holds for a paper', () => {
    const blip2 = realIndex().get('blip-2');
    const table = buildComparisonTable([{ model: blip2, key: 'blip2paper' }], ['date'], { syntax: 'markdown', labels: TABLE_LABELS });
    assert.equal(table.split('\n')[2], '| BLIP-2 [@blip2paper] | 2023-01 |');
  });

  it('keeps dataset text inert: no cell break, link, emphasis or citation', () => {
    const row = buildComparisonTable([{ model: { ...tricky, name: 'A|B *c* [x](y) @k' }, key: 'zoe2023' }], ['parameters'], { syntax: 'markdown', labels: TABLE_LABELS }).split('\n')[2];
    assert.equal(row, '| A\\|B \\*c\\* \\[x\\](y) \\@k [@zoe2023] | 7B \\& 1% trainable |');
    assert.equal(row.split(/(?<!\\)\|/).length, 4, 'a cell was split');
  });
});

describe('buildComparisonTable, LaTeX', () => {
  it('writes a booktabs table at the text width with the package note, caption, label and one cited row per model', () => {
    const table = latex(REAL_IDS.slice(0, 8));
    const lines = table.split('\n');
    assert.equal(lines[0], '% Needs \\usepackage{booktabs} \\usepackage{tabularx} in the preamble.');
    assert.equal(lines[1], '\\begin{table}[htbp]');
    assert.ok(lines.includes('  \\caption{Comparison of the models.}'));
    assert.ok(lines.includes('  \\label{tab:model-comparison}'));
    assert.ok(lines.includes(`  \\begin{tabularx}{\\linewidth}{@{}ll${'>{\\raggedright\\arraybackslash\\hspace{0pt}}X'.repeat(TABLE_COLUMNS.length - 1)}@{}}`), table);
    const rules = lines.filter((l) => /^\s*\\(top|mid|bottom)rule$/.test(l)).map((l) => l.trim());
    assert.deepEqual(rules, ['\\toprule', '\\midrule', '\\bottomrule']);
    const rows = lines.filter((l) => l.endsWith(' \\\\'));
    assert.equal(rows.length, 8 + 1);
    assert.ok(rows.every((r) => r.split(' & ').length === TABLE_COLUMNS.length + 1), 'a row has the wrong number of cells');
    assert.ok(table.endsWith('\\end{table}'));
  });

  it('splits more rows than a page holds into even floats, the later ones captioned as continued and unlabelled', () => {
    const table = latex(REAL_IDS, DEFAULT_TABLE_COLUMNS);
    const floats = table.split('\\begin{table}').slice(1);
    assert.deepEqual(floats.map((f) => f.split('\n').filter((l) => l.includes('~\\cite{')).length), [6, 5]);
    assert.ok(floats[1].includes('\\caption{Comparison of the models (continued).}') && !floats[1].includes('\\label'), floats[1]);
    assert.equal(table.split('\\usepackage').length - 1, 2, 'one package note for both');
  });

  it('lets TeX break a long run of a cell after a slash and inside a camel-case name, not a short one', () => {
    const table = latex(['vl-bert', 'blip-2', 'internvideo2'], ['connector', 'visionEncoder', 'languageModel']);
    assert.ok(table.includes('Token/\\allowbreak{}visual/\\allowbreak{}segment/\\allowbreak{}position embeds'), table);
    assert.ok(table.includes('LLM (7B in Intern\\-Video2-Chat-8B)'), table);
    assert.ok(table.includes('ViT-g/14 or ViT-L/14') && table.includes('InternVideo2 video encoder'), table);
  });

  it('cites with the configured command and escapes the atlas text', () => {
    const table = latex(['llava', 'vlmo', 'vilt', 'imagebind'], TABLE_COLUMNS, '\\citep');
    assert.ok(table.includes('LLaVA~\\citep{liu2023llava} & 2023-04 & University of Wisconsin--Madison; Microsoft Research; Columbia University &'), table);
    assert.ok(table.includes('175M (base) / 167M (base\\_plus) / 562M (large) \\\\'), table);
    assert.ok(table.includes('Linear patch projection (32$\\times$32)'), table);
    assert.ok(table.includes('InfoNCE contrastive (image--modality)'), table);
  });

  it('is plain ASCII for every model of the atlas (it compiles whatever the input encoding)', () => {
    const ids = realIndex().models.map((m) => m.id);
    const table = latex(ids);
    assert.equal(table.split('\n').filter((l) => l.includes('~\\cite{')).length, ids.length);
    assert.deepEqual([...table].filter((ch) => ch.charCodeAt(0) > 0x7e), []);
  });

  it('escapes & % _ # and spells non-ASCII names in ASCII', () => {
    const table = buildComparisonTable([{ model: tricky, key: 'zoe2023' }], TABLE_COLUMNS, { syntax: 'latex', labels: TABLE_LABELS });
    const row = table.split('\n').find((l) => l.includes('zoe2023'));
    assert.equal(
      row,
      '    Zo\\"{e} \\& \\"{U}n\\"{\\i}code \\#1~\\cite{zoe2023} & 2023-03 & Universit\\\'{e} de Montr\\\'{e}al; R\\&D 100\\% Lab & ACL\\_2023 \\#2 & ' +
        'ViT\\_g \\#14 (frozen) 100\\% & LLM \\textasciitilde{}7B & Q\\&A connector & Q\\&A connector & LM, ITC\\_v2 & 7B \\& 1\\% trainable \\\\',
    );
  });

  it('writes an en dash (--) where the entry has no data', () => {
    const row = latex(['qwen-vl'], ['venue', 'date']).split('\n').find((l) => l.includes('Qwen-VL~'));
    assert.equal(row, '    Qwen-VL~\\cite{Qwen-VL} & 2023-08 & -- \\\\');
  });

  it('names only the packages the preamble does not load, and none when it loads both', () => {
    const table = (loadedPackages: string[]) => buildComparisonTable(realCited(['blip']), ['date'], { syntax: 'latex', labels: TABLE_LABELS, loadedPackages });
    assert.ok(table(['booktabs', 'tabularx']).startsWith('\\begin{table}'));
    assert.ok(table(['booktabs']).startsWith('% Needs \\usepackage{tabularx} in the preamble.\n\\begin{table}'));
  });
});

describe('comparison table labels', () => {
  it('are the English fixture labels for an English display language', () => {
    assert.deepEqual(comparisonTableLabels('en'), TABLE_LABELS);
  });

  it('are Simplified Chinese for a Chinese display language, whatever the UI language', () => {
    const table = buildComparisonTable(realCited(['albef']), ['date', 'trainable'], { syntax: 'latex', labels: comparisonTableLabels('zh-cn') }).split('\n');
    assert.equal(table[0], '% 需要在导言区加入 \\usepackage{booktabs} \\usepackage{tabularx}。');
    assert.ok(table.includes('  \\caption{模型对比。}'), table.join('\n'));
    assert.ok(table.includes('    模型 & 日期 & 可训练部分 \\\\'), table.join('\n'));
    assert.ok(table.includes('    ALBEF~\\cite{ALBEF} & 2021-07 & 全部 \\\\'), table.join('\n'));
  });
});

describe('loadsLatexPackage', () => {
  it('finds a package among others and with options, but not in a comment', () => {
    assert.equal(loadsLatexPackage('\\usepackage[a]{amsmath, booktabs}', 'booktabs'), true);
    assert.equal(loadsLatexPackage('\\RequirePackage{booktabs}', 'booktabs'), true);
    assert.equal(loadsLatexPackage('% \\usepackage{booktabs}\n\\usepackage{natbib}', 'booktabs'), false);
    assert.equal(loadsLatexPackage('\\usepackage{booktabsx}', 'booktabs'), false);
  });
});
