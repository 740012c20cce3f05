import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { bibEntryCandidates } from '../../src/core/citations/bibEntryCandidates';
import { bibKeyIndex, citedModelCounts } from '../../src/core/citations/citationKeys';
import { citationContextAt, isCrossReference, joinWithPrevious } from '../../src/core/citations/citationContext';
import { citationCandidates, nameCandidates } from '../../src/core/citations/completionCandidates';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { fakeModel } from '../support/fakeModel';
import { realIndex } from '../support/realAtlas';

describe('completion candidates', () => {
  const atlas = new AtlasIndex([
    fakeModel('blip', { name: 'BLIP', date: '2022-01-28', bibtex: { key: 'li2022blip', origin: 'authors', entry: '@misc{li2022blip,}' } }),
    fakeModel('blip-2', { name: 'BLIP-2', aliases: ['BLIP2'], date: '2023-01-30', bibtex: { key: 'li2023blip2', origin: 'authors', entry: '@misc{li2023blip2,}' } }),
    fakeModel('coca', { name: 'CoCa', date: '2022-05-04', organizations: ['Google Research'] }),
  ]);
  const ids = (list: ReturnType<typeof citationCandidates>) => list.map((c) => c.model.id);

  it('offers every model for an empty prefix, newest first', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, '')), ['blip-2', 'coca', 'blip']);
  });

  it('matches by key, name, alias, author, organization and year', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'bl')), ['blip', 'blip-2'], 'the closest name first');
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'goo')), ['coca']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, '2022')), ['blip', 'coca'], 'a key holding the year before the year alone');
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'lovel')), ['blip-2', 'coca', 'blip']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'blip2')), ['blip-2'], 'the alias, hyphen or not');
  });

  it('offers nothing for a word that no key, name, alias or author starts', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'haotian')), []);
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'bc')), [], 'no fuzzy match over the letters of "BLIP-2 CoCa"');
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'ex')), [], 'organisation words need three letters');
  });

  it('ranks an exact name first, then cited models (most cited first), then recent ones', () => {
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'BLIP')), ['blip', 'blip-2']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, '', { citedIds: new Map([['blip', 1]]) })), ['blip', 'blip-2', 'coca']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, '', { citedIds: new Map([['blip', 1], ['coca', 3]]) })), ['coca', 'blip', 'blip-2']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, '', { recentIds: ['coca'] })), ['coca', 'blip-2', 'blip']);
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'blip', { citedIds: new Map([['blip-2', 2]]) })), ['blip', 'blip-2'], 'exact beats cited');
    const exact = citationCandidates(atlas, 'blip');
    assert.deepStrictEqual(exact.map((c) => c.exact), [true, false]);
    assert.ok(exact[0].sortText < exact[1].sortText);
  });

  it('matches the key the .bib holds a paper under as its key', () => {
    const userKeys = new Map([['coca', 'mycocapaper']]);
    assert.deepStrictEqual(ids(citationCandidates(atlas, 'mycoc', { userKeys })), ['coca']);
    assert.deepStrictEqual(citationCandidates(atlas, 'mycocapaper', { userKeys }).map((c) => c.exact), [true]);
  });

  it('in prose, offers names only, never for a word typed in lower case', () => {
    assert.deepStrictEqual(ids(nameCandidates(atlas, 'BLIP')), ['blip', 'blip-2']);
    assert.deepStrictEqual(ids(nameCandidates(atlas, 'Co')), ['coca']);
    assert.deepStrictEqual(ids(nameCandidates(atlas, 'blip')), []);
    assert.deepStrictEqual(ids(nameCandidates(atlas, 'Goo')), [], 'organisations are not names');
  });

  it('bounds the list', () => {
    assert.strictEqual(citationCandidates(atlas, '', { limit: 2 }).length, 2);
  });

  describe('on the real atlas', () => {
    const real = realIndex();
    const first = (prefix: string) => citationCandidates(real, prefix).slice(0, 3).map((c) => c.model.name);
    it('puts the model typed first (issue 19: clip, align, blip, llava, vilt)', () => {
      assert.strictEqual(first('clip')[0], 'CLIP');
      assert.strictEqual(first('align')[0], 'ALIGN');
      // BLIP, then the names it starts newest first: BLIP-2 within the first three (issue 19 saw neither there).
      assert.strictEqual(first('blip')[0], 'BLIP');
      assert.ok(first('blip').includes('BLIP-2'), first('blip').join(', '));
      assert.strictEqual(first('llava')[0], 'LLaVA');
      assert.strictEqual(first('vilt')[0], 'ViLT', "ViLT's key is pmlr-v139-kim21k");
    });

    it('keeps a prose name with the case of an ordinary word to that case (ALIGN, not align)', () => {
      assert.deepStrictEqual(nameCandidates(real, 'align').map((c) => c.model.name), []);
      assert.strictEqual(nameCandidates(real, 'ALIGN')[0].model.name, 'ALIGN');
      assert.strictEqual(nameCandidates(real, 'LLaVA')[0].model.name, 'LLaVA');
    });

    it('offers nothing for a GitHub handle or a word that matches no model well', () => {
      for (const word of ['haotian', 'zzz', 'figure']) {
        assert.deepStrictEqual(citationCandidates(real, word).map((c) => c.model.name), [], word);
      }
    });
  });
});

