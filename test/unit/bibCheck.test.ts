// Check Bibliography's core on entries in every shape researchers paste: Google Scholar, DBLP, the arXiv
// export, the ACL Anthology and the authors' own; right and wrong versions of each field; look-alikes.
import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import type { AtlasModel } from '../../src/core/atlas/atlas';
import { checkBibliography } from '../../src/core/bibcheck/bibliographyCheck';
import type { BibFinding } from '../../src/core/bibcheck/findings';
import { autoExporter } from '../../src/core/bibcheck/autoExport';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { renderBibtex } from '../../src/core/bibtex/render';
import { fakeModel } from '../support/fakeModel';
import { realIndex, realModels } from '../support/realAtlas';

const atlas = realIndex();
const model = (id: string) => atlas.get(id);

function check(text: string, index: AtlasIndex = atlas): BibFinding[] {
  return checkBibliography([{ text, bib: parseBibtex(text) }], index)[0].findings;
}

function codes(text: string, index: AtlasIndex = atlas): string[] {
  return check(text, index).map((f) => `${f.key}:${f.code}`);
}

/** "Li, Junnan and Li, Dongxu" from the atlas's "First Last" names. */
function inverted(m: AtlasModel, transform = (names: string[]) => names): string {
  return transform(m.paper.authors.map((a) => { const w = a.split(' '); return `${w[w.length - 1]}, ${w.slice(0, -1).join(' ')}`; })).join(' and ');
}

function plain(m: AtlasModel, transform = (names: string[]) => names): string {
  return transform([...m.paper.authors]).join(' and ');
}

describe('Check Bibliography: entries in every shape', () => {
  it("Google Scholar's entries: the arXiv one is published since, the conference one is right", () => {
    const scholar = `@article{li2023blip,
  title={Blip-2: Bootstrapping language-image pre-training with frozen image encoders and large language models},
  author={${inverted(model('blip-2'))}},
  journal={arXiv preprint arXiv:2301.12597},
  year={2023}
}

@inproceedings{radford2021learning,
  title={Learning transferable visual models from natural language supervision},
  author={${inverted(model('clip'))}},
  booktitle={International conference on machine learning},
  pages={8748--8763},
  year={2021},
  organization={PMLR}
}`;
    const findings = check(scholar);
    assert.deepStrictEqual(findings.map((f) => `${f.key}:${f.code}`), ['li2023blip:published-version']);
    assert.strictEqual(findings[0].code === 'published-version' && findings[0].venue, 'ICML 2023');
    assert.strictEqual(scholar.slice(findings[0].start, findings[0].end), 'li2023blip', 'on the key');
  });

  it("DBLP's entries: CoRR with its abs/ volume, and a conference paper with DBLP's {-} and accents", () => {
    const authors = model('flamingo').paper.authors.map((a) => a.replace(/-/g, '{-}').replace('Mikolaj Binkowski', "Miko{\\l}aj Bi{\\'{n}}kowski"));
    const dblp = `@article{DBLP:journals/corr/abs-2304-08485,
  author       = {${plain(model('llava'))}},
  title        = {Visual Instruction Tuning},
  journal      = {CoRR},
  volume       = {abs/2304.08485},
  year         = {2023},
  url          = {https://doi.org/10.48550/arXiv.2304.08485},
  doi          = {10.48550/ARXIV.2304.08485},
  eprinttype    = {arXiv},
  eprint       = {2304.08485},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}

@inproceedings{DBLP:conf/nips/AlayracDLMBHLMM22,
  author       = {${authors.join(' and\n                  ')}},
  title        = {Flamingo: a Visual Language Model for Few-Shot Learning},
  booktitle    = {NeurIPS},
  year         = {2022},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}`;
    assert.deepStrictEqual(codes(dblp), ['DBLP:journals/corr/abs-2304-08485:published-version']);
  });

  it("the arXiv export (@misc with eprint) is published since, and its acronym unprotected", () => {
    const arxiv = `@misc{li2023blip2,
      title={BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}, 
      author={${plain(model('blip-2'))}},
      year={2023},
      eprint={2301.12597},
      archivePrefix={arXiv},
      primaryClass={cs.CV}
}`;
    assert.deepStrictEqual(codes(arxiv), ['li2023blip2:published-version', 'li2023blip2:title-unprotected']);
  });

  it("the ACL Anthology's entry (quoted values, month macro, editors) is right", () => {
    const acl = `@inproceedings{tan-bansal-2019-lxmert,
    title = "{LXMERT}: Learning Cross-Modality Encoder Representations from Transformers",
    author = "Tan, Hao  and
      Bansal, Mohit",
    editor = "Inui, Kentaro  and
      Jiang, Jing",
    booktitle = "Proceedings of the 2019 Conference on Empirical Methods in Natural Language Processing and the 9th International Joint Conference on Natural Language Processing (EMNLP-IJCNLP)",
    month = nov,
    year = "2019",
    address = "Hong Kong, China",
    publisher = "Association for Computational Linguistics",
    pages = "5100--5111"
}`;
    assert.deepStrictEqual(codes(acl), []);
  });

  it("every atlas paper's own entry, and the arXiv and venue entries the extension writes, have no wrong fact", () => {
    for (const m of realModels()) {
      for (const flavour of ['authors', 'arxiv', 'venue'] as const) {
        const text = renderBibtex(m, flavour);
        const result = checkBibliography([{ text, bib: parseBibtex(text) }], atlas)[0];
        assert.deepStrictEqual([...result.papers.values()], [m.id], `${m.id} ${flavour} is not recognised`);
        const wrong = result.findings.filter((f) => f.code !== 'published-version' && f.code !== 'title-unprotected');
        assert.deepStrictEqual(wrong.map((f) => f.code), [], `${m.id} ${flavour}`);
      }
    }
  });
});

