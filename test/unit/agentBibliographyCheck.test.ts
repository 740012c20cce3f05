// modelAtlas_checkBibliography's answer, from the core: every finding of the fixture paper with its place, and
// what an agent should change there (the lines as the quick fix writes them, the key to cite, or Zotero).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { bibliographyCheckText, type BibliographyCheckText, type CheckedBibFile } from '../../src/core/agentTools/bibliographyCheckText';
import { checkBibliography } from '../../src/core/bibcheck/bibliographyCheck';
import { findCitationMismatches } from '../../src/core/bibcheck/citationMismatch';
import { fixEdits } from '../../src/core/bibcheck/entryFixes';
import { applyEdits } from '../../src/core/bibcheck/textEdits';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { findCitationProblems } from '../../src/core/citations/citationFindings';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { realIndex, repoRoot } from '../support/realAtlas';

const atlas = realIndex();
const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace', 'bibcheck');
const read = (name: string) => fs.readFileSync(path.join(fixture, name), 'utf8');

function bibFiles(names: string[], texts = names.map(read)): CheckedBibFile[] {
  const sources = texts.map((text) => ({ text, bib: parseBibtex(text) }));
  const checks = checkBibliography(sources, atlas);
  return names.map((name, i) => ({ path: `bibcheck/${name}`, ...sources[i], check: checks[i] }));
}

const BIB_CODES = ['author-mismatch', 'title-mismatch', 'title-unprotected', 'year-mismatch', 'arxiv-mismatch', 'published-version', 'duplicate-paper'];

function forBib(files: CheckedBibFile[]): BibliographyCheckText {
  return { atlas, bibFiles: files, documents: [], bibliographies: files.map((f) => f.bib), firstBibliography: files[0]?.path, codes: BIB_CODES, notes: [] };
}

async function forDocument(name: string, text: string): Promise<string> {
  const files = bibFiles(['refs.bib', 'more.bib']);
  const bibs = files.map((f) => f.bib);
  const syntax = name.endsWith('.tex') ? 'latex' : 'pandoc';
  const nonProse = nonProseRanges(text, syntax);
  const mismatches = findCitationMismatches({ text, syntax, nonProse, atlas, mentions: atlas.matcher.find(text), bibs });
  const citationProblems = await findCitationProblems({ text, syntax, nonProse, atlas, uncitedMentionHints: false, mentions: () => [], bibliographies: async () => bibs });
  return bibliographyCheckText({ ...forBib(files), documents: [{ path: `bibcheck/${name}`, text, mismatches, citationProblems }], codes: [...BIB_CODES, 'citation-mismatch'] });
}

/** The lines a "Fix: replace lines a-b" block says, put in place of those lines. */
function applyFix(text: string, answer: string, at: string): string {
  const block = new RegExp(`${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\nFix: replace lines? (\\d+)(?:-(\\d+))? of \\S+ with:\\n\`\`\`bibtex\\n([\\s\\S]*?)\\n\`\`\``).exec(answer);
  assert.ok(block, `no fix after ${at}:\n${answer}`);
  const lines = text.split('\n');
  const first = Number(block[1]) - 1;
  const last = Number(block[2] ?? block[1]) - 1;
  return [...lines.slice(0, first), ...block[3].split('\n'), ...lines.slice(last + 1)].join('\n');
}

