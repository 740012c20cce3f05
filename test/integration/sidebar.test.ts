// The Model Atlas sidebar inside a real VS Code: the Models tree in each grouping, its filter, the
// commands its items offer, the details page, and the In This Document view following an edited document.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
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
  const tree = () => api.sidebar.models;
  const groups = async () => (await tree().getChildren()) as GroupNode[];
  /** Every model id under a node, through its sub-groups. */
  const modelsIn = async (node: ModelsNode): Promise<string[]> => {
    const ids: string[] = [];
    for (const child of await tree().getChildren(node)) {
      ids.push(...(child.kind === 'model' ? [child.modelId] : await modelsIn(child)));
    }
    return ids;
  };
  const allListed = async () => (await Promise.all((await groups()).map(modelsIn))).flat();

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
    assert.strictEqual(tree().groupBy, 'year');
    const years = (await groups()).map((g) => Number(g.key));
    assert.deepStrictEqual(years, [...years].sort((a, b) => a - b));
    const atlas = await api.service.atlas();
    assert.deepStrictEqual((await allListed()).sort(), atlas.models.map((m) => m.id).sort());
    for (const group of await groups()) {
      const dates = group.models.map((m) => m.paper.date);
      assert.deepStrictEqual(dates, [...dates].sort(), `group ${group.key} is oldest first`);
      assert.ok(dates.every((d) => d.startsWith(group.key)));
      assert.deepStrictEqual((await modelsIn(group)).sort(), group.models.map((m) => m.id).sort(), `group ${group.key} lists each of its models once`);
    }
  });

  test('a year of more than 15 models shows its families as closed sub-groups, then the models of no sub-group', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    const longest = (await groups()).reduce((a, b) => (b.models.length > a.models.length ? b : a));
    assert.ok(longest.models.length > 15, `the longest year has ${longest.models.length} models`);
    const children = await tree().getChildren(longest);
    const subgroups = children.filter((c): c is GroupNode => c.kind === 'group');
    assert.ok(subgroups.length > 0 && children.length < longest.models.length, `${children.length} rows for ${longest.models.length} models`);
    assert.ok(children.findIndex((c) => c.kind === 'model') > subgroups.length - 1, 'sub-groups first');
    for (const subgroup of subgroups) {
      assert.strictEqual(subgroup.by, 'family');
      assert.ok(subgroup.models.length >= 2 && subgroup.models.every((m) => m.family === subgroup.key), subgroup.key);
      const item = await tree().getTreeItem(subgroup);
      assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.match(label(item), /(line|系列)$/);
    }
    // A model inside a sub-group is found, and revealed, through its parents.
    const inSubgroup = subgroups[0].models[0].id;
    const node = await tree().nodeFor(inSubgroup);
    assert.ok(node && node.parent === subgroups[0] && node.parent.parent === longest);
    await vscode.commands.executeCommand('modelAtlas.revealInTree', inSubgroup);
  });

  test('groups by family, organization and architecture type from the title-bar commands', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByFamily');
    assert.strictEqual(tree().groupBy, 'family');
    const blipLine = (await groups()).find((g) => g.key === 'blip');
    assert.ok(blipLine, 'a blip family group');
    assert.match(label(await tree().getTreeItem(blipLine)), /^BLIP (line|系列)$/);
    const line = await modelsIn(blipLine);
    assert.ok(line.indexOf('blip') >= 0 && line.indexOf('blip') < line.indexOf('blip-2'), `oldest first: ${line.join()}`);

    await vscode.commands.executeCommand('modelAtlas.models.groupByOrganization');
    const salesforce = (await groups()).find((g) => g.key === 'salesforce');
    assert.ok(salesforce && (await modelsIn(salesforce)).includes('blip-2'));
    assert.strictEqual(label(await tree().getTreeItem(salesforce)), 'Salesforce');

    await vscode.commands.executeCommand('modelAtlas.models.groupByArchitecture');
    const types = (await groups()).map((g) => g.key);
    assert.ok(types.includes('frozen-llm-adapter'), types.join());
    const atlas = await api.service.atlas();
    for (const group of await groups()) {
      assert.ok((await modelsIn(group)).every((id) => atlas.get(id).architecture.type === group.key), group.key);
    }
  });

  test('by organization, one group per organization: its labs and spellings together, the affiliation kept as written', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByOrganization');
    const byKey = new Map((await groups()).map((g) => [g.key, g]));
    const microsoft = byKey.get('microsoft');
    const google = byKey.get('google');
    assert.ok(microsoft && google, [...byKey.keys()].join());
    const microsoftIds = microsoft.models.map((m) => m.id);
    // VLMo writes "Microsoft", Kosmos-2 "Microsoft Research": one group, one colour on the timeline.
    assert.ok(['vlmo', 'vl-beit', 'kosmos-2', 'beit-3'].every((id) => microsoftIds.includes(id)), microsoftIds.join());
    const googleIds = google.models.map((m) => m.id);
    assert.ok(['flamingo', 'pali', 'coca'].every((id) => googleIds.includes(id)), googleIds.join());
    assert.ok(![...byKey.keys()].some((key) => /microsoft|google|deepmind/.test(key) && key !== 'microsoft' && key !== 'google'), [...byKey.keys()].join());
    const flamingo = await tree().getTreeItem((await tree().nodeFor('flamingo'))!);
    assert.match(String(flamingo.description), /DeepMind/, 'the item keeps the affiliation as the paper writes it');
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
  });

  test('model items show year, organization and venue, a tooltip and an icon, and open the details', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.groupByYear');
    const node = await tree().nodeFor('blip-2');
    assert.ok(node);
    const item = await tree().getTreeItem(node);
    assert.strictEqual(label(item), 'BLIP-2');
    assert.strictEqual(item.description, '2023 · Salesforce Research · ICML 2023');
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.match(item.tooltip.value, /Junnan Li et al\\\./);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'combine');
    assert.deepStrictEqual(item.command?.command, 'modelAtlas.showDetails');
    assert.match(item.contextValue ?? '', /\bmodel\b.*\bhasPaper\b.*\bhasCode\b/);
    const vision = (await api.service.atlas()).models.find((m) => m.kind === 'vision');
    if (vision) {
      const visionNode = await tree().nodeFor(vision.id);
      assert.ok(visionNode);
      assert.strictEqual(((await tree().getTreeItem(visionNode)).iconPath as vscode.ThemeIcon).id, 'eye');
    }
  });

  test('the filter narrows by name, title, author, organization, year or architecture, and can be cleared', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.filter', 'salesforce');
    const visible = (await tree().visibleModels()).map((m) => m.id);
    assert.ok(visible.includes('blip-2') && !visible.includes('flamingo'), visible.join());
    assert.deepStrictEqual((await allListed()).sort(), [...new Set(visible)].sort());

    await vscode.commands.executeCommand('modelAtlas.models.filter', 'Junnan Li');
    assert.ok((await tree().visibleModels()).every((m) => m.paper.authors.includes('Junnan Li')));

    await vscode.commands.executeCommand('modelAtlas.models.filter', '2023');
    const of2023 = await tree().visibleModels();
    assert.ok(of2023.length > 0 && of2023.every((m) => m.paper.date.startsWith('2023')), of2023.map((m) => m.id).join());
    assert.deepStrictEqual((await groups()).map((g) => g.key), ['2023']);

    // Architecture words, hyphens ignored: "qformer" finds BLIP-2's Q-Former.
    for (const query of ['qformer', 'Q-Former', 'q former']) {
      await vscode.commands.executeCommand('modelAtlas.models.filter', query);
      const ids = (await tree().visibleModels()).map((m) => m.id);
      assert.ok(ids.includes('blip-2') && ids.includes('instructblip') && !ids.includes('llava'), `${query}: ${ids.join()}`);
    }
    await vscode.commands.executeCommand('modelAtlas.models.filter', 'google 2022');
    const google2022 = (await tree().visibleModels()).map((m) => m.id);
    assert.ok(google2022.includes('flamingo') && google2022.includes('coca'), `the canonical organisation matches: ${google2022.join()}`);

    await vscode.commands.executeCommand('modelAtlas.models.filter', 'no-such-model-anywhere');
    assert.deepStrictEqual(await groups(), []);
    assert.strictEqual(tree().filter, 'no-such-model-anywhere');

    await vscode.commands.executeCommand('modelAtlas.models.clearFilter');
    assert.strictEqual(tree().filter, '');
    assert.strictEqual((await allListed()).length >= (await api.service.atlas()).size, true);
  });

  test('Reveal in Models View clears a filter that hides the model', async () => {
    await vscode.commands.executeCommand('modelAtlas.models.filter', 'flamingo');
    await vscode.commands.executeCommand('modelAtlas.revealInTree', 'blip-2');
    assert.strictEqual(api.sidebar.models.filter, '');
  });

  test('Copy BibTeX and Copy Citation Key work on a tree item', async () => {
    const node = await api.sidebar.models.nodeFor('blip-2');
    assert.ok(node);
    const key = (await api.service.atlas()).get('blip-2').bibtex.key;
    await vscode.commands.executeCommand('modelAtlas.copyCitationKey', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), key);
    await vscode.commands.executeCommand('modelAtlas.copyBibtex', node);
    const bibtex = await vscode.env.clipboard.readText();
    assert.match(bibtex, new RegExp(`^@\\w+\\{${key},`));
  });

  test('Insert Citation on a tree item cites the model in the active editor', async () => {
    const editor = await scratch('markdown', 'BLIP-2 ');
    editor.selection = new vscode.Selection(0, 6, 0, 6);
    const node = await api.sidebar.models.nodeFor('blip-2');
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', node), true);
    assert.ok(editor.document.getText().includes(`[@${(await api.service.atlas()).get('blip-2').bibtex.key}]`), editor.document.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Show Details opens one details page titled with the model, and reuses it for the next model', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('modelAtlas.showDetails', await api.sidebar.models.nodeFor('blip-2'));
    const tab = await waitFor('the details tab', () => detailsTabs()[0]);
    assert.strictEqual(tab.label, 'BLIP-2');
    assert.strictEqual(api.sidebar.detailsModelId(), 'blip-2');
    await vscode.commands.executeCommand('modelAtlas.showDetails', 'flamingo');
    await waitFor('the retitled tab', () => detailsTabs()[0]?.label === 'Flamingo');
    assert.strictEqual(detailsTabs().length, 1, 'the panel is reused');
    assert.strictEqual(api.sidebar.detailsModelId(), 'flamingo');
  });

  test('Show on Timeline from a tree item opens the timeline', async () => {
    await vscode.commands.executeCommand('modelAtlas.showOnTimeline', await api.sidebar.models.nodeFor('blip-2'));
    await waitFor('the timeline tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('modelAtlas.timeline')),
    );
  });

  test('Open Code says so when the entry has no code link', async () => {
    const withoutCode = (await api.service.atlas()).models.find((m) => !m.links?.code);
    if (withoutCode) {
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.openCode', withoutCode.id), false);
    }
  });
});

