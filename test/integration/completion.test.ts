// Completion in the real editor: citation keys in LaTeX and Pandoc citations, model names in prose,
// and applying an item gives the expected text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, completionsAt, labelOf, openFixture, positionOf, restoreFixtures, scratch, snapshotFixtures, workspaceUri } from './helpers';

suite('Completion', () => {
  suiteSetup(activateExtension);
  teardown(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  async function labelsAt(language: string, text: string, marker = '|', trigger?: string, resolved = 0) {
    const editor = await scratch(language, text.replace(marker, ''));
    const position = editor.document.positionAt(text.indexOf(marker));
    const items = await completionsAt(editor.document, position, trigger, resolved);
    return { editor, position, items, labels: items.map(labelOf) };
  }

  test('citation keys inside \\citep[see][]{ with the trigger character', async () => {
    const { labels, items } = await labelsAt('latex', 'as shown \\citep[see][]{|}', '|', '{', 1000);
    assert.ok(labels.includes('li2023blip2'), labels.join(', '));
    assert.ok(labels.includes('beit3'), labels.join(', '));
    const blip2 = items.find((i) => labelOf(i) === 'li2023blip2');
    assert.match((blip2?.documentation as vscode.MarkdownString).value, /^\*\*BLIP\\-2\*\*/);
  });

  test("an item's card is written when VS Code shows its details, not for every item of every keystroke", async () => {
    const { editor, position, items } = await labelsAt('latex', 'as shown \\citep{li|}', '|', undefined, 0);
    const blip2 = items.find((i) => labelOf(i) === 'li2023blip2');
    assert.ok(blip2, items.map(labelOf).join(', '));
    assert.strictEqual(blip2.documentation, undefined, 'a card before resolving');
    const resolved = await completionsAt(editor.document, position, undefined, 1000);
    const card = resolved.find((i) => labelOf(i) === 'li2023blip2')?.documentation;
    assert.ok(card instanceof vscode.MarkdownString);
    assert.match(card.value, /^\*\*BLIP\\-2\*\*/);
  });

  test('citation keys after a comma, leaving out keys already in the list', async () => {
    const { labels } = await labelsAt('latex', '\\cite{li2023blip2,|}', '|', ',');
    assert.ok(labels.length > 5, labels.join(', '));
    assert.ok(!labels.includes('li2023blip2'), 'offers a key already cited in this list');
  });

  test('citation keys after [@ in Markdown, but not after an e-mail address', async () => {
    const { labels } = await labelsAt('markdown', 'see [@|]', '|', '@');
    assert.ok(labels.includes('li2023blip2'), labels.join(', '));
    const mail = await labelsAt('markdown', 'mail me@|', '|', '@');
    assert.deepStrictEqual(mail.labels, []);
  });

  test('nothing inside a LaTeX comment or a fenced code block', async () => {
    assert.deepStrictEqual((await labelsAt('latex', '% \\cite{|}', '|', '{')).labels, []);
    assert.deepStrictEqual((await labelsAt('markdown', '```\n[@|]\n```', '|', '@')).labels, []);
  });

  test('applying a citation key completion inserts the key', async () => {
    const { editor, position, items } = await labelsAt('latex', '\\cite{li2023bl|}', '|');
    const item = items.find((i) => labelOf(i) === 'li2023blip2');
    assert.ok(item, 'no li2023blip2 item');
    const range = item.range as vscode.Range;
    assert.ok(range.contains(position));
    await editor.edit((b) => b.replace(range, item.insertText as string));
    assert.strictEqual(editor.document.getText(), '\\cite{li2023blip2}');
  });

  test('model names in prose, alone and with their citation', async () => {
    const latex = await labelsAt('latex', 'We build on BLI|', '|');
    assert.ok(latex.labels.includes('BLIP-2'), latex.labels.join(', '));
    assert.ok(latex.labels.includes('BLIP-2~\\cite{li2023blip2}'), latex.labels.join(', '));
    const item = latex.items.find((i) => labelOf(i) === 'BLIP-2~\\cite{li2023blip2}');
    assert.ok(item);
    await latex.editor.edit((b) => b.replace(item.range as vscode.Range, item.insertText as string));
    assert.strictEqual(latex.editor.document.getText(), 'We build on BLIP-2~\\cite{li2023blip2}');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const markdown = await labelsAt('markdown', 'We build on BLI|', '|');
    assert.ok(markdown.labels.includes('BLIP-2 [@li2023blip2]'), markdown.labels.join(', '));
  });

  test('the exact name ranks first', async () => {
    const { items } = await labelsAt('latex', 'like BLIP|', '|');
    const names = items.filter((i) => i.kind === vscode.CompletionItemKind.Value).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.strictEqual(labelOf(names[0]), 'BLIP');
  });

});

suite('Completion keeps the bibliography in step', () => {
  let originals = new Map<string, string>();
  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(['paper.tex', 'refs.bib']);
  });
  teardown(() => restoreFixtures(originals));

  async function citeCompletion(key: string) {
    const editor = await openFixture('paper.tex');
    const at = positionOf(editor.document, 'Grounding arrived', 0);
    assert.ok(await editor.edit((b) => b.insert(at, '\\cite{} ')));
    const inside = at.translate(0, '\\cite{'.length);
    const items = await completionsAt(editor.document, inside, '{');
    const item = items.find((i) => labelOf(i) === key);
    assert.ok(item, `no ${key} in ${items.map(labelOf).join(', ')}`);
    await editor.edit((b) => b.replace(item.range as vscode.Range, item.insertText as string));
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    return editor;
  }

  test('offers the key refs.bib already uses for BLIP-2, and adds nothing', async () => {
    const editor = await citeCompletion('blip2paper');
    assert.ok(editor.document.getText().includes('\\cite{blip2paper} Grounding'));
    assert.strictEqual((await vscode.workspace.openTextDocument(workspaceUri('refs.bib'))).getText(), originals.get('refs.bib'));
  });

  test('accepting an atlas key that refs.bib lacks appends its entry', async () => {
    await citeCompletion('beit3');
    const bib = (await vscode.workspace.openTextDocument(workspaceUri('refs.bib'))).getText();
    assert.ok(bib.startsWith(originals.get('refs.bib')!), 'an existing byte of refs.bib changed');
    assert.match(bib.slice(originals.get('refs.bib')!.length), /@\w+\{beit3,/);
  });
});