describe('completion context: cross-references are not citations', () => {
  it('has no citation context in @fig-, @tbl-, @sec-, @eq-, @lst-, @thm-, @fig: or \\@ref(', () => {
    for (const text of ['See @fig-a', 'See @tbl-results', 'in @sec-intro', 'by @eq-loss', '@lst-code', '@thm-main', 'See @fig:arch', 'see [@fig-a]', 'Figure \\@ref(fig:x)', 'Figure \\@ref']) {
      assert.strictEqual(citationContextAt(text, text.length, 'pandoc'), undefined, text);
    }
    assert.ok(citationContextAt('See @li2023', 11, 'pandoc'));
    assert.ok(citationContextAt('See @figueroa2020', 17, 'pandoc'), 'a key that starts like a prefix is still a key');
    assert.strictEqual(isCrossReference('fig-a'), true);
    assert.strictEqual(isCrossReference('figueroa2020'), false);
  });

  it('joins a new citation typed right after one of the same kind', () => {
    const latex = '\\cite{a}\\cite{bl}';
    const context = citationContextAt(latex, latex.length - 1, 'latex')!;
    assert.deepStrictEqual(joinWithPrevious(latex, context), { start: 7, end: latex.length, before: ',', after: '}' });
    const other = '\\citep{a}\\cite{bl}';
    assert.strictEqual(joinWithPrevious(other, citationContextAt(other, other.length - 1, 'latex')!), undefined, 'another command stays apart');
    const pandoc = '[@a][@bl]';
    assert.deepStrictEqual(joinWithPrevious(pandoc, citationContextAt(pandoc, pandoc.length - 1, 'pandoc')!), { start: 3, end: pandoc.length, before: '; @', after: ']' });
  });
});

describe('the user\'s own .bib entries as candidates', () => {
  const bib = parseBibtex(
    '@article{vaswani2017attention, title={Attention Is All You Need}, author={Vaswani, Ashish and Shazeer, Noam}, year={2017}}\n' +
      '@misc{mine2024, title={{Our} Own Model}, author={Ada Lovelace}, year={2024}}\n' +
      '@misc{cited2020, title={Something Cited}, author={Alan Turing}, year={2020}}\n',
  );
  const keys = (prefix: string, cited: string[] = []) => bibEntryCandidates([bib], prefix, { cited: new Set(cited) }).map((c) => c.entry.key);

  it('matches by key, author surname, year and title word', () => {
    assert.deepStrictEqual(keys('vas'), ['vaswani2017attention']);
    assert.deepStrictEqual(keys('shaz'), ['vaswani2017attention']);
    assert.deepStrictEqual(keys('2024'), ['mine2024']);
    assert.deepStrictEqual(keys('atten'), ['vaswani2017attention']);
    assert.deepStrictEqual(keys('haotian'), []);
  });

  it('puts an exact key, then cited entries first', () => {
    assert.deepStrictEqual(keys('', ['cited2020']), ['cited2020', 'vaswani2017attention', 'mine2024']);
    assert.deepStrictEqual(bibEntryCandidates([bib], 'mine2024').map((c) => c.exact), [true]);
  });

  it('leaves out keys the atlas items offer', () => {
    assert.deepStrictEqual(bibEntryCandidates([bib], '', { exclude: new Set(['mine2024', 'cited2020']) }).map((c) => c.entry.key), ['vaswani2017attention']);
  });

  it('counts citations by the key the document uses, not only the atlas key', () => {
    const real = realIndex();
    const llava = real.get('llava');
    const own = parseBibtex(`@inproceedings{liu2023visual, title={Visual Instruction Tuning}, author={Liu, Haotian}, eprint={${llava.paper.arxiv}}}\n`);
    assert.strictEqual(bibKeyIndex(real, [own]).keyOfModel.get('llava'), 'liu2023visual');
    assert.deepStrictEqual([...citedModelCounts(real, [own], ['liu2023visual', 'liu2023visual', 'nothing'])], [['llava', 2]]);
    const ranked = citationCandidates(real, 'l', { citedIds: citedModelCounts(real, [own], ['liu2023visual']), userKeys: bibKeyIndex(real, [own]).keyOfModel });
    assert.strictEqual(ranked[0].model.id, 'llava');
  });

  it('reads a key held twice as BibTeX does, by its first entry', () => {
    const real = realIndex();
    const llava = real.get('llava');
    const twice = parseBibtex(`@misc{mine, title={A Survey of Something Else}}\n@misc{MINE, title={${llava.paper.title}}, eprint={${llava.paper.arxiv}}}\n@misc{later, title={${llava.paper.title}}}\n`);
    const index = bibKeyIndex(real, [twice]);
    assert.strictEqual(index.modelOfKey.get('mine'), undefined);
    assert.strictEqual(index.keyOfModel.get('llava'), 'later');
    assert.deepStrictEqual([...index.entryOfKey.keys()], ['mine', 'later']);
  });

  it('finds an atlas paper by its arXiv id wherever an entry gives its place, and not by an id inside a longer number', () => {
    const real = realIndex();
    const id = real.get('llava').paper.arxiv!;
    const inFields = [`url={https://arxiv.org/abs/${id}v2}`, `journal={arXiv preprint arXiv:${id}}`, `eprint={${id}}`, `note={doi:10.48550/arXiv.${id}}`];
    for (const field of inFields) {
      const bib = parseBibtex(`@misc{k, title={Visual Instruction Tuning}, ${field}}\n@misc{other, title={Unrelated}, ${field}}\n`);
      assert.strictEqual(bibKeyIndex(real, [bib]).modelOfKey.get('k')?.id, 'llava', field);
      assert.strictEqual(bibKeyIndex(real, [bib]).modelOfKey.get('other'), undefined, `another title with ${field}`);
    }
    const longer = parseBibtex(`@misc{k, note={9${id}7}}\n`);
    assert.strictEqual(bibKeyIndex(real, [longer]).modelOfKey.get('k'), undefined);
    const untitled = parseBibtex(`@misc{k, url={https://arxiv.org/abs/${id}}}\n`);
    assert.strictEqual(bibKeyIndex(real, [untitled]).modelOfKey.get('k')?.id, 'llava');
  });
});
