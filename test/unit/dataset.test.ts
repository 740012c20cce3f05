// The bundled dataset: every file validates, cross-entry rules hold, and it covers the seed list.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findAtlasProblems } from '../../src/core/atlas/atlasChecks';
import { findFactProblems } from '../../src/core/atlas/atlasFactChecks';
import { formatProblem, loadRealAtlas, realIndex, realModels, repoRoot } from '../support/realAtlas';

const SEED_IDS = [
  'vilbert', 'vl-bert', 'vilt', 'albef', 'blip', 'vlmo', 'coca', 'beit', 'vl-beit', 'beit-v2', 'beit-3',
  'flamingo', 'blip-2', 'kosmos-1', 'imagebind', 'llava', 'minigpt-4', 'instructblip', 'one-peace', 'lynx', 'kosmos-2',
];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readAtlas } = require(path.join(repoRoot, 'esbuild.js')) as {
  readAtlas(dir?: string): { models: unknown[]; problems: Array<{ file: string; line: number; col: number; message: string }> };
};

describe('bundled dataset', () => {
  it('every file parses and validates against the schema', () => {
    assert.deepStrictEqual(loadRealAtlas().problems.map(formatProblem), []);
  });

  it('ids, spellings and citation keys are unique; lineage, components and arXiv months agree', () => {
    const problems = findAtlasProblems(realModels()).map((p) => `${p.modelId} ${p.path.join('.')}: ${p.message}`);
    assert.deepStrictEqual(problems, []);
  });

  it('covers every paper of the seed list', () => {
    const ids = new Set(realModels().map((m) => m.id));
    assert.deepStrictEqual(SEED_IDS.filter((id) => !ids.has(id)), []);
  });

  it('marks BEiT and BEiT v2 as vision-only and the rest of the seed as multimodal', () => {
    const index = realIndex();
    for (const id of SEED_IDS) {
      const expected = id === 'beit' || id === 'beit-v2' ? 'vision' : 'multimodal';
      assert.strictEqual(index.byIdOrUndefined(id)?.kind, expected, id);
    }
  });

  it('has real dates, both summaries and a source for the paper facts of every entry', () => {
    for (const model of realModels()) {
      const date = new Date(`${model.paper.date}T00:00:00Z`);
      assert.ok(!Number.isNaN(date.getTime()) && date.toISOString().startsWith(model.paper.date), `${model.id}: ${model.paper.date}`);
      assert.ok(model.paper.date >= '2015-01-01' && model.paper.date <= '2026-12-31', `${model.id}: ${model.paper.date}`);
      assert.ok(model.summary.en.trim().length > 40, `${model.id}: English summary`);
      assert.ok((model.summary['zh-cn'] ?? '').trim().length > 20, `${model.id}: Chinese summary`);
      // Optional in user entries (trained when left out); every bundled component says.
      for (const component of model.architecture.components) {
        assert.strictEqual(typeof component.trainable, 'boolean', `${model.id}: ${component.id}.trainable`);
      }
      if (model.paper.arxiv) {
        assert.strictEqual(model.links?.arxiv, `https://arxiv.org/abs/${model.paper.arxiv}`, `${model.id}: arXiv link`);
      }
      if (model.bibtex.origin === 'authors') {
        assert.ok(model.bibtex.source, `${model.id}: the authors' entry needs its source`);
      }
    }
  });

  it('confirms every bibliographic fact with a source of a kind that may (the fact checks find no error)', () => {
    const errors = findFactProblems(realModels()).filter((p) => p.severity === 'error');
    assert.deepStrictEqual(errors.map((p) => `${p.modelId}: ${p.message}`), []);
  });

  it("lists in data/README.md exactly the entries whose v1 day is still to confirm", () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'data', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Dates to confirm'), readme.indexOf('\n## ', readme.indexOf('## Dates to confirm') + 1));
    const listed = [...section.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]).sort();
    const warned = findFactProblems(realModels()).filter((p) => p.code === 'date-to-confirm').map((p) => p.modelId).sort();
    assert.deepStrictEqual(listed, warned);
  });

  it('finds the tricky pairs in prose with the real aliases', () => {
    const index = realIndex();
    const found = (text: string) => index.matcher.find(text).map((m) => m.modelId);
    assert.deepStrictEqual(found('BLIP-2 builds on BLIP, InstructBLIP on BLIP-2.'), ['blip-2', 'blip', 'instructblip', 'blip-2']);
    assert.deepStrictEqual(found('BEiT, BEiT-3, BEiT v2 and VL-BEiT'), ['beit', 'beit-3', 'beit-v2', 'vl-beit']);
    assert.deepStrictEqual(found('Kosmos-1 and Kosmos-2'), ['kosmos-1', 'kosmos-2']);
    assert.deepStrictEqual(found("CoCa's captioner and LLaVA's data"), ['coca', 'llava']);
    assert.strictEqual(index.lookup('BEiT v3')?.id, 'beit-3');
    assert.strictEqual(index.lookup('blip2')?.id, 'blip-2');
    assert.strictEqual(index.lookup('VLMO')?.id, 'vlmo');
  });
});

describe('build-time dataset checks', () => {
  const copies: string[] = [];
  after(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function brokenCopy(mutate: (dir: string) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-'));
    copies.push(dir);
    for (const file of fs.readdirSync(path.join(repoRoot, 'data', 'models'))) {
      fs.copyFileSync(path.join(repoRoot, 'data', 'models', file), path.join(dir, file));
    }
    mutate(dir);
    return dir;
  }

  it('fails with file and line on a schema violation', () => {
    const dir = brokenCopy((d) => {
      const file = path.join(d, 'blip.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^kind: multimodal$/m, 'kind: maybe'));
    });
    const { problems } = readAtlas(dir);
    assert.strictEqual(problems.length, 1, JSON.stringify(problems));
    assert.ok(problems[0].file.endsWith('blip.yaml'));
    const kindLine = fs.readFileSync(path.join(dir, 'blip.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('kind:')) + 1;
    assert.strictEqual(problems[0].line, kindLine);
    assert.match(problems[0].message, /\/kind must be equal to one of the allowed values/);
  });

  it('fails with file and line on a duplicate alias and an unknown lineage link', () => {
    const dir = brokenCopy((d) => {
      const file = path.join(d, 'blip.yaml');
      const text = fs.readFileSync(file, 'utf8').replace(/^aliases:.*$/m, 'aliases: [BLIP2]').replace(/^ {2}buildsOn:.*$/m, '  buildsOn: [albef, nowhere]');
      fs.writeFileSync(file, text);
    });
    const messages = readAtlas(dir).problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`);
    assert.ok(messages.some((m) => /^blip(-2)?\.yaml:\d+: 'BLIP2' is already a name or alias/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^blip\.yaml:\d+: lineage links to unknown model 'nowhere'/.test(m)), messages.join('\n'));
  });

  it('fails with file and line on broken YAML', () => {
    const dir = brokenCopy((d) => fs.writeFileSync(path.join(d, 'zzz.yaml'), 'id: zzz\nname: [unclosed\n'));
    const problems = readAtlas(dir).problems.filter((p) => p.file.endsWith('zzz.yaml'));
    assert.ok(problems.length > 0);
    assert.ok(problems[0].line >= 2, JSON.stringify(problems[0]));
  });
});
