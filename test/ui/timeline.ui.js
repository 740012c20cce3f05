// UI checks of the timeline: every model a labelled node, selection, filter, keyboard zoom, SVG export, both
// themes, restored after a reload; the last check times 2,000 synthetic models (printed, not asserted).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { loadAtlasDir } = require('../../scripts/build/atlas-data');
const { fixtureWorkspace, root } = require('../harness/codeServer');
const { timeLargeAtlas } = require('../harness/timelineStandalone');
const wb = require('../harness/workbench');

const models = () => loadAtlasDir().entries.map((e) => e.model);

/** The frame holding our document: a webview lives in an iframe inside an iframe in code-server. */
async function timelineFrame(page, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('svg.timeline-canvas g.node')) {
          return frame;
        }
      } catch {
        // a frame that navigated away meanwhile
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the timeline webview did not appear');
}

/** The picture VS Code's image preview shows (its own webview frame): natural size, once loaded. */
async function imagePreview(page, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      // media-preview's page: its settings element, and the picture appended to the body.
      const size = await frame
        .evaluate(() => {
          const img = document.getElementById('image-preview-settings') ? document.querySelector('body > img') : null;
          return img && img.complete && img.naturalWidth > 0 ? { width: img.naturalWidth, height: img.naturalHeight } : null;
        })
        .catch(() => null);
      if (size) {
        return size;
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the image preview did not show the picture');
}

const nodeCount = (frame) => frame.$$eval('g.node', (els) => els.length);

/**
 * Polls `read()` until `done(value)` or `timeout`; returns the last value (the caller asserts on it).
 * Key handling and rendering in the webview come a moment after the key press.
 */
async function pollFor(page, read, done, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await page.waitForTimeout(100);
  }
}

/**
 * The names of the lanes the timeline draws by family, top to bottom, worked out here from the atlas as the
 * README describes them: one lane per family, in the order of its first model (date, then name), named after its
 * founding model (else its oldest); the families of one model gathered last in one "Other families" lane.
 */
function expectedFamilyLanes(all) {
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...all].sort((a, b) => cmp(a.paper.date, b.paper.date) || cmp(a.name, b.name) || cmp(a.id, b.id));
  const byFamily = new Map();
  for (const model of sorted) byFamily.set(model.family, [...(byFamily.get(model.family) ?? []), model]);
  const nameOf = (family, members) => (members.find((m) => m.id === family) ?? members[0]).name;
  const singles = [...byFamily].filter(([, members]) => members.length === 1);
  const gathered = singles.length >= 2;
  const lanes = [...byFamily].filter(([, members]) => !gathered || members.length > 1).map(([family, members]) => nameOf(family, members));
  return gathered ? [...lanes, 'Other families'] : lanes;
}

const LIGHT = /rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)/;
const DARK = /rgb\(([0-9]{1,2}), ([0-9]{1,2}), ([0-9]{1,2})\)/;

