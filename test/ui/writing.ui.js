// UI checks of writing: the hover card over BLIP-2, completion inside \cite{, the Insert Citation pick, the
// quick fix for a key held under another key, and links in the Markdown preview.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { fixtureWorkspace } = require('../harness/codeServer');
const wb = require('../harness/workbench');

const EDITOR = '.editor-instance .monaco-editor';

/** Puts the cursor at 1-based line:column of the active editor with Go to Line. */
async function goTo(page, line, column) {
  await wb.dismiss(page);
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await wb.openQuickInput(page, 'Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** Text of the visible editor lines (what a person sees). */
async function visibleText(page) {
  return (await page.locator(`${EDITOR} .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');
}

/** Polls the visible editor lines until they match `pattern`; returns the last text read. */
async function waitForVisibleText(page, pattern, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    text = await visibleText(page).catch(() => text);
    if (pattern.test(text) || Date.now() > deadline) return text;
    await page.waitForTimeout(200);
  }
}

/**
 * Undoes the active editor's edits until `file` in the workspace copy is as in the fixture again. The web
 * workbench saves after a short delay (files.autoSave: afterDelay) and shows no dirty tab meanwhile, so what
 * is on disk is what tells: "File: Revert File" would only reload the already saved edit. It first waits (a
 * while, not failing) for the last edit, `saved`, to be on disk, so that its pending save is not taken for the fixture.
 */
async function undoUntilAsInFixture(page, folder, file, saved) {
  const original = fs.readFileSync(path.join(fixtureWorkspace, file), 'utf8');
  const onDisk = () => fs.readFileSync(path.join(folder, file), 'utf8');
  for (const deadline = Date.now() + 10_000; Date.now() < deadline && !saved.test(onDisk()); ) await page.waitForTimeout(200);
  for (let undos = 0; onDisk() !== original; undos++) {
    if (undos >= 12) throw new Error(`${file} still differs from the fixture after ${undos} undos`);
    const before = onDisk();
    await page.keyboard.press('Control+Z');
    // Wait for the undo's auto save; an undo with nothing left to undo (the file holds only these edits) saves nothing.
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline && onDisk() === before) await page.waitForTimeout(100);
  }
}

const writingChecks = [
  {
    name: 'a hover card over BLIP-2 in paper.tex shows its title, authors, summary and actions',
    shot: 'writing-01-hover-blip2',
    async run({ page }) {
      await wb.quickOpen(page, 'paper.tex');
      await goTo(page, 11, 3);
      // Show Hover may come before the extension's hover provider is ready (or the chord may be lost): ask again until the card shows.
      const hover = page.locator('.monaco-hover').filter({ visible: true }).filter({ hasText: 'Bootstrapping Language-Image Pre-training with Frozen' }).first();
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I'); // Show Hover
        try {
          await hover.waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await page.keyboard.press('Escape');
        }
      }
      const text = await hover.innerText();
      for (const part of ['BLIP-2', 'Junnan Li et al.', 'ICML 2023', 'Q-Former', 'Open Paper', 'Insert Citation', 'Copy BibTeX', 'Show Details', 'Show on Timeline']) {
        assert.ok(text.includes(part), `the card lacks "${part}": ${text}`);
      }
    },
  },
  {
    name: 'typing \\cite{ in paper.tex lists atlas citation keys',
    shot: 'writing-02-cite-completion',
    async run({ page }) {
      await goTo(page, 11, 200); // end of the line
      await page.keyboard.type(' \\cite{');
      const widget = page.locator('.suggest-widget.visible');
      await widget.waitFor({ timeout: 20_000 });
      // BLIP-2 is offered under the key refs.bib already holds for it, not the atlas key.
      await widget.locator('.monaco-list-row', { hasText: 'blip2paper' }).first().waitFor({ timeout: 10_000 });
      const rows = await widget.locator('.monaco-list-row').count();
      assert.ok(rows >= 5, `only ${rows} completion rows`);
      // The list draws only the rows in view, so an atlas-key row further down would not be there to count:
      // narrow it to the atlas key's prefix, which blip2paper matches too (its filter text holds li2023blip2).
      const narrower = 'li2023blip';
      await page.keyboard.type(narrower);
      const labels = () => widget.locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
      const isNarrowed = (listed) => listed.length < rows && listed.some((l) => l.startsWith('blip2paper'));
      let narrowed = [];
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && !isNarrowed(narrowed); ) {
        await page.waitForTimeout(200);
        narrowed = await labels().catch(() => []);
      }
      assert.ok(isNarrowed(narrowed), `"${narrower}" lists: ${narrowed.join(' | ')}`);
      assert.ok(!narrowed.some((l) => l.startsWith('li2023blip2')), `offers the atlas key as well: ${narrowed.join(' | ')}`);
      // Back to the bare \cite{ with its full list, as the next check expects. The list is incomplete (each
      // keystroke asks again), so VS Code closes the widget once Backspace empties the word: ask for it again
      // with Trigger Suggest, as a person would.
      for (let i = 0; i < narrower.length; i++) await page.keyboard.press('Backspace');
      await waitForVisibleText(page, /Q-Former, \\cite\{\}/);
      if (!(await widget.isVisible())) await page.keyboard.press('Control+Space');
      await widget.locator('.monaco-list-row').nth(rows - 1).waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'accepting a completion inserts the key',
    shot: 'writing-03-cite-accepted',
    async run({ page }) {
      await page.keyboard.type('kosmos');
      // Several Kosmos generations match "kosmos" (the closest name first, then the newest): the focused one is inserted.
      // Each keystroke asks again: read the focused row once the list for the whole word has settled.
      await waitForVisibleText(page, /\\cite\{kosmos\}/);
      const focused = page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: /kosmos/i }).first();
      const focusedLabel = async () => (await focused.waitFor().then(() => focused.getAttribute('aria-label'))) ?? '';
      let label = await focusedLabel();
      for (let last = ''; label !== last; ) {
        last = label;
        await page.waitForTimeout(300);
        label = await focusedLabel();
      }
      const key = /^kosmos-[\w.]+/i.exec(label)?.[0];
      assert.ok(key, `the focused row offers no Kosmos key: ${label}`);
      await page.keyboard.press('Enter');
      const inserted = new RegExp(`Q-Former, \\\\cite\\{${key.replace(/\./g, '\\.')}\\}`);
      assert.match(await waitForVisibleText(page, inserted), inserted);
    },
    // After the screenshot: paper.tex as in the fixture again (this check's and the last one's typing undone).
    async after({ page, folder }) {
      await wb.dismiss(page);
      await undoUntilAsInFixture(page, folder, 'paper.tex', /\\cite\{kosmos-[\w.]+\}/);
    },
  },
  {
    name: 'Insert Citation offers the atlas in a multi-select quick pick',
    shot: 'writing-04-insert-citation-pick',
    async run({ page }) {
      await goTo(page, 16, 32); // right after "Grounding arrived with Kosmos-2"
      await wb.runCommand(page, 'Model Atlas: Insert Citation...');
      // The command's pick replaces the palette in the same widget: type only once it is there.
      await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Type a name, title, author"]').waitFor({ state: 'visible' });
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await rows.first().waitFor();
      await wb.typeIntoQuickInput(page, 'Kosmos-2');
      await rows.filter({ hasText: 'Grounding Multimodal Large Language Models' }).first().waitFor();
      const count = await page.locator('.quick-input-widget .quick-input-count').innerText();
      assert.match(count, /0 Selected/, 'not a multi-select pick');
    },
  },
  {
    name: 'choosing a model inserts its citation at the cursor',
    shot: 'writing-05-insert-citation-done',
    async run({ page }) {
      // Tick the model's checkbox, then accept (Space would type into the filter box).
      await wb.tickQuickRow(page, 'Grounding Multimodal Large Language Models', 1);
      await page.keyboard.press('Enter');
      // paper.tex cites with \citep most, each set off by a space: the new citation does the same.
      await page.locator(`${EDITOR} .view-lines`, { hasText: 'Kosmos-2 \\citep{kosmos-2}' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+S'); // later checks close editors; leave nothing unsaved
    },
  },
  {
    name: 'the quick fix offers the key refs.bib already holds for BLIP-2',
    shot: 'writing-06-quick-fix',
    async run({ page }) {
      await goTo(page, 13, 80); // inside li2023blip2 in \citep[see][]{li2023blip2,...}
      const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Use the existing key blip2paper' }).first();
      // Diagnostics are debounced, and a slow machine may list the code actions before they exist: ask again.
      for (let attempt = 1; ; attempt++) {
        await page.waitForTimeout(1000);
        await page.keyboard.press('Control+.');
        try {
          await action.waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (attempt >= 5) throw error;
          await page.keyboard.press('Escape');
        }
      }
    },
  },
  {
    name: 'the Markdown preview links model mentions to their papers',
    shot: 'writing-07-markdown-preview',
    async run({ page }) {
      await wb.dismiss(page);
      await wb.quickOpen(page, 'notes.md');
      await wb.runCommand(page, 'Markdown: Open Preview'); // in the same group, so closing it leaves one group
      await wb.editorTab(page, 'Preview notes.md', { active: true }).waitFor();
      const deadline = Date.now() + 30_000;
      let links = [];
      while (Date.now() < deadline && links.length === 0) {
        for (const frame of page.frames()) {
          links = await frame.$$eval('a.model-atlas-mention', (as) => as.map((a) => `${a.textContent}|${a.getAttribute('title')}|${a.getAttribute('href')}`)).catch(() => []);
          if (links.length > 0) break;
        }
        await page.waitForTimeout(300);
      }
      assert.ok(links.some((l) => l.startsWith('BLIP-2|BLIP-2: Bootstrapping') && l.endsWith('https://arxiv.org/abs/2301.12597')), links.join('\n'));
      assert.ok(!links.some((l) => l.startsWith('BLIP|')), 'BLIP in the fenced code block was linked');
      await page.keyboard.press('Control+W'); // close the preview tab; later checks type into text editors
      await wb.editorTab(page, 'Preview notes.md').waitFor({ state: 'detached' });
      await wb.editorTab(page, 'notes.md', { active: true }).waitFor(); // the text editor, not the preview's tab
    },
  },
  {
    name: 'the Insert Citation pick finds a model by a spelling without hyphens, an architecture word, and its organisation and year',
    shot: 'writing-08-pick-normalised',
    async run({ page }) {
      await wb.dismiss(page);
      await wb.quickOpen(page, 'paper.tex');
      await wb.runCommand(page, 'Model Atlas: Insert Citation...');
      await page.locator('.quick-input-widget .quick-input-box input[placeholder^="Type a name, title, author"]').waitFor({ state: 'visible' });
      const labels = () =>
        page.locator('.quick-input-widget .monaco-list-row').filter({ visible: true }).evaluateAll((rows) => rows.map((r) => r.querySelector('.label-name')?.textContent?.trim() ?? ''));
      /** Types `query` into the emptied box and waits until the listed models satisfy `expect`. */
      const search = async (query, expect) => {
        await page.locator('.quick-input-widget .quick-input-box input').fill('');
        await wb.typeIntoQuickInput(page, query);
        let listed = [];
        for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(200)) {
          listed = await labels().catch(() => []);
          if (expect(listed)) return listed;
        }
        throw new Error(`"${query}" lists: ${listed.join(', ')}`);
      };
      // VS Code's own matching finds neither: "Qwen2.5-VL" has a dot and a hyphen, "Q-Former" is in no label.
      await search('qformer', (listed) => listed.includes('BLIP-2') && listed.includes('InstructBLIP'));
      await search('qwen25vl', (listed) => listed.includes('Qwen2.5-VL'));
      // Flamingo's paper gives "DeepMind": its canonical organisation and its year find it.
      await search('google 2022', (listed) => listed.includes('Flamingo') && listed.includes('CoCa'));
    },
    async after({ page }) {
      await page.keyboard.press('Escape');
    },
  },
];

module.exports = { writingChecks };
