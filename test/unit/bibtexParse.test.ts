import * as assert from 'assert';
import { parseBibtex, type BibFile } from '../../src/core/bibtex/parse';

function keys(bib: BibFile): string[] {
  return bib.entries.map((entry) => entry.key);
}

/** A generated file of `count` entries in the shapes Google Scholar and DBLP export. */
function generatedBib(count: number): string {
  const parts: string[] = ['@string{cvpr = "IEEE Conference on Computer Vision and Pattern Recognition"}\n'];
  for (let i = 0; i < count; i++) {
    parts.push(
      i % 2 === 0
        ? `@inproceedings{author${i}2023model,\n  title={Model {${i}}: Learning \\emph{Things} at Scale},\n  author={Doe, Jane and Roe, Richard},\n  booktitle=cvpr,\n  pages={${i}--${i + 9}},\n  year={2023}\n}\n\n`
        : `@article{Author${i}Model,\n  author    = "Doe, Jane and {\\"O}zt{\\"u}rk, Ali",\n  title     = "Model ${i} " # "and {"}quoted{"} text",\n  journal   = {CoRR},\n  volume    = {abs/2301.${String(i).padStart(5, '0')}},\n  month     = jan,\n  year      = 2023,\n}\n\n`,
    );
  }
  return parts.join('');
}

