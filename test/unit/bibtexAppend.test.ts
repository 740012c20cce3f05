import * as assert from 'assert';
import { applyInsertion, lineEndingOf, openEntryAtEnd, planAppend } from '../../src/core/bibtex/append';
import { parseBibtex } from '../../src/core/bibtex/parse';

const ENTRY = '@misc{new,\n  title = {New}\n}';

/** Appends and checks the one promise every case shares: the original is an untouched prefix. */
function append(existing: string, entry = ENTRY): string {
  const plan = planAppend(existing, entry);
  assert.strictEqual(plan.offset, existing.length);
  const result = applyInsertion(existing, plan);
  assert.ok(result.startsWith(existing), 'the original text must be an unchanged prefix');
  return result;
}

describe('appending a BibTeX entry', () => {
  it('adds no blank lines to an empty file and ends with a newline', () => {
    assert.strictEqual(append(''), '@misc{new,\n  title = {New}\n}\n');
    assert.strictEqual(append('\uFEFF'), '\uFEFF@misc{new,\n  title = {New}\n}\n');
  });

  it('leaves one blank line between entries', () => {
    assert.strictEqual(append('@misc{a}\n'), '@misc{a}\n\n@misc{new,\n  title = {New}\n}\n');
    assert.strictEqual(append('@misc{a}\n\n'), '@misc{a}\n\n@misc{new,\n  title = {New}\n}\n');
    assert.strictEqual(append('@misc{a}\n\n\n'), '@misc{a}\n\n\n@misc{new,\n  title = {New}\n}\n');
  });

  it('keeps a file without a final newline without one', () => {
    assert.strictEqual(append('@misc{a}'), '@misc{a}\n\n@misc{new,\n  title = {New}\n}');
    assert.strictEqual(append('@misc{a}\n  '), '@misc{a}\n  \n@misc{new,\n  title = {New}\n}');
  });

  it('writes CRLF into a CRLF file, whatever the entry uses', () => {
    assert.strictEqual(append('@misc{a,\r\n  year = 2020\r\n}\r\n'), '@misc{a,\r\n  year = 2020\r\n}\r\n\r\n@misc{new,\r\n  title = {New}\r\n}\r\n');
    assert.strictEqual(append('@misc{a}\r\n', '@misc{new,\r\n  x = 1\r\n}'), '@misc{a}\r\n\r\n@misc{new,\r\n  x = 1\r\n}\r\n');
    assert.strictEqual(append('@misc{a}', '@misc{new,\r\n  x = 1\r\n}\r\n'), '@misc{a}\n\n@misc{new,\n  x = 1\n}');
    assert.strictEqual(append('@misc{a,\r\n}\r\n\r\n@misc{b}'), '@misc{a,\r\n}\r\n\r\n@misc{b}\r\n\r\n@misc{new,\r\n  title = {New}\r\n}');
  });

  it('trims blank lines around the entry text', () => {
    assert.strictEqual(append('@misc{a}\n', '\n\n  @misc{new}\n\n'), '@misc{a}\n\n@misc{new}\n');
  });

  it('follows the line ending most lines use', () => {
    assert.strictEqual(lineEndingOf('a\r\nb\r\nc\n'), '\r\n');
    assert.strictEqual(lineEndingOf('a\nb\nc\r\n'), '\n');
    assert.strictEqual(lineEndingOf('no newline'), '\n');
  });

  it('never changes a byte of a broken or strange file, and the entry parses afterwards', () => {
    const originals = ['@article{broken, title = {unclosed', '% only a comment', '\uFEFF@misc{a}\r\n', 'x'.repeat(100_000) + '   \t  '];
    for (const original of originals) {
      const result = append(original, '@misc{fresh, title = {Fresh}}');
      assert.ok(parseBibtex(result).entries.some((entry) => entry.key === 'fresh'), JSON.stringify(result.slice(-80)));
    }
  });

  it('finds the entry a file ends inside, which would swallow an append', () => {
    assert.deepStrictEqual(openEntryAtEnd('@article{ok, title = {Fine}}\n\n@article{cut, title = {Half'), { offset: 30, line: 2, key: 'cut' });
    assert.deepStrictEqual(openEntryAtEnd('@misc(p, title = {A)B}'), { offset: 0, line: 0, key: 'p' });
    assert.strictEqual(openEntryAtEnd('@misc(p, title = {A)B})\n')?.key, undefined);
    // Broken in the middle but closed by the end; @comment as a word; "@" in text between entries.
    for (const closed of ['@misc{broken title = }\n@misc{b, title = {B}}', '@comment{old @misc{x}} @misc{a, t = {A}}', 'mail me@example.org\n@misc{a, t = "{x}"}', '', 'no entries']) {
      assert.strictEqual(openEntryAtEnd(closed), undefined, closed);
    }
  });
});