describe('Check Bibliography: right and wrong fields', () => {
  const vilt = (author: string, extra = '') => `@inproceedings{pmlr-v139-kim21k,
  title = {{ViLT}: Vision-and-Language Transformer Without Convolution or Region Supervision},
  author = {${author}},
  booktitle = {ICML},
  year = {2021},${extra}
}`;

  it('authors: right in either name order, with initials, accents or middle names', () => {
    for (const author of ['Kim, Wonjae and Son, Bokyung and Kim, Ildoo', 'Wonjae Kim and Bokyung Son and Ildoo Kim', 'Kim, W. and Son, B. and Kim, I.', 'W.~Kim and B.~Son and I.~Kim', '{Kim}, Wonjae and S{\\\'o}n, Bokyung and Kim, Ildoo']) {
      assert.deepStrictEqual(codes(vilt(author)), [], author);
    }
  });

  it('authors: eight where the paper has three (the invented ones named), missing, misspelled, reordered', () => {
    const [added] = check(vilt('Kim, Wonjae and Son, Bokyung and Kim, Ildoo and Park, Minseo and Lee, Jaehyun and Choi, Soyeon and Jung, Hyunwoo and Kang, Dohyun'));
    assert.ok(added.code === 'author-mismatch');
    assert.deepStrictEqual(added.differences.added, ['Minseo Park', 'Jaehyun Lee', 'Soyeon Choi', 'Hyunwoo Jung', 'Dohyun Kang']);
    assert.deepStrictEqual(added.differences.missing, []);

    const [missing] = check(vilt('Kim, Wonjae and Kim, Ildoo'));
    assert.ok(missing.code === 'author-mismatch');
    assert.deepStrictEqual(missing.differences.missing, ['Bokyung Son']);

    const [misspelled] = check(vilt('Kim, Wonjae and Sonn, Bokyung and Kim, Ildoo'));
    assert.ok(misspelled.code === 'author-mismatch');
    assert.deepStrictEqual(misspelled.differences.misspelled, [{ written: 'Bokyung Sonn', expected: 'Bokyung Son' }]);
    assert.deepStrictEqual([misspelled.differences.missing, misspelled.differences.added], [[], []]);

    const [moved] = check(vilt('Son, Bokyung and Kim, Wonjae and Kim, Ildoo'));
    assert.ok(moved.code === 'author-mismatch' && moved.differences.orderChanged);
  });

  it('authors: "and others" or "et al." where the whole list is known', () => {
    for (const author of ['Kim, Wonjae and others', 'Kim, Wonjae et al.', 'Wonjae Kim and Bokyung Son and et al.']) {
      const [finding] = check(vilt(author));
      assert.ok(finding?.code === 'author-mismatch' && finding.differences.etAlFor === 3, author);
    }
  });

  it("authors: a team report's head is all the atlas knows, so a shorter list or \"others\" is fine", () => {
    const team = fakeModel('team', { paper: { title: 'A Team Report on Things', authors: ['Ada Lovelace', 'Alan Turing'], authorsTruncated: true, date: '2024-03-01', arxiv: '2403.00001' } });
    const index = new AtlasIndex([team]);
    const entry = (author: string) => `@misc{t, title={A Team Report on Things}, author={${author}}, year={2024}}`;
    assert.deepStrictEqual(codes(entry('Lovelace, Ada and others'), index), []);
    assert.deepStrictEqual(codes(entry('Lovelace, Ada and Turing, Alan and Hopper, Grace and Others, Many'), index), []);
    assert.deepStrictEqual(codes(entry('Lovelace, Ada and Hopper, Grace'), index), ['t:author-mismatch']);
  });

  it("authors: the list the authors' own entry gives is accepted (lists change between versions)", () => {
    // Otter's own BibTeX keeps the six authors of arXiv v1; the atlas has the eight of the current version.
    const otter = model('otter');
    const own = `@article{otter, title={${otter.paper.title}}, author={Li, Bo and Zhang, Yuanhan and Chen, Liangyu and Wang, Jinghao and Yang, Jingkang and Liu, Ziwei}, journal={arXiv preprint arXiv:2305.03726}, year={2023}}`;
    assert.deepStrictEqual(codes(own), []);
  });

  it('titles: case, braces, LaTeX accents and punctuation are not differences; another title is', () => {
    const flamingo = (title: string) => `@inproceedings{f, title={${title}}, author={${inverted(model('flamingo'))}}, booktitle={NeurIPS}, year={2022}, eprint={2204.14198}}`;
    assert.deepStrictEqual(codes(flamingo('{Flamingo}: A visual language model for few-shot learning.')), []);
    assert.deepStrictEqual(codes(flamingo('{F}lamingo: {\\emph{a}} Visual Language Model for Few-Shot Learning')), []);
    const [wrong] = check(flamingo('Flamingo: a Visual Language Model for Many-Shot Learning'));
    assert.ok(wrong.code === 'title-mismatch');
    assert.strictEqual(wrong.expected, 'Flamingo: a Visual Language Model for Few-Shot Learning');
  });

  it("titles: the arXiv v1 title and the published title are the paper's too", () => {
    const m = fakeModel('m', { paper: { title: 'Current Title of M', v1Title: 'First Title of M', venueTitle: 'Published Title of M', authors: ['Ada Lovelace'], date: '2023-02-01', arxiv: '2302.00001', venue: 'ICML 2023' } });
    const index = new AtlasIndex([m]);
    for (const title of ['First Title of M', 'Published Title of M', 'Current Title of M']) {
      assert.deepStrictEqual(codes(`@inproceedings{m, title={${title}}, author={Lovelace, Ada}, booktitle={ICML}, year={2023}}`, index), [], title);
    }
  });

  it('title protection: acronyms and mixed case without braces, at hint-like information level', () => {
    const [finding] = check('@inproceedings{v, title={ViLT: Vision-and-Language Transformer Without Convolution or Region Supervision}, author={Kim, Wonjae and Son, Bokyung and Kim, Ildoo}, booktitle={ICML}, year={2021}}');
    assert.ok(finding.code === 'title-unprotected');
    assert.deepStrictEqual(finding.words, ['ViLT']);
    assert.deepStrictEqual(codes(vilt('Kim, Wonjae and Son, Bokyung and Kim, Ildoo').replace('{{ViLT}:', '{{ViLT: Vision-and-Language}:')), []);
  });

  it('years: the arXiv year (by date or by id) and the venue year are right; biblatex date is read', () => {
    const clip = (year: string) => `@inproceedings{c, title={Learning Transferable Visual Models From Natural Language Supervision}, author={${inverted(model('clip'))}}, booktitle={ICML}, ${year}}`;
    assert.deepStrictEqual(codes(clip('year={2021}')), []);
    assert.deepStrictEqual(codes(clip('date={2021-07-18}')), []);
    const [wrong] = check(clip('year={2020}'));
    assert.ok(wrong.code === 'year-mismatch' && wrong.written === '2020' && wrong.expected === '2021');
    assert.deepStrictEqual(codes(clip('date={2019-07}')), ['c:year-mismatch']);
    // Submitted on 30 December, listed under the next year's id: both years are the paper's.
    const late = fakeModel('late', { paper: { title: 'A Late Paper', authors: ['Ada Lovelace'], date: '2022-12-30', arxiv: '2301.00042' } });
    assert.deepStrictEqual(codes('@misc{l, title={A Late Paper}, author={Lovelace, Ada}, year={2023}, eprint={2301.00042}}', new AtlasIndex([late])), []);
  });

  it("arXiv ids: another paper's id in eprint, the journal, DBLP's volume or the url", () => {
    const llava = (field: string) => `@inproceedings{l, title={Visual Instruction Tuning}, author={${inverted(model('llava'))}}, booktitle={NeurIPS}, year={2023}, ${field}}`;
    assert.deepStrictEqual(codes(llava('eprint={2304.08485v2}')), []);
    for (const field of ['eprint={2310.03744}', 'journal={arXiv preprint arXiv:2310.03744}', 'volume={abs/2310.03744}', 'url={https://arxiv.org/abs/2310.03744}']) {
      const findings = check(llava(field));
      const wrong = findings.find((f) => f.code === 'arxiv-mismatch');
      assert.ok(wrong?.code === 'arxiv-mismatch' && wrong.written === '2310.03744' && wrong.expected === '2304.08485', field);
      assert.strictEqual(llava(field).slice(wrong.start, wrong.end), '2310.03744', 'on the id');
    }
  });

  it("arXiv ids: an entry of another paper that borrows an atlas paper's id", () => {
    const [borrowed] = check('@misc{other, title={Charts and Other Figures}, author={Roe, Richard}, eprint={2301.12597}, archivePrefix={arXiv}}');
    assert.ok(borrowed.code === 'arxiv-mismatch' && borrowed.expected === undefined && borrowed.modelId === 'blip-2');
  });

  it('published versions: @misc, @unpublished, @online, arXiv or CoRR @article, in any case; never a venue entry', () => {
    const blip2 = (head: string, venue: string) => `${head}{b, title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}, author={${inverted(model('blip-2'))}}, ${venue} year={2023}}`;
    for (const [head, venue] of [['@misc', ''], ['@unpublished', 'note={Preprint},'], ['@online', 'eprinttype={arxiv}, eprint={2301.12597},'], ['@article', 'journal={CoRR},'], ['@ARTICLE', 'JOURNALTITLE={arXiv e-prints},'], ['@Misc', 'howpublished={arXiv:2301.12597},']]) {
      assert.deepStrictEqual(codes(blip2(head, venue)), ['b:published-version'], head + venue);
    }
    for (const [head, venue] of [['@inproceedings', 'booktitle={ICML},'], ['@article', 'journal={Transactions on Things},']]) {
      assert.deepStrictEqual(codes(blip2(head, venue)), [], head + venue);
    }
    // A paper the atlas records at no venue stays a preprint.
    assert.deepStrictEqual(codes(`@misc{o, title={{OpenFlamingo}: An Open-Source Framework for Training Large Autoregressive Vision-Language Models}, author={${inverted(model('openflamingo'))}}, year={2023}}`), []);
  });

  it('duplicates: the same paper under two keys, in one file or across files; one key twice is not', () => {
    const a = '@misc{blip2a, title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}}\n@misc{blip2b, eprint={2301.12597}}';
    assert.deepStrictEqual(codes(a).filter((c) => c.endsWith('duplicate-paper')), ['blip2a:duplicate-paper', 'blip2b:duplicate-paper']);
    const files = [a.split('\n')[0], a.split('\n')[1]].map((text) => ({ text, bib: parseBibtex(text) }));
    const across = checkBibliography(files, atlas).map((c) => c.findings.filter((f) => f.code === 'duplicate-paper'));
    assert.deepStrictEqual(across.map((f) => f.map((x) => x.code === 'duplicate-paper' && x.others)), [[[{ key: 'blip2b', file: 1 }]], [[{ key: 'blip2a', file: 0 }]]]);
    assert.deepStrictEqual(codes('@misc{k, eprint={2301.12597}}\n@misc{k, eprint={2301.12597}}').filter((c) => c.endsWith('duplicate-paper')), []);
  });

  it('turns codes off one by one', () => {
    const text = '@misc{b, title={BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}, author={Li, Junnan}, year={2019}}';
    const all = checkBibliography([{ text, bib: parseBibtex(text) }], atlas)[0].findings.map((f) => f.code);
    assert.deepStrictEqual(all.sort(), ['author-mismatch', 'published-version', 'title-unprotected', 'year-mismatch']);
    const some = checkBibliography([{ text, bib: parseBibtex(text) }], atlas, (code) => code !== 'year-mismatch' && code !== 'author-mismatch')[0].findings.map((f) => f.code);
    assert.deepStrictEqual(some.sort(), ['published-version', 'title-unprotected']);
  });
});

