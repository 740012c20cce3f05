// Small page helpers for driving the VS Code web workbench the way a person would (keyboard, Quick Open,
// command palette). Selectors are VS Code's own DOM classes as of 1.100.
'use strict';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = '.quick-input-widget .monaco-list-row';
const QUICK_BOX = '.quick-input-widget .quick-input-box input';

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

/** `text` as a regular expression that matches it literally. */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The visible quick-input row whose label is exactly `label` (not one that merely contains it); `focused` for
 * the keyboard's row; `description`, when given, the row's description exactly ('' for none: a file at the
 * workspace root in Quick Open, not bibcheck/notes.md).
 */
function quickRow(page, label, { focused = false, description } = {}) {
  let rows = page
    .locator(`${QUICK_ROWS}${focused ? '.focused' : ''}`)
    .filter({ visible: true })
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  if (description !== undefined) {
    rows = description
      ? rows.filter({ has: page.locator('.label-description', { hasText: new RegExp(`^\\s*${escapeRegExp(description)}\\s*$`) }) })
      : rows.filter({ hasNot: page.locator('.label-description', { hasText: /\S/ }) });
  }
  return rows.first();
}

/**
 * Types `text` into the open quick input's box. The box is focused by hand and its value checked before
 * returning: when a webview had focus, keys typed at once could go to the webview.
 * A caller that opened a second picker (a command's own quick pick) waits for it first: the widget is reused,
 * so the old box is visible, and a new picker's empty value would replace what was typed too early.
 */
async function typeIntoQuickInput(page, text) {
  const input = page.locator(QUICK_BOX);
  await input.waitFor({ state: 'visible' });
  const focused = () => input.evaluate((el) => el === document.activeElement && document.hasFocus());
  for (let attempt = 1; !(await focused()); attempt++) {
    if (attempt > 20) throw new Error('the quick input box does not take the focus');
    await input.focus();
    await page.waitForTimeout(100);
  }
  await page.keyboard.type(text);
  const deadline = Date.now() + 5_000;
  while (!(await input.inputValue()).endsWith(text)) {
    if (Date.now() > deadline) throw new Error(`the quick input holds "${await input.inputValue()}", not "${text}"`);
    await page.waitForTimeout(100);
  }
}

/** Opens a quick input with `key` (F1, Control+P, Control+G), pressing it again if none opened, and types `text` into it. */
async function openQuickInput(page, key, text) {
  const input = page.locator(QUICK_BOX);
  for (let attempt = 1; ; attempt++) {
    // Keys typed while a webview's frame has the focus may never reach the workbench (a maximized report kept
    // F1 from the palette for two minutes): the frame gives the focus back first.
    await page.evaluate(() => document.activeElement instanceof HTMLIFrameElement && document.activeElement.blur());
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw new Error(`${key} opened no quick input: ${error.message}`);
    }
  }
  await typeIntoQuickInput(page, text);
}

/**
 * Ticks the row of an open multi-select quick pick that contains `text`, so that the pick shows `selected`
 * ticked. The row is clicked only while unticked, and the count must hold for half a second: a list the
 * extension replaces for a filter typed just before may arrive after the click and clear its tick.
 */
async function tickQuickRow(page, text, selected, { attempts = 5 } = {}) {
  const row = page.locator(QUICK_ROWS, { hasText: text }).first();
  const count = page.locator(`${QUICK_INPUT} .quick-input-count`);
  const holds = async () => (await count.innerText().catch(() => '')).includes(`${selected} Selected`);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if ((await row.getAttribute('aria-checked')) !== 'true') await row.click();
    await count.filter({ hasText: `${selected} Selected` }).waitFor({ timeout: 5_000 }).catch(() => {});
    await page.waitForTimeout(500);
    if (await holds()) return;
  }
  throw new Error(`the pick does not hold "${selected} Selected" after ticking "${text}": ${await count.innerText().catch(() => '?')}`);
}

/**
 * Accepts the row labelled exactly `label` in the open quick input: it waits for that row, moves the
 * keyboard focus onto it when another row has it ("View: Close All Editors in Group" or "Preferences: Browse
 * Color Themes in Marketplace" may be listed first) and presses Enter. Throws if the row does not show in `timeout`.
 */
