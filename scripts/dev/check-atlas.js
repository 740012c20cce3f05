#!/usr/bin/env node
// Checks atlas entries the way the build does, with the warnings the build does not fail on (data/README.md):
// `node scripts/dev/check-atlas.js` for every entry, `node scripts/dev/check-atlas.js qwen2-5-vl internvl3` for some.
'use strict';
const path = require('path');
const { readAtlas } = require('../../esbuild');
const { formatProblem } = require('../build/atlas-data');

const ids = new Set(process.argv.slice(2).map((a) => path.basename(a, '.yaml')));
const { models, problems, warnings } = readAtlas();
const mine = (p) => ids.size === 0 || ids.has(path.basename(p.file, '.yaml'));
const shown = problems.filter(mine);
shown.forEach((p) => console.log(formatProblem(p)));
warnings.filter(mine).forEach((p) => console.log(`warning: ${formatProblem(p)}`));
const missing = [...ids].filter((id) => !models.some((m) => m.id === id) && !shown.some((p) => path.basename(p.file, '.yaml') === id));
missing.forEach((id) => console.log(`${id}: no such entry in data/models`));
console.log(`${shown.length} problem(s), ${warnings.filter(mine).length} warning(s) in ${ids.size || models.length} entr${(ids.size || models.length) === 1 ? 'y' : 'ies'}`);
process.exit(shown.length > 0 || missing.length > 0 ? 1 : 0);
