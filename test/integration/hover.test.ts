// Hover cards in the real editor: tricky names, citation keys, code and comments, hostile text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, openFixture, positionOf, scratch } from './helpers';

suite('Hover cards', () => {
  suiteSetup(activateExtension);
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function cardAt(file: string, needle: string, delta = 1, occurrence = 0): Promise<string | undefined> {
    const editor = await openFixture(file);
    return (await atlasHoverAt(editor.document, positionOf(editor.document, needle, delta, occurrence)))?.value;
  }

  test('BLIP-2 in LaTeX prose shows its card, not BLIP', async () => {
    const card = await cardAt('paper.tex', 'BLIP-2 connects', 2);
    assert.ok(card, 'no hover over BLIP-2');
    assert.match(card, /^\*\*BLIP\\-2\*\* — BLIP\\-2\\: Bootstrapping/);
    assert.match(card, /Junnan Li et al\\\./);
    assert.match(card, /ICML 2023/);
    assert.match(card, /\[Open Paper\]\(https:\/\/arxiv\.org\/abs\/2301\.12597\)/);
    assert.match(card, /command:modelAtlas\.insertCitation\?/);
    assert.match(card, /\[Show Details\]\(command:modelAtlas\.showDetails\?/);
    assert.match(card, /\[Show on Timeline\]\(command:modelAtlas\.showOnTimeline\?/);
  });

  test('BLIP, BEiT v2, VL-BEiT, Kosmos-2 and LLaVA\'s each get their own card', async () => {
    const expectations: Array<[string, number, RegExp]> = [
      ['building on BLIP ', 13, /^\*\*BLIP\*\* — BLIP\\: Bootstrapping Language\\-Image Pre\\-training for Unified/],
      ['BEiT v2 and', 6, /^\*\*BEiT v2\*\*/],
      ['VL-BEiT showed', 4, /^\*\*VL\\-BEiT\*\*/],
      ['Kosmos-2, while', 7, /^\*\*Kosmos\\-2\*\*/],
      ["LLaVA's visual", 2, /^\*\*LLaVA\*\*/],
    ];
    for (const [needle, delta, expected] of expectations) {
      const card = await cardAt('paper.tex', needle, delta);
      assert.ok(card, `no hover at '${needle}'`);
      assert.match(card, expected, needle);
    }
  });

  test('no card inside a LaTeX comment or verbatim', async () => {
    assert.strictEqual(await cardAt('paper.tex', 'ALBEF, which', 2), undefined);
    assert.strictEqual(await cardAt('paper.tex', 'Flamingo")', 2), undefined);
  });

  test('no card inside Markdown fenced or inline code, but in prose', async () => {
    assert.strictEqual(await cardAt('notes.md', 'prose: BLIP', 8), undefined);
    assert.strictEqual(await cardAt('notes.md', '`BEiT-3`', 2), undefined);
    assert.match((await cardAt('notes.md', 'prose, BEiT-3', 9)) ?? '', /^\*\*BEiT\\-3\*\*/);
  });

  test('an atlas citation key inside \\citep and [@...] shows the card', async () => {
    assert.match((await cardAt('paper.tex', 'li2023blip2,peng', 3)) ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.match((await cardAt('notes.md', '@li2023blip2', 4)) ?? '', /^\*\*BLIP\\-2\*\*/);
  });

  test('the card is trusted only for the extension\'s own commands and renders no HTML', async () => {
    const editor = await openFixture('paper.tex');
    const hover = await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2 connects', 2));
    assert.ok(hover);
    const trusted = hover.isTrusted;
    assert.ok(typeof trusted === 'object' && Array.isArray(trusted.enabledCommands), 'isTrusted must list enabled commands');
    assert.ok(trusted.enabledCommands.every((c) => c.startsWith('modelAtlas.')), trusted.enabledCommands.join());
    assert.notStrictEqual(hover.supportHtml, true);
  });

  test('a model whose summary holds HTML and a command link stays inert', async () => {
    const api = await activateExtension();
    const original = (await api.service.atlas()).models;
    const blip2 = (await api.service.atlas()).get('blip-2');
    const evil = {
      ...blip2,
      id: 'evil',
      name: 'EvilNet',
      aliases: [],
      bibtex: { ...blip2.bibtex, key: 'evil2024', entry: '@misc{evil2024,}' },
      summary: { en: '<img src=x onerror=alert(1)> [x](command:workbench.action.terminal.new)', 'zh-cn': '<img src=x>' },
    };
    api.service.setModels([...original, evil]);
    try {
      const editor = await scratch('markdown', 'We compare EvilNet to others.');
      const hover = await atlasHoverAt(editor.document, positionOf(editor.document, 'EvilNet', 2));
      assert.ok(hover, 'no hover over the hostile model');
      assert.ok(!/(^|[^\\])</.test(hover.value), hover.value);
      assert.ok(!/\]\(command:workbench/.test(hover.value), hover.value);
      assert.ok(hover.value.includes('\\[x\\]\\(command\\:workbench'), hover.value);
    } finally {
      api.service.setModels(original);
    }
  });
});
