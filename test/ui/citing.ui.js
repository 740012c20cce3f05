// UI checks of the citing flows (issue 19): the completion list ranks the model typed first, Insert Citation
// ticks a selected name and cites several in the order picked, an append to a .bib not in view is reported
// with Open and Undo, and Insert Citation is not in the palette over a .bib.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const wb = require('../harness/workbench');

const EDITOR = '.editor-instance .monaco-editor';
/** The workspace files as a check found them (earlier checks may have left citations), to put them back after it. */
let atStart = {};
const onDisk = (folder, file) => fs.readFileSync(path.join(folder, file), 'utf8');
function remember(folder) {
  atStart = { 'paper.tex': onDisk(folder, 'paper.tex'), 'notes.md': onDisk(folder, 'notes.md'), 'refs.bib': onDisk(folder, 'refs.bib') };
}

async function goTo(page, line, column) {
  await wb.dismiss(page);
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await wb.openQuickInput(page, 'Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** Polls `read` until `ok` holds for what it returns; returns the last value. */
async function poll(read, ok, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** Undoes in the active editor until `file` is as the check found it: the web workbench saves on its own, so disk tells. */
async function undoUntilAsAtStart(page, folder, file) {
  await wb.dismiss(page);
  for (let undos = 0; onDisk(folder, file) !== atStart[file]; undos++) {
    if (undos >= 12) throw new Error(`${file} still differs after 12 undos`);
    const before = onDisk(folder, file);
    await page.keyboard.press('Control+Z');
    // Wait for this undo's auto save before the next: on a loaded machine a save may take seconds, and an undo
    // pressed meanwhile would go past the state the check found (an earlier check's citation undone too).
    await poll(() => onDisk(folder, file), (text) => text !== before, 10_000);
  }
}

/**
 * The 1-based column of `text` in line `line` of `file` as the check found it: earlier checks may have left a
 * citation before it on the line (writing's Insert Citation leaves "Kosmos-2 \citep{kosmos-2}" on line 16).
 */
function columnOf(file, line, text) {
  const index = atStart[file].split('\n')[line - 1]?.indexOf(text) ?? -1;
  if (index < 0) throw new Error(`"${text}" is not on line ${line} of ${file}: ${atStart[file].split('\n')[line - 1]}`);
  return index + 1;
}

const rowLabels = (widget) => widget.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));

const citingChecks = [
  {
    name: 'citing: completion inside \\cite{ ranks the model typed first: blip lists BLIP, then BLIP-2',
    shot: 'citing-01-completion-ranking',
    async run({ page, folder }) {
      remember(folder);
      await wb.quickOpen(page, 'paper.tex');
      await goTo(page, 11, 200); // end of the BLIP-2 line
      await page.keyboard.type(' \\cite{blip');
      const widget = page.locator('.suggest-widget.visible');
      await widget.waitFor({ timeout: 20_000 });
      // refs.bib holds BLIP as li2022blip and BLIP-2 as blip2paper: those keys, in that order, the first focused.
      const labels = await poll(() => rowLabels(widget).catch(() => []), (l) => l.length > 1 && l[0].startsWith('li2022blip'));
      assert.ok(labels[0].startsWith('li2022blip') && labels[1].startsWith('blip2paper'), labels.join(' | '));
      await widget.locator('.monaco-list-row.focused', { hasText: 'li2022blip' }).waitFor();
      // The focused item's card is written when its details show (Ctrl+Space), not for every item of the list.
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-details', { hasText: 'vision-language pretraining framework' }).first().waitFor({ timeout: 10_000 });
    },
    async after({ page, folder }) {
      // Details closed again while the list is open (VS Code remembers the choice for every later list).
      if (await page.locator('.suggest-widget.visible .suggest-details-container').isVisible().catch(() => false)) {
        await page.keyboard.press('Control+Space');
      }
      await undoUntilAsAtStart(page, folder, 'paper.tex');
    },
  },
  {
    name: 'citing: a Quarto cross-reference gets no completion Enter would accept',
    shot: 'citing-02-no-completion',
    async run({ page, folder }) {
      remember(folder);
      await wb.quickOpen(page, 'notes.md');
      await goTo(page, 7, 200);
      await page.keyboard.type(' See @fig-a');
      await page.keyboard.press('Control+Space');
      // Asked for explicitly, the widget says when there is nothing to offer.
      await page.locator('.suggest-widget .message', { hasText: 'No suggestions' }).waitFor({ timeout: 15_000 });
      const rows = await page.locator('.suggest-widget.visible .monaco-list-row').count();
      assert.strictEqual(rows, 0, 'a suggestion is offered for @fig-a');
      await page.keyboard.press('Enter');
      // The web workbench saves on its own: the line on disk is what was typed, and Enter only broke it.
      const text = await poll(() => onDisk(folder, 'notes.md'), (t) => t.includes('See @fig-a\n'));
      const line = text.split('\n').find((l) => l.includes('See @fig-a'));
      assert.strictEqual(line, ' See @fig-a', 'Enter accepted a suggestion');
    },
    async after({ page, folder }) {
      await undoUntilAsAtStart(page, folder, 'notes.md');
    },
  },
  {
    name: 'citing: with CoCa selected, Insert Citation ticks CoCa; models picked after it are cited in the order picked',
    shot: 'citing-03-selected-name-ticked',
    async run({ page, folder }) {
      remember(folder);
      await wb.quickOpen(page, 'paper.tex');
      await goTo(page, 16, columnOf('paper.tex', 16, "CoCa's")); // the start of CoCa, which the next four characters select
      for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Control+Alt+C');
      const count = page.locator('.quick-input-widget .quick-input-count');
      await count.filter({ hasText: '1 Selected' }).waitFor({ timeout: 15_000 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'In this document' }).first().waitFor();
      await page.locator('.quick-input-widget .monaco-list-row.checked, .quick-input-widget .monaco-list-row', { hasText: 'CoCa' }).first().waitFor();
      // Tick Flamingo, then ALBEF.
      for (const [name, title, n] of [['Flamingo', 'Flamingo: a Visual Language Model', 2], ['ALBEF', 'Align before Fuse', 3]]) {
        await wb.typeIntoQuickInput(page, name);
        await wb.tickQuickRow(page, title, n);
        await page.locator('.quick-input-widget .quick-input-box input').fill('');
      }
    },
    async after({ page, folder }) {
      await page.keyboard.press('Enter');
      const text = await poll(() => onDisk(folder, 'paper.tex'), (t) => /CoCa \\citep\{[^}]+\}/.test(t), 20_000);
      const keys = /CoCa \\citep\{([^}]+)\}/.exec(text)?.[1].split(',') ?? [];
      assert.deepStrictEqual(keys, ['yu2022coca', 'alayrac2022flamingo', 'ALBEF'], text);
      await undoUntilAsAtStart(page, folder, 'paper.tex');
      // Undoing the citation took its appended entries back too.
      const bib = await poll(() => onDisk(folder, 'refs.bib'), (t) => t === atStart['refs.bib']);
      assert.strictEqual(bib, atStart['refs.bib'], 'refs.bib kept the entries of an undone citation');
    },
  },
  {
    name: 'citing: an append to a .bib that is not open is reported with Open and Undo, and Undo takes both back',
    shot: 'citing-04-append-notification',
    async run({ page, folder }) {
      remember(folder);
      await wb.closeAllEditors(page);
      await wb.quickOpen(page, 'paper.tex');
      await goTo(page, 16, columnOf('paper.tex', 16, "LLaVA's") + 'LLaVA'.length); // right after "LLaVA"
      await wb.runCommand(page, 'Model Atlas: Insert Citation...');
      await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Type a name, title, author"]').waitFor({ state: 'visible' });
      await wb.typeIntoQuickInput(page, 'InstructBLIP');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Towards General-purpose Vision-Language Models' }).first().click();
      await page.keyboard.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Added 1 entry to refs.bib' });
      await toast.waitFor({ timeout: 20_000 });
      for (const button of ['Open', 'Undo']) {
        await toast.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).waitFor();
      }
      assert.match(await poll(() => onDisk(folder, 'paper.tex'), (t) => t.includes('LLaVA \\citep{instructblip}')), /LLaVA \\citep\{instructblip\}'s/);
    },
    async after({ page, folder }) {
      await page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: /^Undo$/ }).first().click();
      const paper = await poll(() => onDisk(folder, 'paper.tex'), (t) => t === atStart['paper.tex']);
      const bib = await poll(() => onDisk(folder, 'refs.bib'), (t) => t === atStart['refs.bib']);
      assert.strictEqual(paper, atStart['paper.tex'], 'Undo left the citation');
      assert.strictEqual(bib, atStart['refs.bib'], 'Undo left the entry');
    },
  },
  {
    name: 'citing: Insert Citation is in the palette over paper.tex, not over refs.bib alone',
    shot: 'citing-05-palette-over-bib',
    async run({ page }) {
      await wb.closeAllEditors(page);
      await wb.quickOpen(page, 'refs.bib');
      const overBib = await wb.commandPaletteEntries(page, 'Model Atlas: Insert Cit');
      assert.ok(!overBib.some((e) => e.startsWith('Model Atlas: Insert Citation')), overBib.join(' | '));
      await wb.dismiss(page);
      await wb.quickOpen(page, 'paper.tex');
      const overPaper = await wb.commandPaletteEntries(page, 'Model Atlas: Insert Cit');
      assert.ok(overPaper.some((e) => e.startsWith('Model Atlas: Insert Citation')), overPaper.join(' | '));
    },
    async after({ page }) {
      await wb.dismiss(page);
    },
  },
];

module.exports = { citingChecks };
