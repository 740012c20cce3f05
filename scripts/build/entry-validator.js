// Generates the standalone validator of one atlas entry with ajv's standalone code, embedded by esbuild.js
// as `atlas:validator`, so the extension validates user atlas files without ajv's compiler.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;
const { schemaPath } = require('./atlas-data');

/** CommonJS source whose module.exports is ajv's validate function (errors in validate.errors). */
function entryValidatorSource() {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  const validate = ajv.compile(withoutAnnotations(JSON.parse(fs.readFileSync(schemaPath, 'utf8'))));
  return standaloneCode(ajv, validate);
}

/** The schema without its prose (description, title), which the generated code would otherwise embed. */
function withoutAnnotations(node) {
  if (Array.isArray(node)) {
    return node.map(withoutAnnotations);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const kept = Object.entries(node).filter(([key, value]) => !(['description', 'title', '$comment'].includes(key) && typeof value === 'string'));
  return Object.fromEntries(kept.map(([key, value]) => [key, withoutAnnotations(value)]));
}

module.exports = { entryValidatorSource, schemaPath };
