import * as assert from 'assert';
import { arxivIdsOf, findExistingEntry, isOtherPaper, normalizeArxivId, normalizeDoi, normalizeTitle } from '../../src/core/bibtex/match';
import { renderBibtex } from '../../src/core/bibtex/render';
import { realModels } from '../support/realAtlas';
import { parseBibtex } from '../../src/core/bibtex/parse';

const BLIP2 = { key: 'li2023blip2', arxiv: '2301.12597', title: 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models' };

function foundKey(bibText: string, paper: Parameters<typeof findExistingEntry>[1] = BLIP2): string | undefined {
  return findExistingEntry(parseBibtex(bibText), paper)?.key;
}

describe('finding a paper already in a bibliography', () => {
  it('finds the same key ignoring case, unless that entry is plainly another paper', () => {
    assert.strictEqual(foundKey('@misc{other, title={X}}\n@article{Li2023BLIP2, title={{BLIP-2}: Bootstrapping Language-Image Pre-training}}'), 'Li2023BLIP2');
    assert.strictEqual(foundKey('@article{li2023blip2, author={Li}}'), 'li2023blip2', 'nothing to tell it apart');
    assert.strictEqual(foundKey('@article{li2023blip2, title={A completely different paper}}'), undefined);
    assert.strictEqual(foundKey('@article{li2023blip2, title={BLIP-2}, eprint={2305.06500}}'), undefined, 'another arXiv id');
    // The paper itself, found by its id, under another key beside the impostor.
    assert.strictEqual(foundKey('@article{li2023blip2, title={Other}}\n@misc{mine, eprint={2301.12597}}'), 'mine');
  });

  it('finds the arXiv id in eprint, with or without a version', () => {
    assert.strictEqual(foundKey('@misc{blip2, eprint={2301.12597v2}, archivePrefix={arXiv}}'), 'blip2');
    assert.strictEqual(foundKey('@online{b, eprinttype={arxiv}, eprint={arXiv:2301.12597}}'), 'b');
  });

  it("finds Google Scholar's journal, DBLP's CoRR volume, arXiv urls and arXiv DOIs", () => {
    assert.strictEqual(foundKey('@article{li2023blip, journal={arXiv preprint arXiv:2301.12597}}'), 'li2023blip');
    assert.strictEqual(foundKey('@article{DBLP:journals/corr/abs-2301-12597, journal={CoRR}, volume={abs/2301.12597}}'), 'DBLP:journals/corr/abs-2301-12597');
    assert.strictEqual(foundKey('@misc{u, url={https://arxiv.org/abs/2301.12597v3}}'), 'u');
    assert.strictEqual(foundKey('@misc{p, howpublished={\\url{http://arxiv.org/pdf/2301.12597.pdf}}}'), 'p');
    assert.strictEqual(foundKey('@misc{d, doi={10.48550/arXiv.2301.12597}}'), 'd');
    assert.strictEqual(foundKey('@misc{a, arxivid={2301.12597}}'), 'a');
  });

  it('does not take other numbers for arXiv ids', () => {
    const text = [
      '@inproceedings{x, doi={10.1109/CVPR.2301.12597}, pages={2301.12597}}',
      '@misc{y, eprint={2301.12597}, eprinttype={pubmed}}',
      '@misc{z, journal={arXiv preprint arXiv:2301.125971}}',
      '@misc{w, eprint={2301.12598}}',
    ].join('\n');
    assert.strictEqual(foundKey(text), undefined);
  });

  it('matches an old-style arXiv id', () => {
    const paper = { key: 'maldacena', arxiv: 'hep-th/9711200', title: 'The Large N Limit' };
    assert.strictEqual(foundKey('@article{M1999, eprint={hep-th/9711200v3}}', paper), 'M1999');
    assert.strictEqual(foundKey('@article{M2, journal={arXiv:hep-th/9711200}}', paper), 'M2');
  });

  it('finds the same title ignoring case, braces, LaTeX commands and punctuation', () => {
    const text = '@inproceedings{li2023blipx, title = {{BLIP}2: bootstrapping \\emph{language}--image pre-training with frozen image encoders and large language models.}}';
    assert.strictEqual(foundKey(text), 'li2023blipx');
    const accents = { key: 'k', title: 'Über “Zero-Shot” Learning' };
    assert.strictEqual(foundKey('@misc{u, title={{\\"U}ber ``Zero-Shot\'\' Learning}}', accents), 'u');
    assert.strictEqual(foundKey('@misc{t, title={BLIP: Bootstrapping Language-Image Pre-training}}'), undefined);
  });

  it('finds the same DOI written in any form', () => {
    const paper = { key: 'k', title: 'Unrelated', doi: 'https://doi.org/10.1109/CVPR52729.2023.01234' };
    assert.strictEqual(foundKey('@inproceedings{c, doi = {10.1109/cvpr52729.2023.01234}}', paper), 'c');
    assert.strictEqual(foundKey('@inproceedings{c, url = {https://doi.org/10.1109/CVPR52729.2023.01234}}', paper), 'c');
    assert.strictEqual(foundKey('@inproceedings{c, doi = {10.1109/CVPR52729.2023.01235}}', paper), undefined);
  });

  it('takes every atlas entry, in every flavour, for its own paper (venue and arXiv titles differ a little)', () => {
    for (const model of realModels()) {
      for (const flavour of ['authors', 'arxiv', 'venue'] as const) {
        const [entry] = parseBibtex(renderBibtex(model, flavour)).entries;
        assert.ok(entry, `${model.id} ${flavour}`);
        assert.strictEqual(isOtherPaper(entry, { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title }), false, `${model.id} ${flavour}: ${entry.fields.title}`);
      }
    }
  });

  it('prefers the key, then the arXiv id, then the title', () => {
    const text = '@misc{byTitle, title={' + BLIP2.title + '}}\n@misc{byArxiv, eprint={2301.12597}}\n@misc{LI2023BLIP2}';
    assert.strictEqual(foundKey(text), 'LI2023BLIP2');
    assert.strictEqual(foundKey(text, { ...BLIP2, key: 'new' }), 'byArxiv');
    assert.strictEqual(foundKey(text, { ...BLIP2, key: 'new', arxiv: undefined }), 'byTitle');
  });

  it('returns undefined for an empty bibliography or an empty title', () => {
    assert.strictEqual(foundKey(''), undefined);
    assert.strictEqual(foundKey('@misc{x, title={}}', { key: 'k', title: '' }), undefined);
  });

  it('normalises ids, DOIs and titles', () => {
    assert.strictEqual(normalizeArxivId('arXiv:2301.12597v2'), '2301.12597');
    assert.strictEqual(normalizeArxivId('https://arxiv.org/abs/2304.08485'), '2304.08485');
    assert.strictEqual(normalizeArxivId('not an id'), undefined);
    assert.strictEqual(normalizeDoi('doi:10.1000/ABC\\_def.'), '10.1000/abc_def');
    assert.strictEqual(normalizeDoi('10.1109/CVPR52729.2023.01234'), '10.1109/cvpr52729.2023.01234');
    assert.strictEqual(normalizeDoi('10.1145/3581783.3612345.'), '10.1145/3581783.3612345');
    assert.strictEqual(normalizeDoi('10.1000/x (online)'), '10.1000/x');
    assert.strictEqual(normalizeDoi('10.12345678901/x'), undefined);
    assert.strictEqual(normalizeTitle('{BLIP-2}: A \\textit{Test}'), 'blip2atest');
    assert.deepStrictEqual([...arxivIdsOf(parseBibtex('@misc{k, eprint={2301.12597}, url={https://arxiv.org/abs/2304.08485v1}}').entries[0])].sort(), ['2301.12597', '2304.08485']);
  });
});