async function acceptQuickRow(page, label, { timeout = 10_000, description } = {}) {
  await quickRow(page, label, { description }).waitFor({ timeout });
  const focused = quickRow(page, label, { focused: true, description });
  for (let step = 0; (await focused.count()) === 0; step++) {
    if (step >= 30) throw new Error(`the keyboard never reached the row "${label}"`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** The editor tab whose label is exactly `fileName` (not "[Preview] fileName"); `active` for the one shown in its group. */
function editorTab(page, fileName, { active = false } = {}) {
  return page
    .locator(`.tabs-container .tab${active ? '.active' : ''}`)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(fileName)}\\s*$`) }) })
    .first();
}

/**
 * Opens a workspace file at the root (or at `folder`) with Quick Open (Ctrl+P) and waits for its editor tab to be
 * active: the row taken is the one whose description is that folder, as the list's order varies. A file written
 * a moment ago may be missing from the first search ("No matching results", which does not refresh): Quick Open
 * is asked again, as a person would.
 */
async function quickOpen(page, fileName, { folder = '' } = {}) {
  await dismiss(page);
  // An editor already open in a tab is activated by clicking its tab (what a person does).
  const tab = editorTab(page, fileName);
  if (await tab.count()) {
    await tab.click();
  } else {
    for (let attempt = 1; ; attempt++) {
      await openQuickInput(page, 'Control+P', fileName);
      try {
        await acceptQuickRow(page, fileName, { timeout: 10_000, description: folder });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        console.log(`          (Quick Open did not list ${fileName}: asked again)`);
        await dismiss(page);
      }
    }
  }
  await editorTab(page, fileName, { active: true }).waitFor();
}

/** Types into the command palette (F1) and returns the labels of the commands it lists. */
async function commandPaletteEntries(page, text) {
  await dismiss(page);
  await openQuickInput(page, 'F1', text);
  await page.locator(QUICK_ROWS).first().waitFor();
  await page.waitForTimeout(300); // let filtering settle
  return page.locator(QUICK_ROWS).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') || row.textContent || ''));
}

/**
 * Runs a command by its exact palette label, e.g. 'View: Show Extensions' (not 'Extensions: Show Built-in
 * Extensions', nor 'Model Atlas: Show on Timeline' for 'Model Atlas: Show Timeline').
 * Retried: the palette lists only commands known when it opened, and the extension may still be loading.
 */
async function runCommand(page, label) {
  for (let attempt = 1; ; attempt++) {
    await dismiss(page);
    try {
      await openQuickInput(page, 'F1', label);
      await acceptQuickRow(page, label, { timeout: 5_000 });
      if (attempt > 1) {
        console.log(`          (the palette ran "${label}" at attempt ${attempt})`); // a slow check says where its time went
      }
      return;
    } catch (error) {
      if (attempt >= 6) throw new Error(`could not run "${label}" from the palette: ${error.message}`);
    }
  }
}

/**
 * Closes every editor with View: Close All Editors and waits until no tab is left. A dirty editor could make
 * VS Code ask whether to save (a modal dialog that would block every later check): it is answered
 * "Don't Save", and said so in the log.
 */
async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  const tabs = page.locator('.tabs-container .tab');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Don.t Save$/ }).first();
  const deadline = Date.now() + 15_000;
  while ((await tabs.count()) > 0) {
    if (await dontSave.isVisible()) {
      console.log(`          (closing the editors asked to save ${await page.locator('.monaco-dialog-box .dialog-message').innerText().catch(() => '?')}: answered Don't Save)`);
      await dontSave.click();
    }
    if (Date.now() > deadline) throw new Error(`editors still open: ${(await tabs.allInnerTexts()).join(', ')}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Switches the color theme with Preferences: Color Theme, clicking nothing: `theme` is the label the picker
 * shows ("Light Modern", "Dark Modern"; "Default Light Modern" is only its description).
 */
async function setColorTheme(page, theme) {
  await runCommand(page, 'Preferences: Color Theme');
  // The theme picker replaces the palette in the same widget: type only once it is there.
  await page.locator(`${QUICK_BOX}[placeholder^="Select Color Theme"]`).waitFor({ state: 'visible' });
  await typeIntoQuickInput(page, theme);
  await acceptQuickRow(page, theme);
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/**
 * Polls a webview's computed body background until it matches `pattern` (a theme change reaches the webview
 * a moment after the workbench) and returns the last value read; `frameOf()` finds the frame again if it was replaced.
 */
async function webviewBackground(page, frameOf, pattern, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let background = '';
  for (;;) {
    background = await frameOf()
      .then((frame) => frame.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .catch(() => background);
    if (pattern.test(background) || Date.now() > deadline) return background;
    await page.waitForTimeout(250);
  }
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

module.exports = {
  waitForWorkbench,
  dismiss,
  escapeRegExp,
  quickRow,
  typeIntoQuickInput,
  openQuickInput,
  acceptQuickRow,
  tickQuickRow,
  editorTab,
  quickOpen,
  commandPaletteEntries,
  runCommand,
  closeAllEditors,
  setColorTheme,
  webviewBackground,
  findExtension,
};
