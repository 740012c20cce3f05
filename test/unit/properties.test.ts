// Property-based tests (fast-check, fixed seed): random and mutated text, YAML and BibTeX never make the core
// throw, and each function's invariants hold (see each property).
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { namesOf } from '../../src/core/atlas/atlas';
import { applyInsertion, planAppend } from '../../src/core/bibtex/append';
import { checkBibliography } from '../../src/core/bibcheck/bibliographyCheck';
import { fixEdits } from '../../src/core/bibcheck/entryFixes';
import { entrySpans, parseBibtex } from '../../src/core/bibtex/parse';
import { citationContextAt, citationKeyAt } from '../../src/core/citations/citationContext';
import { MentionMatcher } from '../../src/core/mentions/mentions';
import { readAtlasFile, type TextSpan } from '../../src/core/userAtlas/atlasFile';
import { mergeAtlas } from '../../src/core/userAtlas/mergeAtlas';
import { generatedValidator } from '../support/generatedValidator';
import { hostile } from '../support/hostile';
import { realIndex, realModels, repoRoot } from '../support/realAtlas';

const SEED = 20_240_610;
function run<Ts extends unknown[]>(property: fc.IProperty<Ts>, numRuns = 200): void {
  fc.assert(property, { seed: SEED, numRuns });
}

const atlas = realIndex();
const spellings = realModels().flatMap((m) => namesOf(m));

/** Text made of model names, their pieces, citation syntax, separators and any Unicode. */
const prose = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...spellings) },
      { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '-', '.', ',', '\n', '\t', '(', ')', '{', '}', '[', ']', '@', ';', '%', '\\', '~', '$', '`') },
      { weight: 2, arbitrary: fc.constantFrom('\\cite{', '\\citep[p.~3]{', '[@', ' @', '\\begin{verbatim}', '\\end{verbatim}', '```', 'blip', 'BLIP', '2', 'v2', 'Net') },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDC00', '\u200B', '\u202E', '\uFEFF', '\r\n', '\u2028', 'İ', 'ß', 'Ǆ') },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** At every offset of every line, findAt returns the mention that find reports there (or none). */
function assertFindAtAgreesWithFind(matcher: MentionMatcher, text: string): void {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const mentions = matcher.find(text, lineStart, lineEnd);
    for (let offset = lineStart; offset <= lineEnd; offset++) {
      const expected = mentions.find((m) => m.start <= offset && offset <= m.end);
      assert.deepStrictEqual(matcher.findAt(text, offset, lineStart, lineEnd), expected, `offset ${offset} in ${JSON.stringify(text)}`);
    }
    lineStart = lineEnd + 1;
  }
}

/** A few random edits of `seed`: cuts, insertions of random or structural characters, duplications. */
function mutated(seeds: readonly string[], alphabet: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    kind: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat({ max: 40 }),
    text: fc.oneof(fc.constantFrom(...alphabet), fc.string({ unit: 'binary', maxLength: 8 })),
  });
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) =>
    edits.reduce((text, e) => {
      const at = Math.floor(e.at * text.length);
      switch (e.kind) {
        case 'delete':
          return text.slice(0, at) + text.slice(at + e.length);
        case 'insert':
          return text.slice(0, at) + e.text + text.slice(at);
        case 'duplicate':
          return text.slice(0, at + e.length) + text.slice(at);
        default:
          return text.slice(0, at);
      }
    }, seed),
  );
}

