import * as assert from 'assert';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { MentionMatcher } from '../../src/core/mentions/mentions';
import { listOccurrences, snippetAround } from '../../src/core/mentions/occurrences';

const matcher = new MentionMatcher([
  { modelId: 'blip-2', spelling: 'BLIP-2' },
  { modelId: 'blip', spelling: 'BLIP' },
  { modelId: 'flamingo', spelling: 'Flamingo' },
]);

describe('listOccurrences', () => {
  it('groups mentions per model in order of first mention, with zero-based line and column', () => {
    const text = 'Flamingo came first.\nThen BLIP-2 and again\n  Flamingo, and BLIP.';
    const result = listOccurrences(text, matcher.find(text));
    assert.deepStrictEqual(result.map((r) => [r.modelId, r.occurrences.map((o) => [o.line, o.character])]), [
      ['flamingo', [[0, 0], [2, 2]]],
      ['blip-2', [[1, 5]]],
      ['blip', [[2, 16]]],
    ]);
    assert.strictEqual(result[0].occurrences[1].snippet, 'Flamingo, and BLIP.');
    assert.deepStrictEqual(result[0].occurrences[1].highlight, [0, 8]);
    assert.strictEqual(result[2].occurrences[0].snippet.slice(...result[2].occurrences[0].highlight), 'BLIP');
  });

  it('skips mentions in comments and verbatim environments', () => {
    const text = 'BLIP-2 works. % BLIP-2 in a comment\n\\begin{verbatim}\nFlamingo\n\\end{verbatim}\nFlamingo too.';
    const result = listOccurrences(text, matcher.find(text), nonProseRanges(text, 'latex'));
    assert.deepStrictEqual(result.map((r) => [r.modelId, r.occurrences.map((o) => o.line)]), [
      ['blip-2', [0]],
      ['flamingo', [4]],
    ]);
  });

  it('cuts long lines around the mention with ellipses', () => {
    const line = `${'a'.repeat(80)} BLIP-2 ${'b'.repeat(80)}`;
    const start = line.indexOf('BLIP-2');
    const { snippet, highlight } = snippetAround(line, 0, start, start + 6);
    assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
    assert.strictEqual(snippet.slice(...highlight), 'BLIP-2');
    assert.ok(snippet.length < 75, snippet);
  });

  it('returns nothing for a text without mentions', () => {
    assert.deepStrictEqual(listOccurrences('nothing here', matcher.find('nothing here')), []);
  });
});
