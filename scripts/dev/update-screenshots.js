// Copies the README's screenshots from the last UI run (test-results/ui/) to docs/images/.
// Usage: node scripts/dev/update-screenshots.js [resultsDir]
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const results = path.resolve(process.argv[2] ?? path.join(root, 'test-results', 'ui'));

/** docs/images/<name>.png ← the UI check's screenshot. */
const README_SHOTS = {
  hover: 'writing-01-hover-blip2',
  completion: 'writing-02-cite-completion',
  'insert-citation': 'writing-04-insert-citation-pick',
  'quick-fix': 'writing-06-quick-fix',
  preview: 'writing-07-markdown-preview',
  'comparison-table': 'writing-table-preview',
  tree: 'sidebar-03-grouped-by-family',
  'in-document': 'sidebar-04-in-document',
  'details-light': 'sidebar-05-details-light',
  'details-dark': 'sidebar-06-details-dark',
  'timeline-light': 'timeline-06-light',
  'timeline-dark': 'timeline-07-dark',
  'timeline-generations': 'timeline-01b-generations',
  'hover-zh-cn': 'language-01-hover-zh-cn',
  'tree-zh-cn': 'language-02-tree-zh-cn',
  'atlas-file-problems': 'datasets-01-problems',
  'bibcheck-quick-fix': 'bibcheck-02-published-version-quick-fix',
  'bibcheck-report-light': 'bibcheck-03-report-light',
  'bibcheck-report-dark': 'bibcheck-05-report-dark',
  'notebook-hover': 'code-01-notebook-checkpoint-hover',
  'typst-hover': 'code-02-typst-citation-hover',
};

const missing = Object.values(README_SHOTS).filter((shot) => !fs.existsSync(path.join(results, `${shot}.png`)));
if (missing.length > 0) {
  console.error(`not in ${results}: ${missing.join(', ')} (run npm run test:ui first)`);
  process.exit(1);
}
for (const [name, shot] of Object.entries(README_SHOTS)) {
  fs.copyFileSync(path.join(results, `${shot}.png`), path.join(root, 'docs', 'images', `${name}.png`));
  console.log(`docs/images/${name}.png <- ${shot}.png`);
}
