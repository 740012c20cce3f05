// Reads data/models/*.yaml, validates each file against the JSON Schema and reports problems
// with file, line and column. Shared by esbuild.js (which embeds the result) and the dataset tests.
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');

const root = path.resolve(__dirname, '..', '..');
const schemaPath = path.join(root, 'data', 'schema', 'model.schema.json');

function compileSchema() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
}

/** Line and column (1-based) of the YAML node at `pathParts`, or of the nearest existing parent. */
function locate(doc, lineCounter, pathParts) {
  let parts = [...pathParts];
  while (parts.length > 0) {
    const node = doc.getIn(parts, true);
    if (node && node.range) {
      return lineCounter.linePos(node.range[0]);
    }
    parts = parts.slice(0, -1);
  }
  const start = doc.contents && doc.contents.range ? doc.contents.range[0] : 0;
  return lineCounter.linePos(start);
}

function instancePathParts(instancePath) {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * @returns {{ entries: Array<{ file: string, model: any, locate: (parts: Array<string|number>) => {line:number,col:number} }>, problems: Array<{file:string,line:number,col:number,message:string}>, ids: Set<string> }}
 */
function loadAtlasDir(dir = path.join(root, 'data', 'models')) {
  const validate = compileSchema();
  const entries = [];
  const problems = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  // Ids of every file, valid or not, so that a broken entry does not also break the lineage of others.
  const ids = new Set(files.map((f) => f.replace(/\.yaml$/, '')));
  for (const name of files) {
    const file = path.join(dir, name);
    const lineCounter = new YAML.LineCounter();
    const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = lineCounter.linePos(err.pos[0]);
        problems.push({ file, line: pos.line, col: pos.col, message: err.message.split('\n')[0] });
      }
      continue;
    }
    const model = doc.toJS();
    const where = (parts) => locate(doc, lineCounter, parts);
    if (!validate(model)) {
      for (const err of validate.errors) {
        const parts = instancePathParts(err.instancePath);
        const detail = err.params && err.params.additionalProperty ? ` '${err.params.additionalProperty}'` : '';
        const pos = where(parts);
        problems.push({ file, line: pos.line, col: pos.col, message: `${err.instancePath || '/'} ${err.message}${detail}` });
      }
      continue;
    }
    if (`${model.id}.yaml` !== name) {
      const pos = where(['id']);
      problems.push({ file, line: pos.line, col: pos.col, message: `id '${model.id}' does not match the file name` });
    }
    entries.push({ file, model, locate: where });
  }
  return { entries, problems, ids };
}

const namesPath = path.join(root, 'data', 'names.yaml');
const namesSchemaPath = path.join(root, 'data', 'schema', 'names.schema.json');

/**
 * Reads data/names.yaml (the matcher's ordinary words, context words and names that are not models), checked
 * against its schema. @returns {{ names: any, problems: Array<{file:string,line:number,col:number,message:string}> }}
 */
function loadNames(file = namesPath) {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  const problems = doc.errors.map((err) => ({ file, ...lineCounter.linePos(err.pos[0]), message: err.message.split('\n')[0] }));
  const names = problems.length === 0 ? doc.toJS() : undefined;
  if (names !== undefined) {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(namesSchemaPath, 'utf8')));
    if (!validate(names)) {
      for (const err of validate.errors) {
        const pos = locate(doc, lineCounter, instancePathParts(err.instancePath));
        problems.push({ file, line: pos.line, col: pos.col, message: `${err.instancePath || '/'} ${err.message}` });
      }
    }
  }
  return { names: problems.length === 0 ? names : undefined, problems };
}

function formatProblem(p) {
  return `${path.relative(process.cwd(), p.file)}:${p.line}:${p.col}: ${p.message}`;
}

module.exports = { loadAtlasDir, loadNames, formatProblem, schemaPath, namesPath };
