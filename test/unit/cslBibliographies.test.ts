import * as assert from 'assert';
import { cslItemOf } from '../../src/core/bibliographies/cslItems';
import { planCslJsonAppend, readCslJson } from '../../src/core/bibliographies/cslJson';
import { hayagrivaEntryOf } from '../../src/core/bibliographies/hayagrivaEntries';
import { frontMatterReferences, planYamlAppend, readYamlBibliography } from '../../src/core/bibliographies/yamlBibliographies';
import { applyInsertion } from '../../src/core/bibtex/append';
import { atlasModelOfEntry } from '../../src/core/bibtex/atlasEntries';
import { keyInAny } from '../../src/core/citations/citationKeys';
import { fakeModel } from '../support/fakeModel';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();
const blip2 = atlas.get('blip-2');
const llava = atlas.get('llava');

/** A preprint with no venue, and a report with neither venue nor arXiv id. */
const preprint = fakeModel('pre', { paper: { title: 'A Preprint', authors: ['Aäron van den Oord', 'Jane Doe Jr.', 'OpenAI'], date: '2024-03-05', arxiv: '2403.01234' } });
const report = fakeModel('rep', { paper: { title: 'A System Card', authors: ['Team'], date: '2024-05-13', type: 'system-card', url: 'https://example.org/card' } });

function appended(text: string, plan: { ok: true; insertion: { offset: number; text: string } } | { ok: false }): string {
  assert.ok(plan.ok, JSON.stringify(plan));
  const result = applyInsertion(text, plan.insertion);
  assert.ok(result.startsWith(text.slice(0, plan.insertion.offset)) && result.endsWith(text.slice(plan.insertion.offset)), 'only an insertion');
  return result;
}

describe('atlas papers as CSL items', () => {
  it('makes a venue paper a paper-conference with its venue and a DOI', () => {
    const item = cslItemOf(blip2, 'li2023blip2');
    assert.strictEqual(item.type, 'paper-conference');
    assert.strictEqual(item['container-title'], 'ICML');
    assert.deepStrictEqual(item.issued, { 'date-parts': [[2023]] });
    assert.strictEqual(item.DOI, '10.48550/arXiv.2301.12597', 'arXiv DOI where the venue gives none');
    assert.deepStrictEqual(item.author[0], { family: 'Li', given: 'Junnan' });
    assert.strictEqual(item.id, 'li2023blip2');
  });

  it('makes a preprint an article with publisher arXiv, the id in number and arXiv DOI', () => {
    const item = cslItemOf(preprint, 'pre');
    assert.deepStrictEqual([item.type, item.publisher, item.number, item.DOI], ['article', 'arXiv', '2403.01234', '10.48550/arXiv.2403.01234']);
    assert.deepStrictEqual(item.issued, { 'date-parts': [[2024, 3, 5]] });
    assert.deepStrictEqual(item.author, [
      { family: 'Oord', given: 'Aäron', 'non-dropping-particle': 'van den' },
      { family: 'Doe', given: 'Jane', suffix: 'Jr.' },
      { literal: 'OpenAI' },
    ]);
  });

  it("keeps a venue's own DOI, a journal as article-journal, and a report as a report", () => {
    const journal = fakeModel('j', { paper: { title: 'T', authors: ['A B'], date: '2021-01-01', venue: 'TPAMI 2023', doi: '10.1109/TPAMI.2023.1' } });
    assert.deepStrictEqual([cslItemOf(journal, 'j').type, cslItemOf(journal, 'j').DOI], ['article-journal', '10.1109/TPAMI.2023.1']);
    assert.deepStrictEqual([cslItemOf(report, 'r').type, cslItemOf(report, 'r').URL, cslItemOf(report, 'r').DOI], ['report', 'https://example.org/card', undefined]);
  });

  it('reads CSL items back as entries the atlas matcher recognises', () => {
    const json = JSON.stringify([cslItemOf(blip2, 'blip2paper'), cslItemOf(preprint, 'x')], null, 2);
    const bib = readCslJson(json);
    assert.deepStrictEqual(bib.problems, []);
    assert.strictEqual(atlasModelOfEntry(atlas, bib.entries[0])?.id, 'blip-2');
    assert.strictEqual(keyInAny([bib], blip2), 'blip2paper');
    assert.strictEqual(bib.entries[1].fields.eprint, '2403.01234');
    assert.strictEqual(json.slice(bib.entries[0].start, bib.entries[0].end).startsWith('{'), true);
  });
});

