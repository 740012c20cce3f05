// The validator esbuild generates for user datasets (ajv standalone code) must agree with ajv compiling
// data/schema/model.schema.json directly: on every real entry and on broken samples.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { schemaIssues, type GeneratedValidator } from '../../src/core/userAtlas/entryValidation';
import { realModels, repoRoot } from '../support/realAtlas';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { entryValidatorSource, schemaPath } = require(path.join(repoRoot, 'scripts', 'build', 'entry-validator.js')) as {
  entryValidatorSource(): string;
  schemaPath: string;
};

function generatedValidator(): GeneratedValidator {
  const module = { exports: {} as unknown };
  // The generated code requires only ajv's small runtime helpers.
  new Function('module', 'exports', 'require', entryValidatorSource())(module, module.exports, require);
  return module.exports as GeneratedValidator;
}

const generated = generatedValidator();
const reference = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));

function verdicts(value: unknown) {
  const ok = generated(value);
  const mine = (generated.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
  const refOk = reference(value);
  const theirs = (reference.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
  return { ok, refOk, mine: ok ? [] : mine, theirs: refOk ? [] : theirs };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('generated entry validator', () => {
  it('accepts every real entry, as ajv does', () => {
    assert.ok(realModels().length >= 20);
    for (const model of realModels()) {
      const v = verdicts(model);
      assert.deepStrictEqual([v.ok, v.refOk], [true, true], model.id);
    }
  });

  const broken: Array<[string, (m: Record<string, any>) => void]> = [
    ['missing name', (m) => delete m.name],
    ['unknown field', (m) => (m.colour = 'blue')],
    ['bad id pattern', (m) => (m.id = 'Not An Id')],
    ['bad kind', (m) => (m.kind = 'audio')],
    ['empty organizations', (m) => (m.organizations = [])],
    ['authors not a list', (m) => (m.paper.authors = 'A. Person')],
    ['bad date', (m) => (m.paper.date = '2023/01/02')],
    ['bad arxiv id', (m) => (m.paper.arxiv = 'abs/2301')],
    ['duplicate aliases', (m) => (m.aliases = ['X', 'X'])],
    ['empty summary', (m) => (m.summary.en = '')],
    ['component without role', (m) => delete m.architecture.components[0].role],
    ['unknown architecture type', (m) => (m.architecture.type = 'transformer')],
    ['bad bibtex origin', (m) => (m.bibtex.origin = 'scholar')],
    ['source without facts', (m) => (m.sources![0].facts = [])],
    ['long name', (m) => (m.name = 'x'.repeat(81))],
    ['imported from elsewhere', (m) => (m.imported = { from: 'scholar' })],
    ['not an object', () => undefined],
  ];

  for (const [title, breakIt] of broken) {
    it(`rejects ${title} with the same errors as ajv`, () => {
      const model = clone(realModels()[0]) as unknown as Record<string, any>;
      breakIt(model);
      const value = title === 'not an object' ? ['a list'] : model;
      const v = verdicts(value);
      assert.strictEqual(v.ok, false);
      assert.strictEqual(v.refOk, false);
      assert.deepStrictEqual(v.mine, v.theirs);
    });
  }

  it('accepts an entry without Chinese text, marked as imported', () => {
    const model = clone(realModels()[0]) as unknown as Record<string, any>;
    delete model.summary['zh-cn'];
    model.imported = { from: 'arxiv', primaryCategory: 'cs.CV', abstract: 'An abstract.' };
    assert.deepStrictEqual(verdicts(model), { ok: true, refOk: true, mine: [], theirs: [] });
  });

  it('reports issues with their path and the one value they name', () => {
    const model = clone(realModels()[0]) as unknown as Record<string, any>;
    delete model.paper.title;
    model.paper.extra = 1;
    const issues = schemaIssues(generated, model).map((i) => `${i.path.join('.')} ${i.keyword} ${i.detail}`);
    assert.deepStrictEqual(issues.sort(), ['paper required title', 'paper.extra additionalProperties extra']);
  });
});
