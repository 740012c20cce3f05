import * as assert from 'assert';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { authorsEntryLosesVenue, escapeBibtexValue, renderBibtex, withKey } from '../../src/core/bibtex/render';
import { formatCitation, formatNameWithCitation } from '../../src/core/citations/citationSyntax';
import { citationSyntaxFor } from '../../src/core/documents/syntax';
import { fakeModel } from '../support/fakeModel';
import { realIndex, realModels } from '../support/realAtlas';

describe('citation syntax', () => {
  it('knows the syntax of each document language', () => {
    assert.strictEqual(citationSyntaxFor('latex'), 'latex');
    assert.strictEqual(citationSyntaxFor('markdown'), 'pandoc');
    assert.strictEqual(citationSyntaxFor('quarto'), 'pandoc');
    assert.strictEqual(citationSyntaxFor('plaintext'), 'plain');
  });

  it('formats LaTeX, Pandoc and plain citations', () => {
    assert.strictEqual(formatCitation(['a', 'b'], 'latex'), '\\cite{a,b}');
    assert.strictEqual(formatCitation(['a'], 'latex', '\\citep'), '\\citep{a}');
    assert.strictEqual(formatCitation(['a', 'b'], 'pandoc'), '[@a; @b]');
    assert.strictEqual(formatCitation(['a', 'b'], 'plain'), 'a, b');
  });

  it('formats a name with its citation', () => {
    assert.strictEqual(formatNameWithCitation('BLIP-2', 'li2023blip2', 'latex'), 'BLIP-2~\\cite{li2023blip2}');
    assert.strictEqual(formatNameWithCitation('BLIP-2', 'li2023blip2', 'pandoc'), 'BLIP-2 [@li2023blip2]');
  });
});