describe('Check Bibliography: look-alikes and formats', () => {
  it('leaves alone papers that only look like atlas papers', () => {
    const lookAlikes = `@article{doe2024flamingos, title={Flamingo Foraging in Saline Lakes: A Visual Survey}, author={Doe, Jane}, journal={Journal of Wetland Birds}, year={2024}}
@misc{roe2023charts, title={Visual Instruction Tuning for Chart Understanding}, author={Roe, Richard}, year={2023}, eprint={2301.12598}, archivePrefix={arXiv}}
@inproceedings{x2023blip, title={BLIP-Style Captions for Medical Images}, author={Xu, Wei}, booktitle={MICCAI}, year={2023}}
@article{dblp, title={Learning Visual Models}, author={Ng, Andrew}, journal={CoRR}, volume={abs/2103.00021}, year={2021}}
@inproceedings{doi, title={Vision Transformers in 2023}, author={Smith, John}, booktitle={CVPR}, year={2023}, doi={10.1109/CVPR.2023.01259}}
@misc{li2023blip2, title={A Paper That Took an Atlas Key}, author={Someone, Else}, year={2020}}`;
    const result = checkBibliography([{ text: lookAlikes, bib: parseBibtex(lookAlikes) }], atlas)[0];
    assert.deepStrictEqual(result.findings, []);
    assert.strictEqual(result.papers.size, 0);
  });

  it('reads uppercase types and fields, @string macros, # concatenation, comments between fields and CRLF', () => {
    const text = [
      '@STRING{icml = "International Conference on Machine Learning"}',
      '@STRING{blip = "{BLIP-2}: Bootstrapping Language-Image Pre-training"}',
      '@INPROCEEDINGS{Li2023,',
      '  TITLE = blip # " with Frozen Image Encoders and Large Language Models",',
      '  % a comment between fields',
      '  AUTHOR = {Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven},',
      '  BOOKTITLE = icml,',
      '  YEAR = 2022',
      '}',
      '',
    ].join('\r\n');
    const findings = check(text);
    assert.deepStrictEqual(findings.map((f) => f.code), ['year-mismatch']);
    assert.strictEqual(text.slice(findings[0].start, findings[0].end), '2022');
  });

  it('reads biblatex entries: @online with eprinttype, eprintclass, journaltitle and date', () => {
    const text = `@online{li2023,
  title = {{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models},
  author = {Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven},
  date = {2023-01-30},
  eprint = {2301.12597},
  eprinttype = {arxiv},
  eprintclass = {cs.CV},
}
@article{li2023b, title = {{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models},
  author = {Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven}, journaltitle = {Transactions on Imaginary Things}, date = {2023}}`;
    assert.deepStrictEqual(codes(text), ['li2023:published-version', 'li2023:duplicate-paper', 'li2023b:duplicate-paper']);
  });

  it('reads a key on the line after the brace, and a key with a trailing colon as OpenReview writes them', () => {
    const text = `@inproceedings{\nSu2020VL-BERT:,\ntitle={{VL-BERT}: Pre-training of Generic Visual-Linguistic Representations},\nauthor={Weijie Su and Xizhou Zhu and Yue Cao and Bin Li and Lewei Lu and Furu Wei and Jifeng Dai},\nbooktitle={International Conference on Learning Representations},\nyear={2020}\n}`;
    const result = checkBibliography([{ text, bib: parseBibtex(text) }], atlas)[0];
    assert.deepStrictEqual([...result.papers.values()], ['vl-bert']);
    assert.deepStrictEqual(result.findings, []);
    assert.strictEqual(parseBibtex(text).entries[0].key, 'Su2020VL-BERT:');
  });

  it('checks a 10 MB .bib: every atlas entry found among 30,000 others', () => {
    const filler = (i: number) => `@article{filler${i},\n  title = {A Study of Things Number ${i}},\n  author = {Doe, Jane and Roe, Richard},\n  journal = {Journal of Things},\n  volume = {${i}},\n  year = {2020},\n  abstract = {${'Words about things. '.repeat(12)}}\n}\n\n`;
    const parts: string[] = [];
    for (let i = 0; i < 30000; i++) {
      parts.push(filler(i));
      if (i === 15000) {
        parts.push(`@misc{wrongyear, title={Visual Instruction Tuning}, author={${inverted(model('llava'))}}, year={2019}}\n\n`);
      }
    }
    const text = parts.join('');
    assert.ok(text.length > 10e6, `${text.length} bytes`);
    const findings = check(text);
    assert.deepStrictEqual(findings.map((f) => f.code).sort(), ['published-version', 'year-mismatch']);
    assert.strictEqual(text.slice(findings.find((f) => f.code === 'year-mismatch')!.start).slice(0, 6), '{2019}');
  });

  it('knows a file Zotero\'s Better BibTeX exports by its header or its quality report', () => {
    assert.strictEqual(autoExporter('% Exported by Better BibTeX for Zotero\n\n@misc{a, title={x}}'), 'Better BibTeX');
    assert.strictEqual(autoExporter('@comment{Generated by Zotero}\n@misc{a}'), 'Zotero');
    assert.strictEqual(autoExporter('@misc{a,\n  title={x}\n}\n% == BibTeX quality report for a:\n% ? unused field\n'), 'Better BibTeX');
    assert.strictEqual(autoExporter('% My own bibliography\n@misc{a, note={cited from Zotero docs}}'), undefined);
  });
});
