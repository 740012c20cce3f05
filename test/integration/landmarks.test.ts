// The models around the seed in the real editor: hovers, completions and the tree know them, LLaVA-1.5 is not
// LLaVA, and words that are names (ALIGN, GIT, Frozen) are found only as the authors write them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { documentMentions, mentionRules } from '../../src/core/mentions/documentMentions';
import type { ModelAtlasApi } from '../../src/activate';
import type { GroupNode, ModelNode } from '../../src/features/models/modelsTree';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, labelOf, positionOf, scratch } from './helpers';

const PROSE = [
  'Dual encoders such as CLIP and ALIGN align images with text; we align them too.',
  'LLaVA-1.5 improves LLaVA, and OpenFlamingo reproduces Flamingo.',
  'Frozen language models help. GIT is a captioner; git is a tool.',
  '',
].join('\n');

suite('The grown atlas: landmark models around the seed', () => {
  let api: ModelAtlasApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });
  suiteTeardown(closeAll);

  async function hoveredModel(editor: vscode.TextEditor, needle: string, delta = 1, occurrence = 0): Promise<string | undefined> {
    const card = await atlasHoverAt(editor.document, positionOf(editor.document, needle, delta, occurrence));
    return card?.value.match(/^\*\*(.+?)\*\*/)?.[1].replace(/\\/g, '');
  }

  test('hovers name the new models, and LLaVA-1.5 is not LLaVA', async () => {
    const editor = await scratch('markdown', PROSE);
    assert.strictEqual(await hoveredModel(editor, 'CLIP and', 2), 'CLIP');
    assert.strictEqual(await hoveredModel(editor, 'ALIGN align', 2), 'ALIGN');
    assert.strictEqual(await hoveredModel(editor, 'LLaVA-1.5 improves', 7), 'LLaVA-1.5');
    assert.strictEqual(await hoveredModel(editor, 'LLaVA, and', 2), 'LLaVA');
    assert.strictEqual(await hoveredModel(editor, 'OpenFlamingo reproduces', 4), 'OpenFlamingo');
    assert.strictEqual(await hoveredModel(editor, 'GIT is', 1), 'GIT');
  });

  test('names that are also words match only as the authors write them', async () => {
    const editor = await scratch('markdown', PROSE);
    assert.strictEqual(await hoveredModel(editor, 'align images', 2), undefined, 'the verb "align"');
    assert.strictEqual(await hoveredModel(editor, 'align them', 2), undefined, 'the verb "align"');
    assert.strictEqual(await hoveredModel(editor, 'git is a tool', 1), undefined, 'git the tool');
    assert.strictEqual(await hoveredModel(editor, 'Frozen language', 2), undefined, 'Frozen starting a sentence');
    // What the hover, In This Document and Export BibTeX count: the matcher's candidates as the text around decides them.
    const atlas = await api.service.atlas();
    const mentioned = documentMentions(PROSE, atlas.matcher.find(PROSE), [], mentionRules(atlas, 'pandoc', [])).mentions.map((m) => m.modelId);
    assert.deepStrictEqual(mentioned, ['clip', 'align', 'llava-1-5', 'llava', 'openflamingo', 'flamingo', 'git']);
  });

  test('the card shows what a new model builds on', async () => {
    const editor = await scratch('markdown', PROSE);
    const card = await atlasHoverAt(editor.document, positionOf(editor.document, 'LLaVA-1.5 improves', 3));
    assert.ok(card, 'no card on LLaVA-1.5');
    assert.match(card.value, /Improved Baselines with Visual Instruction Tuning/);
    assert.match(card.value, /2310\.03744/);
    assert.match(card.value, /LLaVA/);
    assert.match(card.value, /CLIP/);
  });

  test('citation-key and name completion offer the new models', async () => {
    const latex = await scratch('latex', 'As shown by \\cite{radf}\n');
    const keys = (await completionsAt(latex.document, positionOf(latex.document, 'radf}', 4), '{')).map(labelOf);
    assert.ok(keys.includes('radford2021clip'), `keys: ${keys.slice(0, 10).join(', ')}`);

    const prose = await scratch('markdown', 'We compare Qwe\n');
    const names = (await completionsAt(prose.document, positionOf(prose.document, 'Qwe', 3))).map(labelOf);
    assert.ok(names.some((n) => n.startsWith('Qwen-VL')), `names: ${names.slice(0, 10).join(', ')}`);
  });

  test('the Models tree lists them in their families', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByFamily');
    try {
      const groups = (await api.sidebar.models.getChildren()) as GroupNode[];
      // Every model under a node, through the sub-groups of a long family.
      const idsUnder = async (node: GroupNode): Promise<string[]> => {
        const ids: string[] = [];
        for (const child of (await api.sidebar.models.getChildren(node)) as Array<GroupNode | ModelNode>) {
          ids.push(...(child.kind === 'model' ? [child.modelId] : await idsUnder(child)));
        }
        return ids;
      };
      const membersOf = async (key: string) => {
        const group = groups.find((g) => g.key === key);
        assert.ok(group, `no ${key} family group`);
        return idsUnder(group);
      };
      const llava = await membersOf('llava');
      assert.strictEqual(llava[0], 'llava', 'oldest first');
      assert.ok(['llava-1-5', 'llava-next', 'llava-onevision'].every((id) => llava.includes(id)), llava.join());
      assert.ok(!llava.includes('qwen2-vl'), 'only its own line');
      const flamingo = await membersOf('flamingo');
      assert.ok(['flamingo', 'idefics', 'openflamingo', 'otter'].every((id) => flamingo.includes(id)), flamingo.join());
      assert.strictEqual(flamingo[0], 'flamingo', 'oldest first');
      assert.ok((await api.service.atlas()).size >= 50, `the atlas holds ${(await api.service.atlas()).size} models`);
    } finally {
      await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    }
  });
});
