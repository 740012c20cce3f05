// UI checks of the Model Atlas sidebar and the details page in code-server, in the form test/ui/checks.js
// lists (name, shot, run): the activity-bar container with both views, the Models tree grouped by year and
// by family, the In This Document view on paper.tex, and BLIP-2's details page with its architecture
// diagram (boxes inside the canvas, text inside the boxes, measured by the browser) in light and dark themes.
'use strict';
const assert = require('assert');
const wb = require('./workbench');

const SIDEBAR = '#workbench\\.parts\\.sidebar';

/**
 * Filters the Models tree to `text` (Model Atlas: Filter...), so that a model's row is rendered whatever
 * the atlas size: the tree draws only the rows in view.
 */
async function filterModels(page, text) {
  await wb.runCommand(page, 'Model Atlas: Filter...');
  await page.locator('.quick-input-widget', { hasText: 'Filter Models' }).waitFor();
  const input = page.locator('.quick-input-widget input');
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** A row of the sidebar's trees whose label is `text`. */
const row = (page, text) => page.locator(`${SIDEBAR} .monaco-list-row`, { has: page.locator('.label-name', { hasText: new RegExp(`^${text}$`) }) }).first();

async function detailsFrame(page, modelName, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      try {
        const title = await frame.$eval('main[data-model] h1', (h) => h.firstChild?.textContent ?? '');
        if (title === modelName && (await frame.$('svg.architecture-diagram'))) {
          return frame;
        }
      } catch {
        // not our frame, or one that navigated away meanwhile
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the details page of ${modelName} did not appear`);
}

async function setColorTheme(page, theme) {
  // Click the rows rather than press Enter: the palette may rank "Browse Color Themes in Marketplace" first.
  await wb.dismiss(page);
  await wb.openQuickInput(page, 'F1', 'Preferences: Color Theme');
  await page.locator('.quick-input-widget .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  await page.keyboard.type(theme);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: theme }).first().click();
  await page.waitForTimeout(1500); // the webview takes the new theme variables
}

/** Boxes inside the canvas and every text inside its box, as the browser lays them out. */
async function diagramProblems(frame) {
  return frame.evaluate(() => {
    const svg = document.querySelector('svg.architecture-diagram');
    const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
    const problems = [];
    const boxes = [...svg.querySelectorAll('g.component')].map((g) => ({ id: g.dataset.component, r: g.querySelector('rect').getBBox(), texts: [...g.querySelectorAll('text')] }));
    for (const { id, r, texts } of boxes) {
      if (r.x < 0 || r.y < 0 || r.x + r.width > width || r.y + r.height > height) problems.push(`${id} clipped`);
      for (const t of texts) {
        const b = t.getBBox();
        if (b.x < r.x || b.x + b.width > r.x + r.width) problems.push(`"${t.textContent}" overflows ${id} (${b.width.toFixed(0)} > ${r.width})`);
      }
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) problems.push(`${boxes[i].id} overlaps ${boxes[j].id}`);
      }
    return { problems, boxes: boxes.length, frozen: svg.querySelectorAll('g.component.frozen').length };
  });
}

const sidebarChecks = [
  {
    name: 'the Model Atlas activity-bar entry opens the Models and In This Document views',
    shot: 'sidebar-01-container',
    async run({ page }) {
      await wb.dismiss(page);
      await page.locator('.activitybar [aria-label^="Model Atlas"]').first().click();
      for (const title of ['Models', 'In This Document']) {
        await page.locator(`${SIDEBAR} .pane-header`, { hasText: title }).first().waitFor();
      }
      await row(page, 'BLIP-2').waitFor();
    },
  },
  {
    name: 'the Models tree groups by year, oldest first',
    shot: 'sidebar-02-grouped-by-year',
    async run({ page }) {
      await wb.runCommand(page, 'Model Atlas: Group by Year');
      await row(page, '2019').waitFor();
      const labels = await page.locator(`${SIDEBAR} .monaco-list-row .label-name`).allTextContents();
      const years = labels.filter((l) => /^\d{4}$/.test(l)).map(Number);
      assert.ok(years.length >= 3, `year groups: ${years.join(', ')}`);
      assert.deepStrictEqual(years, [...years].sort((a, b) => a - b));
    },
  },
  {
    name: 'the Models tree groups by family from the title-bar submenu',
    shot: 'sidebar-03-grouped-by-family',
    async run({ page }) {
      await wb.runCommand(page, 'Model Atlas: Group by Family');
      await row(page, 'BLIP line').waitFor();
      await row(page, 'BEiT line').waitFor();
    },
  },
  {
    name: 'In This Document lists the models paper.tex mentions, not those in comments or verbatim',
    shot: 'sidebar-04-in-document',
    async run({ page }) {
      await wb.quickOpen(page, 'paper.tex');
      await wb.runCommand(page, 'Model Atlas: Group by Year');
      await page.locator(`${SIDEBAR} .pane-header`, { hasText: 'Models' }).first().click(); // collapse Models for room
      const inDocument = page.locator(`${SIDEBAR} .pane`, { has: page.locator('.pane-header', { hasText: 'In This Document' }) }).first();
      await inDocument.locator('.monaco-list-row', { hasText: 'BLIP-2' }).first().waitFor();
      const labels = await inDocument.locator('.monaco-list-row .label-name').allTextContents();
      for (const name of ['BLIP-2', 'BLIP', 'Kosmos-2']) {
        assert.ok(labels.includes(name), `missing ${name} in ${labels.join(', ')}`);
      }
      assert.ok(!labels.includes('Flamingo'), 'Flamingo is only in verbatim');
      await inDocument.locator('.monaco-list-row', { hasText: 'BLIP-2' }).first().click();
      await page.keyboard.press('ArrowRight'); // expand: the occurrences with line numbers
      await inDocument.locator('.monaco-list-row .label-description', { hasText: /line \d+/ }).first().waitFor();
      await page.locator(`${SIDEBAR} .pane-header`, { hasText: 'Models' }).first().click();
    },
  },
  {
    name: "BLIP-2's details page draws its architecture (light theme)",
    shot: 'sidebar-05-details-light',
    async run({ page }) {
      await setColorTheme(page, 'Light Modern');
      await wb.runCommand(page, 'View: Close All Editors');
      await filterModels(page, 'BLIP-2');
      await row(page, 'BLIP-2').click();
      const frame = await detailsFrame(page, 'BLIP-2');
      const { problems, boxes, frozen } = await diagramProblems(frame);
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(boxes, 6);
      assert.strictEqual(frozen, 2, 'the image encoder and the LLM are frozen');
      const buttons = await frame.$$eval('button', (els) => els.map((b) => b.textContent));
      for (const b of ['Insert Citation', 'Show on Timeline', 'Copy BibTeX']) assert.ok(buttons.includes(b), buttons.join());
      const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.match(background, /rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)/, `light background: ${background}`);
      await frame.evaluate(() => document.querySelector('.diagram').scrollIntoView({ block: 'center' }));
    },
  },
  {
    name: "BLIP-2's details page in the dark theme",
    shot: 'sidebar-06-details-dark',
    async run({ page }) {
      await setColorTheme(page, 'Dark Modern');
      const frame = await detailsFrame(page, 'BLIP-2');
      const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.match(background, /rgb\(([0-9]{1,2}), ([0-9]{1,2}), ([0-9]{1,2})\)/, `dark background: ${background}`);
      const stroke = await frame.$eval('g.component.frozen rect', (r) => getComputedStyle(r).strokeDasharray);
      assert.notStrictEqual(stroke, 'none', 'frozen boxes are dashed');
      await frame.evaluate(() => document.querySelector('.diagram').scrollIntoView({ block: 'center' }));
    },
  },
  {
    name: 'a lineage link opens that model in the same details page',
    shot: 'sidebar-07-details-lineage',
    async run({ page }) {
      const frame = await detailsFrame(page, 'BLIP-2');
      await frame.click('.lineage a:text-matches("^BLIP \\\\(")');
      await detailsFrame(page, 'BLIP');
      await page.locator('.tabs-container .tab.active', { hasText: /^BLIP$/ }).first().waitFor();
    },
    async after({ page }) {
      await wb.runCommand(page, 'Model Atlas: Clear Filter');
    },
  },
];

module.exports = { sidebarChecks, filterModels, row, SIDEBAR };
