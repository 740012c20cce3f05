// The UI checks, run in order over one shared page (later ones may rely on earlier ones); runUi.js saves a
// screenshot after each, named by `shot`. Add new checks to the list.
'use strict';
const assert = require('assert');
const wb = require('../harness/workbench');

const checks = [
  {
    name: 'the workbench loads with the fixture workspace in the Explorer',
    shot: '01-workbench',
    async run({ page }) {
      await wb.waitForWorkbench(page, { file: 'paper.tex' });
      for (const file of ['notes.md', 'refs.bib']) {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().waitFor();
      }
    },
  },
  {
    name: 'Quick Open opens paper.tex in a LaTeX editor',
    shot: '02-paper-tex',
    async run({ page }) {
      await wb.quickOpen(page, 'paper.tex');
      await page.locator('.editor-instance .view-lines', { hasText: 'documentclass' }).first().waitFor();
      // The status bar's language indicator shows what language id the extension is activated for. It may
      // still say Plain Text while the language is detected: poll until it says LaTeX.
      const mode = page.locator('#status\\.editor\\.mode');
      const deadline = Date.now() + 30_000;
      let language = '';
      while (Date.now() < deadline && !/^LaTeX$/.test(language)) {
        language = (await mode.innerText({ timeout: 5_000 }).catch(() => '')).trim();
        if (!/^LaTeX$/.test(language)) await page.waitForTimeout(250);
      }
      assert.strictEqual(language, 'LaTeX', `language mode is ${language}`);
    },
  },
  {
    name: 'the Extensions view lists Multimodal Model Atlas as installed',
    shot: '03-extensions',
    async run({ page }) {
      // Only installed extensions: the Marketplace (open-vsx) is unreachable offline.
      const names = await wb.findExtension(page, '@installed', 'Multimodal Model Atlas');
      assert.ok(names.includes('Multimodal Model Atlas'), `installed extensions: ${names.join(', ')}`);
    },
  },
  {
    name: 'the command palette lists the Model Atlas commands',
    shot: '04-command-palette',
    async run({ page }) {
      const entries = await wb.commandPaletteEntries(page, 'Model Atlas');
      for (const title of ['Model Atlas: Copy BibTeX', 'Model Atlas: Copy Citation Key']) {
        assert.ok(entries.some((e) => e.startsWith(title)), `missing "${title}" in: ${entries.join(' | ')}`);
      }
    },
  },
];

// Feature checks, after the workbench ones above (they rely on the loaded workbench).
const { writingChecks } = require('./writing.ui');
const { citingChecks } = require('./citing.ui');
const { codeChecks } = require('./code.ui');
const { writingAidsChecks } = require('./writing-aids.ui');
const { sidebarChecks } = require('./sidebar.ui');
const { timelineChecks } = require('./timeline.ui');
const { bibcheckChecks } = require('./bibcheck.ui');
const { languageChecks, languageTreeChecks } = require('./language.ui');
const { datasetChecks } = require('./datasets.ui');
const { hostileChecks } = require('./hostile.ui');
// The dataset and hostile checks add user models and remove them again: last, so no count above ever sees them.
checks.push(...writingChecks, ...citingChecks, ...codeChecks, ...writingAidsChecks, ...languageChecks, ...sidebarChecks, ...languageTreeChecks, ...timelineChecks, ...bibcheckChecks, ...datasetChecks, ...hostileChecks);

module.exports = { checks };
