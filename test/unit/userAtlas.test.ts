// User atlas files: reading one entry or a list with positions, merging with the bundled atlas, and
// reporting each kind of problem at its line and column while the rest keeps working.
import * as assert from 'assert';
import * as path from 'path';
import { parse } from 'yaml';
import type { AtlasModel } from '../../src/core/atlas/atlas';
import { readAtlasFile } from '../../src/core/userAtlas/atlasFile';
import { appendEntry, entryYaml } from '../../src/core/userAtlas/entryText';
import type { GeneratedValidator } from '../../src/core/userAtlas/entryValidation';
import { mergeAtlas, type MergedAtlas } from '../../src/core/userAtlas/mergeAtlas';
import { citationKey, scaffoldEntry, uniqueId } from '../../src/core/userAtlas/newEntries';
import { finishedFirst, isUnfinished, placeholderPaths } from '../../src/core/userAtlas/unfinished';
import { realModels, repoRoot } from '../support/realAtlas';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { entryValidatorSource } = require(path.join(repoRoot, 'scripts', 'build', 'entry-validator.js')) as { entryValidatorSource(): string };
const validate = (() => {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', entryValidatorSource())(module, module.exports, require);
  return module.exports as GeneratedValidator;
})();

const NEW_ENTRY = `
id: lumen-vl
name: Lumen-VL
aliases: [LumenVL]
kind: multimodal
family: lumen
organizations: [Example University]
paper:
  title: "Lumen-VL: Grounded Visual Instruction Tuning"
  authors: [Mei Zhang]
  arxiv: "2401.01234"
  date: "2024-01-03"
summary:
  en: A fictional model for tests.
architecture:
  type: multimodal-llm
  summary: frozen ViT → connector → LLM
  components:
    - { id: vit, name: ViT, role: vision-encoder, trainable: false }
    - { id: llm, name: LLM, role: language-model, trainable: true }
  connections:
    - { from: vit, to: llm }
lineage:
  buildsOn: [llava]
bibtex:
  key: zhang2024lumen
  origin: composed
  entry: "@misc{zhang2024lumen,\\n  title = {Lumen-VL}\\n}"
sources:
  - url: https://arxiv.org/abs/2401.01234
    facts: [title, authors, date, arxiv]
`;

function merge(...texts: string[]): MergedAtlas {
  return mergeAtlas(realModels(), texts.map((text, i) => ({ name: `file${i}`, file: readAtlasFile(text) })), { validate });
}

function where(result: MergedAtlas): string[] {
  return result.problems.map((p) => `${p.file}:${p.span.start.line + 1}:${p.span.start.character + 1} ${p.code}${p.keyword ? `/${p.keyword}` : ''}`);
}

function model(result: MergedAtlas, id: string): AtlasModel | undefined {
  return result.models.find((m) => m.id === id);
}

/** NEW_ENTRY as a list item with `edit` applied to its text. */
function listOf(...entries: string[]): string {
  return entries.map((e) => e.trim().split('\n').map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)).join('\n')).join('\n');
}

