// Small page helpers for driving the VS Code web workbench the way a person would (keyboard, Quick Open,
// command palette). Selectors are VS Code's own DOM classes as of 1.100.
'use strict';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = '.quick-input-widget .monaco-list-row';

/** Waits until the workbench has rendered and the Explorer lists the workspace's files. */
async function waitForWorkbench(page, { file = 'paper.tex', timeout = 90_000 } = {}) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().waitFor({ timeout });
}

/** Closes whatever quick input, notification or menu is open. */
async function dismiss(page) {
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('Escape');
  }
}

/**
 * Opens a quick input with `key` (F1, Control+P) and types `text` into its box. The box is focused by hand
 * and its value checked before returning: when a webview had focus, keys typed at once could go to the webview.
 */
async function openQuickInput(page, key, text) {
  await page.keyboard.press(key);
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible' });
  await input.focus();
  await page.keyboard.type(text);
  const deadline = Date.now() + 5_000;
  while (!(await input.inputValue()).endsWith(text)) {
    if (Date.now() > deadline) throw new Error(`the quick input holds "${await input.inputValue()}", not "${text}"`);
    await page.waitForTimeout(100);
  }
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab to be active. */
async function quickOpen(page, fileName) {
  await dismiss(page);
  // An editor already open in a tab is activated by clicking its tab (what a person does).
  const tab = page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first();
  if (await tab.count()) {
    await tab.click();
    await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor();
    return;
  }
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  await openQuickInput(page, 'Control+P', fileName);
  await page.locator(QUICK_ROWS, { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor();
}

/** Types into the command palette (F1) and returns the labels of the commands it lists. */
async function commandPaletteEntries(page, text) {
  await dismiss(page);
  await openQuickInput(page, 'F1', text);
  await page.locator(QUICK_ROWS).first().waitFor();
  await page.waitForTimeout(300); // let filtering settle
  return page.locator(QUICK_ROWS).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') || row.textContent || ''));
}

/** Runs a command by its palette label, e.g. 'View: Show Extensions'. */
async function runCommand(page, label) {
  await dismiss(page);
  await openQuickInput(page, 'F1', label);
  await page.locator(QUICK_ROWS, { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Opens the Extensions view, searches it and waits (up to `timeout`) for an extension named `name`.
 * Returns the names it lists then, so a failing check can say what was there instead.
 */
async function findExtension(page, query, name, timeout = 30_000) {
  await runCommand(page, 'View: Show Extensions');
  const search = page.locator('.extensions-viewlet .suggest-input-container');
  await search.waitFor();
  await search.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  // Poll: the list is re-rendered while the search runs, so one snapshot may catch it empty.
  const names = page.locator('.extensions-viewlet .extension-list-item .name');
  const deadline = Date.now() + timeout;
  let listed = [];
  while (Date.now() < deadline) {
    listed = await names.allTextContents();
    if (listed.includes(name)) {
      break;
    }
    await page.waitForTimeout(250);
  }
  return listed;
}

module.exports = { waitForWorkbench, dismiss, openQuickInput, quickOpen, commandPaletteEntries, runCommand, findExtension };
