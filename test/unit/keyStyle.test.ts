import * as assert from 'assert';
import { biblatexEntry, renderBibtex } from '../../src/core/bibtex/render';
import { citationKeyFor, parseKeyFormula } from '../../src/core/bibtex/keyStyle';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { freeKey } from '../../src/core/citations/citationKeys';
import { fakeModel } from '../support/fakeModel';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();
const blip2 = atlas.get('blip-2');
const clip = atlas.get('clip');
const preprint = fakeModel('pre', { paper: { title: 'On the Schrödinger Bridge', authors: ['Jürgen Schölkopf', 'Ada Lovelace'], date: '2024-03-05', arxiv: '2403.01234' } });

const key = (style: string, model = blip2) => {
  const result = citationKeyFor(model, style);
  assert.ok(result.ok, JSON.stringify(result));
  return result.key;
};

describe('key styles for appended entries', () => {
  it('authors: the atlas key', () => {
    assert.strictEqual(key('authors'), 'li2023blip2');
    assert.strictEqual(key(''), 'li2023blip2');
  });

  it("google-scholar: first author's family name, year, first significant title word", () => {
    assert.strictEqual(key('google-scholar'), 'li2023blip');
    assert.strictEqual(key('google-scholar', clip), 'radford2021learning');
    assert.strictEqual(key('google-scholar', preprint), 'scholkopf2024schrodinger', 'stop words skipped, accents folded');
  });

  it("dblp: the venue's stream, first author and initials of the next, two-digit year; a preprint's CoRR key", () => {
    assert.strictEqual(key('dblp'), 'DBLP:conf/icml/LiLSH23');
    assert.strictEqual(key('dblp', clip), 'DBLP:conf/icml/RadfordKHRGASAM21');
    assert.strictEqual(key('dblp', preprint), 'DBLP:journals/corr/abs-2403-01234');
  });

  it('Better BibTeX formulas: functions, modifiers, alternatives and the legacy form', () => {
    assert.strictEqual(key('auth.lower + year + shorttitle(1,0)'), 'li2023BLIP2', 'words as the title writes them');
    assert.strictEqual(key('auth.lower + year + veryshorttitle.lower'), 'li2023blip2');
    assert.strictEqual(key('auth + shortyear + "_" + veryshorttitle.lower'), 'Li23_blip2');
    assert.strictEqual(key('authors(2) + year'), 'LiLiEtAl2023');
    assert.strictEqual(key('authEtAl.lower + year'), 'lietal2023');
    assert.strictEqual(key('auth(3,2) + title.substring(1,5)'), 'LiBLIP2');
    assert.strictEqual(key('[auth:lower][year][shorttitle3_3]'), 'li2023BLIP2BootstrappingLanguageImage');
    assert.strictEqual(key('arxiv.replace(".", "") | auth'), '230112597');
    assert.strictEqual(key('arxiv | auth.lower + year', fakeModel('x', { paper: { title: 'T', authors: ['Ada Lovelace'], date: '1843-01-01' } })), 'lovelace1843');
  });

  it('says what is wrong with a formula, and where', () => {
    const unknown = citationKeyFor(blip2, 'auth + foo');
    assert.ok(!unknown.ok && /unknown function 'foo'.*column 8/.test(unknown.message), JSON.stringify(unknown));
    for (const bad of ['auth.shout', 'auth(', 'auth + "x', 'auth +', 'auth ]']) {
      assert.strictEqual(parseKeyFormula(bad).ok, false, bad);
    }
  });

  it('gets a deterministic letter on a clash, as the atlas key does', () => {
    const bib = parseBibtex('@misc{li2023blip,title={BLIP: other}}\n@misc{li2023blipa,title={x}}');
    assert.strictEqual(freeKey(key('google-scholar'), [bib], []), 'li2023blipb');
    assert.strictEqual(freeKey(key('google-scholar'), [bib], ['li2023blipb']), 'li2023blipc');
  });
});

describe('the biblatex flavour', () => {
  it('writes a venue paper as @inproceedings with date, eprint and eprinttype', () => {
    const entry = renderBibtex(blip2, 'biblatex');
    assert.match(entry, /^@inproceedings\{li2023blip2,\n/);
    assert.match(entry, /booktitle\s+= \{ICML\}/);
    assert.match(entry, /date\s+= \{2023\}/);
    assert.match(entry, /eprint\s+= \{2301\.12597\}/);
    assert.match(entry, /eprinttype\s+= \{arxiv\}/);
    assert.doesNotMatch(entry, /\byear\s*=|eprintclass|archivePrefix/, 'biblatex fields, and no guessed category');
    assert.strictEqual(parseBibtex(entry).problems.length, 0);
  });

  it('writes a preprint as @online with its first version’s date, eprintclass where the category is known', () => {
    const entry = biblatexEntry({ ...preprint, imported: { from: 'arxiv', primaryCategory: 'cs.CV' } });
    assert.match(entry, /^@online\{pre2023,/);
    assert.match(entry, /date\s+= \{2024-03-05\}/);
    assert.match(entry, /eprintclass\s+= \{cs\.CV\}/);
  });

  it('writes a journal paper with journaltitle, and a report without arXiv id with its URL', () => {
    const journal = fakeModel('j', { paper: { title: 'T', authors: ['A B'], date: '2021-01-01', venue: 'TPAMI 2023', doi: '10.1109/x' } });
    assert.match(renderBibtex(journal, 'biblatex'), /^@article\{j2023,[\s\S]*journaltitle\s+= \{TPAMI\}[\s\S]*doi\s+= \{10\.1109\/x\}/);
    const card = fakeModel('c', { paper: { title: 'Card', authors: ['OpenAI'], date: '2024-05-13', type: 'system-card', url: 'https://example.org/card' } });
    assert.match(renderBibtex(card, 'biblatex'), /^@online\{c2023,[\s\S]*date\s+= \{2024-05-13\}[\s\S]*url\s+= \{https:\/\/example\.org\/card\}/);
  });
});