describe('user atlas files', () => {
  it('reads one entry or a list, and locates fields', () => {
    const single = readAtlasFile(NEW_ENTRY);
    assert.strictEqual(single.entries.length, 1);
    assert.deepStrictEqual(single.entries[0].locate(['paper', 'arxiv']).start, { line: 10, character: 2 });
    const list = readAtlasFile(listOf(NEW_ENTRY, NEW_ENTRY.replace(/lumen-vl/g, 'other')));
    assert.strictEqual(list.entries.length, 2);
    assert.strictEqual((list.entries[1].value as { id: string }).id, 'other');
    assert.deepStrictEqual(readAtlasFile('# nothing yet\n'), { entries: [], syntaxErrors: [] });
  });

  it('adds a new model and keeps every bundled one', () => {
    const result = merge(NEW_ENTRY);
    assert.deepStrictEqual(where(result), []);
    assert.strictEqual(result.models.length, realModels().length + 1);
    assert.strictEqual(model(result, 'lumen-vl')?.summary['zh-cn'], undefined);
    assert.deepStrictEqual([...result.userIds], ['lumen-vl']);
  });

  it('overrides the fields an entry with a bundled id gives, renaming the citation key in the entry', () => {
    const blip2 = realModels().find((m) => m.id === 'blip-2')!;
    const result = merge('id: blip-2\nbibtex:\n  key: blip2\ntags: [ours]\n');
    assert.deepStrictEqual(where(result), []);
    const merged = model(result, 'blip-2')!;
    assert.strictEqual(merged.bibtex.key, 'blip2');
    assert.match(merged.bibtex.entry, /^@\w+\{blip2,/);
    assert.deepStrictEqual(merged.tags, ['ours']);
    assert.strictEqual(merged.paper.title, blip2.paper.title);
    assert.strictEqual(merged.bibtex.origin, blip2.bibtex.origin);
  });

  it('hides bundled models named in the setting', () => {
    const result = mergeAtlas(realModels(), [], { validate, hiddenIds: ['vilbert', 'vl-bert'] });
    assert.strictEqual(result.models.length, realModels().length - 2);
    assert.ok(!model(result, 'vilbert'));
  });

  it('reports a YAML syntax error at its line and column, and loads nothing from that file', () => {
    const result = merge('id: broken\nname: a: b\n', NEW_ENTRY);
    assert.deepStrictEqual(where(result).map((w) => w.split(' ')[1]), ['yaml-syntax']);
    assert.match(where(result)[0], /^file0:2:7 /);
    assert.ok(model(result, 'lumen-vl'), 'the other file still loads');
  });

  it('reports an entry whose alias resolves to nothing, and loads the entries beside it', () => {
    const result = merge(`- id: *nowhere\n${listOf(NEW_ENTRY)}`);
    assert.deepStrictEqual(where(result).map((w) => w.split(' ').slice(0, 2).join(' ')), ['file0:1:3 yaml-syntax']);
    assert.ok(model(result, 'lumen-vl'), 'the good entry in the same file loads');
  });

  it('reports a schema violation at the field and skips only that entry', () => {
    const bad = NEW_ENTRY.replace('lumen-vl', 'bad-one').replace('Lumen-VL\n', 'Bad One\n').replace('[LumenVL]', '[BadOne]')
      .replace('kind: multimodal', 'kind: audio').replace('zhang2024lumen', 'bad2024').replace('zhang2024lumen', 'bad2024');
    const result = merge(listOf(bad, NEW_ENTRY));
    assert.deepStrictEqual(where(result), ['file0:4:3 schema/enum']);
    assert.ok(!model(result, 'bad-one'));
    assert.ok(model(result, 'lumen-vl'));
  });

  it('reports a missing field at its entry and an unknown field at the field', () => {
    const result = merge(NEW_ENTRY.replace('family: lumen\n', '').replace('kind: multimodal', 'kind: multimodal\ncolour: blue'));
    assert.deepStrictEqual(where(result).sort(), ['file0:2:1 schema/required', 'file0:6:1 schema/additionalProperties'].sort());
  });

  it('reports a duplicate id between user entries, and an alias that another model already has', () => {
    const dupId = merge(NEW_ENTRY, NEW_ENTRY);
    assert.deepStrictEqual(where(dupId), ['file1:2:1 duplicate-id']);
    const dupAlias = merge(NEW_ENTRY.replace('[LumenVL]', '[LumenVL, BLIP2]'));
    assert.deepStrictEqual(where(dupAlias), ['file0:4:20 duplicate-name']);
    assert.deepStrictEqual(dupAlias.problems[0].args, ['BLIP2', 'blip-2']);
    assert.strictEqual(dupAlias.models.length, realModels().length);
  });

  it('reports a duplicate citation key (skipping the entry) and warns of a lineage link to a model the atlas lacks (keeping it)', () => {
    const key = merge(NEW_ENTRY.replace(/zhang2024lumen/g, 'li2023blip2'));
    assert.deepStrictEqual(where(key).map((w) => w.split(' ')[1]), ['duplicate-key']);
    assert.ok(!model(key, 'lumen-vl'));
    const lineage = merge(NEW_ENTRY.replace('buildsOn: [llava]', 'buildsOn: [llava, qwen9-vl]'));
    assert.deepStrictEqual(where(lineage), ['file0:24:21 unknown-lineage']);
    assert.deepStrictEqual(lineage.problems.map((p) => [p.severity, ...p.args]), [['warning', 'qwen9-vl']]);
    assert.deepStrictEqual(model(lineage, 'lumen-vl')?.lineage.buildsOn, ['llava'], 'the entry loads, without the unknown link');
  });

  it('loads a component without trainable as trained', () => {
    const result = merge(NEW_ENTRY.replace('{ id: llm, name: LLM, role: language-model, trainable: true }', '{ id: llm, name: LLM, role: language-model }'));
    assert.deepStrictEqual(where(result), []);
    assert.deepStrictEqual(model(result, 'lumen-vl')?.architecture.components.map((c) => [c.id, c.trainable]), [['vit', false], ['llm', true]]);
  });

  it('lets an entry build on another user entry, and reports a non-mapping item', () => {
    const other = NEW_ENTRY.replace(/lumen-vl/g, 'lumen-2').replace('Lumen-VL\n', 'Lumen 2\n').replace('[LumenVL]', '[Lumen2]')
      .replace(/zhang2024lumen/g, 'zhang2024lumen2').replace('[llava]', '[lumen-vl]').replace('2401.01234', '2402.01234').replace('2024-01-03', '2024-02-03');
    const result = merge(listOf(other, NEW_ENTRY) + '\n- just a string\n');
    assert.deepStrictEqual(where(result).map((w) => w.split(' ')[1]), ['not-an-entry']);
    assert.ok(model(result, 'lumen-2') && model(result, 'lumen-vl'));
  });
});

describe('new entries', () => {
  const taken = { ids: new Set(realModels().map((m) => m.id)), keys: new Set(realModels().map((m) => m.bibtex.key.toLowerCase())) };

  it('makes unique ids and citation keys', () => {
    assert.strictEqual(uniqueId('BLIP-2', taken.ids), 'blip-2-2');
    assert.strictEqual(uniqueId('Émile VL', taken.ids), 'emile-vl');
    assert.strictEqual(citationKey('Mei Zhang', '2024', 'The Lumen-VL model', new Set()), 'zhang2024lumen');
    assert.strictEqual(citationKey('Mei Zhang', '2024', 'Lumen', new Set(['zhang2024lumen'])), 'zhang2024lumenb');
  });

  it('scaffolds an entry that validates and loads, with a warning at each TODO placeholder until it is completed', () => {
    const entry = scaffoldEntry('My Model', '2024-05-06', taken);
    assert.ok(validate(JSON.parse(JSON.stringify(entry))), JSON.stringify(validate.errors));
    const text = entryYaml(entry);
    const result = merge(text);
    assert.ok(result.problems.length > 0 && result.problems.every((p) => p.code === 'placeholder' && p.severity === 'warning'), where(result).join('\n'));
    const lines = text.split('\n');
    for (const problem of result.problems) {
      const span = lines.slice(problem.span.start.line, problem.span.end.line + 1).join('\n');
      assert.match(span, /TODO/, `${problem.args[0]} is not reported at its TODO`);
    }
    assert.ok(result.problems.some((p) => p.args[0] === 'paper.title'), where(result).join('\n'));
    assert.ok(isUnfinished(model(result, 'my-model')!));

    const done = merge(text.replace(/TODO: ?/g, 'Done '));
    assert.deepStrictEqual(where(done), []);
    assert.ok(!isUnfinished(model(done, 'my-model')!));
  });

  it('appends to an empty file, a list, or a single entry, keeping comments', () => {
    const entry = scaffoldEntry('My Model', '2024-05-06', taken);
    const empty = appendEntry('', entry);
    assert.ok(empty.ok && empty.entryLine === 0 && Array.isArray(parse(empty.text)));
    const single = appendEntry(`# ours\n${NEW_ENTRY.trim()}\n`, entry);
    assert.ok(single.ok);
    assert.ok(single.text.startsWith('# ours\n- id: lumen-vl\n'));
    const items = parse(single.text) as { id: string }[];
    assert.deepStrictEqual(items.map((i) => i.id), ['lumen-vl', 'my-model']);
    assert.strictEqual(single.text.split('\n')[single.entryLine], '- id: my-model');
    const list = appendEntry(single.text, scaffoldEntry('Third', '2024-05-06', taken));
    assert.ok(list.ok);
    assert.deepStrictEqual((parse(list.text) as { id: string }[]).map((i) => i.id), ['lumen-vl', 'my-model', 'third']);
    assert.deepStrictEqual(appendEntry('a: [', entry), { ok: false, reason: 'syntax-error' });
    assert.deepStrictEqual(appendEntry('just text', entry), { ok: false, reason: 'not-a-list' });
  });
});

describe('unfinished entries', () => {
  it('are found by their TODO placeholders, except in notes', () => {
    assert.deepStrictEqual(placeholderPaths({ name: 'X', paper: { authors: ['A', 'TODO: B'] }, notes: 'TODO: check the venue' }), [['paper', 'authors', 1]]);
    assert.deepStrictEqual(placeholderPaths({ name: 'Mastodon', summary: { en: 'todo list of a model' } }), []);
  });

  it('go after the finished ones, each group in its order', () => {
    const [a, b] = realModels();
    const unfinished = { ...a, id: 'x', paper: { ...a.paper, title: 'TODO: paper title' } };
    assert.deepStrictEqual(finishedFirst([unfinished, a, b]).map((m) => m.id), [a.id, b.id, 'x']);
  });
});