describe('CSL-JSON files', () => {
  it('appends after the last item in the file’s indentation, changing no byte before or after', () => {
    const text = '[\n    {\n        "id": "a",\n        "title": "A"\n    }\n]\n';
    const result = appended(text, planCslJsonAppend(text, [cslItemOf(llava, 'liu2023visual')]));
    assert.ok(result.startsWith('[\n    {\n        "id": "a",\n        "title": "A"\n    },\n    {\n        "id": "liu2023visual",\n'), result);
    assert.ok(result.includes('\n        "issued": {\n            "date-parts": [[2023]]\n        },'), result);
    assert.ok(result.endsWith('    }\n]\n'));
    assert.doesNotThrow(() => JSON.parse(result));
  });

  it('keeps CRLF, one-line items and an empty array as they are written', () => {
    const crlf = '[\r\n  {"id": "a"}\r\n]';
    assert.strictEqual(appended(crlf, planCslJsonAppend(crlf, [{ id: 'b' }])), '[\r\n  {"id": "a"},\r\n  {"id": "b"}\r\n]');
    const inline = '[{"id":"a"},{"id":"b"}]';
    assert.strictEqual(appended(inline, planCslJsonAppend(inline, [{ id: 'c' }])), '[{"id":"a"},{"id":"b"},{"id":"c"}]');
    assert.strictEqual(appended('[]\n', planCslJsonAppend('[]\n', [{ id: 'c' }])), '[\n  {\n    "id": "c"\n  }\n]\n');
    assert.strictEqual(appended('', planCslJsonAppend('', [{ id: 'c' }])), '[\n  {\n    "id": "c"\n  }\n]\n');
  });

  it('refuses a file that is not an array, or ends inside an item', () => {
    assert.deepStrictEqual(planCslJsonAppend('{"id": "a"}', [{ id: 'b' }]), { ok: false, reason: 'shape', detail: 'a CSL-JSON file holds an array of items' });
    assert.strictEqual(planCslJsonAppend('[{"id": "a"', [{ id: 'b' }]).ok, false);
    const broken = readCslJson('[{"id": "a"}, {"id": ]');
    assert.strictEqual(broken.problems.length, 1);
  });
});

