// The Model Atlas sidebar inside a real VS Code: the Models tree in each grouping, its filter, the
// commands its items offer, the details page, and the In This Document view following an edited document.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import type { InDocumentNode, MentionedModelNode } from '../../src/features/models/inDocumentTree';
import type { GroupNode, ModelNode, ModelsNode } from '../../src/features/models/modelsTree';
import { activateExtension, openFixture, scratch, waitFor } from './helpers';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function detailsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('modelAtlas.details'));
}

suite('Sidebar: Models tree', () => {
  let api: ModelAtlasApi;
  const groups = () => api.sidebar.models.getChildren() as GroupNode[];
  const modelsIn = (group: ModelsNode) => (api.sidebar.models.getChildren(group) as ModelNode[]).map((n) => n.modelId);

  suiteSetup(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('modelAtlas.models.focus');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('modelAtlas.models.clearFilter');
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('groups by year, oldest first, with every model once', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    assert.strictEqual(api.sidebar.models.groupBy, 'year');
    const years = groups().map((g) => Number(g.key));
    assert.deepStrictEqual(years, [...years].sort((a, b) => a - b));
    const listed = groups().flatMap(modelsIn);
    assert.deepStrictEqual([...listed].sort(), api.service.atlas.models.map((m) => m.id).sort());
    for (const group of groups()) {
      const dates = modelsIn(group).map((id) => api.service.atlas.get(id).paper.date);
      assert.deepStrictEqual(dates, [...dates].sort(), `group ${group.key} is oldest first`);
      assert.ok(dates.every((d) => d.startsWith(group.key)));
    }
  });

  test('groups by family, organization and architecture type from the title-bar commands', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByFamily');
    assert.strictEqual(api.sidebar.models.groupBy, 'family');
    const blipLine = groups().find((g) => g.key === 'blip');
    assert.ok(blipLine, 'a blip family group');
    assert.match(label(api.sidebar.models.getTreeItem(blipLine)), /^BLIP (line|系列)$/);
    const line = modelsIn(blipLine);
    assert.ok(line.indexOf('blip') >= 0 && line.indexOf('blip') < line.indexOf('blip-2'), `oldest first: ${line.join()}`);

    await vscode.commands.executeCommand('modelAtlas.models.groupByOrganization');
    const salesforce = groups().filter((g) => g.key.startsWith('Salesforce'));
    assert.ok(salesforce.some((g) => modelsIn(g).includes('blip-2')), salesforce.map((g) => g.key).join());

    await vscode.commands.executeCommand('modelAtlas.models.groupByArchitecture');
    const types = groups().map((g) => g.key);
    assert.ok(types.includes('frozen-llm-adapter'), types.join());
    assert.ok(groups().every((g) => modelsIn(g).every((id) => api.service.atlas.get(id).architecture.type === g.key)));
  });

  test('model items show year, organization and venue, a tooltip and an icon, and open the details', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    const node = api.sidebar.models.nodeFor('blip-2');
    assert.ok(node);
    const item = api.sidebar.models.getTreeItem(node);
    assert.strictEqual(label(item), 'BLIP-2');
    assert.strictEqual(item.description, '2023 · Salesforce Research · ICML 2023');
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.match(item.tooltip.value, /Junnan Li et al\\\./);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'combine');
    assert.deepStrictEqual(item.command?.command, 'modelAtlas.showDetails');
    assert.match(item.contextValue ?? '', /\bmodel\b.*\bhasPaper\b.*\bhasCode\b/);
    const vision = api.service.atlas.models.find((m) => m.kind === 'vision');
    if (vision) {
      const visionNode = api.sidebar.models.nodeFor(vision.id);
      assert.ok(visionNode);
      assert.strictEqual((api.sidebar.models.getTreeItem(visionNode).iconPath as vscode.ThemeIcon).id, 'eye');
    }
  });

  test('the filter narrows by name, title, author, organization or tag, and can be cleared', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.filter', 'salesforce');
    const visible = api.sidebar.models.visibleModels().map((m) => m.id);
    assert.ok(visible.includes('blip-2') && !visible.includes('flamingo'), visible.join());
    assert.deepStrictEqual(groups().flatMap(modelsIn).sort(), [...new Set(visible)].sort());

    await vscode.commands.executeCommand('modelAtlas.models.filter', 'Junnan Li');
    assert.ok(api.sidebar.models.visibleModels().every((m) => m.paper.authors.includes('Junnan Li')));

    await vscode.commands.executeCommand('modelAtlas.models.filter', 'no-such-model-anywhere');
    assert.deepStrictEqual(groups(), []);
    assert.strictEqual(api.sidebar.models.filter, 'no-such-model-anywhere');

    await vscode.commands.executeCommand('modelAtlas.models.clearFilter');
    assert.strictEqual(api.sidebar.models.filter, '');
    assert.strictEqual(groups().flatMap(modelsIn).length >= api.service.atlas.size, true);
  });

  test('Reveal in Models View clears a filter that hides the model', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.filter', 'flamingo');
    await vscode.commands.executeCommand('modelAtlas.revealInTree', 'blip-2');
    assert.strictEqual(api.sidebar.models.filter, '');
  });

  test('Copy BibTeX and Copy Citation Key work on a tree item', async () => {
    const node = api.sidebar.models.nodeFor('blip-2');
    assert.ok(node);
    const key = api.service.atlas.get('blip-2').bibtex.key;
    await vscode.commands.executeCommand('modelAtlas.copyCitationKey', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), key);
    await vscode.commands.executeCommand('modelAtlas.copyBibtex', node);
    const bibtex = await vscode.env.clipboard.readText();
    assert.match(bibtex, new RegExp(`^@\\w+\\{${key},`));
  });

  test('Insert Citation on a tree item cites the model in the active editor', async () => {
    const editor = await scratch('markdown', 'BLIP-2 ');
    editor.selection = new vscode.Selection(0, 6, 0, 6);
    const node = api.sidebar.models.nodeFor('blip-2');
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', node), true);
    assert.ok(editor.document.getText().includes(`[@${api.service.atlas.get('blip-2').bibtex.key}]`), editor.document.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Show Details opens one details page titled with the model, and reuses it for the next model', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('modelAtlas.showDetails', api.sidebar.models.nodeFor('blip-2'));
    const tab = await waitFor('the details tab', () => detailsTabs()[0]);
    assert.strictEqual(tab.label, 'BLIP-2');
    assert.strictEqual(api.sidebar.detailsModelId(), 'blip-2');
    await vscode.commands.executeCommand('modelAtlas.showDetails', 'flamingo');
    await waitFor('the retitled tab', () => detailsTabs()[0]?.label === 'Flamingo');
    assert.strictEqual(detailsTabs().length, 1, 'the panel is reused');
    assert.strictEqual(api.sidebar.detailsModelId(), 'flamingo');
  });

  test('Show on Timeline from a tree item opens the timeline', async () => {
    await vscode.commands.executeCommand('modelAtlas.showOnTimeline', api.sidebar.models.nodeFor('blip-2'));
    await waitFor('the timeline tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('modelAtlas.timeline')),
    );
  });

  test('Open Code says so when the entry has no code link', async () => {
    const withoutCode = api.service.atlas.models.find((m) => !m.links?.code);
    if (withoutCode) {
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.openCode', withoutCode.id), false);
    }
  });
});

