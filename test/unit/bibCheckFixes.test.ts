// The fixes of Check Bibliography, byte for byte: only the bytes of the fields concerned change, in the entry's
// own style; the key and every other field are never touched.
import * as assert from 'assert';
import { checkBibliography } from '../../src/core/bibcheck/bibliographyCheck';
import { deleteEntryEdit, fixEdits } from '../../src/core/bibcheck/entryFixes';
import type { BibCheckCode } from '../../src/core/bibcheck/findings';
import { applyEdits, combineEdits, minimalEdit } from '../../src/core/bibcheck/textEdits';
import { unprotectedWords } from '../../src/core/bibcheck/titleProtection';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { renameCitations } from '../../src/core/citations/citationRenames';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();

/** The text with the fix of the (only) finding of `code` applied. */
function fixed(text: string, code: BibCheckCode): string {
  const bib = parseBibtex(text);
  const [result] = checkBibliography([{ text, bib }], atlas);
  const finding = result.findings.find((f) => f.code === code);
  assert.ok(finding, `no ${code} in: ${result.findings.map((f) => f.code).join(', ')}`);
  const edits = fixEdits(text, bib.entries[finding.entryIndex], finding, atlas.get(finding.modelId));
  assert.ok(edits && edits.length > 0, `no fix for ${code}`);
  return applyEdits(text, edits);
}

/** After fixing, the entry has no finding of that code left. */
function settles(text: string, code: BibCheckCode): void {
  const [result] = checkBibliography([{ text, bib: parseBibtex(text) }], atlas);
  assert.ok(!result.findings.some((f) => f.code === code), `${code} is still found after the fix`);
}