const bibSeeds = [fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'refs.bib'), 'utf8'), ...realModels().slice(0, 8).map((m) => m.bibtex.entry)];
const bibText = fc.oneof(
  mutated(bibSeeds, ['@', '{', '}', '"', '#', '%', ',', '=', '\n', '\r\n', '(', ')', '@string{', '@comment{', '\\', '\0']),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

const modelDir = path.join(repoRoot, 'data', 'models');
const yamlSeeds = [...fs.readdirSync(modelDir).slice(0, 6).map((f) => fs.readFileSync(path.join(modelDir, f), 'utf8')), hostile.atlasYaml().slice(0, 4000)];
const yamlText = fc.oneof(
  mutated(yamlSeeds, [':', '- ', '  ', '\n', '\t', '"', "'", '{', '}', '[', ']', '&a', '*a', '!!binary', '---', '...', '#', '|', '>', '? ', '%YAML 1.2\n', '<<: *a']),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function assertSpanInside(span: TextSpan, lines: readonly string[], what: string): void {
  for (const p of [span.start, span.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: column ${p.character} of ${lines[p.line].length} at line ${p.line}`);
  }
  assert.ok(span.start.line < span.end.line || (span.start.line === span.end.line && span.start.character <= span.end.character), `${what}: ends before it starts`);
}

describe('properties of the core on random and mutated input (fast-check, fixed seed)', function () {
  this.timeout(120_000);

  it('MentionMatcher.find: no throw; mentions in order, non-overlapping, equal to their slice', () => {
    run(
      fc.property(prose, (text) => {
        let previousEnd = 0;
        for (const m of atlas.matcher.find(text)) {
          assert.ok(m.start >= previousEnd && m.start < m.end && m.end <= text.length, JSON.stringify(m));
          assert.strictEqual(m.text, text.slice(m.start, m.end));
          assert.ok(atlas.byIdOrUndefined(m.modelId));
          previousEnd = m.end;
        }
      }),
      1000,
    );
  });

  it('MentionMatcher.findAt agrees with find at every offset of the line', () => {
    run(fc.property(prose, (text) => assertFindAtAgreesWithFind(atlas.matcher, text)), 500);
  });

  it('MentionMatcher.findAt agrees with find on long lines of short spellings that chain into each other', () => {
    // "Al Be" and "Be Ga" overlap: in "Al Be Ga" a scan takes "Al Be", so the cursor on "Ga" is on no mention.
    // findAt starts near the cursor only where no mention can run across its start; these lines test that.
    const spellings = ['Al Be', 'Be Ga', 'Ga De', 'De Al', 'Al', 'Be-2', 'GA', 'al be ga', 'Ze Ze Ze'];
    const matcher = new MentionMatcher(spellings.map((spelling, i) => ({ modelId: `m${i}`, spelling, matchCase: spelling === 'GA' })));
    const words = fc.constantFrom('Al', 'Be', 'Ga', 'De', 'Ze', 'al', 'be', 'ga', 'GA', '2', 'Be-2', 'x');
    const separators = fc.constantFrom(' ', ' ', ' ', '-', ', ', '.', '\n');
    const line = fc.array(fc.tuple(words, separators), { maxLength: 120 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    run(fc.property(line, (text) => assertFindAtAgreesWithFind(matcher, text)), 300);
  });

  it('citationContextAt and citationKeyAt: no throw, and what they return lies inside the text', () => {
    run(
      fc.property(prose, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const offset = Math.floor(at * text.length);
        for (const syntax of ['latex', 'pandoc', 'plain'] as const) {
          const context = citationContextAt(text, offset, syntax);
          if (context) {
            assert.ok(context.keyStart >= 0 && context.keyStart <= offset && offset <= context.keyEnd && context.keyEnd <= text.length, JSON.stringify(context));
            assert.strictEqual(context.prefix, text.slice(context.keyStart, offset));
          }
          const key = citationKeyAt(text, offset, syntax);
          if (key) {
            assert.strictEqual(text.slice(key.start, key.end), key.key);
          }
        }
      }),
      1000,
    );
  });

  it('parseBibtex: no throw on random or mutated BibTeX; entries and problems lie inside the text, in order', () => {
    run(
      fc.property(bibText, (text) => {
        const bib = parseBibtex(text);
        const lines = text.split('\n').length;
        let previousEnd = 0;
        for (const entry of bib.entries) {
          assert.ok(entry.start >= previousEnd && entry.start < entry.end && entry.end <= text.length, `${entry.key} ${entry.start}-${entry.end}`);
          assert.strictEqual(text[entry.start], '@');
          assert.strictEqual(entry.line, text.slice(0, entry.start).split('\n').length - 1);
          previousEnd = entry.end;
        }
        for (const problem of bib.problems) {
          assert.ok(problem.offset >= 0 && problem.offset <= text.length && problem.line >= 0 && problem.line < lines, JSON.stringify(problem));
        }
      }),
      1000,
    );
  });

  it('planAppend: the original text stays an exact prefix, and the new entry is read back', () => {
    const entries = realModels().map((m) => m.bibtex.entry);
    run(
      fc.property(bibText, fc.constantFrom(...entries), (text, entry) => {
        const insertion = planAppend(text, entry);
        assert.strictEqual(insertion.offset, text.length);
        const result = applyInsertion(text, insertion);
        assert.ok(result.startsWith(text), 'an existing character changed');
        assert.strictEqual(Buffer.from(result, 'utf8').subarray(0, Buffer.byteLength(text, 'utf8')).compare(Buffer.from(text, 'utf8')), 0, 'an existing byte changed');
        const key = /^@\w+\{([^,\s]+),/.exec(entry)?.[1];
        const clean = parseBibtex(text).problems.length === 0 && !/[@{}"\\%]|\r(?!\n)/.test(text.replace(/\s+/g, ''));
        if (clean) {
          assert.ok(parseBibtex(result).entries.some((e) => e.key === key), `the appended ${key} is not read back`);
        }
      }),
      500,
    );
  });

  it('Check Bibliography: no throw on mutated .bib files; findings and their fixes stay inside their entry, off its key', () => {
    const seeds = [fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'workspace', 'bibcheck', 'refs.bib'), 'utf8'), ...bibSeeds];
    const mutatedBib = mutated(seeds, ['@', '{', '}', '"', '#', '%', ',', '=', '\n', '\r\n', 'and ', 'others', ' = ', 'year', 'eprint = {2301.12597}', '\\', '\0']);
    run(
      fc.property(mutatedBib, (text) => {
        const bib = parseBibtex(text);
        for (const finding of checkBibliography([{ text, bib }], atlas)[0].findings) {
          const entry = bib.entries[finding.entryIndex];
          assert.ok(entry.start <= finding.start && finding.start <= finding.end && finding.end <= entry.end, `${finding.code} outside ${entry.key}`);
          const spans = entrySpans(text, entry);
          for (const edit of fixEdits(text, entry, finding, atlas.get(finding.modelId)) ?? []) {
            assert.ok(entry.start <= edit.start && edit.end <= entry.end, `${finding.code}'s fix edits outside ${entry.key}`);
            assert.ok(!spans || edit.end <= spans.keyStart || edit.start >= spans.keyEnd || spans.keyStart === spans.keyEnd, `${finding.code}'s fix edits the key ${entry.key}`);
          }
        }
      }),
      400,
    );
  });

  it('readAtlasFile and mergeAtlas: no throw on random or mutated YAML; every problem at a real line and column', () => {
    const validate = generatedValidator();
    run(
      fc.property(yamlText, fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat({ max: 5 })), { maxLength: 4 }), (text, pathParts) => {
        const lines = text.split(/\r\n|\r|\n/);
        const file = readAtlasFile(text);
        file.syntaxErrors.forEach((e) => assertSpanInside(e.span, lines, `syntax error ${e.message}`));
        for (const entry of file.entries) {
          assertSpanInside(entry.locate(pathParts), lines, `locate(${JSON.stringify(pathParts)})`);
        }
        const merged = mergeAtlas(realModels(), [{ name: 'random.atlas.yaml', file }], { validate });
        merged.problems.forEach((p) => assertSpanInside(p.span, lines, `${p.code} ${p.message}`));
      }),
      300,
    );
  });

  it('keeps the cases these properties found: aliases that cannot resolve, an unclosed quote at the very end', () => {
    const bomb = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcd'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abc'[i]}`).join(', ')}]`), 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');
    for (const text of ['id: *missing\n', bomb, 'name: "unclosed']) {
      const file = readAtlasFile(text);
      assert.strictEqual(file.entries.length, 0);
      assert.strictEqual(file.syntaxErrors.length, 1, text);
      assertSpanInside(file.syntaxErrors[0].span, text.split('\n'), file.syntaxErrors[0].message);
    }
  });
});
