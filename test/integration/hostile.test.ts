// Hostile dataset text in the real editor (tree, hovers, completion documentation): text stays text, and no
// Markdown we produce can run markup or a foreign command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { hostile, markdownProblems, oneLine, unescapeMarkdown } from '../support/hostile';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, labelOf, positionOf, scratch, waitFor, workspaceUri } from './helpers';

/** Only this extension's own commands may run from a card: a foreign command link would be dead anyway. */
function assertOnlyOwnCommands(markdown: vscode.MarkdownString): void {
  const trusted = markdown.isTrusted;
  if (typeof trusted === 'object') {
    assert.ok(trusted.enabledCommands.every((c) => c.startsWith('modelAtlas.')), trusted.enabledCommands.join());
  } else {
    assert.notStrictEqual(trusted, true, 'a card must never trust every command');
  }
  assert.notStrictEqual(markdown.supportHtml, true);
}

suite('Hostile dataset text', () => {
  let api: ModelAtlasApi;
  const file = () => workspaceUri(hostile.FILE);

  suiteSetup(async () => {
    api = await activateExtension();
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(hostile.atlasYaml()));
    await waitFor('the hostile model in the atlas', async () => (await api.service.atlas()).byIdOrUndefined(hostile.ID));
  });

  suiteTeardown(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(file(), { useTrash: false }).then(undefined, () => undefined);
    await waitFor('the hostile model to leave', async () => !(await api.service.atlas()).byIdOrUndefined(hostile.ID));
  });

  test('loads as a user dataset with no problem reported', async () => {
    assert.deepStrictEqual(vscode.languages.getDiagnostics(file()).map((d) => d.message), []);
    assert.strictEqual((await api.service.atlas()).get(hostile.ID).name, hostile.entry().name);
  });

  test('the Models tree shows its name and organizations as plain text, its tooltip as escaped Markdown', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    const node = await api.sidebar.models.nodeFor(hostile.ID);
    assert.ok(node, 'no tree node for the hostile model');
    const item = await api.sidebar.models.getTreeItem(node);
    const model = (await api.service.atlas()).get(hostile.ID);
    // Tree labels and descriptions are never rendered as markup: they must carry the text unchanged.
    assert.strictEqual(typeof item.label === 'string' ? item.label : item.label?.label, model.name);
    assert.ok(typeof item.description === 'string' && item.description.includes(model.organizations[0]), String(item.description));
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.deepStrictEqual(markdownProblems(item.tooltip.value), []);
    assert.strictEqual(item.tooltip.isTrusted, false);
    assert.notStrictEqual(item.tooltip.supportHtml, true);
    assert.ok(unescapeMarkdown(item.tooltip.value).includes(oneLine(model.paper.title)), item.tooltip.value.slice(0, 200));
  });

  test('hovers over its alias in prose and its key in \\cite are inert', async () => {
    const markdownEditor = await scratch('markdown', `We compare ${hostile.ALIAS} with BLIP-2.`);
    const prose = await atlasHoverAt(markdownEditor.document, positionOf(markdownEditor.document, hostile.ALIAS, 3));
    const latexEditor = await scratch('latex', `As shown by \\cite{${hostile.KEY}}, and by BLIP-2.`);
    const cited = await atlasHoverAt(latexEditor.document, positionOf(latexEditor.document, hostile.KEY, 3));
    const parent = await atlasHoverAt(latexEditor.document, positionOf(latexEditor.document, 'BLIP-2', 2));
    for (const [where, hover] of [['prose', prose], ['\\cite', cited], ['BLIP-2, built on by it', parent]] as const) {
      assert.ok(hover, `no hover in ${where}`);
      assert.deepStrictEqual(markdownProblems(hover.value), [], where);
      assertOnlyOwnCommands(hover);
    }
    assert.ok(unescapeMarkdown(prose!.value).includes(oneLine((await api.service.atlas()).get(hostile.ID).summary.en)), 'the summary shows as text');
    assert.ok(unescapeMarkdown(parent!.value).includes((await api.service.atlas()).get(hostile.ID).name), 'BLIP-2 names it as text');
  });

  test('completion items carry its text as plain labels and inert documentation', async () => {
    const editor = await scratch('latex', '\\cite{hostile');
    const items = await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length), undefined, 1000);
    const item = items.find((i) => labelOf(i) === hostile.KEY);
    assert.ok(item, items.map(labelOf).join(', '));
    const model = (await api.service.atlas()).get(hostile.ID);
    assert.strictEqual(item.detail, model.paper.title, 'detail is plain text, shown as is');
    assert.ok(item.documentation instanceof vscode.MarkdownString);
    assert.deepStrictEqual(markdownProblems(item.documentation.value), []);
    assert.ok(!/\]\(/.test(item.documentation.value.replace(/\\./g, '')), 'completion documentation has no link at all');
    assertOnlyOwnCommands(item.documentation);

    const prose = await scratch('markdown', 'We use Hostile');
    const names = await completionsAt(prose.document, prose.document.positionAt(prose.document.getText().length), undefined, 1000);
    const byName = names.find((i) => labelOf(i) === model.name);
    assert.ok(byName, names.map(labelOf).join(', '));
    assert.ok(byName.documentation instanceof vscode.MarkdownString);
    assert.deepStrictEqual(markdownProblems(byName.documentation.value), []);
  });

  test('Show Details opens its page, titled with its name as text', async () => {
    await vscode.commands.executeCommand('modelAtlas.showDetails', hostile.ID);
    await waitFor('the details page', () => api.sidebar.detailsModelId() === hostile.ID);
    const tab = await waitFor('the details tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('modelAtlas.details')),
    );
    assert.strictEqual(tab.label, (await api.service.atlas()).get(hostile.ID).name);
  });
});
