// UI checks of the writing features in code-server, in the form test/ui/checks.js lists (name, shot, run):
// a hover card over BLIP-2 in paper.tex, the completion list inside \cite{, the Insert Citation quick pick,
// the quick fix on a key the .bib holds under another key, and model links in the Markdown preview.
'use strict';
const assert = require('assert');
const wb = require('./workbench');

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

const writingChecks = [
  {
    name: 'a hover card over BLIP-2 in paper.tex shows its title, authors, summary and actions',
    shot: 'writing-01-hover-blip2',
    async run({ page }) {
      await wb.quickOpen(page, 'paper.tex');
      await goTo(page, 11, 3);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I'); // Show Hover
      const hover = page.locator('.monaco-hover', { hasText: 'Bootstrapping Language-Image Pre-training with Frozen' }).first();
      await hover.waitFor({ timeout: 20_000 });
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
      assert.strictEqual(await widget.locator('.monaco-list-row', { hasText: 'li2023blip2' }).count(), 0, 'offers the atlas key as well');
      const rows = await widget.locator('.monaco-list-row').count();
      assert.ok(rows >= 5, `only ${rows} completion rows`);
    },
  },
  {
    name: 'accepting a completion inserts the key',
    shot: 'writing-03-cite-accepted',
    async run({ page }) {
      await page.keyboard.type('kosmos');
      await page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: /kosmos/i }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      assert.match(await visibleText(page), /Q-Former, \\cite\{kosmos-[12]\}/);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Z');
    },
  },
  {
    name: 'Insert Citation offers the atlas in a multi-select quick pick',
    shot: 'writing-04-insert-citation-pick',
    async run({ page }) {
      await goTo(page, 16, 32); // right after "Grounding arrived with Kosmos-2"
      await wb.runCommand(page, 'Model Atlas: Insert Citation...');
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await rows.first().waitFor();
      await page.keyboard.type('Kosmos-2');
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
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Grounding Multimodal Large Language Models' }).first().click();
      await page.locator('.quick-input-widget .quick-input-count', { hasText: '1 Selected' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator(`${EDITOR} .view-lines`, { hasText: '\\cite{kosmos-2}' }).first().waitFor({ timeout: 15_000 });
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
      await page.locator('.tabs-container .tab.active[aria-label*="notes.md"]').first().waitFor();
    },
  },
];

module.exports = { writingChecks };
