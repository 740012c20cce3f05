// The timeline panel inside a real VS Code: the command opens one webview tab with the timeline's title,
// showOnTimeline reuses it, and the export commands write the whole chart with its legend, as SVG and PNG.
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

  test('Export Timeline as SVG writes the whole chart, every lane and node inside it, with its legend, and says where it went', async function () {
    this.timeout(60_000);
    const target = vscode.Uri.file(path.join(os.tmpdir(), `atlas-timeline-export-${process.pid}.svg`));
    const started = Date.now();
    const told = recordNotifications();
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('modelAtlas.exportTimelineSvg', target);
      assert.strictEqual(written?.toString(), target.toString());
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(svg, /^<\?xml version="1\.0"/);
      const [, width, height] = /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      assert.ok(width && height, 'no size');
      assert.ok(svg.trimEnd().endsWith('</svg>'));
      assert.ok(!svg.includes('var(--'), 'theme variables are resolved to concrete colours');
      assert.match(svg, /fill:rgb\(/);
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
      const models = await atlasModels();
      const missing = models.filter((m) => !svg.includes(`>${escape(m.name)}</text>`));
      assert.deepStrictEqual(missing.map((m) => m.id), []);

      // Every lane (by family, the default) has its label, not only those in the visible viewport: a family of
      // two models or more has a lane of its own, the families of one model share one "Other families" lane.
      // A lane's label is "▾ " and its name cut to fit, with the full name in its <title>.
      const atlas = (await api!.service.atlas());
      const sizes = new Map<string, number>();
      atlas.models.forEach((m) => sizes.set(m.family, (sizes.get(m.family) ?? 0) + 1));
      const gathered = [...sizes.values()].filter((n) => n === 1).length >= 2;
      const lanes = [...sizes].filter(([, n]) => !gathered || n > 1).map(([family]) => escape(atlas.familyName(family)));
      const laneLabels = [...svg.matchAll(/<text x="8" y="[\d.]+"[^>]*>[▾▸] [^<]*<title[^>]*>([^<]*)<\/title>/g)].map((m) => m[1]);
      const isOther = (label: string): boolean => label === 'Other families' || label === '其他系列';
      assert.strictEqual(laneLabels.filter(isOther).length, gathered ? 1 : 0, `the gathered lane: ${laneLabels.join(', ')}`);
      assert.deepStrictEqual(laneLabels.filter((label) => !isOther(label)).sort(), lanes.sort());
      // Every node lies inside the picture (the nodes sit in a group moved right of the lane labels, below the axis).
      const [, dx, dy] = /<g transform="translate\(([\d.]+),([\d.]+)\)"/.exec(svg.slice(svg.indexOf('</rect>'))) ?? [];
      const nodes = [...svg.matchAll(/<g transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*><rect x="0" y="0" width="([\d.]+)" height="([\d.]+)" rx="4"/g)];
      assert.strictEqual(nodes.length, models.length);
      const outside = nodes.filter(([, x, y, w, h]) => Number(dx) + Number(x) + Number(w) > Number(width) || Number(dy) + Number(y) + Number(h) > Number(height) || Number(x) < -Number(dx));
      assert.deepStrictEqual(outside.map((n) => n[0].slice(0, 40)), []);
      // The legend under the chart: the colours' meanings and the vision-only mark.
      const legend = svg.slice(svg.indexOf('<g id="legend"'));
      assert.ok(svg.includes('<g id="legend"'), 'no legend');
      assert.ok((legend.match(/<text /g) ?? []).length >= 3, legend.slice(0, 400));
      assert.match(legend, />(vision-only model|纯视觉模型)<\/text>/);

      const saved = await waitFor('the notification', () => told.messages.find((m) => m.message.includes(path.basename(target.fsPath))));
      assert.deepStrictEqual(saved.items, [told.open]);
      log(`    exported ${svg.length} characters of SVG (${width}×${height}) with ${models.length} models and ${laneLabels.length} lanes in ${Date.now() - started} ms`);
    } finally {
      told.restore();
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  test('Export Timeline as PNG writes the whole chart at twice its size, and Open opens it', async function () {
    this.timeout(120_000); // two exports and a PNG encoding of about 2,000 × 10,000 pixels
    const target = vscode.Uri.file(path.join(os.tmpdir(), `atlas-timeline-export-${process.pid}.png`));
    const svgTarget = vscode.Uri.file(path.join(os.tmpdir(), `atlas-timeline-export-${process.pid}-size.svg`));
    const told = recordNotifications('.png');
    try {
      await vscode.commands.executeCommand('modelAtlas.exportTimelineSvg', svgTarget);
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(svgTarget));
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      const written = await vscode.commands.executeCommand<vscode.Uri>('modelAtlas.exportTimelinePng', target);
      assert.strictEqual(written?.toString(), target.toString());
      const png = await vscode.workspace.fs.readFile(target);
      assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      const [pngWidth, pngHeight] = [view.getUint32(16), view.getUint32(20)];
      assert.ok(Math.abs(pngWidth - 2 * Number(width)) <= 2 && Math.abs(pngHeight - 2 * Number(height)) <= 2, `${pngWidth}×${pngHeight} for ${width}×${height}`);
      assert.ok(png.length > 20_000, `only ${png.length} bytes: an empty picture?`);

      // Open (pressed by recordNotifications) shows the file in an editor tab.
      await waitFor('the PNG in a tab', () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => (tab.input as { uri?: vscode.Uri } | undefined)?.uri?.toString() === target.toString()),
      );
      log(`    exported a ${pngWidth}×${pngHeight} PNG of ${png.length} bytes`);
    } finally {
      told.restore();
      for (const file of [target, svgTarget]) {
        await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      }
    }
  });
});

/** Records the information messages the extension shows (the suite shares its `vscode` object); presses Open on one naming `openFor`. */
function recordNotifications(openFor?: string): { messages: Array<{ message: string; items: unknown[] }>; open: string; restore(): void } {
  const window = vscode.window as { showInformationMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showInformationMessage;
  const messages: Array<{ message: string; items: unknown[] }> = [];
  const open = vscode.l10n.t('Open');
  window.showInformationMessage = (message: unknown, ...items: unknown[]) => {
    messages.push({ message: String(message), items });
    return Promise.resolve(openFor !== undefined && String(message).includes(openFor) && items.includes(open) ? open : undefined);
  };
  return { messages, open, restore: () => (window.showInformationMessage = original) };
}
