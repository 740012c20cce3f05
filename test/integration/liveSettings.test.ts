// Settings that take effect without a reload: modelAtlas.languages re-registers the hover, completion and
// code-action providers; and one paper link for an entry with an arXiv id but no links.arxiv everywhere.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, openFixture, positionOf, scratch, waitFor } from './helpers';

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

suite('Settings without a reload', () => {
  let api: ModelAtlasApi;
  const config = () => vscode.workspace.getConfiguration('modelAtlas');

  suiteSetup(async () => {
    api = await activateExtension();
  });
  teardown(async () => {
    await config().update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  test('taking Markdown out of modelAtlas.languages removes its hover, completion and quick fixes; putting it back restores them', async function () {
    this.timeout(90_000); // two re-registrations and a diagnostics pass each way: about 20 s on a loaded machine
    const notes = (await openFixture('notes.md')).document;
    const paper = (await openFixture('paper.tex')).document;
    const hoverOnNotes = async () => (await atlasHoverAt(notes, positionOf(notes, 'prose, BEiT-3', 9))) !== undefined;
    const citeItems = async () => (await completionsAt(notes, positionOf(notes, '@li2023blip2', 1), '@')).some((i) => i.detail?.includes('Bootstrapping'));
    const hint = await waitFor('the hint on paper.tex', () => vscode.languages.getDiagnostics(paper.uri).find((d) => d.source === 'Model Atlas' && paper.getText(d.range) === 'li2023blip2'));
    const fixes = async () =>
      ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', paper.uri, hint.range)) ?? []).some((a) => a.title === 'Use the existing key blip2paper');
    assert.ok(await hoverOnNotes(), 'no hover on notes.md to begin with');
    assert.ok(await citeItems(), 'no citation completion in notes.md to begin with');
    assert.ok(await fixes(), 'no quick fix on paper.tex to begin with');

    await config().update('languages', ['markdown'], vscode.ConfigurationTarget.Workspace);
    await until('paper.tex to lose its quick fixes', async () => !(await fixes()));
    await until('paper.tex to lose its diagnostics', async () => !vscode.languages.getDiagnostics(paper.uri).some((d) => d.source === 'Model Atlas'));
    assert.strictEqual(await atlasHoverAt(paper, positionOf(paper, 'BLIP-2 connects', 2)), undefined);

    await config().update('languages', ['latex'], vscode.ConfigurationTarget.Workspace);
    await until('notes.md to lose its hover', async () => !(await hoverOnNotes()));
    await until('notes.md to lose its citation completion', async () => !(await citeItems()));

    await config().update('languages', undefined, vscode.ConfigurationTarget.Workspace);
    await until('notes.md to get its hover back', hoverOnNotes);
    await until('notes.md to get its completion back', citeItems);
  });

  test('adding a language serves it at once', async () => {
    const editor = await scratch('plaintext', 'BLIP-2 and Qwen9-Omni in a plain text file.');
    // The code actions of merged features (here "Not in the atlas") follow the setting as the hover does.
    const at = positionOf(editor.document, 'Qwen9-Omni', 4);
    const addActions = async () =>
      ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at))) ?? []).filter((a) => a.title.startsWith('Not in the atlas'));
    assert.strictEqual(await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2', 2)), undefined);
    assert.deepStrictEqual(await addActions(), []);
    await config().update('languages', ['markdown', 'latex', 'plaintext'], vscode.ConfigurationTarget.Workspace);
    await until('the plain text file to get its hover', async () => (await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2', 2))) !== undefined);
    await until('the plain text file to get the Not in the atlas action', async () => (await addActions()).length === 1);
  });

  test('an entry with an arXiv id but no links.arxiv has the same paper link in the hover, the preview and the tree', async () => {
    const original = (await api.service.atlas()).models;
    const blip2 = (await api.service.atlas()).get('blip-2');
    const noLink = { ...blip2, id: 'nolinknet', name: 'NoLinkNet', aliases: [], links: { code: blip2.links?.code }, bibtex: { ...blip2.bibtex, key: 'nolink2024' } };
    api.service.setModels([...original, noLink]);
    try {
      const expected = `https://arxiv.org/abs/${blip2.paper.arxiv}`;
      const editor = await scratch('markdown', 'We compare NoLinkNet to others.');
      const card = (await atlasHoverAt(editor.document, positionOf(editor.document, 'NoLinkNet', 2)))?.value ?? '';
      assert.ok(card.includes(`[Open Paper](${expected})`), card);
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', editor.document.getText());
      assert.ok(html.includes(`href="${expected}"`), html);
      const node = await api.sidebar.models.nodeFor('nolinknet');
      assert.ok(node);
      assert.match(String((await api.sidebar.models.getTreeItem(node)).contextValue), /\bhasPaper\b/);
    } finally {
      api.service.setModels(original);
    }
  });
});
