// The 2024-2026 models in the real editor (issue 17): hovers and completion for Qwen2.5-VL, InternVL3 and
// LLaVA-OneVision, and for LLaVA-NeXT and Claude 3, which have a blog post and a model card but no arXiv paper.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, completionsAt, labelOf, openFixture, positionOf, restoreFixtures, snapshotFixtures, workspaceUri } from './helpers';

// In a folder of their own: the workspace root is also the code project whose one .bib Cite in Project finds.
const FILES = ['generations/generations.tex', 'generations/generations.md', 'generations/generations.bib'];

/** What a card says first: the model's name. */
function cardName(card: vscode.MarkdownString | undefined): string | undefined {
  return card?.value.match(/^\*\*(.+?)\*\*/)?.[1].replace(/\\/g, '');
}

suite('The 2024-2026 generation', () => {
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(FILES);
  });
  teardown(() => restoreFixtures(originals));
  suiteTeardown(() => vscode.workspace.getConfiguration('modelAtlas').update('bibtex.flavour', undefined, vscode.ConfigurationTarget.Workspace));

  async function hoverIn(file: string, needle: string, delta: number): Promise<vscode.MarkdownString | undefined> {
    const editor = await openFixture(file);
    return atlasHoverAt(editor.document, positionOf(editor.document, needle, delta));
  }

  for (const file of ['generations/generations.tex', 'generations/generations.md']) {
    test(`hovers over Qwen2.5-VL, InternVL3 and LLaVA-OneVision in ${file} show their cards`, async () => {
      const expected: Array<[string, number, string, string]> = [
        ['Qwen2.5-VL', 5, 'Qwen2.5-VL', 'Qwen2.5-VL Technical Report'],
        ['InternVL3', 7, 'InternVL3', 'InternVL3: Exploring Advanced Training and Test-Time Recipes'],
        ['LLaVA-OneVision', 9, 'LLaVA-OneVision', 'LLaVA-OneVision: Easy Visual Task Transfer'],
      ];
      for (const [needle, delta, name, title] of expected) {
        const card = await hoverIn(file, needle, delta);
        assert.strictEqual(cardName(card), name, `${file}: ${needle}`);
        assert.ok(card!.value.replace(/\\(.)/g, '$1').includes(` — ${title}`), card!.value.slice(0, 200));
        assert.match(card!.value, /\[Open Paper\]\(https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}\)/);
      }
      // The citation key the authors chose, dots and all, gives the card too.
      const keyed = await hoverIn(file, file.endsWith('.tex') ? '{Qwen2.5-VL}' : '@Qwen2.5-VL', 4);
      assert.strictEqual(cardName(keyed), 'Qwen2.5-VL');
    });

    test(`hovers over LLaVA-NeXT and Claude 3 in ${file} say what they were published as and link it`, async () => {
      const next = await hoverIn(file, 'LLaVA-NeXT', 6);
      assert.strictEqual(cardName(next), 'LLaVA-NeXT');
      assert.match(next!.value, /· (Blog post|博客文章)\n/);
      assert.match(next!.value, /\[(Blog post|博客文章)\]\(https:\/\/llava-vl\.github\.io\/blog\/2024-01-30-llava-next\/\)/);
      assert.doesNotMatch(next!.value, /arxiv\.org/);
      const claude = await hoverIn(file, 'Claude 3', 3);
      assert.strictEqual(cardName(claude), 'Claude 3');
      assert.match(claude!.value, /\[(Model card|模型卡)\]\(https:\/\/www-cdn\.anthropic\.com\/[^)]+Model_Card_Claude_3\.pdf\)/);
    });
  }

  /** Types `text` right after `needle` in `file` and asks for completions where its `|` is (else at its end). */
  async function completeAfter(file: string, needle: string, text: string, trigger?: string) {
    const editor = await openFixture(file);
    const at = positionOf(editor.document, needle, needle.length);
    const cursor = text.includes('|') ? text.indexOf('|') : text.length;
    assert.ok(await editor.edit((b) => b.insert(at, text.replace('|', ''))));
    const items = await completionsAt(editor.document, at.translate(0, cursor), trigger);
    return { editor, items, labels: items.map(labelOf) };
  }

  /** Applies a completion item as VS Code does: its text, then its command. */
  async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
    await editor.edit((b) => b.replace(item.range as vscode.Range, item.insertText as string));
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
  }

  async function bibAppended(): Promise<string> {
    const bib = (await vscode.workspace.openTextDocument(workspaceUri('generations/generations.bib'))).getText();
    assert.ok(bib.startsWith(originals.get('generations/generations.bib')!), 'an existing byte of generations.bib changed');
    return bib.slice(originals.get('generations/generations.bib')!.length);
  }

  test('in generations.tex, \\cite{ completes InternVL3 and LLaVA-OneVision, and accepting one appends its entry', async () => {
    const { editor, items, labels } = await completeAfter('generations/generations.tex', 'InternVL3', '~\\cite{zhu2025|}', '{');
    assert.ok(labels.includes('zhu2025internvl3'), labels.slice(0, 10).join(', '));
    await accept(editor, items.find((i) => labelOf(i) === 'zhu2025internvl3')!);
    assert.ok(editor.document.getText().includes('InternVL3~\\cite{zhu2025internvl3} trains'), editor.document.getText());
    assert.match(await bibAppended(), /@\w+\{zhu2025internvl3,/);

    const onevision = await completeAfter('generations/generations.tex', 'LLaVA-OneVision', '~\\cite{|}', '{');
    assert.ok(onevision.labels.includes('li2024llavaonevision'), onevision.labels.slice(0, 10).join(', '));
    assert.ok(onevision.labels.includes('Qwen2.5-VL'), 'the key the document already cites');
  });

  test('in generations.tex, a model name completes with its citation: LLaVA-NeXT, a blog post, gets its entry', async () => {
    const { editor, items, labels } = await completeAfter('generations/generations.tex', 'raised the\ninput resolution of its predecessor', ' LLaVA-Ne');
    // Set off by a space, as generations.tex sets off its citation ("videos \cite{Qwen2.5-VL}").
    assert.ok(labels.includes('LLaVA-NeXT \\cite{liu2024llavanext}'), labels.slice(0, 10).join(', '));
    await accept(editor, items.find((i) => labelOf(i) === 'LLaVA-NeXT \\cite{liu2024llavanext}')!);
    assert.ok(editor.document.getText().includes('predecessor LLaVA-NeXT \\cite{liu2024llavanext};'), editor.document.getText());
    const added = await bibAppended();
    assert.match(added, /@misc\{liu2024llavanext,/);
    assert.match(added, /https:\/\/llava-vl\.github\.io\/blog\/2024-01-30-llava-next\//);
  });

  test('in generations.md, [@ and names complete Qwen2.5-VL, InternVL3 and LLaVA-OneVision', async () => {
    const cite = await completeAfter('generations/generations.md', 'and InternVL3', ' [@|]', '@');
    assert.ok(cite.labels.includes('zhu2025internvl3') && cite.labels.includes('Qwen2.5-VL'), cite.labels.slice(0, 10).join(', '));

    const names = await completeAfter('generations/generations.md', 'line\'s answer to both.', ' See also LLaVA-One|.');
    assert.ok(names.labels.includes('LLaVA-OneVision'), names.labels.slice(0, 10).join(', '));
    assert.ok(names.labels.includes('LLaVA-OneVision [@li2024llavaonevision]'), names.labels.slice(0, 10).join(', '));

    // A version's dot is part of the name being typed: the item replaces all of "Qwen2.5", not its "5".
    const qwen = await completeAfter('generations/generations.md', 'LLaVA-OneVision is the LLaVA', ' (like Qwen2.5');
    assert.ok(qwen.labels.includes('Qwen2.5-VL'), qwen.labels.slice(0, 10).join(', '));
    await accept(qwen.editor, qwen.items.find((i) => labelOf(i) === 'Qwen2.5-VL')!);
    assert.ok(qwen.editor.document.getText().includes('is the LLaVA (like Qwen2.5-VL\n'), qwen.editor.document.getText());
  });

  test('with the arxiv flavour, citing Claude 3 (a model card, no arXiv id) appends a composed @misc with its address', async () => {
    await vscode.workspace.getConfiguration('modelAtlas').update('bibtex.flavour', 'arxiv', vscode.ConfigurationTarget.Workspace);
    const { editor, items, labels } = await completeAfter('generations/generations.md', 'and Claude 3', ' [@anthropic|]', '@');
    assert.ok(labels.includes('anthropic2024claude3'), labels.slice(0, 10).join(', '));
    await accept(editor, items.find((i) => labelOf(i) === 'anthropic2024claude3')!);
    const added = await bibAppended();
    assert.match(added, /@misc\{anthropic2024claude3,/);
    assert.match(added, /howpublished = \{\\url\{https:\/\/www-cdn\.anthropic\.com\/[^}]+\}\}/);
    assert.match(added, /note {9}= \{Model card\}/);
    assert.doesNotMatch(added, /eprint/);
  });
});