describe('BibTeX parsing', () => {
  it('reads entries with their type, key, fields, offsets and lines', () => {
    const text = 'Text before.\n@Article{li2023blip,\n  Title = {BLIP-2},\n  YEAR = 2023\n}\n\n@misc{other, note={x}}';
    const bib = parseBibtex(text);
    assert.deepStrictEqual(keys(bib), ['li2023blip', 'other']);
    const [first, second] = bib.entries;
    assert.strictEqual(first.type, 'article');
    assert.deepStrictEqual(first.fields, { title: 'BLIP-2', year: '2023' });
    assert.strictEqual(first.start, text.indexOf('@Article'));
    assert.strictEqual(text.slice(first.start, first.end), '@Article{li2023blip,\n  Title = {BLIP-2},\n  YEAR = 2023\n}');
    assert.strictEqual(first.line, 1);
    assert.strictEqual(second.line, 6);
    assert.strictEqual(text.slice(second.start, second.end), '@misc{other, note={x}}');
    assert.deepStrictEqual(bib.problems, []);
  });

  it('keeps nested braces, removes only the outer ones and collapses whitespace', () => {
    const bib = parseBibtex('@misc{k, title = {  The {BLIP} {{Model}}\n\t of   \\textbf{Things} }}');
    assert.strictEqual(bib.entries[0].fields.title, 'The {BLIP} {{Model}} of \\textbf{Things}');
  });

  it('tidies every value holding a line break, a tab, two spaces or a rarer space, and no other', () => {
    const values = {
      line: 'a\nb', tab: 'a\tb', two: 'a  b', cr: 'a\r\nb', nbsp: 'a\u00a0b', ideographic: 'a\u3000b', thin: 'a\u2009b',
      narrow: 'a\u202fb', formfeed: 'a\fb', nested: '{a\n b} c', after: 'a {b} c  d', plain: 'a {b} c', enspace: 'a\u2002b',
    };
    const text = '@misc{k,\n' + Object.entries(values).map(([name, value]) => `  ${name} = {${value}},\n`).join('') + '}\n';
    const fields = parseBibtex(text).entries[0].fields;
    assert.deepStrictEqual(fields, {
      line: 'a b', tab: 'a b', two: 'a b', cr: 'a b', nbsp: 'a b', ideographic: 'a b', thin: 'a b',
      narrow: 'a b', formfeed: 'a b', nested: '{a b} c', after: 'a {b} c d', plain: 'a {b} c', enspace: 'a\u2002b',
    });
  });

  it('reads quoted values, with braces and quotes inside braces', () => {
    const bib = parseBibtex('@misc{k, author = "M{\\"u}ller, J{\\"o}rg", title = "A {"quoted"} word, {and} more"}');
    assert.deepStrictEqual(bib.entries[0].fields, { author: 'M{\\"u}ller, J{\\"o}rg', title: 'A {"quoted"} word, {and} more' });
  });

  it('resolves @string macros, month abbreviations, numbers and # concatenation', () => {
    const text = [
      '@String{cvpr = "Proc. CVPR"}',
      '@string(iccv = {Proc. } # "ICCV")',
      '@misc{k, booktitle = CVPR, series = iccv # { 2023}, month = jan, day = 5, year = 2023, note = undefinedmacro}',
    ].join('\n');
    const bib = parseBibtex(text);
    assert.deepStrictEqual(bib.strings, { cvpr: 'Proc. CVPR', iccv: 'Proc. ICCV' });
    assert.deepStrictEqual(bib.entries[0].fields, {
      booktitle: 'Proc. CVPR',
      series: 'Proc. ICCV 2023',
      month: 'January',
      day: '5',
      year: '2023',
      note: 'undefinedmacro',
    });
  });

  it('lets @string redefine a month', () => {
    const bib = parseBibtex('@string{jan = "Jan."}\n@misc{k, month = jan # "~1"}');
    assert.strictEqual(bib.entries[0].fields.month, 'Jan.~1');
  });

  it('reads @preamble and skips @comment, even one holding a whole entry', () => {
    const text = '@preamble{ "\\newcommand{\\noop}[1]{}" # { more} }\n@comment{\n@article{old, title={Old}}\n}\n@Comment jabref-meta: x\n@misc{new, title={New}}';
    const bib = parseBibtex(text);
    assert.deepStrictEqual(bib.preambles, ['\\newcommand{\\noop}[1]{} more']);
    assert.deepStrictEqual(keys(bib), ['new']);
    assert.deepStrictEqual(bib.problems, []);
  });

  it('ignores % lines and text between entries, including "@" in prose', () => {
    const text = [
      '% @article{commented, title={No}}',
      'Mail me at someone@example.org about it.',
      '@misc{a,',
      '  % title = {commented out field},',
      '  title = {Yes}, % trailing comment',
      '  url = {https://example.org/a%20b}',
      '}',
      'junk } { between',
      '@misc{b, title={Also}}',
    ].join('\n');
    const bib = parseBibtex(text);
    assert.deepStrictEqual(keys(bib), ['a', 'b']);
    assert.deepStrictEqual(bib.entries[0].fields, { title: 'Yes', url: 'https://example.org/a%20b' });
    assert.deepStrictEqual(bib.problems, []);
  });

  it('reads entries delimited by parentheses', () => {
    const bib = parseBibtex('@article(k1, title = {With ) inside}, year = 2020)\n@misc(k2)');
    assert.deepStrictEqual(keys(bib), ['k1', 'k2']);
    assert.strictEqual(bib.entries[0].fields.title, 'With ) inside');
  });

  it('handles CRLF and a leading BOM', () => {
    const text = '\uFEFF@misc{a,\r\n  title = {Two\r\n   lines}\r\n}\r\n\r\n@misc{b,\r\n  year = 2020\r\n}\r\n';
    const bib = parseBibtex(text);
    assert.deepStrictEqual(keys(bib), ['a', 'b']);
    assert.strictEqual(bib.entries[0].fields.title, 'Two lines');
    assert.strictEqual(bib.entries[0].start, 1);
    assert.strictEqual(bib.entries[1].line, 5);
  });

  it('accepts an empty entry, trailing commas and keys with odd characters', () => {
    const bib = parseBibtex('@misc{a:b/c-2023_x,}\n@misc{empty}\n@misc{k, title={T},,}');
    assert.deepStrictEqual(keys(bib), ['a:b/c-2023_x', 'empty', 'k']);
    assert.deepStrictEqual(bib.problems, []);
  });

  it('stores hostile field names as plain own properties', () => {
    const bib = parseBibtex('@misc{k, __proto__ = {x}, constructor = {y}, hasOwnProperty = {z}}');
    const fields = bib.entries[0].fields;
    assert.deepStrictEqual(Object.keys(fields), ['__proto__', 'constructor', 'hasownproperty']);
    assert.strictEqual(fields.constructor, 'y');
    assert.strictEqual(Object.getPrototypeOf(fields), Object.prototype);
  });

  it('reports an unclosed @comment and still reads the entries after it', () => {
    const bib = parseBibtex('@misc{a}\n@comment{ never closed\n@misc{b, title={B}}\n@comment{ok}\n@misc{c}');
    assert.deepStrictEqual(keys(bib), ['a', 'b', 'c']);
    assert.deepStrictEqual(bib.problems.map((p) => [p.line, p.message]), [[1, '@comment is not closed']]);
  });

  it('keeps the first of duplicate fields and says so', () => {
    const bib = parseBibtex('@misc{k, title = {First}, TITLE = {Second}}');
    assert.strictEqual(bib.entries[0].fields.title, 'First');
    assert.deepStrictEqual(bib.problems.map((p) => p.message), ["duplicate field 'title' in 'k'; the first is kept"]);
  });

  it('records a broken entry in the middle and keeps reading the good ones after it', () => {
    const text = [
      '@misc{good1, title={One}}',
      '@article{broken,',
      '  title = {Never closed,',
      '  year = 2023',
      '',
      '@misc{good2, title={Two}}',
      '@misc{missingcomma, title={A} author={B}}',
      '@misc{good3, title={Three}}',
      '@article{unclosed, title={Done},',
      '@misc{good4, title="Four"}',
    ].join('\n');
    const bib = parseBibtex(text);
    assert.deepStrictEqual(keys(bib), ['good1', 'good2', 'good3', 'good4']);
    assert.deepStrictEqual(
      bib.problems.map((p) => [p.line, p.message]),
      [
        [2, "entry 'broken' is not closed"],
        [6, "expected ',' or '}' after the field 'title' in 'missingcomma'"],
        [8, "entry 'unclosed' is not closed before the next entry"],
      ],
    );
    assert.strictEqual(bib.problems[0].offset, text.indexOf('{Never'));
    assert.deepStrictEqual(bib.entries[3].fields, { title: 'Four' });
  });

  it('reports an entry without key or opening brace and a truncated file', () => {
    const bib = parseBibtex('@misc{, title={No key}}\n@article no brace\n@misc{last, title = {Trunc');
    assert.deepStrictEqual(keys(bib), ['']);
    assert.deepStrictEqual(bib.problems.map((p) => [p.line, p.message]), [
      [0, "entry '@misc' has no key"],
      [1, "'@article' is not followed by '{' or '('"],
      [2, "entry 'last' is not closed"],
    ]);
    assert.deepStrictEqual(parseBibtex('@misc{k, title = {T},\n  year = 2020').problems.map((p) => [p.offset, p.message]), [
      [0, "entry 'k' is not closed before the end of the file"],
    ]);
  });

  it('reads every prefix of a file without throwing', () => {
    const text = generatedBib(6);
    const full = parseBibtex(text).entries.length;
    for (let cut = 0; cut <= text.length; cut += 7) {
      const bib = parseBibtex(text.slice(0, cut));
      assert.ok(bib.entries.length <= full);
      for (const entry of bib.entries) {
        assert.ok(entry.end <= cut && entry.start < entry.end);
      }
    }
  });

  it('survives random binary bytes', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20; round++) {
      const bytes = Array.from({ length: 20000 }, () => String.fromCharCode(Math.floor(random() * 256)));
      // Sprinkle BibTeX punctuation so the reader goes deep into entries.
      const text = bytes.map((ch, i) => (i % 97 === 0 ? '\n@misc{k' : i % 13 === 0 ? '{' : i % 17 === 0 ? '}' : ch)).join('');
      const bib = parseBibtex(text);
      for (const entry of bib.entries) {
        assert.ok(entry.start >= 0 && entry.end <= text.length);
      }
    }
  });

  it('reads a 5 MB single line', () => {
    const value = 'x'.repeat(5 * 1024 * 1024);
    const bib = parseBibtex(`@misc{big, abstract = {${value}}, title = {After}}`);
    assert.strictEqual(bib.entries[0].fields.abstract.length, value.length);
    assert.strictEqual(bib.entries[0].fields.title, 'After');

    const hostile = '@a{k, t = {'.repeat(500_000);
    const broken = parseBibtex(hostile);
    assert.deepStrictEqual(broken.entries, []);
    assert.strictEqual(broken.problems.length, 1);

    const manyOnOneLine = `@misc{k, title={${'t'.repeat(80)}}} `.repeat(50_000);
    const many = parseBibtex(manyOnOneLine);
    assert.strictEqual(many.entries.length, 50_000);
    assert.strictEqual(many.entries[49_999].line, 0);
  });

  it('reads 10,000 and 50,000 generated entries quickly', () => {
    const ten = generatedBib(10_000);
    const timed = (): number => {
      const started = performance.now();
      parseBibtex(ten);
      return performance.now() - started;
    };
    // The first run includes compiling the reader; the later ones are what a re-parse on each edit costs.
    const first = timed();
    const again = Math.min(timed(), timed(), timed());
    console.log(`      10,000 entries (${(ten.length / 1e6).toFixed(1)} MB): ${first.toFixed(0)} ms cold, ${again.toFixed(0)} ms warm`);
    const bib = parseBibtex(ten);
    assert.strictEqual(bib.entries.length, 10_000);
    assert.deepStrictEqual(bib.problems, []);
    assert.deepStrictEqual(bib.entries[1].fields, {
      author: 'Doe, Jane and {\\"O}zt{\\"u}rk, Ali',
      title: 'Model 1 and {"}quoted{"} text',
      journal: 'CoRR',
      volume: 'abs/2301.00001',
      month: 'January',
      year: '2023',
    });
    assert.strictEqual(bib.entries[9998].fields.booktitle, 'IEEE Conference on Computer Vision and Pattern Recognition');
    assert.strictEqual(bib.entries[9999].line, ten.slice(0, bib.entries[9999].start).split('\n').length - 1);

    const fifty = generatedBib(50_000);
    const startedFifty = performance.now();
    assert.strictEqual(parseBibtex(fifty).entries.length, 50_000);
    console.log(`      parsed 50,000 entries (${(fifty.length / 1e6).toFixed(1)} MB) in ${(performance.now() - startedFifty).toFixed(1)} ms`);
  });
});
