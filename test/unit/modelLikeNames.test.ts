import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseBibtex } from '../../src/core/bibtex/parse';
import type { GeneratedValidator } from '../../src/core/userAtlas/entryValidation';
import { citationAfter, looksLikeModelName, modelLikeNameAt } from '../../src/core/mentions/modelLikeNames';
import { entryFromBib, scaffoldForArxiv } from '../../src/core/userAtlas/newEntries';
import { placeholderPaths } from '../../src/core/userAtlas/unfinished';
import { repoRoot } from '../support/realAtlas';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { entryValidatorSource } = require(path.join(repoRoot, 'scripts', 'build', 'entry-validator.js')) as { entryValidatorSource(): string };
const validate = (() => {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', entryValidatorSource())(module, module.exports, require);
  return module.exports as GeneratedValidator;
})();

const taken = { ids: new Set<string>(), keys: new Set<string>() };

describe('model-like names', () => {
  it('takes capitalised, versioned or camel-case names, and model suffixes', () => {
    for (const name of ['Qwen3.5-Omni', 'Qwen3-VL', 'GPT-5', 'LLaVA-1.6', 'Llama3', 'PoseVLM', 'YogaLLaVA', 'MiniCPM-V', 'Otter-VL', 'Phi-4']) {
      assert.equal(looksLikeModelName(name), true, name);
    }
  });

  it('leaves out words, part numbers, venues with a year, datasets and well-known non-models', () => {
    for (const name of ['Transformer', 'The', 'A100', 'H100', 'RTX3090', 'ICML2023', 'COCO2017', 'OpenAI', 'PyTorch', 'GitHub', 'LaTeX', 'BibTeX', 'iPhone', 'v2', 'CVPR']) {
      assert.equal(looksLikeModelName(name), false, name);
    }
  });

  it('finds the whole name around the cursor, without trailing punctuation', () => {
    const text = 'We compare with Qwen3.5-Omni. It is new.';
    const at = text.indexOf('Omni');
    assert.deepEqual(modelLikeNameAt(text, at), { name: 'Qwen3.5-Omni', start: 16, end: 28 });
    assert.deepEqual(modelLikeNameAt(text, 28), { name: 'Qwen3.5-Omni', start: 16, end: 28 }, 'the cursor right after it');
    assert.equal(modelLikeNameAt(text, text.indexOf('new')), undefined);
  });

  it('finds the citation right after a name, in LaTeX and Pandoc, and no citation further away', () => {
    const latex = 'Qwen3.5-Omni~\\citep[see][]{qwen35omni,other} is new.';
    const name = modelLikeNameAt(latex, 2)!;
    assert.equal(citationAfter(latex, name, 'latex')?.key, 'qwen35omni');
    const pandoc = 'Qwen3.5-Omni [see @qwen35omni] is new.';
    assert.equal(citationAfter(pandoc, modelLikeNameAt(pandoc, 2)!, 'pandoc')?.key, 'qwen35omni');
    const far = 'Qwen3.5-Omni is new, unlike \\cite{other}.';
    assert.equal(citationAfter(far, modelLikeNameAt(far, 2)!, 'latex'), undefined);
  });
});

describe('pre-filled new entries', () => {
  const BIB = [
    '@inproceedings{qwen35omni,',
    '  title = {{Qwen3.5-Omni}: A Model of Everything},',
    '  author = {Doe, Jane and M{\\"u}ller, J{\\"o}rg and Rick Roe},',
    '  booktitle = {Proceedings of Something},',
    '  year = {2026},',
    '  eprint = {2612.01234},',
    '  archivePrefix = {arXiv}',
    '}',
    '',
    '@misc{nodate, title = {Lab Model}, author = {Lab, The}, year = 2025, month = mar}',
  ].join('\n');
  const [withArxiv, withoutArxiv] = parseBibtex(BIB).entries;

  it("takes the paper's facts and the entry itself from the document's .bib, keeping its key, and validates", () => {
    const entry = entryFromBib(withArxiv, BIB, 'refs.bib', 'Qwen3.5-Omni', taken);
    assert.ok(validate(JSON.parse(JSON.stringify(entry))), JSON.stringify(validate.errors));
    assert.equal(entry.paper.title, 'Qwen3.5-Omni: A Model of Everything');
    assert.deepEqual(entry.paper.authors, ['Jane Doe', 'Jörg Müller', 'Rick Roe']);
    assert.equal(entry.paper.arxiv, '2612.01234');
    assert.equal(entry.paper.date, '2026-12-01');
    assert.equal(entry.bibtex.key, 'qwen35omni');
    assert.equal(entry.bibtex.entry, BIB.slice(0, BIB.indexOf('\n\n')));
    assert.match(entry.notes ?? '', /qwen35omni of refs\.bib/);
    // What a .bib does not say stays a placeholder, so the entry is flagged until completed.
    assert.ok(placeholderPaths(entry).some((p) => p.join('.') === 'summary.en'));
  });

  it('dates an entry without an arXiv id by the .bib year and month', () => {
    const entry = entryFromBib(withoutArxiv, BIB, 'refs.bib', 'Lab Model', taken);
    assert.ok(validate(JSON.parse(JSON.stringify(entry))), JSON.stringify(validate.errors));
    assert.equal(entry.paper.date, '2025-03-01');
    assert.equal(entry.paper.arxiv, undefined);
  });

  it('keeps an arXiv id that could not be fetched, dated in its month', () => {
    const entry = scaffoldForArxiv('Qwen3.5-Omni', '2612.01234', taken);
    assert.ok(validate(JSON.parse(JSON.stringify(entry))), JSON.stringify(validate.errors));
    assert.equal(entry.paper.arxiv, '2612.01234');
    assert.equal(entry.paper.date, '2026-12-01');
    assert.equal(entry.links?.arxiv, 'https://arxiv.org/abs/2612.01234');
  });
});
