// UI checks of the writing aids: Insert Comparison Table into notes.md (the note's models ticked), the
// Markdown preview rendering it, and one undo taking it back.
'use strict';
const assert = require('assert');
const wb = require('../harness/workbench');

const EDITOR = '.editor-instance .monaco-editor';
const ROWS = '.quick-input-widget .monaco-list-row';
/** What notes.md mentions in prose (BLIP only inside fenced code, so not ticked). */
const MENTIONED = ['BLIP-2', 'Flamingo', 'Kosmos-1', 'BEiT-3', 'VL-BEiT'];

/** The first table in any frame (the preview's content is a nested webview frame), as rows of cell texts. */
async function previewTable(page, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const rows = await frame
        .$$eval('table tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent || '').trim())))
        .catch(() => []);
      if (rows.length > 0) {
        return rows;
      }
    }
    await page.waitForTimeout(300);
  }
  return [];
}

const writingAidsChecks = [
  {
    name: 'Insert Comparison Table from the palette puts a comparison table into notes.md that the Markdown preview renders',
    shot: 'writing-table-preview',
    async run({ page }) {
      await wb.quickOpen(page, 'notes.md');
      await page.locator(`${EDITOR} .view-lines`).first().click();
      await wb.openQuickInput(page, 'Control+G', '9:200'); // the end of the paragraph under "# Reading notes"
      await page.keyboard.press('Enter');

      await wb.runCommand(page, 'Model Atlas: Insert Comparison Table...');
      await page.locator('.quick-input-widget .quick-input-count', { hasText: `${MENTIONED.length} Selected` }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');

      // The first time, the columns that fit a page are ticked (date, vision encoder, language model, connector).
      await page.locator('.quick-input-widget .quick-input-count', { hasText: '4 Selected' }).waitFor();
      for (const column of ['Venue', 'Parameters', 'Fusion / connector']) {
        await page.locator(ROWS, { hasText: column }).first().click();
      }
      await page.locator('.quick-input-widget .quick-input-count', { hasText: '5 Selected' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator(`${EDITOR} .view-lines`, { hasText: '| Model | Date | Venue | Vision encoder | Language model | Parameters |' }).first().waitFor({ timeout: 15_000 });

      await wb.runCommand(page, 'View: Close Primary Side Bar'); // room for the preview (the next check reopens it)
      await wb.runCommand(page, 'Markdown: Open Preview to the Side');
      const rows = await previewTable(page);
      assert.deepStrictEqual(rows[0], ['Model', 'Date', 'Venue', 'Vision encoder', 'Language model', 'Parameters'], JSON.stringify(rows));
      const names = rows.slice(1).map((cells) => cells[0].replace(/\s*\[@.*$/, ''));
      assert.deepStrictEqual([...names].sort(), [...MENTIONED].sort(), JSON.stringify(rows));
      // No data is an en dash, not an empty cell or a guess (BEiT-3 has no language model).
      const beit3 = rows.find((cells) => cells[0].startsWith('BEiT-3'));
      assert.strictEqual(beit3[4], '\u2013', JSON.stringify(beit3));
      await page.waitForTimeout(500); // let the preview finish painting for the screenshot
    },
  },
  {
    name: 'closing the preview and one undo take the comparison table out of notes.md',
    shot: 'writing-table-undone',
    async run({ page }) {
      await wb.dismiss(page);
      // The tab's close button, not Ctrl+W: keyboard focus must not be left in the closed preview's frame.
      const preview = wb.editorTab(page, 'Preview notes.md');
      await preview.locator('.tab-actions .action-label').first().click();
      await preview.waitFor({ state: 'detached' });
      await wb.quickOpen(page, 'notes.md');
      await page.locator(`${EDITOR} .view-lines`).first().click();
      await page.keyboard.press('Control+Z');
      await wb.editorTab(page, 'notes.md', { active: true }).and(page.locator(':not(.dirty)')).waitFor({ timeout: 10_000 });
      // The one undo is applied a moment after the key press: poll (no second Ctrl+Z) until the table is gone.
      const table = page.locator(`${EDITOR} .view-lines`, { hasText: '| Model |' });
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && (await table.count()) > 0; ) await page.waitForTimeout(200);
      assert.strictEqual(await table.count(), 0, 'the table is still there');
      await wb.runCommand(page, 'View: Show Explorer');
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.md' }).first().waitFor();
    },
  },
];

module.exports = { writingAidsChecks };
