import * as assert from 'assert';
import { describeModel, findModels, modelNamed } from '../../src/core/agentTools/modelSearch';
import { planYamlAppend, readCitationCff } from '../../src/core/bibliographies/yamlBibliographies';
import { applyInsertion } from '../../src/core/bibtex/append';
import { atlasModelOfEntry, paperIdentity } from '../../src/core/bibtex/atlasEntries';
import { findExistingEntry } from '../../src/core/bibtex/match';
import { renderBibtex } from '../../src/core/bibtex/render';
import { cffReferenceOf } from '../../src/core/projectReferences/cffReference';
import { planReadmeAppend, readmeCitationSection } from '../../src/core/projectReferences/readmeCitation';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();
const blip2 = atlas.get('blip-2');
const llava = atlas.get('llava');

describe("a README's Citation section", () => {
  const readme = '# Tool\n\nSee `@misc{not,}` here.\n\n## Citation\n\nIf you use it, cite:\n\n```bibtex\n@article{ours2024,\n  title={Our Tool}\n}\n```\n\n## License\n\nMIT\n';

  it('finds the section and reads the BibTeX of its blocks at their offsets', () => {
    const section = readmeCitationSection(readme);
    assert.ok(section);
    assert.strictEqual(readme.slice(section.start, section.start + 11), '## Citation');
    assert.strictEqual(readme.slice(section.end, section.end + 10), '## License');
    assert.deepStrictEqual(section.bib.entries.map((e) => e.key), ['ours2024']);
    assert.strictEqual(readme.slice(section.bib.entries[0].start, section.bib.entries[0].start + 17), '@article{ours2024');
  });

  it('appends inside the last BibTeX block, after a blank line, and nowhere else', () => {
    const section = readmeCitationSection(readme)!;
    const result = applyInsertion(readme, planReadmeAppend(readme, section, renderBibtex(blip2)));
    assert.ok(result.startsWith(readme.slice(0, readme.indexOf('```\n\n## License'))));
    assert.ok(result.includes('  title={Our Tool}\n}\n\n@inproceedings{li2023blip2,'), result);
    assert.ok(result.endsWith('booktitle={ICML},\n}\n```\n\n## License\n\nMIT\n'), result);
    assert.ok(findExistingEntry(readmeCitationSection(result)!.bib, paperIdentity(blip2)));
  });

  it('adds a new ```bibtex block at the end of a section without one', () => {
    const text = '## How to cite\n\nPlease cite the paper.\n\n## Other\n';
    const result = applyInsertion(text, planReadmeAppend(text, readmeCitationSection(text)!, '@misc{a,\n}'));
    assert.strictEqual(result, '## How to cite\n\nPlease cite the paper.\n\n```bibtex\n@misc{a,\n}\n```\n\n## Other\n');
    assert.strictEqual(readmeCitationSection('# Tool\n\n## Usage\n'), undefined);
    assert.strictEqual(readmeCitationSection('```\n## Citation\n```\n'), undefined, 'a heading inside a code block is not one');
  });
});

describe('CITATION.cff references', () => {
  const cff = 'cff-version: 1.2.0\ntitle: Our Tool\nauthors:\n  - family-names: Doe\n    given-names: Jane\n';

  it('writes a venue paper as a conference-paper with its DOI and authors', () => {
    const ref = cffReferenceOf(blip2);
    assert.strictEqual(ref.type, 'conference-paper');
    assert.deepStrictEqual(ref.conference, { name: 'ICML' });
    assert.deepStrictEqual((ref.authors as unknown[])[0], { 'family-names': 'Li', 'given-names': 'Junnan' });
    assert.strictEqual(ref.year, 2023);
    assert.strictEqual(ref.doi, '10.48550/arXiv.2301.12597');
  });

  it('starts a references list after the last line, then appends to it, finding papers already there', () => {
    const first = planYamlAppend(cff, 'citation-cff', [{ key: '', value: cffReferenceOf(blip2) }]);
    assert.ok(first.ok);
    const once = applyInsertion(cff, first.insertion);
    assert.ok(once.startsWith(`${cff}references:\n- type: conference-paper\n  title: "BLIP-2:`), once);
    const second = planYamlAppend(once, 'citation-cff', [{ key: '', value: cffReferenceOf(llava) }]);
    assert.ok(second.ok);
    const twice = applyInsertion(once, second.insertion);
    const read = readCitationCff(twice);
    assert.deepStrictEqual(read.entries.map((e) => atlasModelOfEntry(atlas, e)?.id), ['blip-2', 'llava']);
    assert.ok(findExistingEntry(read, paperIdentity(llava)));
    assert.strictEqual(findExistingEntry(readCitationCff(cff), paperIdentity(llava)), undefined);
  });
});

describe('finding models for AI agents', () => {
  it('finds a model by exact name, checkpoint or class first', () => {
    assert.strictEqual(modelNamed(atlas, 'blip2')?.id, 'blip-2');
    assert.strictEqual(modelNamed(atlas, 'Salesforce/blip2-opt-2.7b')?.id, 'blip-2');
    assert.strictEqual(findModels(atlas, { query: 'BLIP-2' }).models[0].id, 'blip-2');
    assert.strictEqual(findModels(atlas, { query: 'Blip2ForConditionalGeneration' }).models[0].id, 'blip-2');
  });

  it('filters by year, organisation and architecture, newest first, within the limit', () => {
    const salesforce2023 = findModels(atlas, { year: 2023, organization: 'salesforce' }).models;
    assert.ok(salesforce2023.length >= 2);
    assert.ok(salesforce2023.every((m) => m.paper.date.startsWith('2023') && m.organizations.some((o) => /salesforce/i.test(o))));
    assert.ok(salesforce2023.some((m) => m.id === 'blip-2'));
    const qformer = findModels(atlas, { architecture: 'Q-Former', limit: 3 });
    assert.ok(qformer.models.length <= 3 && qformer.total >= qformer.models.length);
    assert.ok(qformer.models.every((m) => m.architecture.components.some((c) => /q-former/i.test(c.name))));
    assert.deepStrictEqual(findModels(atlas, { query: 'no such model anywhere' }).models, []);
  });

  it('describes a model with its verified facts', () => {
    const text = describeModel(blip2);
    for (const fact of ['BLIP-2 (id: blip-2', 'Junnan Li, Dongxu Li, Silvio Savarese, Steven Hoi', '2023-01-30', 'ICML 2023', 'arXiv 2301.12597', 'li2023blip2', 'Salesforce/blip2-opt-2.7b']) {
      assert.ok(text.includes(fact), `${fact} in ${text}`);
    }
  });
});
