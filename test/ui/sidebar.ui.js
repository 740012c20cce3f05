// UI checks of the sidebar and the details page: both views, the Models tree by year and family, In This
// Document on paper.tex, and BLIP-2's diagram measured in the browser, in light and dark.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { root } = require('../harness/codeServer');
const wb = require('../harness/workbench');

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

/** A view header titled `title` ("Models", "In This Document"), `within` a sidebar part or pane. */
const headerTitled = (page, title, within = `${SIDEBAR} `) => page.locator(`${within}.pane-header`, { has: page.locator('.title', { hasText: new RegExp(`^${wb.escapeRegExp(title)}$`) }) }).first();
const paneHeader = (page, title) => headerTitled(page, title);

/**
 * Collapses or expands a sidebar view by its header, as its aria-expanded says (a click on its title toggles it:
 * the header's middle may hold the view's title-bar actions, Filter first in the Models view).
 */
async function setPaneExpanded(page, title, expanded) {
  const header = paneHeader(page, title);
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
    await header.locator('.title').click();
  }
  await header.and(page.locator(`[aria-expanded="${expanded}"]`)).waitFor();
}

/** The Model Atlas entry of the activity bar; `checked` while its container is the one the sidebar shows. */
const activityEntry = (page, { checked = false } = {}) => page.locator(`.activitybar .action-item${checked ? '.checked' : ''} [aria-label^="Model Atlas"]`).first();

/** Shows the Model Atlas container in the sidebar with its entry: a click on the entry of the container already shown would hide the sidebar. */
async function showModelAtlasContainer(page) {
  if (!((await activityEntry(page, { checked: true }).count()) && (await paneHeader(page, 'Models').isVisible()))) {
    await activityEntry(page).click();
  }
  await paneHeader(page, 'Models').waitFor();
}

/** The atlas's oldest model (by date, then name, as the Models tree orders a group) and its year, from the bundled dist/atlas.json. */
function oldestModel() {
  const models = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'atlas.json'), 'utf8'));
  const [oldest] = [...models].sort((a, b) => a.paper.date.localeCompare(b.paper.date) || a.name.localeCompare(b.name));
  return { year: oldest.paper.date.slice(0, 4), name: oldest.name };
}

const LIGHT = /rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)/;
const DARK = /rgb\(([0-9]{1,2}), ([0-9]{1,2}), ([0-9]{1,2})\)/;

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
      if (await activityEntry(page, { checked: true }).count()) {
        await wb.runCommand(page, 'View: Show Explorer'); // so that the click below opens the container, not hides it
        await activityEntry(page, { checked: true }).waitFor({ state: 'detached' });
      }
      await activityEntry(page).click();
      for (const title of ['Models', 'In This Document']) {
        await paneHeader(page, title).waitFor();
      }
      // The tree opens by year, oldest first, with the year groups expanded; a long year (2023, where BLIP-2 is)
      // splits into collapsed families. The first rows drawn are the oldest year's and its oldest model's.
      const { year, name } = oldestModel();
      await row(page, year).waitFor();
      await row(page, wb.escapeRegExp(name)).waitFor();
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
      await setPaneExpanded(page, 'Models', false); // room for In This Document
      const inDocument = page.locator(`${SIDEBAR} .pane`, { has: headerTitled(page, 'In This Document', '') }).first();
      // The view follows the active editor: until it describes paper.tex it may still list notes.md's models
      // (BLIP-2 and Flamingo among them), and its rows come a moment after the description.
      await inDocument.locator('.pane-header .description', { hasText: /^paper\.tex$/ }).waitFor();
      const expected = ['BLIP-2', 'BLIP', 'Kosmos-2'];
      const listed = () => inDocument.locator('.monaco-list-row .label-name').allTextContents();
      let labels = [];
      for (const deadline = Date.now() + 20_000; Date.now() < deadline && !expected.every((name) => labels.includes(name)); ) {
        await page.waitForTimeout(200);
        labels = await listed();
      }
      const body = async () => JSON.stringify(await inDocument.evaluate((pane) => ({ height: pane.getBoundingClientRect().height, text: pane.innerText.slice(0, 300) })));
      for (const name of expected) {
        assert.ok(labels.includes(name), `missing ${name} in ${labels.join(', ')}; the pane: ${await body()}`);
      }
      assert.ok(!labels.includes('Flamingo'), 'Flamingo is only in verbatim');
      await inDocument.locator('.monaco-list-row', { hasText: 'BLIP-2' }).first().click();
      await page.keyboard.press('ArrowRight'); // expand: the occurrences with line numbers
      await inDocument.locator('.monaco-list-row .label-description', { hasText: /line \d+/ }).first().waitFor();
    },
    // After the screenshot, and also when the check failed: the checks below click rows of the Models view.
    async after({ page }) {
      await setPaneExpanded(page, 'Models', true);
    },
  },
  {
    name: "BLIP-2's details page draws its architecture (light theme)",
    shot: 'sidebar-05-details-light',
    async run({ page }) {
      await wb.setColorTheme(page, 'Light Modern');
      await wb.closeAllEditors(page);
      await filterModels(page, 'BLIP-2');
      await row(page, 'BLIP-2').click();
      const frame = await detailsFrame(page, 'BLIP-2');
      const { problems, boxes, frozen } = await diagramProblems(frame);
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(boxes, 6);
      assert.strictEqual(frozen, 2, 'the image encoder and the LLM are frozen');
      const buttons = await frame.$$eval('button', (els) => els.map((b) => b.textContent));
      for (const b of ['Insert Citation', 'Show on Timeline', 'Copy BibTeX']) assert.ok(buttons.includes(b), buttons.join());
      const background = await wb.webviewBackground(page, () => detailsFrame(page, 'BLIP-2'), LIGHT);
      assert.match(background, LIGHT, `light background: ${background}`);
      await frame.evaluate(() => document.querySelector('.diagram').scrollIntoView({ block: 'center' }));
    },
  },
  {
    name: "BLIP-2's details page in the dark theme",
    shot: 'sidebar-06-details-dark',
    async run({ page }) {
      await wb.setColorTheme(page, 'Dark Modern');
      // The webview takes the new theme's variables a moment after the workbench: poll its background.
      const background = await wb.webviewBackground(page, () => detailsFrame(page, 'BLIP-2'), DARK);
      assert.match(background, DARK, `dark background: ${background}`);
      const frame = await detailsFrame(page, 'BLIP-2');
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

module.exports = { sidebarChecks, filterModels, row, SIDEBAR, setPaneExpanded, showModelAtlasContainer };
