// UI check of a user atlas file with a broken second entry: its problem shows at its line in the Problems panel
// (the README's screenshot); `after` deletes the file.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const wb = require('../harness/workbench');

const FILE = 'broken.atlas.yaml';

/** A list of two entries from test/fixtures/restricted's Lumen-VL: itself, and a copy whose `kind` is not one the schema allows. */
function brokenAtlas() {
  const good = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'restricted', 'lumen.atlas.yaml'), 'utf8').replace(/^#.*\n/gm, '');
  const bad = good.replace('lumen-vl', 'bad-kind').replace('name: Lumen-VL', 'name: Bad Kind').replace('[LumenVL]', '[BadKind]')
    .replace(/zhang2024lumen/g, 'bad2024kind').replace('kind: multimodal', 'kind: audio');
  const asItem = (text) => text.trim().split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n');
  return `${asItem(good)}\n${asItem(bad)}\n`;
}

const datasetChecks = [
  {
    name: 'a broken entry in a workspace atlas file shows in the Problems panel at its line',
    shot: 'datasets-01-problems',
    async run({ page, folder }) {
      const text = brokenAtlas();
      const line = text.split('\n').findIndex((l) => l.includes('kind: audio')) + 1;
      fs.writeFileSync(path.join(folder, FILE), text);
      await wb.quickOpen(page, FILE);
      await wb.runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: /kind must be one of/ });
      await row.first().waitFor({ timeout: 30_000 });
      // Every problem listed under the file (rows of level 2 after its row of level 1), whatever it says:
      // the good entry beside the broken one must have none.
      const listed = await page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
        elements.map((e) => ({ level: e.getAttribute('aria-level'), text: e.textContent ?? '' })),
      );
      const fileRow = listed.findIndex((r) => r.level === '1' && r.text.includes(FILE));
      assert.ok(fileRow >= 0, `no row for ${FILE}: ${listed.map((r) => `${r.level}:${r.text}`).join(' | ')}`);
      const nextFile = listed.findIndex((r, i) => i > fileRow && r.level === '1');
      const rows = listed.slice(fileRow + 1, nextFile < 0 ? undefined : nextFile).map((r) => r.text);
      assert.strictEqual(rows.length, 1, `one problem expected under ${FILE}: ${rows.join(' | ')}`);
      assert.match(rows[0], new RegExp(`Ln ${line}, Col 3`), rows[0]);
      assert.match(rows[0], /Model Atlas/, 'the source is named');
      // Clicking it takes the editor to the entry, as a person would, for the screenshot.
      await row.first().click();
      await page.locator('.editor-instance .view-lines', { hasText: 'kind: audio' }).first().waitFor();
    },
    async after({ page, folder }) {
      fs.rmSync(path.join(folder, FILE), { force: true });
      await wb.closeAllEditors(page);
      await wb.runCommand(page, 'View: Hide Panel');
    },
  },
];

module.exports = { datasetChecks };