describe('modelAtlas_checkBibliography text', () => {
  it("gives each finding of a .bib with its place and the lines that fix it, as the quick fix writes them", () => {
    const refs = read('refs.bib');
    const answer = bibliographyCheckText(forBib(bibFiles(['refs.bib'])));
    const lines = answer.split('\n');
    assert.strictEqual(lines[0], `Checked 7 entries of atlas papers in bibcheck/refs.bib against the Model Atlas (codes: ${BIB_CODES.join(', ')}).`);
    assert.strictEqual(lines[1], '6 findings (4 warnings, 2 information), each as file:line:column: code (key): message, then what to change:');
    assert.deepStrictEqual(
      lines.filter((l) => l.startsWith('bibcheck/')).map((l) => l.split(': ').slice(0, 2).join(': ')),
      ['bibcheck/refs.bib:5:15: author-mismatch (kim2021vilt)', 'bibcheck/refs.bib:12:15: title-mismatch (alayrac2022flamingo)', 'bibcheck/refs.bib:20:16: title-unprotected (li2023blip2)', 'bibcheck/refs.bib:30:15: year-mismatch (radford2021clip)', 'bibcheck/refs.bib:38:16: arxiv-mismatch (liu2023llava)', 'bibcheck/refs.bib:41:7: published-version (dai2023instructblip)'],
    );
    // The replacement lines are exactly the quick fix's: applied, they give what fixEdits gives.
    const file = bibFiles(['refs.bib'])[0];
    file.check.findings.forEach((finding) => {
      const edits = fixEdits(refs, file.bib.entries[finding.entryIndex], finding, atlas.get(finding.modelId))!;
      assert.strictEqual(applyFix(refs, answer, `bibcheck/refs.bib:${refs.slice(0, finding.start).split('\n').length}:`), applyEdits(refs, edits), finding.code);
    });
    assert.ok(answer.includes('Fix: replace line 5 of bibcheck/refs.bib with:\n```bibtex\n  author    = {Kim, Wonjae and Son, Bokyung and Kim, Ildoo},\n```'), answer);
    assert.match(answer, /Fix: replace lines 41-48 of bibcheck\/refs\.bib with:\n```bibtex\n@inproceedings\{dai2023instructblip,\n/);
  });

  it('names the file and line of each other key of a duplicate, and what to do', () => {
    const answer = bibliographyCheckText(forBib(bibFiles(['refs.bib', 'more.bib'])));
    assert.ok(answer.includes('\nbibcheck/refs.bib:51:16: duplicate-paper (li2022blip): BLIP\'s paper is also in the bibliography under DBLP:conf/icml/0001LXH22.\nFix: keep one key of li2022blip, DBLP:conf/icml/0001LXH22 (bibcheck/more.bib:3): change every citation of the others to it, then delete their entries.'), answer);
    assert.ok(answer.includes('\nbibcheck/more.bib:3:16: duplicate-paper (DBLP:conf/icml/0001LXH22): '), answer);
  });

  it("a document's names followed by another paper's citation, and atlas keys its bibliography lacks, with the key to cite", async () => {
    const answer = await forDocument('paper.tex', read('paper.tex'));
    assert.match(answer, /^Checked 8 entries of atlas papers in bibcheck\/refs\.bib, bibcheck\/more\.bib, and the citations in bibcheck\/paper\.tex against the Model Atlas/);
    assert.ok(answer.includes("\nbibcheck/paper.tex:8:100: citation-mismatch (li2023blip2): Kosmos-2 is followed by a citation of BLIP-2's paper, not of Kosmos-2's paper.\nFix: cite Kosmos-2's paper (the bibliography lacks it; modelAtlas_getCitation with {\"model\": \"Kosmos-2\", \"document\": \"bibcheck/paper.tex\", \"append\": true} gives its key and appends its entry), or name the model the cited paper is about."), answer);

    const kosmos = atlas.get('kosmos-2').bibtex.key;
    const vilt = atlas.get('vilt').bibtex.key;
    assert.notStrictEqual(vilt, 'kim2021vilt', 'the fixture holds ViLT under a key of its own');
    const notes = await forDocument('notes.md', `---\nbibliography: refs.bib\n---\nViLT [@${vilt}] and Kosmos-2 [@${kosmos}].\n`);
    assert.ok(notes.includes(`\nbibcheck/notes.md:4:8: stored-under-other-key (${vilt}): ${vilt} is ViLT's atlas key, but the bibliography holds the paper under kim2021vilt.\nFix: cite kim2021vilt instead of ${vilt}.`), notes);
    assert.ok(notes.includes(`\nbibcheck/notes.md:4:${25 + vilt.length}: missing-bib-entry (${kosmos}): ${kosmos} (Kosmos-2) has no entry in bibcheck/refs.bib.\nFix: add Kosmos-2's entry: modelAtlas_getCitation with {"model": "Kosmos-2", "document": "bibcheck/notes.md", "append": true} appends it.`), notes);
  });

  it('says that a Zotero export is fixed in Zotero, not in the file', () => {
    const answer = bibliographyCheckText(forBib(bibFiles(['zotero.bib'])));
    assert.match(answer, /\nbibcheck\/zotero\.bib:7:10: year-mismatch \(radford2021learning\): .* Better BibTeX writes this file on every export, so an edit here would be lost: fix it in Zotero\.\nFix: in Zotero, not in this file/);
  });

  it('says when there is nothing to fix', () => {
    const clean = '@inproceedings{li2023blip2,\n  title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models},\n  author={Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven},\n  booktitle={ICML},\n  year={2023}\n}\n';
    assert.strictEqual(bibliographyCheckText(forBib(bibFiles(['clean.bib'], [clean]))).split('\n')[1], 'No finding: every checked entry and citation agrees with the atlas.');
  });
});