describe('BibTeX rendering', () => {
  const model = fakeModel('x', {
    paper: { title: 'Fast & Cheap: 100% Better_Models', authors: ['Jürgen Ä', 'Bo Li'], date: '2023-01-30', arxiv: '2301.12597', venue: 'ICML 2023' },
    bibtex: { key: 'x2023', origin: 'authors', entry: '  @inproceedings{x2023,\n  title={Own},\n  booktitle={ICML}\n}\n' },
  });

  it('returns the authors’ own entry unchanged but trimmed', () => {
    assert.strictEqual(renderBibtex(model), '@inproceedings{x2023,\n  title={Own},\n  booktitle={ICML}\n}');
  });

  it("gives the venue's entry where the authors' own would print no venue, and says so in a comment BibTeX skips", () => {
    const llavaLike = { ...model, bibtex: { ...model.bibtex, entry: '@misc{x2023,\n  title={Own},\n  publisher={ICML},\n  year={2023}\n}' } };
    assert.strictEqual(authorsEntryLosesVenue(llavaLike), true);
    const entry = renderBibtex(llavaLike);
    assert.match(entry, /^% The venue form: [^@\n]*\n@inproceedings\{x2023,/);
    assert.match(entry, /booktitle\s*= \{ICML\}/);
    const parsed = parseBibtex(entry);
    assert.deepStrictEqual([parsed.entries.length, parsed.problems.length], [1, 0]);
    // Text others copy from (a README's Citation section) gets the same venue entry, without the note.
    assert.strictEqual(renderBibtex(llavaLike, 'authors', { venueNote: false }), entry.slice(entry.indexOf('\n') + 1));
    // Without a known venue, or with one the entry prints, the authors' own entry stays.
    assert.strictEqual(authorsEntryLosesVenue({ ...llavaLike, paper: { ...llavaLike.paper, venue: undefined } }), false);
    assert.strictEqual(authorsEntryLosesVenue({ ...llavaLike, bibtex: { ...llavaLike.bibtex, entry: '@misc{x, howpublished={ICML}}' } }), false);
    assert.strictEqual(authorsEntryLosesVenue(model), false);
  });

  it("uses the venue form for the real atlas's authors' entries that print no venue (LLaVA's @misc with publisher = {NeurIPS})", () => {
    const llava = realIndex().get('llava');
    assert.strictEqual(authorsEntryLosesVenue(llava), true);
    assert.match(renderBibtex(llava), /@inproceedings\{liu2023llava,[\s\S]*booktitle\s*= \{NeurIPS\}/);
  });

  it('composes an arXiv @misc with eprint and archivePrefix', () => {
    const entry = renderBibtex(model, 'arxiv');
    assert.match(entry, /^@misc\{x2023,/);
    assert.match(entry, /eprint\s*= \{2301\.12597\}/);
    assert.match(entry, /archivePrefix\s*= \{arXiv\}/);
    assert.match(entry, /author\s*= \{Jürgen Ä and Bo Li\}/);
    assert.match(entry, /title\s*= \{\{Fast \\& Cheap: 100\\% Better\\_Models\}\}/);
  });

  it('composes the venue entry as @inproceedings with the booktitle', () => {
    const entry = renderBibtex(model, 'venue');
    assert.match(entry, /^@inproceedings\{x2023,/);
    assert.match(entry, /booktitle\s*= \{ICML\}/);
    assert.match(entry, /year\s*= \{2023\}/);
  });

  it("gives the venue entry the published title and DOI, a journal's name as journal, and a cut author list 'and others'", () => {
    const published = { ...model, paper: { ...model.paper, venue: 'Nature Communications 2025', venueTitle: 'The Published Title', doi: '10.1038/x', authorsTruncated: true } };
    const entry = renderBibtex(published, 'venue');
    assert.match(entry, /^@article\{x2023,/);
    assert.match(entry, /title\s*= \{\{The Published Title\}\}/);
    assert.match(entry, /journal\s*= \{Nature Communications\}/);
    assert.match(entry, /doi\s*= \{10\.1038\/x\}/);
    assert.match(entry, /author\s*= \{[^}]* and others\}/);
    assert.doesNotMatch(renderBibtex(published, 'arxiv'), /primaryClass/, 'the category is not known for atlas entries');
  });

  it('composes a report, card or post without an arXiv id as @misc with its address, date and kind, for the arxiv flavour', () => {
    const card = fakeModel('claude', {
      paper: { title: 'The Claude 3 Model Family: Opus, Sonnet, Haiku', authors: ['Anthropic'], date: '2024-03-04', type: 'model-card', url: 'https://example.org/card%20v1.pdf#p2' },
      bibtex: { key: 'anthropic2024claude3', origin: 'composed', entry: '@misc{anthropic2024claude3,\n  title={Own}\n}' },
    });
    const entry = renderBibtex(card, 'arxiv');
    assert.strictEqual(
      entry,
      [
        '@misc{anthropic2024claude3,',
        '  title        = {{The Claude 3 Model Family: Opus, Sonnet, Haiku}},',
        '  author       = {Anthropic},',
        '  year         = {2024},',
        '  month        = mar,',
        '  howpublished = {\\url{https://example.org/card\\%20v1.pdf\\#p2}},',
        '  note         = {Model card}',
        '}',
      ].join('\n'),
    );
    assert.deepStrictEqual(parseBibtex(entry).problems, []);
    assert.strictEqual(parseBibtex(entry).entries[0].fields.month, 'March', 'the month macro, as BibTeX reads it');
    assert.strictEqual(renderBibtex(card), card.bibtex.entry, 'the default flavour keeps the entry of the atlas');
    assert.strictEqual(renderBibtex(card, 'venue'), card.bibtex.entry, 'no venue: the entry of the atlas');
  });

  it('falls back to the authors’ entry when a flavour lacks facts', () => {
    const bare = fakeModel('y');
    assert.strictEqual(renderBibtex(bare, 'arxiv'), bare.bibtex.entry.trim());
    assert.strictEqual(renderBibtex(bare, 'venue'), bare.bibtex.entry.trim());
  });

  it('puts an entry under another key, leaving the rest of it as it was', () => {
    assert.strictEqual(withKey('@inproceedings{li2023blip2,\n  title={A $1 key}\n}', 'li2023blip2a'), '@inproceedings{li2023blip2a,\n  title={A $1 key}\n}');
    assert.strictEqual(withKey('@misc( k , title={T})', 'k2'), '@misc( k2 , title={T})');
    for (const model of realModels()) {
      for (const flavour of ['authors', 'arxiv', 'venue'] as const) {
        assert.deepStrictEqual(parseBibtex(withKey(renderBibtex(model, flavour), 'other-key')).entries.map((e) => e.key), ['other-key'], `${model.id} ${flavour}`);
      }
    }
  });

  it('escapes LaTeX specials', () => {
    assert.strictEqual(escapeBibtexValue('a & b % c # d _ e $'), 'a \\& b \\% c \\# d \\_ e \\$');
  });
});
