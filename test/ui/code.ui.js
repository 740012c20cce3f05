// UI checks beyond Markdown and LaTeX: a hover card over a checkpoint id in a notebook's code cell, and one
// over a citation in a Typst paper (served by its name: this VS Code has no Typst extension).
'use strict';
const assert = require('assert');
const wb = require('../harness/workbench');

/** The screen point at the middle of `needle` inside the element `line` (a rendered editor line). */
async function pointOf(line, needle) {
  return line.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at + Math.floor(needle.length / 2));
        range.setEnd(node, at + Math.floor(needle.length / 2) + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    throw new Error(`"${needle}" is not in the line`);
  }, needle);
}

/**
 * Moves the mouse onto `needle` in the rendered editor line `line` until a visible hover holding `text` shows
 * (the hover provider may not be ready at first, and a hover moved away from disappears): returns its text.
 */
async function hoverUntilCard(page, line, needle, text) {
  const card = page.locator('.monaco-hover').filter({ visible: true }).filter({ hasText: text }).first();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { x, y } = await pointOf(line, needle);
    await page.mouse.move(x, y, { steps: 4 });
    try {
      await card.waitFor({ timeout: 5_000 });
      return card.innerText();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.mouse.move(5, 5); // away, so the next move onto the text asks again
    }
  }
}

const codeChecks = [
  {
    name: 'a hover card over a checkpoint id in a notebook code cell',
    shot: 'code-01-notebook-checkpoint-hover',
    async run({ page }) {
      await wb.quickOpen(page, 'finetune.ipynb', { folder: 'code' });
      const line = page.locator('.notebookOverlay .view-line', { hasText: 'Qwen/Qwen2-VL-7B-Instruct' }).last();
      await line.waitFor({ timeout: 60_000 });
      const text = await hoverUntilCard(page, line, 'Qwen/Qwen2-VL-7B-Instruct', 'Qwen2-VL: Enhancing');
      for (const part of ['Qwen2-VL', 'Open Paper', 'Copy BibTeX', 'Copy Citation Key', 'Show Details', 'Cite in Project']) {
        assert.ok(text.includes(part), `the card lacks "${part}": ${text}`);
      }
      assert.ok(!text.includes('Insert Citation'), `a code card offers Insert Citation: ${text}`);
    },
    async after({ page }) {
      await page.mouse.move(5, 5);
      await wb.closeAllEditors(page);
    },
  },
  {
    name: 'a hover card over a citation key in a Typst paper, through its refs.bib',
    shot: 'code-02-typst-citation-hover',
    async run({ page }) {
      await wb.quickOpen(page, 'paper.typ', { folder: 'typst' });
      const line = page.locator('.editor-instance .view-line', { hasText: '@blip2paper' }).first();
      await line.waitFor({ timeout: 30_000 });
      const text = await hoverUntilCard(page, line, '@blip2paper', 'Bootstrapping Language-Image Pre-training with Frozen');
      for (const part of ['BLIP-2', 'Junnan Li et al.', 'Insert Citation', 'Copy BibTeX']) {
        assert.ok(text.includes(part), `the card lacks "${part}": ${text}`);
      }
    },
    async after({ page }) {
      await page.mouse.move(5, 5);
      await wb.closeAllEditors(page);
    },
  },
];

module.exports = { codeChecks };
