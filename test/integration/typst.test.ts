// Typst in the real editor (no Typst extension installed: .typ files are served by their name): hovers in
// markup and not in code, raw text or comments; completion and hovers for @key and #cite(<key>) from the
// #bibliography's refs.bib (or a Hayagriva refs.yml); Insert Citation writing @key and appending byte for byte.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, completionsAt, editorAt, labelOf, openFixture, positionOf, restoreFixtures, snapshotFixtures, workspaceUri } from './helpers';

const FILES = ['typst/paper.typ', 'typst/refs.bib', 'typst/hayagriva/paper.typ', 'typst/hayagriva/refs.yml'];

suite('Typst', () => {
  let api: ModelAtlasApi;
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await activateExtension();
    originals = await snapshotFixtures(FILES);
  });
  teardown(() => restoreFixtures(originals));

  async function card(file: string, needle: string, delta: number): Promise<string | undefined> {
    const editor = await openFixture(file);
    return (await atlasHoverAt(editor.document, positionOf(editor.document, needle, delta)))?.value;
  }

  test('a .typ file is served by its name when no extension registers typst', async () => {
    const editor = await openFixture('typst/paper.typ');
    assert.notStrictEqual(editor.document.languageId, 'typst', 'this test VS Code has no Typst extension');
    assert.ok(await vscode.commands.getCommands(true).then((c) => c.includes('modelAtlas.insertCitation')));
  });

  test('hovers on names in markup and content blocks, not in raw text, strings or comments', async () => {
    assert.match((await card('typst/paper.typ', 'BLIP-2 connects', 2)) ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.match((await card('typst/paper.typ', 'Flamingo interleaves', 2)) ?? '', /^\*\*Flamingo\*\*/);
    assert.match((await card('typst/paper.typ', 'Kosmos-2 in a content', 2)) ?? '', /^\*\*Kosmos\\-2\*\*/);
    assert.strictEqual(await card('typst/paper.typ', 'LLaVA in raw', 2), undefined);
    assert.strictEqual(await card('typst/paper.typ', 'CLIP in a string', 2), undefined);
    assert.strictEqual(await card('typst/paper.typ', 'Model Atlas integration', 2), undefined);
  });

  test('hovers on @key and #cite(<key>) through refs.bib', async () => {
    assert.match((await card('typst/paper.typ', '@blip2paper', 4)) ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.match((await card('typst/paper.typ', '<li2022blip>', 4)) ?? '', /^\*\*BLIP\*\* — BLIP\\:/);
  });

  test('completes keys after @ and inside #cite(<, by the key refs.bib holds', async () => {
    const editor = await editorAt('typst/paper.typ', 'Flamingo interleaves', 0);
    const start = editor.selection.active;
    assert.ok(await editor.edit((b) => b.insert(start, '@bli #cite(<bli) ')));
    const atRef = await completionsAt(editor.document, start.translate(0, 4), '@');
    const blip2 = atRef.find((i) => labelOf(i) === 'blip2paper');
    assert.ok(blip2, atRef.map(labelOf).slice(0, 20).join(', '));
    assert.strictEqual((blip2.label as vscode.CompletionItemLabel).description, 'BLIP-2');
    const atlasKey = (await api.service.atlas()).get('blip-2').bibtex.key;
    assert.ok(!atRef.some((i) => labelOf(i) === atlasKey), 'BLIP-2 offered by its atlas key too');
    const inCite = await completionsAt(editor.document, start.translate(0, 15), '<');
    assert.ok(inCite.some((i) => labelOf(i) === 'blip2paper'), inCite.map(labelOf).slice(0, 20).join(', '));
    const inRaw = await completionsAt(editor.document, positionOf(editor.document, 'LLaVA in raw', 0), '@');
    assert.deepStrictEqual(inRaw.map(labelOf), []);
  });

  test('Insert Citation writes @key and appends the missing entry to refs.bib, byte for byte', async () => {
    const editor = await editorAt('typst/paper.typ', 'Flamingo interleaves', 8);
    const flamingo = (await api.service.atlas()).get('flamingo');
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', ['flamingo', 'blip-2']), true);
    assert.ok(editor.document.getText().includes(`Flamingo @${flamingo.bibtex.key} @blip2paper interleaves`) || editor.document.getText().includes(`Flamingo@${flamingo.bibtex.key} @blip2paper interleaves`), editor.document.getText());
    const bib = (await vscode.workspace.openTextDocument(workspaceUri('typst/refs.bib'))).getText();
    const before = originals.get('typst/refs.bib')!;
    assert.ok(bib.startsWith(before), 'an existing byte of refs.bib changed');
    assert.strictEqual(bib.slice(before.length).match(/^@\w+\{/gm)?.length, 1, bib.slice(before.length));
    assert.ok(bib.includes(`{${flamingo.bibtex.key},`));
  });

  test('a Hayagriva refs.yml: hovers, and Insert Citation appends a Hayagriva entry', async () => {
    assert.match((await card('typst/hayagriva/paper.typ', '@blip2', 3)) ?? '', /^\*\*BLIP\\-2\*\*/);
    const editor = await editorAt('typst/hayagriva/paper.typ', 'LLaVA follows', 5);
    const llava = (await api.service.atlas()).get('llava');
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true);
    assert.ok(editor.document.getText().includes(`LLaVA @${llava.bibtex.key} follows`) || editor.document.getText().includes(`LLaVA@${llava.bibtex.key} follows`), editor.document.getText());
    const yml = (await vscode.workspace.openTextDocument(workspaceUri('typst/hayagriva/refs.yml'))).getText();
    const before = originals.get('typst/hayagriva/refs.yml')!;
    assert.ok(yml.startsWith(before), 'an existing byte of refs.yml changed');
    assert.ok(yml.slice(before.length).startsWith(`\n${llava.bibtex.key}:\n  type: article\n  title: Visual Instruction Tuning\n`), yml.slice(before.length));
    assert.match(yml, /parent:\n {4}type: proceedings\n {4}title: NeurIPS\n/);
  });

  test('the writing aids insert a #figure(table(...)) and = headings', async () => {
    const editor = await editorAt('typst/paper.typ', '= Related work', 14);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertComparisonTable', { models: ['blip-2', 'flamingo'], columns: ['date', 'venue'] }), true);
    const text = editor.document.getText();
    assert.match(text, /#figure\(\n {2}table\(\n {4}columns: 3,\n {4}align: left,\n {4}table\.header\(\[\*Model\*\], \[\*Date\*\], \[\*Venue\*\]\),\n {4}\[Flamingo @\w+\], \[2022-04\], \[NeurIPS 2022\],\n {4}\[BLIP-2 @blip2paper\], \[2023-01\], \[ICML 2023\],\n {2}\),\n {2}caption: \[Comparison of the models\.\],\n\) <tab:model-comparison>/);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertRelatedWorkOutline', { models: ['blip-2', 'blip'], groupBy: 'family' }), true);
    assert.match(editor.document.getText(), /\n== BLIP family\n\n- BLIP @li2022blip \(2022\) — .+\n- BLIP-2 @blip2paper \(2023\) — /);
  });
});
