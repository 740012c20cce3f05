// UI checks of Check Bibliography: a published-version diagnostic with its hover and quick fixes, then the report
// (rows, keyboard, the diff before "Apply all safe fixes") in the light and the dark theme.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { fixtureWorkspace } = require('../harness/codeServer');
const wb = require('../harness/workbench');

const EDITOR = '.editor-instance .monaco-editor';
const LIGHT = /rgb\((2[0-9]{2}), (2[0-9]{2}), (2[0-9]{2})\)/;
const DARK = /rgb\(([0-9]{1,2}), ([0-9]{1,2}), ([0-9]{1,2})\)/;

/** Opens bibcheck/<file> with Quick Open, typing its folder so the root's file of the same name is not taken. */
async function openBibcheckFile(page, file) {
  await wb.dismiss(page);
  await wb.openQuickInput(page, 'Control+P', `bibcheck/${file}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-description', { hasText: /bibcheck/ }) }).filter({ hasText: file }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await wb.editorTab(page, file, { active: true }).waitFor();
}

async function goTo(page, line, column) {
  await wb.dismiss(page);
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await wb.openQuickInput(page, 'Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** The report's frame: a webview is an iframe inside an iframe in code-server. */
async function reportFrame(page, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('table.report tbody tr')) {
          return frame;
        }
      } catch {
        // a frame that navigated away meanwhile
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the Check Bibliography report did not appear');
}

const bibcheckChecks = [
  {
    name: 'Check Bibliography: a published-version diagnostic in refs.bib says where the paper was published',
    shot: 'bibcheck-01-published-version-hover',
    async run({ page }) {
      await wb.closeAllEditors(page);
      await openBibcheckFile(page, 'refs.bib');
      await goTo(page, 41, 12); // on the key of @misc{dai2023instructblip
      const hover = page.locator('.monaco-hover').filter({ visible: true }).filter({ hasText: 'Published at NeurIPS 2023' }).first();
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I'); // Show Hover: the diagnostic's message and its quick fix
        try {
          await hover.waitFor({ timeout: 4_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await page.keyboard.press('Escape');
        }
      }
      assert.match(await hover.innerText(), /published-version/);
    },
  },
  {
    name: 'Check Bibliography: its quick fixes rewrite the entry as the published version or add it under a new key',
    shot: 'bibcheck-02-published-version-quick-fix',
    async run({ page }) {
      await goTo(page, 41, 12);
      const rewrite = page.locator('.action-widget .monaco-list-row', { hasText: 'Rewrite as the published version (NeurIPS 2023)' }).first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await rewrite.waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (attempt >= 6) throw error;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
      }
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Add the published version under a new key and cite that' }).first().waitFor();
    },
    async after({ page }) {
      await wb.dismiss(page);
    },
  },
  {
    name: 'Check Bibliography: the report lists every atlas paper paper.tex cites, with its status (light theme)',
    shot: 'bibcheck-03-report-light',
    async run({ page }) {
      await wb.setColorTheme(page, 'Light Modern');
      await wb.closeAllEditors(page);
      await openBibcheckFile(page, 'paper.tex');
      await wb.runCommand(page, 'Model Atlas: Check Bibliography');
      const frame = await reportFrame(page);
      await frame.waitForFunction(() => document.querySelectorAll('table.report tbody tr').length === 7);
      const rows = await frame.$$eval('table.report tbody tr', (trs) => trs.map((tr) => `${tr.querySelector('.name').textContent}:${tr.getAttribute('data-status')}`));
      assert.deepStrictEqual(rows, ['BLIP:duplicate', 'BLIP-2:wrong-name', 'CLIP:mismatch', 'Flamingo:mismatch', 'InstructBLIP:published-since', 'LLaVA:mismatch', 'ViLT:mismatch']);
      // As a person reads a report: the page maximised (beside the document it is a column of cards).
      await wb.runCommand(page, 'View: Toggle Maximize Editor Group');
      const fixes = await frame.$$eval('button.fix', (bs) => bs.length);
      assert.ok(fixes >= 8, `only ${fixes} fix buttons`);
      const background = await wb.webviewBackground(page, () => reportFrame(page), LIGHT);
      assert.match(background, LIGHT, `light background: ${background}`);
      // Keyboard: the rows take Up and Down; Tab reaches the buttons.
      await frame.focus('table.report tbody tr[tabindex="0"]');
      await page.keyboard.press('ArrowDown');
      const focused = await frame.evaluate(() => document.activeElement?.querySelector('.name')?.textContent);
      assert.strictEqual(focused, 'BLIP-2');
    },
  },
  {
    name: 'Check Bibliography: "Apply All Safe Fixes" first shows the changes in a diff and asks',
    shot: 'bibcheck-04-safe-fixes-diff',
    async run({ page, folder }) {
      await wb.runCommand(page, 'View: Toggle Maximize Editor Group'); // the diff opens beside the report
      const frame = await reportFrame(page);
      await frame.click('button[data-action="apply-safe"]');
      await page.locator('.tabs-container .tab', { hasText: 'with the safe fixes' }).first().waitFor({ timeout: 20_000 });
      const again = await reportFrame(page);
      await again.waitForSelector('.confirm:not([hidden]) button[data-action="confirm-apply"]', { timeout: 20_000 });
      const onDisk = fs.readFileSync(path.join(folder, 'bibcheck', 'refs.bib'), 'utf8');
      assert.strictEqual(onDisk, fs.readFileSync(path.join(fixtureWorkspace, 'bibcheck', 'refs.bib'), 'utf8'), 'refs.bib was written before Apply');
    },
    // After the screenshot of the diff and the question: Cancel, which closes the diff and writes nothing.
    async after({ page }) {
      const frame = await reportFrame(page);
      await frame.click('button[data-action="confirm-cancel"]');
      await page.locator('.tabs-container .tab', { hasText: 'with the safe fixes' }).first().waitFor({ state: 'detached', timeout: 20_000 });
    },
  },
  {
    name: 'Check Bibliography: the report in the dark theme',
    shot: 'bibcheck-05-report-dark',
    async run({ page }) {
      await wb.setColorTheme(page, 'Dark Modern');
      await page.locator('.tabs-container .tab', { hasText: 'Bibliography check' }).first().click();
      await wb.runCommand(page, 'View: Toggle Maximize Editor Group');
      const background = await wb.webviewBackground(page, () => reportFrame(page), DARK);
      assert.match(background, DARK, `dark background: ${background}`);
      const frame = await reportFrame(page);
      const status = await frame.$eval('.status-mismatch', (el) => getComputedStyle(el).color);
      assert.notStrictEqual(status, background, 'status badges are readable');
    },
    async after({ page }) {
      await wb.runCommand(page, 'View: Toggle Maximize Editor Group');
      await wb.closeAllEditors(page);
    },
  },
];

module.exports = { bibcheckChecks };