const timelineChecks = [
  {
    name: 'the timeline opens with every atlas model as a labelled node',
    shot: 'timeline-01-open',
    async run({ page }) {
      await wb.runCommand(page, 'Model Atlas: Show Timeline'); // exactly: not 'Model Atlas: Show on Timeline'
      const frame = await timelineFrame(page);
      const all = models();
      await frame.waitForFunction((n) => document.querySelectorAll('g.node').length >= n, all.length);
      const nodes = await frame.$$eval('g.node', (els) =>
        els.map((el) => ({ id: el.getAttribute('data-id'), label: el.querySelector('text')?.textContent, aria: el.getAttribute('aria-label') ?? '', role: el.getAttribute('role') })),
      );
      for (const model of all) {
        const node = nodes.find((n) => n.id === model.id);
        assert.ok(node, `no node for ${model.id}`);
        assert.strictEqual(node.label, model.name);
        assert.ok(node.role === 'button' && node.aria.startsWith(model.name), `${model.id}: role ${node.role}, aria-label ${node.aria}`);
        if (model.kind === 'vision') {
          assert.match(node.aria, /vision-only/);
        }
      }
      assert.strictEqual(nodes.length, all.length);
      // Lanes go by a family's name ("BLIP", "BEiT"), not its id ("blip").
      const lanes = await frame.$$eval('text.lane-label', (els) => els.map((el) => el.firstChild?.textContent?.replace(/^[▾▸] /, ''))); // without the <title> and the ▾
      assert.ok(lanes.includes('BLIP') && lanes.includes('BEiT'), `lane labels: ${lanes.join(', ')}`);
      assert.ok(!lanes.includes('blip'), `lane labels: ${lanes.join(', ')}`);
      console.log(`          ${nodes.length} nodes for ${all.length} models, all labelled; ${lanes.length} lanes`);
    },
  },
  {
    name: 'timeline lanes collapse to marks from their names and from the toolbar; the new generations read as lines',
    shot: 'timeline-01b-generations',
    async run({ page }) {
      const frame = await timelineFrame(page);
      const all = models();
      const label = (key) => frame.locator(`g.lane-toggle[data-lane="${key}"]`);
      const compactIn = (family) => frame.$$eval('g.node.compact', (els) => els.map((el) => el.getAttribute('data-id'))).then((ids) => ids.filter((id) => all.find((m) => m.id === id)?.family === family));
      // The first lane by a click on its name: its models become marks without labels, the name shows their count.
      const first = await frame.$eval('g.lane-toggle', (el) => el.getAttribute('data-lane'));
      const members = all.filter((m) => m.family === first).length;
      await label(first).click();
      assert.strictEqual((await pollFor(page, () => compactIn(first), (ids) => ids.length === members)).length, members);
      assert.strictEqual(await label(first).getAttribute('aria-expanded'), 'false');
      assert.match(await label(first).getAttribute('aria-label'), new RegExp(`\\(${members}\\)$`));
      assert.strictEqual(await frame.$$eval('g.node.compact text', (els) => els.length), 0, 'a mark has no label');
      // ... and back with the keyboard.
      await label(first).focus();
      await page.keyboard.press('Enter');
      assert.deepStrictEqual(await pollFor(page, () => compactIn(first), (ids) => ids.length === 0), []);
      assert.strictEqual(await label(first).getAttribute('aria-expanded'), 'true');
      // Every lane from the toolbar, then the four generations of issue 17 opened again, one by one.
      await frame.click('button[data-control="toggle-lanes"]');
      await frame.waitForFunction((n) => document.querySelectorAll('g.node.compact').length === n, all.length);
      assert.match(await frame.textContent('button[data-control="toggle-lanes"]'), /Expand|展开/);
      const lineages = ['blip', 'llava', 'qwen-vl', 'internvl'];
      const box = await frame.locator('svg.timeline-canvas').boundingBox();
      // A lane's name is clickable once it is below the sticky axis (40 px) and above the canvas's bottom.
      const inView = async (family) => {
        const at = (await label(family).count()) > 0 ? await label(family).boundingBox() : null;
        return at ? (at.y < box.y + 48 ? 'above' : at.y + at.height > box.y + box.height - 8 ? 'below' : 'in') : 'away';
      };
      for (const family of lineages) {
        await page.mouse.move(box.x + 84, box.y + box.height / 2); // over the lane names: no hover card in the way
        for (let step = 0, where = await inView(family); where !== 'in'; step++, where = await inView(family)) {
          assert.ok(step < 60, `the ${family} lane never came into view`);
          await page.mouse.wheel(0, where === 'above' ? -120 : 120);
          await page.waitForTimeout(100);
        }
        await label(family).click();
        const left = await pollFor(page, () => compactIn(family), (ids) => ids.length === 0);
        assert.deepStrictEqual(left, [], `the ${family} lane did not expand`);
      }
      // Arrows between the generations: LLaVA → LLaVA-1.5 → LLaVA-NeXT → LLaVA-OneVision, and the others.
      const labelled = await frame.$$eval('g.node:not(.compact)', (els) => els.map((el) => el.getAttribute('data-id')));
      for (const id of ['llava', 'llava-1-5', 'llava-next', 'llava-onevision', 'qwen2-5-vl', 'qwen3-vl', 'internvl3', 'internvl3-5', 'blip-2', 'xgen-mm']) {
        assert.ok(labelled.includes(id), `${id} is not drawn with its label: ${labelled.join(', ')}`);
      }
      // Leave the BLIP lane near the top of the view for the screenshot, the LLaVA lane below it.
      for (let step = 0; step < 60; step++) {
        const top = (await label('blip').count()) > 0 ? (await label('blip').boundingBox())?.y : undefined;
        if (top !== undefined && Math.abs(top - (box.y + 60)) < 40) break;
        await page.mouse.wheel(0, top === undefined || top < box.y + 60 ? -60 : 60);
        await page.waitForTimeout(80);
      }
      const lanes = await frame.$$eval('g.lane-toggle', (els) => els.length);
      console.log(`          ${all.length} models; ${lanes} lane names in view with all but ${lineages.join(', ')} collapsed`);
    },
    async after({ page }) {
      const frame = await timelineFrame(page);
      await frame.click('button[data-control="toggle-lanes"]'); // some are collapsed: this expands them all
      await frame.waitForFunction(() => document.querySelectorAll('g.node.compact').length === 0);
      await frame.click('button[data-control="fit"]');
    },
  },
  {
    name: 'clicking a timeline node selects it and shows its actions',
    shot: 'timeline-02-selected',
    async run({ page }) {
      const frame = await timelineFrame(page);
      const target = models().find((m) => m.lineage.buildsOn.length > 0) ?? models()[0];
      await frame.click(`g.node[data-id="${target.id}"]`);
      await frame.waitForSelector('.selection-bar:not([hidden])');
      const actions = await frame.$$eval('.selection-bar button.action', (els) => els.map((el) => el.getAttribute('data-action')));
      assert.deepStrictEqual(actions, ['showDetails', 'insertCitation', 'copyBibtex', 'openPaper', 'revealInTree']);
      assert.strictEqual(await frame.textContent('.selection-name'), target.name);
      assert.match((await frame.getAttribute(`g.node[data-id="${target.id}"]`, 'class')) ?? '', /selected/);
    },
  },
  {
    name: 'the kind filter narrows the timeline to vision-only models',
    shot: 'timeline-03-filtered',
    async run({ page }) {
      const frame = await timelineFrame(page);
      const vision = models().filter((m) => m.kind === 'vision').length;
      await frame.selectOption('select[data-control="filter-kind"]', 'vision');
      await frame.waitForFunction((n) => document.querySelectorAll('g.node').length === n, vision);
      assert.ok(await frame.$$eval('g.node', (els) => els.every((el) => el.classList.contains('vision'))));
      assert.match(await frame.textContent('.status'), new RegExp(`^${vision} of ${models().length}`));
    },
  },
  {
    name: 'the keyboard zooms the timeline and moves between nodes',
    shot: 'timeline-04-zoomed',
    async run({ page }) {
      const frame = await timelineFrame(page);
      await frame.selectOption('select[data-control="filter-kind"]', 'all');
      await frame.waitForFunction((n) => document.querySelectorAll('g.node').length === n, models().length);
      const spread = () =>
        frame.$$eval('g.node', (els) => {
          const xs = els.map((el) => Number(/translate\(([-\d.]+)/.exec(el.getAttribute('transform') ?? '')?.[1]));
          return Math.max(...xs) - Math.min(...xs);
        });
      const before = await spread();
      const first = models()[0].id;
      await frame.focus(`g.node[data-id="${first}"]`);
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      const after = await pollFor(page, spread, (value) => value > before * 2);
      assert.ok(after > before * 2, `zoom in: date spread ${before} → ${after} px`);
      // Each arrow key moves the focus to another node (were none there, it would pan, and the focus stays).
      const focused = () => frame.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
      await page.keyboard.press('ArrowRight');
      const moved = await pollFor(page, focused, (id) => id !== first);
      await page.keyboard.press('ArrowDown');
      const down = await pollFor(page, focused, (id) => id !== moved);
      assert.ok(moved && down, `arrow keys keep the focus on a node: ${first} → ${moved} → ${down}`);
      assert.ok(moved !== first && down !== moved, `arrow keys move the focus to another node: ${first} → ${moved} → ${down}`);
      const zoomMs = await frame.evaluate(() => document.body.dataset.zoomMs);
      console.log(`          zoom ${before.toFixed(0)} → ${after.toFixed(0)} px (last step ${zoomMs} ms); focus ${first} → ${moved} → ${down}`);
    },
  },
  {
    name: 'Export SVG writes the whole timeline with its legend through the save dialog, says where, and Open shows it rendered',
    shot: 'timeline-05-exported',
    async run({ page, folder }) {
      const frame = await timelineFrame(page);
      await frame.click('button[data-control="fit"]');
      // Only part of the lanes fits on screen; the export has them all.
      const lanesOnScreen = await frame.$$eval('text.lane-label', (els) => els.length);
      // The legend under the exported chart names the entries as the toolbar's legend does.
      const legendOnScreen = await frame.$$eval('.legend .legend-item', (els) => els.map((el) => el.textContent));
      // The save dialog proposes model-atlas-timeline.svg in the workspace folder; accept it as offered.
      const exportPath = path.join(folder, 'model-atlas-timeline.svg');
      fs.rmSync(exportPath, { force: true });
      await frame.click('button[data-control="export-svg"]');
      const ok = page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).first();
      await ok.waitFor({ state: 'visible', timeout: 20_000 });
      // The dialog fills in the folder first and the proposed file name a moment later.
      const input = page.locator('.quick-input-widget .quick-input-box input').first();
      let proposed = '';
      for (let i = 0; i < 50 && !proposed.endsWith('model-atlas-timeline.svg'); i++) {
        await page.waitForTimeout(200);
        proposed = await input.inputValue();
      }
      assert.ok(proposed.endsWith('model-atlas-timeline.svg'), `the dialog proposes ${proposed}`);
      await ok.click();
      for (let i = 0; i < 50 && !fs.existsSync(exportPath); i++) {
        await page.waitForTimeout(200);
      }
      assert.ok(fs.existsSync(exportPath), 'no SVG was written');
      // The file may show before it is all written: read it again until it parses (up to 30 s).
      const parse = (svg) =>
        page.evaluate((source) => {
          const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            root: doc.documentElement.nodeName,
            texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
            // Lane names: the labels column's texts, "▾ " and the name cut to fit, the full name in their <title>
            // (the export drops classes; node labels sit a level deeper, in their node's group).
            lanes: [...doc.querySelectorAll('svg > g > g > text')].filter((t) => /^[▾▸] /.test(t.firstChild?.textContent ?? '')).map((t) => t.querySelector('title')?.textContent ?? ''),
            legend: [...doc.querySelectorAll('#legend text')].map((t) => t.textContent),
          };
        }, svg);
      let text = fs.readFileSync(exportPath, 'utf8');
      let parsed = await parse(text);
      for (const deadline = Date.now() + 30_000; parsed.error !== null && Date.now() < deadline; ) {
        await page.waitForTimeout(250);
        text = fs.readFileSync(exportPath, 'utf8');
        parsed = await parse(text);
      }
      fs.mkdirSync(path.join(root, 'test-results', 'ui'), { recursive: true });
      fs.writeFileSync(path.join(root, 'test-results', 'ui', 'timeline-export.svg'), text);
      assert.strictEqual(parsed.error, null);
      assert.strictEqual(parsed.root, 'svg');
      assert.ok(!text.includes('var(--'), 'theme variables left in the SVG');
      const missing = models().filter((m) => !parsed.texts.includes(m.name)).map((m) => m.id);
      assert.deepStrictEqual(missing, []);
      const lanes = expectedFamilyLanes(models());
      assert.deepStrictEqual(parsed.lanes, lanes, `${parsed.lanes.length} lanes in the SVG for ${lanes.length} lanes of the atlas (${lanesOnScreen} on screen)`);
      assert.ok(parsed.legend.length >= 3 && parsed.legend.includes('vision-only model'), `legend: ${parsed.legend.join(', ')}`);
      assert.deepStrictEqual(parsed.legend, legendOnScreen, 'the exported legend names its entries as the one on screen');

      // The notification says where the file went; its Open button shows the SVG in VS Code's image preview.
      const toast = page.locator('.notification-toast', { hasText: 'Saved the timeline to model-atlas-timeline.svg.' }).first();
      await toast.waitFor({ timeout: 15_000 });
      await toast.locator('.monaco-button', { hasText: /^Open$/ }).click();
      await wb.editorTab(page, 'model-atlas-timeline.svg', { active: true }).waitFor({ timeout: 20_000 });
      const rendered = await imagePreview(page);
      assert.ok(rendered.width > 0 && rendered.height > rendered.width, `the preview shows a ${rendered.width}×${rendered.height} picture`);
      console.log(`          ${text.length} characters of SVG with all ${models().length} names, ${parsed.lanes.length} lanes (${lanesOnScreen} on screen) and ${parsed.legend.length} legend entries; the preview shows it`);
    },
  },
  {
    name: 'the timeline in the Default Light Modern theme',
    shot: 'timeline-06-light',
    async run({ page }) {
      await wb.runCommand(page, 'Model Atlas: Show Timeline'); // back from the exported picture's tab
      await wb.setColorTheme(page, 'Light Modern'); // the picker's label; "Default Light Modern" is its description
      // The webview takes the new theme's variables a moment after the workbench: poll its background.
      const background = await wb.webviewBackground(page, () => timelineFrame(page), LIGHT);
      assert.match(background, LIGHT, `light background: ${background}`);
    },
  },
  {
    name: 'the timeline in the Default Dark Modern theme',
    shot: 'timeline-07-dark',
    async run({ page }) {
      await wb.setColorTheme(page, 'Dark Modern');
      const background = await wb.webviewBackground(page, () => timelineFrame(page), DARK);
      assert.match(background, DARK, `dark background: ${background}`);
    },
  },
  {
    name: 'after Developer: Reload Window the timeline tab comes back (its serializer), showing what it showed',
    shot: 'timeline-08-restored',
    async run({ page }) {
      const before = await nodeCount(await timelineFrame(page));
      // Wait for the reload itself: until it starts, the old page still shows the tab we are looking for.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 90_000 });
      await wb.runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.waitForLoadState('load');
      await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      const tabs = page.locator('.tabs-container .tab', { hasText: 'Model Atlas Timeline' });
      await tabs.first().waitFor({ timeout: 60_000 });
      const frame = await timelineFrame(page, 60_000);
      await frame.waitForFunction((count) => document.querySelectorAll('g.node').length === count, before, { timeout: 30_000 });
      // Counted once the restored timeline shows all it showed: a second, revived-again tab would be there by then.
      assert.strictEqual(await tabs.count(), 1, 'one timeline tab');
      console.log(`          restored with ${before} nodes`);
    },
  },
  {
    name: 'the timeline renderer with 2,000 synthetic models (timing printed, not asserted)',
    shot: 'timeline-09-large-atlas-workbench',
    async run({ page }) {
      const browser = page.context().browser();
      assert.ok(browser);
      const t = await timeLargeAtlas(browser, { count: 2000, outDir: path.join(root, 'test-results', 'ui') });
      assert.ok(t.rendered > 0 && t.rendered < t.count, 'only the visible part is in the DOM');
      console.log(`          timeline timing: ${t.count} models, first render ${t.firstRender} ms, zoom steps ${t.zooms.join(', ')} ms, ${t.rendered} nodes in the DOM`);
    },
  },
];

module.exports = { timelineChecks, timelineFrame };