suite('Sidebar: In This Document', () => {
  let api: ModelAtlasApi;
  const listed = () => api.sidebar.inDocument.getChildren() as MentionedModelNode[];
  const summary = () => listed().map((m) => `${m.modelId}×${m.occurrences.length}`);

  suiteSetup(async () => {
    api = await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('lists the models paper.tex mentions in prose, not in comments or verbatim', async () => {
    const editor = await openFixture('paper.tex');
    await vscode.commands.executeCommand('modelAtlas.inDocument.focus');
    await waitFor('the view to follow paper.tex', () => api.sidebar.inDocument.document === editor.document);
    const ids = listed().map((m) => m.modelId);
    for (const id of ['blip-2', 'blip', 'beit-v2', 'vl-beit', 'kosmos-2']) {
      assert.ok(ids.includes(id), `${id} missing from ${summary().join(', ')}`);
    }
    assert.ok(!ids.includes('flamingo'), 'Flamingo only appears in verbatim');
    assert.ok(!ids.includes('albef'), 'ALBEF only appears in a comment');
    const blip2 = listed().find((m) => m.modelId === 'blip-2');
    assert.ok(blip2);
    const first = blip2.occurrences[0];
    assert.strictEqual(editor.document.getText(new vscode.Range(first.occurrence.line, first.occurrence.character, first.occurrence.line, first.occurrence.character + 6)), 'BLIP-2');
    const item = api.sidebar.inDocument.getTreeItem(blip2);
    assert.match(String(item.description), /\d/);
  });

  test('follows the active editor and its edits, and jumps to an occurrence', async () => {
    const editor = await scratch('latex', 'Flamingo and BLIP-2.\n');
    await waitFor('the view to follow the new editor', () => api.sidebar.inDocument.document === editor.document);
    assert.deepStrictEqual(summary(), ['flamingo×1', 'blip-2×1']);

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Later, Flamingo again.\n% Flamingo in a comment\n')));
    await waitFor('the edit to be counted', () => summary().join() === 'flamingo×2,blip-2×1');

    const second = (api.sidebar.inDocument.getChildren(listed()[0]) as InDocumentNode[])[1];
    assert.ok(second.kind === 'occurrence');
    assert.strictEqual(second.occurrence.line, 1);
    const item = api.sidebar.inDocument.getTreeItem(second);
    assert.strictEqual(item.command?.command, 'modelAtlas.inDocument.goTo');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.strictEqual(active?.document, editor.document);
    assert.strictEqual(active.document.getText(active.selection), 'Flamingo');
    assert.strictEqual(active.selection.start.line, 1);

    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), 'Nothing to see here.\n')));
    await waitFor('the view to empty', () => listed().length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
