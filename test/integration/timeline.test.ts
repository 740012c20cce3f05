// The timeline panel inside a real VS Code: the command opens one webview tab with the timeline's title,
// showOnTimeline reuses it, and the export command writes a self-contained SVG with every model.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, waitFor } from './helpers';
import { log } from './log';

const TITLES = ['Model Atlas Timeline', '模型图谱时间线'];

function timelineTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('modelAtlas.timeline'));
}

let api: ModelAtlasApi | undefined;

async function atlasModels(): Promise<Array<{ id: string; name: string }>> {
  assert.ok(api, 'the extension exports its API');
  return [...(await api.service.atlas()).models];
}

suite('Timeline', () => {
  suiteSetup(async () => {
    api = await activateExtension();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Timeline opens one webview tab titled with the timeline title, and reuses it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('modelAtlas.showTimeline');
    const tab = await waitFor('the timeline tab', () => timelineTabs()[0], 20_000);
    assert.ok(TITLES.includes(tab.label), `unexpected title ${tab.label}`);
    await vscode.commands.executeCommand('modelAtlas.showTimeline');
    await vscode.commands.executeCommand('modelAtlas.showOnTimeline', (await atlasModels())[0].id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(timelineTabs().length, 1, 'the panel is reused');
  });

  test('Export Timeline as SVG writes a self-contained SVG with every model', async () => {
    const target = vscode.Uri.file(path.join(os.tmpdir(), `atlas-timeline-export-${process.pid}.svg`));
    const started = Date.now();
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('modelAtlas.exportTimelineSvg', target);
      assert.strictEqual(written?.toString(), target.toString());
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(svg, /^<\?xml version="1\.0"/);
      assert.match(svg, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
      assert.ok(svg.trimEnd().endsWith('</svg>'));
      assert.ok(!svg.includes('var(--'), 'theme variables are resolved to concrete colours');
      assert.match(svg, /fill:rgb\(/);
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const missing = (await atlasModels()).filter((m) => !svg.includes(`>${escape(m.name)}</text>`));
      assert.deepStrictEqual(missing.map((m) => m.id), []);
      log(`    exported ${svg.length} characters of SVG with ${(await atlasModels()).length} models in ${Date.now() - started} ms`);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
