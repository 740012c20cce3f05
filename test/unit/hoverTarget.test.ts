// The hover target at a cursor: a cited key on any line of a key list, or a model named in prose; never a
// mention inside a citation, and only the lines a citation can open in are read.
import * as assert from 'assert';
import { hoverTargetAt, type TextLines } from '../../src/core/citations/hoverTarget';
import { realIndex } from '../support/realAtlas';

const matcher = realIndex().matcher;

/** The lines of `text`, counting each line read, and the cursor at the "|" (removed). */
function documentWithCursor(marked: string): { document: TextLines & { read: Set<number>; reads: number[] }; line: number; character: number } {
  const lines = marked.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  lines[line] = lines[line].replace('|', '');
  const read = new Set<number>();
  const reads: number[] = [];
  return { document: { lineCount: lines.length, lineText: (n) => (read.add(n), reads.push(n), lines[n]), read, reads }, line, character };
}

function targetAt(marked: string, syntax: 'latex' | 'pandoc' = 'latex') {
  const { document, line, character } = documentWithCursor(marked);
  return hoverTargetAt(document, line, character, syntax, matcher);
}

describe('hover target', () => {
  it('names the model under the cursor in prose, with its span on the line', () => {
    const target = targetAt('We compare against BLI|P-2 and Flamingo.');
    assert.deepStrictEqual(target && { ...target, mention: undefined }, { kind: 'mention', modelId: 'blip-2', line: 0, start: 19, end: 25, mention: undefined });
    assert.strictEqual(targetAt('We compare |against BLIP-2.'), undefined);
  });

  it('gives the cited key, on the line of a key list that spans lines', () => {
    assert.deepStrictEqual(targetAt('as shown \\cite{alpha,\n  beta,\n  li2023bl|ip2} before'), { kind: 'citation', key: 'li2023blip2', line: 2, start: 2, end: 13 });
    assert.deepStrictEqual(targetAt('see [@alpha; @li2023bl|ip2].', 'pandoc'), { kind: 'citation', key: 'li2023blip2', line: 0, start: 14, end: 25 });
  });

  it('takes a name inside a citation key for the key, not for a mention', () => {
    assert.deepStrictEqual(targetAt('\\cite{BLI|P-2}'), { kind: 'citation', key: 'BLIP-2', line: 0, start: 6, end: 12 });
  });

  it('reads at most eight lines before the cursor, and fewer once they hold the citation look-back', () => {
    const short = documentWithCursor([...Array.from({ length: 20 }, (_, i) => `line ${i}`), 'BLIP|-2 here', 'after', 'more'].join('\n'));
    hoverTargetAt(short.document, short.line, short.character, 'latex', matcher);
    assert.deepStrictEqual([...short.document.read].sort((a, b) => a - b), [12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    assert.strictEqual(short.document.reads.length, short.document.read.size, `a line was read twice: ${short.document.reads.join(', ')}`);
    const long = documentWithCursor([`${'x'.repeat(700)}`, `${'y'.repeat(700)}`, 'BLIP|-2 here', 'after'].join('\n'));
    hoverTargetAt(long.document, long.line, long.character, 'latex', matcher);
    assert.deepStrictEqual([...long.document.read].sort((a, b) => a - b), [1, 2, 3]);
  });
});
