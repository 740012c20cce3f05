// Builds the Node and browser entry points (and webview scripts), and writes the validated atlas as JSON
// beside them (dist/atlas.json), so the extension parses no YAML. A broken dataset fails with file:line:column.
'use strict';
const esbuild = require('esbuild');
const path = require('path');
const { loadAtlasDir, formatProblem, loadNames, namesPath } = require('./scripts/build/atlas-data');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=<dir>` builds elsewhere than dist/ (the bench builds into a temp dir so dist/ is left alone).
const outdir = (process.argv.find((a) => a.startsWith('--outdir=')) ?? '--outdir=dist').slice('--outdir='.length);

/** Loads the core's atlas checks through esbuild, so the build, the tests and the extension share one implementation. */
function loadCoreChecks() {
  const out = esbuild.buildSync({
    stdin: {
      contents: "export { findAtlasProblems } from './src/core/atlas/atlasChecks'; export { findFactProblems } from './src/core/atlas/atlasFactChecks';",
      resolveDir: __dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}

/** The validated atlas from `dir` (data/models by default) and every problem found, with file, line and column. */
function readAtlas(dir) {
  const { entries, problems, ids } = loadAtlasDir(dir);
  const { findAtlasProblems, findFactProblems } = loadCoreChecks();
  const models = entries.map((e) => e.model);
  const locateAll = (found) =>
    found.map((p) => {
      const owner = entries.find((e) => e.model.id === p.modelId);
      const pos = owner.locate(p.path);
      return { file: owner.file, line: pos.line, col: pos.col, message: p.message };
    });
  // The fact checks' warnings (v1 days to confirm, listed in data/README.md) do not fail the build.
  const facts = findFactProblems(models);
  problems.push(...locateAll(findAtlasProblems(models, ids)), ...locateAll(facts.filter((p) => p.severity === 'error')));
  return { models, problems, warnings: locateAll(facts.filter((p) => p.severity === 'warning')) };
}

/**
 * Writes the validated atlas to `<outdir>/atlas.json`, the data file both builds read on first use (it stays
 * out of the bundles, so they do not grow with the atlas). Returns the problems; nothing is written then.
 */
function writeAtlasData() {
  const { models, problems } = readAtlas();
  if (problems.length === 0) {
    fs.mkdirSync(outdir, { recursive: true });
    // Sources and notes are for the build's checks and for readers of data/models: the extension never reads them.
    const runtime = models.map(({ sources, notes, ...model }) => model);
    fs.writeFileSync(path.join(outdir, 'atlas.json'), JSON.stringify(runtime));
  }
  return problems;
}

// `atlas:names`: data/names.yaml (the matcher's ordinary words and names that are not models), checked and
// embedded as JSON; it is small, so both builds carry it plain.
const namesPlugin = {
  name: 'atlas-names',
  setup(build) {
    build.onResolve({ filter: /^atlas:names$/ }, () => ({ path: 'names', namespace: 'atlas-names' }));
    build.onLoad({ filter: /.*/, namespace: 'atlas-names' }, () => {
      const { names, problems } = loadNames();
      if (problems.length > 0) {
        return { errors: problems.map((p) => ({ text: p.message, location: { file: path.relative(__dirname, p.file), line: p.line, column: Math.max(0, p.col - 1) } })) };
      }
      return { contents: `export default ${JSON.stringify(names)};\n`, loader: 'js', watchFiles: [namesPath] };
    });
  },
};

// The entry validator for user datasets: ajv's standalone code for data/schema/model.schema.json,
// generated here so the bundle carries a small validator instead of ajv's compiler.
const validatorPlugin = {
  name: 'atlas-validator',
  setup(build) {
    build.onResolve({ filter: /^atlas:validator$/ }, () => ({ path: 'validator', namespace: 'atlas-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'atlas-validator' }, () => {
      const { entryValidatorSource, schemaPath } = require('./scripts/build/entry-validator');
      return { contents: entryValidatorSource(), loader: 'js', resolveDir: __dirname, watchFiles: [schemaPath] };
    });
  },
};

/** Prints problems in the file:line:column form that editors and CI logs link to, once across targets. */
const printed = new Set();
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    if (watch) {
      build.onStart(() => printed.clear());
    }
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        const line = location ? `${location.file}:${location.line}:${location.column + 1}: error: ${text}` : `error: ${text}`;
        if (!printed.has(line)) {
          printed.add(line);
          console.error(line);
        }
      }
      if (watch) {
        console.log(`[watch] build finished${result.errors.length ? ' with errors' : ''}`);
      }
    });
  },
};

const shared = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  external: ['vscode'],
  logLevel: 'silent',
  plugins: [namesPlugin, validatorPlugin, problemReporter],
};

const node = { ...shared, platform: 'node', format: 'cjs', target: 'node18' };
const targets = [
  // The user atlas tools (YAML parser, schema validator) stay out of extension.js: required on first use.
  { ...node, entryPoints: ['src/extension.ts'], outfile: `${outdir}/extension.js`, external: [...shared.external, './userAtlasTools.js'] },
  { ...node, entryPoints: ['src/userAtlasTools.ts'], outfile: `${outdir}/userAtlasTools.js` },
  // The command-line Check Bibliography (node dist/cli.js check paper.tex), for CI; not in the .vsix.
  { ...node, entryPoints: ['src/cli.ts'], outfile: `${outdir}/cli.js` },
  {
    ...shared,
    entryPoints: ['src/extension.browser.ts'],
    outfile: `${outdir}/web/extension.js`,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    define: { global: 'globalThis' },
  },
];

// Each webview front end lives in src/webview/<name>/main.ts and is bundled for the browser.
const fs = require('fs');
const webviewDir = path.join(__dirname, 'src', 'webview');
for (const name of fs.existsSync(webviewDir) ? fs.readdirSync(webviewDir) : []) {
  const entry = path.join(webviewDir, name, 'main.ts');
  if (fs.existsSync(entry)) {
    targets.push({ ...shared, entryPoints: [entry], outfile: `${outdir}/webview/${name}.js`, platform: 'browser', format: 'iife', target: 'es2022' });
  }
}

/** Prints the atlas problems as file:line:column errors; true when there were none. */
function reportAtlasProblems(problems) {
  for (const p of problems) {
    console.error(`${path.relative(__dirname, p.file)}:${p.line}:${p.col}: error: ${p.message}`);
  }
  return problems.length === 0;
}

/** In watch mode, rewrites atlas.json when a data file changes. */
function watchAtlasData() {
  let timer;
  fs.watch(path.join(__dirname, 'data', 'models'), () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ok = reportAtlasProblems(writeAtlasData());
      console.log(`[watch] atlas.json ${ok ? 'rewritten' : 'not written: the dataset has errors'}`);
    }, 100);
  });
}

/** Every manifest string needs its Simplified Chinese translation; a missing one fails the build. */
function missingTranslations() {
  const read = (name) => JSON.parse(fs.readFileSync(path.join(__dirname, name), 'utf8'));
  const english = read('package.nls.json');
  const chinese = read('package.nls.zh-cn.json');
  return Object.keys(english).filter((key) => typeof chinese[key] !== 'string' || chinese[key].trim() === '');
}

async function main() {
  const untranslated = missingTranslations();
  if (untranslated.length > 0) {
    untranslated.forEach((key) => console.error(`package.nls.zh-cn.json: error: no translation for '${key}'`));
    process.exitCode = 1;
    return;
  }
  if (!reportAtlasProblems(writeAtlasData()) && !watch) {
    process.exitCode = 1;
    return;
  }
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  if (watch) {
    watchAtlasData();
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } catch {
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { readAtlas };