describe('Check Bibliography fixes', () => {
  it('authors: the missing name added where the paper has it, in "Last, First", the rest untouched', () => {
    const text = '@inproceedings{vilt,\n  title = {{ViLT}: Vision-and-Language Transformer Without Convolution or Region Supervision},\n  author = {Kim, Wonjae and Kim, Ildoo},\n  booktitle = {ICML}, year = {2021},\n  abstract = {Untouched.}, file = {vilt.pdf}\n}';
    const out = fixed(text, 'author-mismatch');
    assert.strictEqual(out, text.replace('{Kim, Wonjae and Kim, Ildoo}', '{Kim, Wonjae and Son, Bokyung and Kim, Ildoo}'));
    settles(out, 'author-mismatch');
  });

  it('authors: invented names removed, a misspelling replaced, "First Last" kept, line breaks between names kept', () => {
    const text = '@misc{v, title={{ViLT}: Vision-and-Language Transformer Without Convolution or Region Supervision},\n  author={Wonjae Kim and\n          Bokyung Sonn and\n          Ildoo Kim and\n          Minseo Park}}';
    const out = fixed(text, 'author-mismatch');
    assert.strictEqual(out, '@misc{v, title={{ViLT}: Vision-and-Language Transformer Without Convolution or Region Supervision},\n  author={Wonjae Kim and\n          Bokyung Son and\n          Ildoo Kim}}');
    settles(out, 'author-mismatch');
  });

  it('authors: "and others" replaced by the names the paper lists', () => {
    const text = '@inproceedings{v, title={{ViLT}: Vision-and-Language Transformer Without Convolution or Region Supervision}, author={Kim, Wonjae and others}, booktitle={ICML}, year={2021}}';
    assert.strictEqual(fixed(text, 'author-mismatch'), text.replace('Kim, Wonjae and others', 'Kim, Wonjae and Son, Bokyung and Kim, Ildoo'));
  });

  it("title: the paper's title written in the entry's bracing (double braces, or braced acronyms)", () => {
    const flamingo = (title: string) => `@inproceedings{f,\n  title = ${title},\n  eprint = {2204.14198},\n}`;
    assert.strictEqual(fixed(flamingo('{{Flamingo: a Visual Language Model for Many-Shot Learning}}'), 'title-mismatch'), flamingo('{{Flamingo: a Visual Language Model for Few-Shot Learning}}'));
    assert.strictEqual(fixed(flamingo('"Flamingo: Many-Shot Learning with a Visual Model"'), 'title-mismatch'), flamingo('"Flamingo: a Visual Language Model for Few-Shot Learning"'));
    const blip2 = '@misc{b, title={BLIP-2: Bootstrapping Things}, eprint={2301.12597}}';
    assert.strictEqual(fixed(blip2, 'title-mismatch'), '@misc{b, title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}, eprint={2301.12597}}');
  });

  it('title protection: only braces inserted around the words that need them (not inside braces, commands or math)', () => {
    const text = '@inproceedings{li2023blip2,\n  title     = {BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models},\n  booktitle = {ICML},\n}';
    const out = fixed(text, 'title-unprotected');
    assert.strictEqual(out, text.replace('{BLIP-2:', '{{BLIP-2}:'));
    settles(out, 'title-unprotected');
    assert.strictEqual(unprotectedWords('{ViLT}: Vision-and-Language Q-Former in 3D with {\\"O}zt{\\"u}rk and $O(N^2)$ \\emph{LLaVA}').map((w) => w.word).join(' '), 'Q-Former 3D');
  });

  it('year: only the four digits, in year or in biblatex date', () => {
    const text = '@inproceedings{c,\n  title = {Learning Transferable Visual Models From Natural Language Supervision},\n  booktitle = {ICML},\n  year = 2020,\n}';
    assert.strictEqual(fixed(text, 'year-mismatch'), text.replace('year = 2020', 'year = 2021'));
    const biblatex = '@inproceedings{c, title={Learning Transferable Visual Models From Natural Language Supervision}, booktitle={ICML}, date={2019-07-18}}';
    assert.strictEqual(fixed(biblatex, 'year-mismatch'), biblatex.replace('2019-07-18', '2021-07-18'));
  });

  it('arXiv id: every place the wrong id is written, versions and all', () => {
    const text = '@article{l,\n  title = {Visual Instruction Tuning},\n  journal = {CoRR},\n  volume = {abs/2310.03744},\n  url = {https://arxiv.org/abs/2310.03744v2},\n  note = {See 2310.03744 too},\n  year = {2023}\n}';
    assert.strictEqual(fixed(text, 'arxiv-mismatch'), text.replace('abs/2310.03744', 'abs/2304.08485').replace('2310.03744v2', '2304.08485').replace('See 2310.03744', 'See 2304.08485'));
  });

  it("published version: Google Scholar's @article becomes @inproceedings, the id moving to eprint", () => {
    const text = '@article{li2023blip,\n  title={Blip-2: Bootstrapping language-image pre-training with frozen image encoders and large language models},\n  author={Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven},\n  journal={arXiv preprint arXiv:2301.12597},\n  year={2023}\n}';
    const out = fixed(text, 'published-version');
    assert.strictEqual(out, '@inproceedings{li2023blip,\n  title={Blip-2: Bootstrapping language-image pre-training with frozen image encoders and large language models},\n  author={Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven},\n  booktitle={ICML},\n  year={2023},\n  eprint={2301.12597},\n  archivePrefix={arXiv}\n}');
    settles(out, 'published-version');
  });

  it('published version: the arXiv export keeps key, eprint, archivePrefix and its other fields, aligned as written', () => {
    const text = '@misc{dai2023instructblip,\n  title         = {{InstructBLIP}: Towards General-purpose Vision-Language Models with Instruction Tuning},\n  year          = {2023},\n  eprint        = {2305.06500},\n  archivePrefix = {arXiv},\n  primaryClass  = {cs.CV},\n  keywords      = {instruction tuning},\n}\n';
    const out = fixed(text, 'published-version');
    assert.strictEqual(out, text.replace('@misc{', '@inproceedings{').replace('  keywords      = {instruction tuning},\n', '  keywords      = {instruction tuning},\n  booktitle     = {NeurIPS},\n'));
  });

  it("published version: DBLP's CoRR entry loses its abs/ volume; biblatex's keeps journaltitle; CRLF and upper case kept", () => {
    const dblp = '@article{DBLP:journals/corr/abs-2304-08485,\n  author       = {Haotian Liu and Chunyuan Li and Qingyang Wu and Yong Jae Lee},\n  title        = {Visual Instruction Tuning},\n  journal      = {CoRR},\n  volume       = {abs/2304.08485},\n  year         = {2023},\n  eprinttype    = {arXiv},\n  eprint       = {2304.08485},\n}';
    assert.strictEqual(
      fixed(dblp, 'published-version'),
      dblp.replace('@article{', '@inproceedings{').replace('journal      = {CoRR}', 'booktitle    = {NeurIPS}').replace('  volume       = {abs/2304.08485},\n', ''),
    );
    const upper = '@ARTICLE{Li2024,\r\n  YEAR = {2024},\r\n  JOURNALTITLE = {arXiv preprint arXiv:2408.03326},\r\n  TITLE = {{LLaVA-OneVision}: Easy Visual Task Transfer},\r\n}\r\n';
    assert.strictEqual(
      fixed(upper, 'published-version'),
      upper.replace('{2024}', '{2025}').replace('JOURNALTITLE = {arXiv preprint arXiv:2408.03326}', 'JOURNALTITLE = {TMLR}').replace('Transfer},\r\n}', 'Transfer},\r\n  EPRINT = {2408.03326},\r\n  EPRINTTYPE = {arxiv},\r\n}'),
    );
  });

  it('published version: a one-line @misc gets its fields on the same line', () => {
    const text = '@misc{b, title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}, eprint={2301.12597}, year={2023}}';
    assert.strictEqual(fixed(text, 'published-version'), text.replace('@misc', '@inproceedings').replace('year={2023}}', 'year={2023}, booktitle={ICML}}'));
  });

  it('fixes of one kind in a file combine into edits that do not overlap', () => {
    const text = '@misc{a, title={ViLT: Vision-and-Language Transformer Without Convolution or Region Supervision}}\n@misc{b, title={BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}}';
    const bib = parseBibtex(text);
    const [result] = checkBibliography([{ text, bib }], atlas);
    const edits = combineEdits(result.findings.filter((f) => f.code === 'title-unprotected').map((f) => fixEdits(text, bib.entries[f.entryIndex], f, atlas.get(f.modelId)) ?? []));
    assert.strictEqual(applyEdits(text, edits), text.replace('{ViLT:', '{{ViLT}:').replace('{BLIP-2:', '{{BLIP-2}:'));
  });

  it('deleting a duplicate takes its lines and one blank line, nothing else', () => {
    const text = '@misc{a, title={A}}\n\n@misc{b,\n  title={B}\n}\n\n@misc{c, title={C}}\n';
    const bib = parseBibtex(text);
    assert.strictEqual(applyEdits(text, [deleteEntryEdit(text, bib.entries[1])]), '@misc{a, title={A}}\n\n@misc{c, title={C}}\n');
    assert.strictEqual(applyEdits(text, [deleteEntryEdit(text, bib.entries[2])]), '@misc{a, title={A}}\n\n@misc{b,\n  title={B}\n}\n\n');
  });

  it('a minimal edit keeps what the old and new text share at both ends', () => {
    assert.deepStrictEqual(minimalEdit('year = {2020}', 8, 12, '2021'), { start: 11, end: 12, text: '1' });
    assert.strictEqual(minimalEdit('same', 0, 4, 'same'), undefined);
  });
});

describe('citing another key throughout a document', () => {
  it('renames in \\cite lists and Pandoc citations, dropping a key the citation would then hold twice', () => {
    assert.strictEqual(applyEdits('See \\citep[p.~2]{old, x} and \\cite{old}.', renameCitations('See \\citep[p.~2]{old, x} and \\cite{old}.', 'latex', ['old'], 'kept')), 'See \\citep[p.~2]{kept, x} and \\cite{kept}.');
    assert.strictEqual(applyEdits('\\cite{kept,old} \\cite{old,kept}', renameCitations('\\cite{kept,old} \\cite{old,kept}', 'latex', ['OLD'], 'kept')), '\\cite{kept} \\cite{kept}');
    const md = 'As [@old; @kept] and [@kept; @old] and @old says.';
    assert.strictEqual(applyEdits(md, renameCitations(md, 'pandoc', ['old'], 'kept')), 'As [@kept] and [@kept] and @kept says.');
  });
});