suite('Sidebar: In This Document', () => {
  let api: ModelAtlasApi;
  const listed = () => api.sidebar.inDocument.mentionedModels;
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
    const item = await api.sidebar.inDocument.getTreeItem(blip2);
    assert.match(String(item.description), /\d/);
  });

  test("the view's first request for its items, made while the document is being read, gets its mentions", async () => {
    const editor = await scratch('latex', 'Kosmos-2 and CoCa.\n');
    const provider = api.sidebar.inDocument;
    const reading = provider.update(editor.document); // not awaited: the workbench asks while it runs
    assert.deepStrictEqual((await provider.getChildren()).map((m) => m.modelId), ['kosmos-2', 'coca']);
    await reading;
    // A document the view does not serve clears it, and the next request is answered (empty), not left waiting.
    void provider.update(undefined);
    assert.deepStrictEqual(await provider.getChildren(), []);
    await provider.update(editor.document);
  });

  test('follows the active editor and its edits, and jumps to an occurrence', async () => {
    const editor = await scratch('latex', 'Flamingo and BLIP-2.\n');
    await waitFor('the view to follow the new editor', () => api.sidebar.inDocument.document === editor.document);
    assert.deepStrictEqual(summary(), ['flamingo×1', 'blip-2×1']);

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'Later, Flamingo again.\n% Flamingo in a comment\n')));
    await waitFor('the edit to be counted', () => summary().join() === 'flamingo×2,blip-2×1');

    const second = listed()[0].occurrences[1];
    assert.ok(second.kind === 'occurrence');
    assert.strictEqual(second.occurrence.line, 1);
    const item = await api.sidebar.inDocument.getTreeItem(second);
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
