// Check Bibliography on the real third-party documents in ../shared/realworld (skipped when that folder is
// absent): what it finds there is what a reviewer would agree with, and nothing else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkBibliography } from '../../src/core/bibcheck/bibliographyCheck';
import { findCitationMismatches } from '../../src/core/bibcheck/citationMismatch';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { realIndex, repoRoot } from '../support/realAtlas';

const realworld = path.resolve(repoRoot, '..', 'shared', 'realworld');
const atlas = realIndex();
const read = (relative: string) => fs.readFileSync(path.join(realworld, relative), 'utf8');

function findingsIn(bibFile: string): string[] {
  const text = read(bibFile);
  return checkBibliography([{ text, bib: parseBibtex(text) }], atlas)[0].findings.map((f) => `${f.key}:${f.code}`);
}

describe('Check Bibliography on real documents', function () {
  before(function () {
    if (!fs.existsSync(realworld)) {
      this.skip();
    }
  });

  it("finds nothing wrong in the audited report's references (BLIP-2 at ICML, LLaVA and InstructBLIP at NeurIPS)", () => {
    const text = read('lvlm-halluc-report-natbib/references.bib');
    const [result] = checkBibliography([{ text, bib: parseBibtex(text) }], atlas);
    const papers = [...result.papers.values()];
    assert.ok(['blip-2', 'instructblip', 'llava'].every((id) => papers.includes(id)), papers.join(', '));
    assert.deepStrictEqual(result.findings, []);
  });

  it('in the multi-file papers, only Google Scholar\'s "and others" for the 27 known authors of Qwen2.5-VL\'s report', () => {
    // Flamingo's entry (accents, the published version's given names) and the DBLP-shaped entries are right.
    assert.deepStrictEqual(findingsIn('yogallava-multifile/references.bib'), ['bai2025qwen25vl:author-mismatch']);
    assert.deepStrictEqual(findingsIn('dynamo-vlm-agent-natbib/references.bib'), ['qwen25vl:author-mismatch']);
  });

  it("finds in the seminar book's 399 UPPERCASE biblatex entries CLIP under four keys, preprints published since, and more", () => {
    assert.deepStrictEqual(findingsIn('lmu-multimodal-dl/book.bib').sort(), [
      'ALIGN:duplicate-paper',
      'ALIGN:published-version',
      'CLIP2021:duplicate-paper',
      'CLIP2021:published-version',
      'CLIP:duplicate-paper',
      'CLIP:published-version',
      'DBLP:conf/icml/RadfordKHRGASAM21:duplicate-paper',
      'Li2019:title-unprotected', // VisualBERT
      'VilBert:duplicate-paper',
      'VilBert:published-version',
      'VilBert:title-unprotected', // ViLBERT
      'alayrac2022flamingo:author-mismatch', // "and others" for 27 known authors
      'alayrac2022flamingo:published-version',
      'bao2021beit:author-mismatch', // arXiv v1's three authors; the paper and its ICLR version have four
      'bao2021beit:published-version',
      'jia2021scaling:duplicate-paper',
      'lu2019vilbert:duplicate-paper',
      'radford2021learning:author-mismatch', // "and others"
      'radford2021learning:duplicate-paper',
      'yu2022coca:title-unprotected', // CoCa
      'yuan2021florence:author-mismatch', // "and others"
    ]);
  });

  it('finds no name cited with the wrong paper in any of the documents', () => {
    const groups: Array<[string[], string[]]> = [
      [['lmu-multimodal-dl/02-04-text-support-img.Rmd', 'lmu-multimodal-dl/02-05-text-plus-img.Rmd', 'lmu-multimodal-dl/presentations/topic7/presentation.tex'], ['lmu-multimodal-dl/book.bib']],
      [fs.readdirSync(path.join(realworld, 'yogallava-multifile/sections')).map((f) => `yogallava-multifile/sections/${f}`), ['yogallava-multifile/references.bib']],
      [fs.readdirSync(path.join(realworld, 'dynamo-vlm-agent-natbib/sections')).map((f) => `dynamo-vlm-agent-natbib/sections/${f}`), ['dynamo-vlm-agent-natbib/references.bib']],
      [['lvlm-halluc-report-natbib/main.tex'], ['lvlm-halluc-report-natbib/references.bib']],
    ];
    let checkedCitations = 0;
    for (const [documents, bibFiles] of groups) {
      const bibs = bibFiles.map((b) => parseBibtex(read(b)));
      for (const document of documents) {
        const text = read(document);
        const syntax = document.endsWith('.tex') ? 'latex' : 'pandoc';
        const mentions = atlas.matcher.find(text);
        checkedCitations += mentions.filter((m) => /^(~| )?(\\cite|\[@)/.test(text.slice(m.end, m.end + 7))).length;
        assert.deepStrictEqual(findCitationMismatches({ text, syntax, nonProse: nonProseRanges(text, syntax), atlas, mentions, bibs }), [], document);
      }
    }
    assert.ok(checkedCitations >= 4, `only ${checkedCitations} names were directly followed by a citation`);
  });
});
