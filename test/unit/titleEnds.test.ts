import * as assert from 'assert';
import fc from 'fast-check';
import { normalizeTitle } from '../../src/core/bibtex/match';
import { END_LENGTH, endCode, titleHead, titleTail } from '../../src/core/bibtex/titleEnds';

describe('title ends', () => {
  const titles = [
    'Visual Instruction Tuning',
    '{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models',
    'Flamingo: a Visual Language Model for Few-Shot Learning',
    'An \\emph{Image} is Worth 16x16 Words: Transformers for Image Recognition at Scale',
    'Scaling $\\alpha$-{\\em scaled} {\\textsc{Results}}',
    'A {\\textsc{AB}}',
    'Über Models \\"{U}ber {\\"o}',
    'CLIP',
    'x',
    '',
    'Learning to See by \\textbf{Moving}.',
    'Ends in a command \\LaTeX',
    'Pix2Struct: Screenshot Parsing as Pretraining for Visual Language Understanding!!',
    'Qwen2.5-VL Technical Report',
  ];

  it('are, where they can be read, what the normalised title starts and ends with', () => {
    for (const title of titles) {
      const normalized = normalizeTitle(title);
      const head = titleHead(title);
      const tail = titleTail(title);
      if (head !== undefined) {
        assert.strictEqual(head, endCode(normalized.slice(0, END_LENGTH)), `head of ${title}`);
      }
      if (tail !== undefined) {
        assert.strictEqual(tail, endCode(normalized.slice(-END_LENGTH)), `tail of ${title}`);
      }
    }
  });

  it('agree with the normalised title on any text of letters, commands, braces, accents and punctuation', () => {
    const pieces = ['a', 'B', 'z', '9', ' ', '-', '{', '}', '\\', '\\em ', '\\textsc{', '\\"', '$', 'é', 'Ü', '中', '.', ':', 'ab', 'XY'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const title = parts.join('');
        const normalized = normalizeTitle(title);
        const head = titleHead(title);
        const tail = titleTail(title);
        return (head === undefined || head === endCode(normalized.slice(0, END_LENGTH))) && (tail === undefined || tail === endCode(normalized.slice(-END_LENGTH)));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('are read for plain titles, and not where a command or an accent may change them', () => {
    assert.strictEqual(titleHead('Visual Instruction Tuning'), endCode('visual'));
    assert.strictEqual(titleTail('Visual Instruction Tuning'), endCode('tuning'));
    assert.strictEqual(titleTail('Learning to See by \\textbf{Moving}.'), endCode('moving'));
    assert.strictEqual(titleTail('A {\\textsc{AB}}'), undefined);
    assert.strictEqual(titleTail('Ends in a command \\LaTeX'), undefined);
    assert.strictEqual(titleHead('Über Models'), undefined);
    assert.strictEqual(titleTail('Models \\"{U}ber {\\"o}'), undefined);
  });

  it('are numbers that tell every run of up to six letters and digits apart', () => {
    const run = fc.stringMatching(/^[a-z0-9]{0,6}$/);
    fc.assert(
      fc.property(run, run, (a, b) => a === b || endCode(a) !== endCode(b)),
      { numRuns: 3000, seed: 7 },
    );
    assert.notStrictEqual(endCode('ab'), endCode('0ab'));
    assert.notStrictEqual(endCode(''), endCode('0'));
  });
});