describe('CSL-YAML and front matter references', () => {
  const pandoc = "---\nreferences:\n- id: blip2paper\n  type: paper-conference\n  author:\n  - family: Li\n    given: Junnan\n  title: 'BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models'\n  issued:\n    date-parts:\n    - - 2023\n...\n";

  it('reads a references list, and finds the atlas paper under its own key', () => {
    const read = readYamlBibliography(pandoc, 'hayagriva');
    assert.strictEqual(read.kind, 'csl-yaml', 'a references list is CSL-YAML whatever the fallback');
    assert.strictEqual(keyInAny([read.bib], blip2), 'blip2paper');
    assert.strictEqual(read.bib.entries[0].line, 2);
  });

  it('appends a "- " item in the list’s own style, before the document end marker', () => {
    const result = appended(pandoc, planYamlAppend(pandoc, 'csl-yaml', [{ key: 'liu2023visual', value: cslItemOf(llava, 'liu2023visual') }]));
    assert.ok(result.includes('    - - 2023\n- id: liu2023visual\n  type: paper-conference\n  title: Visual Instruction Tuning\n  author:\n  - family: Liu\n'), result);
    assert.ok(result.endsWith('  URL: https://arxiv.org/abs/2304.08485\n...\n'), result);
    assert.strictEqual(keyInAny([readYamlBibliography(result, 'csl-yaml').bib], llava), 'liu2023visual');
  });

  it('follows indented lists, starts a list in an empty file, and refuses a flow list', () => {
    const indented = 'references:\n  - id: a\n    author:\n      - family: X\n';
    const result = appended(indented, planYamlAppend(indented, 'csl-yaml', [{ key: 'b', value: { id: 'b', author: [{ family: 'Y' }] } }]));
    assert.strictEqual(result, 'references:\n  - id: a\n    author:\n      - family: X\n  - id: b\n    author:\n      - family: Y\n');
    assert.strictEqual(appended('', planYamlAppend('', 'csl-yaml', [{ key: 'b', value: { id: 'b' } }])), 'references:\n- id: b\n');
    assert.deepStrictEqual(planYamlAppend('references: [{id: a}]\n', 'csl-yaml', [{ key: 'b', value: { id: 'b' } }]), { ok: false, reason: 'flow', detail: 'the references list is written in flow style' });
  });

  it('reads front matter references at their offsets in the document', () => {
    const doc = '---\ntitle: Notes\nreferences:\n  - id: vit\n    title: "Visual Instruction Tuning"\n---\nSee @vit.\n';
    const bib = frontMatterReferences(doc);
    assert.ok(bib);
    assert.strictEqual(keyInAny([bib], llava), 'vit');
    assert.strictEqual(doc.slice(bib.entries[0].start, bib.entries[0].start + 7), 'id: vit');
    assert.strictEqual(frontMatterReferences('---\ntitle: x\n---\n'), undefined);
  });
});

describe('Hayagriva', () => {
  it('writes a venue paper as an article in its proceedings, a preprint in the periodical arXiv', () => {
    assert.deepStrictEqual(hayagrivaEntryOf(blip2).parent, { type: 'proceedings', title: 'ICML' });
    assert.deepStrictEqual(hayagrivaEntryOf(preprint).parent, { type: 'periodical', title: 'arXiv' });
    assert.deepStrictEqual(hayagrivaEntryOf(preprint).author, ['van den Oord, Aäron', 'Doe, Jane', 'OpenAI']);
    assert.deepStrictEqual(hayagrivaEntryOf(blip2)['serial-number'], { doi: '10.48550/arXiv.2301.12597', arxiv: '2301.12597' });
  });

  it('reads entries and appends a top-level key in the file’s indentation and spacing', () => {
    const text = 'blip:\n    type: article\n    title: "BLIP-2: Bootstrapping Language-Image Pre-training"\n    serial-number:\n        arxiv: "2301.12597"\n\nother:\n    type: book\n    title: Something\n';
    const read = readYamlBibliography(text, 'hayagriva');
    assert.strictEqual(read.kind, 'hayagriva');
    assert.strictEqual(keyInAny([read.bib], blip2), 'blip');
    const result = appended(text, planYamlAppend(text, 'hayagriva', [{ key: 'liu2023visual', value: hayagrivaEntryOf(llava) }]));
    assert.ok(result.startsWith(`${text}\nliu2023visual:\n    type: article\n    title: Visual Instruction Tuning\n    author:\n        - Liu, Haotian\n`), result);
    assert.strictEqual(keyInAny([readYamlBibliography(result, 'hayagriva').bib], llava), 'liu2023visual');
  });

  it('reports a YAML syntax error with its line and reads nothing', () => {
    const read = readYamlBibliography('a:\n  title: [x\n', 'hayagriva');
    assert.strictEqual(read.bib.entries.length, 0);
    assert.ok(read.bib.problems.length > 0);
    assert.strictEqual(planYamlAppend('a: [x\n', 'hayagriva', []).ok, false);
  });
});
