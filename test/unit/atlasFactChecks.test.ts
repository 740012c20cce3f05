import * as assert from 'assert';
import type { AtlasModel } from '../../src/core/atlas/atlas';
import { findFactProblems } from '../../src/core/atlas/atlasFactChecks';
import { fakeModel } from '../support/fakeModel';

/** A fully sourced entry that passes every fact check; each test breaks one thing. */
function sourced(overrides: Partial<AtlasModel> = {}): AtlasModel {
  const model = fakeModel('blip-2');
  return {
    ...model,
    paper: { title: 'BLIP-2: Bootstrapping Things', authors: ['Junnan Li', 'Dongxu Li'], arxiv: '2301.12597', date: '2023-01-30', venue: 'ICML 2023' },
    links: { arxiv: 'https://arxiv.org/abs/2301.12597', code: 'https://github.com/salesforce/LAVIS' },
    bibtex: { key: 'li2023blip2', origin: 'authors', source: 'https://github.com/salesforce/LAVIS', entry: '@inproceedings{li2023blip2,\n  title={{BLIP-2:} Bootstrapping Things},\n  author={Li, Junnan and Li, Dongxu},\n  year={2023},\n  booktitle={ICML}\n}' },
    sources: [
      { url: 'https://arxiv.org/abs/2301.12597', kind: 'arxiv', facts: ['title', 'authors', 'date', 'arxiv'] },
      { url: 'https://github.com/salesforce/LAVIS', kind: 'official', facts: ['code', 'bibtex', 'venue'] },
      { url: 'https://example-blog.org/blip2', kind: 'secondary', facts: ['architecture', 'Q-Former 188M'] },
    ],
    ...overrides,
  };
}

function codes(model: AtlasModel): string[] {
  return findFactProblems([model]).map((p) => `${p.code}: ${p.message}`);
}

describe('atlas fact checks', () => {
  it('accepts an entry whose BibTeX agrees with its facts and whose facts are sourced', () => {
    assert.deepStrictEqual(codes(sourced()), []);
  });

  it('reports a BibTeX title, first author, year or eprint that disagrees, unless differences says why', () => {
    const entry = '@misc{li2023blip2,\n  title={Another Paper},\n  author={Smith, Jane and Li, Junnan},\n  year={2021},\n  eprint={2301.99999}\n}';
    const broken = sourced();
    broken.bibtex = { ...broken.bibtex, entry };
    assert.deepStrictEqual(codes(broken).map((c) => c.split(':')[0]), ['bibtex-title', 'bibtex-author', 'bibtex-year', 'bibtex-eprint']);
    broken.bibtex.differences = { title: 'The authors cite an older title.', author: 'The authors list Smith first.', year: 'The authors give the workshop year.', eprint: 'The authors cite the companion paper.' };
    assert.deepStrictEqual(codes(broken), []);
  });

  it('accepts the v1 title, the venue title and the venue year in the BibTeX', () => {
    const model = sourced();
    model.paper = { ...model.paper, v1Title: 'BLIP-2: Early Title', venueTitle: 'BLIP-2 at ICML', venue: 'ICML 2024' };
    model.sources![0].facts.push('v1Title');
    model.sources![1].facts.push('venueTitle');
    for (const [title, year] of [['BLIP-2: Early Title', '2023'], ['{BLIP-2} at {ICML}', '2024']]) {
      model.bibtex = { ...model.bibtex, entry: `@inproceedings{li2023blip2,\n  title={${title}},\n  author={Junnan Li},\n  year={${year}},\n  booktitle={ICML}\n}` };
      assert.deepStrictEqual(codes(model), [], title);
    }
  });

  it('reports private or plain-http sources, and hosts that are not of their kind', () => {
    const model = sourced();
    model.sources!.push({ url: 'http://example.org/x', kind: 'secondary', facts: ['architecture'] });
    model.sources!.push({ url: 'https://laptop.tail1234.ts.net/blip2', kind: 'secondary', facts: ['training'] });
    model.sources!.push({ url: 'https://some-aggregator.com/2301.12597', kind: 'arxiv-mirror', facts: ['title'] });
    assert.deepStrictEqual(codes(model).map((c) => c.split(':')[0]), ['source-url', 'source-url', 'source-kind']);
  });

  it('accepts bibliographic facts only from the kinds that may confirm them', () => {
    const model = sourced();
    model.sources = [
      { url: 'https://example-blog.org/blip2', kind: 'secondary', facts: ['title', 'authors', 'date', 'arxiv'] },
      { url: 'https://github.com/salesforce/LAVIS', kind: 'official', facts: ['code', 'bibtex', 'venue', 'doi'] },
    ];
    const found = codes(model);
    assert.ok(found.includes("source-kind: a secondary source cannot confirm 'title' (arxiv, arxiv-mirror, official, venue can)"), found.join('\n'));
    assert.ok(found.includes("source-kind: a secondary source cannot confirm 'date' (arxiv, arxiv-mirror, official can)"), found.join('\n'));
    for (const fact of ['title', 'authors', 'arxiv']) {
      assert.ok(found.includes(`unsourced-fact: no trusted source confirms '${fact}'`), fact);
    }
    // The v1 day seen only on an arXiv-derived record is a warning (the arXiv id already pins the month).
    const date = findFactProblems([model]).find((p) => p.code === 'date-to-confirm');
    assert.strictEqual(date?.severity, 'warning');
    assert.ok(!found.includes("unsourced-fact: no trusted source confirms 'date'"));
  });

  it('dates a paper without an arXiv id by its authors, and requires its address', () => {
    const model = sourced({ links: { code: 'https://github.com/salesforce/LAVIS' } });
    model.paper = { title: 'BLIP-2: Bootstrapping Things', authors: ['Junnan Li'], date: '2023-01-30', type: 'blog-post' };
    model.bibtex = { key: 'li2023blip2', origin: 'composed', entry: '@misc{li2023blip2,\n  title={BLIP-2: Bootstrapping Things},\n  author={Junnan Li},\n  year={2023}\n}' };
    model.sources = [{ url: 'https://github.com/salesforce/LAVIS', kind: 'official', facts: ['title', 'authors', 'date', 'code'] }];
    assert.deepStrictEqual(codes(model), ['paper-address: a paper without an arXiv id needs paper.url (the report, card or post)']);
  });

  it('reports a space a YAML line fold left between Chinese characters', () => {
    const model = sourced();
    model.summary = { en: model.summary.en, 'zh-cn': '它描述、 远离原文。' };
    assert.deepStrictEqual(codes(model), ['chinese-fold-space: a space between Chinese characters: "、 远"']);
  });

  it('reports a venue without its year, and a links.arxiv that is not the paper', () => {
    const model = sourced({ links: { arxiv: 'https://arxiv.org/abs/2301.00000', code: 'https://github.com/salesforce/LAVIS' } });
    model.paper = { ...model.paper, venue: 'ICML' };
    assert.deepStrictEqual(codes(model).map((c) => c.split(':')[0]), ['arxiv-link', 'venue-year']);
  });
});
