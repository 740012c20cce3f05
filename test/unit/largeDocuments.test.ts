// Documents no one should write (10 MB of LaTeX, a 1 MB line, 100,000 nested braces, an unterminated \cite{)
// through the core behind hovers, completion and scans; time limits are loose freeze guards.
import * as assert from 'assert';
import { latexBibliographies, latexParents, markdownBibliographies, texRootMagic } from '../../src/core/citations/bibliographyFiles';
import { citationContextAt, citationKeyAt, findCitationKeys, findCitedKeys } from '../../src/core/citations/citationContext';
import { planCitationInsertion } from '../../src/core/citations/citationInsertion';
import { citationCandidates, nameCandidates } from '../../src/core/citations/completionCandidates';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { isInside } from '../../src/core/documents/ranges';
import { listOccurrences } from '../../src/core/mentions/occurrences';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();

/** Runs `work`, asserting it finishes within `limitMs` (generous: other test runs share the machine). */
function within<T>(limitMs: number, what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < limitMs, `${what} took ${elapsed.toFixed(0)} ms (freeze guard ${limitMs} ms)`);
  return result;
}

/** A paragraph with mentions, citations, a comment and a verbatim block, repeated to `bytes`. */
function latexOf(bytes: number): string {
  const paragraph = [
    'We compare BLIP-2 \\cite{li2023blip2} with Flamingo~\\citep[p.~3]{alayrac2022flamingo, li2023blip2} and LLaVA.',
    '% BLIP-2 in a comment is not a mention \\cite{commented}',
    '\\begin{verbatim}Kosmos-2 \\cite{verbatim}\\end{verbatim}',
    'Later, \\textcite{tsimpoukelli2021frozen} and {\\em nested {braces} here} and $x_{i}^{2}$.\n\n',
  ].join('\n');
  return paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes);
}

const LOOKUP_MS = 200;
const SCAN_MS = 10_000;

/** What the hovers and completions do at each of `offsets`, and what the document scans do, with `text`. */
function exercise(text: string, offsets: readonly number[], limits = { lookupMs: LOOKUP_MS, scanMs: SCAN_MS }): void {
  const nonProse = within(limits.scanMs, 'the code and comment scan', () => nonProseRanges(text, 'latex'));
  for (const offset of offsets) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const nextBreak = text.indexOf('\n', offset);
    const lineEnd = nextBreak < 0 ? text.length : nextBreak;
    within(limits.lookupMs, 'a hover lookup', () => atlas.matcher.findAt(text, offset, lineStart, lineEnd));
    within(limits.lookupMs, 'a cited-key lookup', () => citationKeyAt(text, offset, 'latex'));
    within(limits.lookupMs, 'a completion context', () => citationContextAt(text, offset, 'latex'));
    within(limits.lookupMs, 'a completion context (Pandoc)', () => citationContextAt(text, offset, 'pandoc'));
    within(limits.lookupMs, 'a citation insertion', () => planCitationInsertion(text, offset, 'latex', ['li2023blip2']));
    within(limits.lookupMs, 'an inside-code lookup', () => isInside(nonProse, offset));
  }
  const mentions = within(limits.scanMs, 'the full mention scan', () => atlas.matcher.find(text));
  within(limits.scanMs, 'the In This Document list', () => listOccurrences(text, mentions, nonProse));
  within(limits.scanMs, 'the cited-key scan', () => findCitationKeys(text, 'latex'));
  within(limits.scanMs, 'the cited-key set (Pandoc)', () => findCitedKeys(text, 'pandoc'));
  within(limits.scanMs, 'the bibliography scan', () => [latexBibliographies(text), latexParents(text), texRootMagic(text), markdownBibliographies(text)]);
}


describe('documents that are too large or malformed', function () {
  this.timeout(120_000);

  it('a 10 MB LaTeX document: hovers and completions anywhere, every full scan', () => {
    const text = latexOf(10 * 1024 * 1024);
    exercise(text, [0, text.indexOf('BLIP-2', 5_000_000) + 2, text.length - 1, text.length]);
    const mentions = atlas.matcher.find(text);
    assert.ok(mentions.length > 100_000, `${mentions.length} mentions`);
  });

  it('a single 1 MB line: a hover at its start, middle and end', () => {
    const line = latexOf(1024 * 1024).replace(/\n/g, ' ');
    exercise(line, [3, line.indexOf('LLaVA', line.length / 2) + 1, line.length - 2, line.length]);
    const middle = line.indexOf('BLIP-2', line.length / 2);
    assert.strictEqual(atlas.matcher.findAt(line, middle + 1, 0, line.length)?.modelId, 'blip-2');
  });

  it('100,000 nested braces, in prose, inside a \\cite and inside its optional argument', () => {
    const depth = 100_000;
    const deep = '{'.repeat(depth) + 'BLIP-2' + '}'.repeat(depth);
    for (const text of [
      `Before ${deep} after BLIP-2.`,
      `\\cite{${deep}} BLIP-2`,
      `\\cite[${'['.repeat(depth)}]{li2023blip2`,
      `\\begin{verbatim}${'{'.repeat(depth)}`,
      '{'.repeat(depth),
      '}'.repeat(depth),
    ]) {
      exercise(text, [0, Math.floor(text.length / 2), text.length]);
    }
  });

  it('an unterminated \\cite{ at the very end is a citation context, and completes', () => {
    const text = `${latexOf(1024 * 1024)}\nAs shown by \\cite{`;
    const context = within(LOOKUP_MS, 'the completion context', () => citationContextAt(text, text.length, 'latex'));
    assert.ok(context, 'no citation context after \\cite{');
    assert.strictEqual(context.prefix, '');
    assert.ok(citationCandidates(atlas, context.prefix).length > 0);
    for (const ending of ['\\cite{', '\\cite{li2023', '\\cite{a,', '\\citep[see', '\\cite[p.~3][', '[@', '\\', '@']) {
      exercise(`BLIP-2 ${ending}`, [`BLIP-2 ${ending}`.length]);
    }
    assert.ok(nameCandidates(atlas, 'B').length > 0);
  });
});
