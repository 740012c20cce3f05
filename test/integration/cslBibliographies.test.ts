// Pandoc Markdown whose bibliography is CSL-JSON or CSL-YAML, or its front matter's references: hovers and
// completions from them, and Insert Citation appending a CSL item with nothing else in the file rewritten.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, completionsAt, editorAt, labelOf, openFixture, positionOf, restoreFixtures, snapshotFixtures, workspaceUri } from './helpers';

const FILES = ['pandoc/csl-json.md', 'pandoc/refs.json', 'pandoc/csl-yaml.md', 'pandoc/refs.yaml', 'pandoc/inline.md'];

suite('CSL bibliographies', () => {
  let api: ModelAtlasApi;
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await activateExtension();
    originals = await snapshotFixtures(FILES);
  });
  teardown(() => restoreFixtures(originals));

  const fileText = async (file: string) => (await vscode.workspace.openTextDocument(workspaceUri(file))).getText();

  for (const [document, bibliography] of [
    ['pandoc/csl-json.md', 'pandoc/refs.json'],
    ['pandoc/csl-yaml.md', 'pandoc/refs.yaml'],
  ]) {
    test(`${bibliography}: hover and completion by the key it holds`, async () => {
      const editor = await openFixture(document);
      const card = await atlasHoverAt(editor.document, positionOf(editor.document, '@blip2paper', 4));
      assert.match(card?.value ?? '', /^\*\*BLIP\\-2\*\*/);
      const items = await completionsAt(editor.document, positionOf(editor.document, '@blip2paper', 1), '@');
      const blip2 = items.find((i) => labelOf(i) === 'blip2paper');
      assert.ok(blip2, items.map(labelOf).slice(0, 20).join(', '));
      assert.strictEqual((blip2.label as vscode.CompletionItemLabel).description, 'BLIP-2');
    });

    test(`${bibliography}: Insert Citation appends a CSL item, every existing byte kept`, async () => {
      const editor = await editorAt(document, 'LLaVA tunes', 5);
      const llava = (await api.service.atlas()).get('llava');
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true);
      // Set off by a space, as the document's own citation is ("frozen [@blip2paper]").
      assert.ok(editor.document.getText().includes(`LLaVA [@${llava.bibtex.key}] tunes`), editor.document.getText());
      const before = originals.get(bibliography)!;
      const after = await fileText(bibliography);
      const end = bibliography.endsWith('.json') ? before.lastIndexOf('\n    }') + 6 : before.lastIndexOf('\n...');
      assert.strictEqual(after.slice(0, end), before.slice(0, end), 'the bytes before the new item changed');
      assert.ok(after.endsWith(before.slice(end)), 'the bytes after the new item changed');
      const added = after.slice(end, after.length - (before.length - end));
      if (bibliography.endsWith('.json')) {
        assert.ok(added.startsWith(`,\n    {\n        "id": "${llava.bibtex.key}",\n        "type": "paper-conference",\n`), added);
        assert.ok(added.includes('"DOI": "10.48550/arXiv.2304.08485"'), added);
        const items = JSON.parse(after) as Array<{ id: string; 'container-title'?: string }>;
        assert.deepStrictEqual(items.map((i) => i.id), ['blip2paper', llava.bibtex.key]);
        assert.strictEqual(items[1]['container-title'], 'NeurIPS');
      } else {
        assert.ok(added.startsWith(`\n- id: ${llava.bibtex.key}\n  type: paper-conference\n  title: Visual Instruction Tuning\n  author:\n  - family: Liu\n`), added);
        assert.match(added, /\n {2}DOI: 10\.48550\/arXiv\.2304\.08485/);
      }
      // Cited again: nothing more is appended.
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true);
      assert.strictEqual(await fileText(bibliography), after);
    });
  }

  test('references in the front matter: hover and completion, and the append goes into the list', async () => {
    const editor = await openFixture('pandoc/inline.md');
    assert.match((await atlasHoverAt(editor.document, positionOf(editor.document, '@vit2023', 3)))?.value ?? '', /^\*\*LLaVA\*\*/);
    const items = await completionsAt(editor.document, positionOf(editor.document, '@vit2023', 1), '@');
    assert.ok(items.some((i) => labelOf(i) === 'vit2023'), items.map(labelOf).slice(0, 10).join(', '));
    const cursor = await editorAt('pandoc/inline.md', 'tunes on', 5);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'blip-2'), true);
    const text = cursor.document.getText();
    const key = (await api.service.atlas()).get('blip-2').bibtex.key;
    assert.ok(text.includes(`    - - 2023\n- id: ${key}\n  type: paper-conference\n`), text);
    // In the body, where the cursor was before the front matter grew, set off as "LLaVA [@vit2023]" is.
    assert.ok(text.includes(`tunes [@${key}] on`), text);
    const before = originals.get('pandoc/inline.md')!;
    assert.ok(text.startsWith(before.slice(0, before.indexOf('\n---\n\nLLaVA'))), 'the front matter before the new item changed');
  });
});
