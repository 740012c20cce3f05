// citation-mismatch: a model's name directly followed by a citation of other papers only. Keys the .bib says
// nothing about, names inside longer names, and systems that share a model's name are left alone.
import * as assert from 'assert';
import { findCitationMismatches } from '../../src/core/bibcheck/citationMismatch';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import type { CitationSyntax } from '../../src/core/documents/syntax';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { fakeModel } from '../support/fakeModel';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();
const bib = parseBibtex(`@inproceedings{li2023blip2, title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models}}
@inproceedings{liu2023visual, title={Visual Instruction Tuning}}
@inproceedings{liu2024improved, title={Improved Baselines with Visual Instruction Tuning}}
@misc{flamingos2021, title={Some Notes on Flamingos and Their Lakes}}
@inproceedings{lu2024chameleon, title={Chameleon: Plug-and-Play Compositional Reasoning with Large Language Models}}
@misc{sun2023eva, title={{EVA-CLIP}: Improved Training Techniques for {CLIP} at Scale}}
@misc{flamingo-typo, title={Flamingo: a Visual Language Model for Few-Shot Lerning}}
@misc{nothing, author={Someone}}`);

function mismatches(text: string, syntax: CitationSyntax = 'latex'): string[] {
  return findCitationMismatches({ text, syntax, nonProse: nonProseRanges(text, syntax), atlas, mentions: atlas.matcher.find(text), bibs: [bib] }).map(
    (m) => `${text.slice(m.nameStart, m.nameEnd)}->${text.slice(m.start, m.end)}`,
  );
}

describe('citation-mismatch', () => {
  it('finds a name followed by another atlas paper, or by a paper the .bib names', () => {
    assert.deepStrictEqual(mismatches('Grounding with Kosmos-2~\\citep{li2023blip2}.'), ['Kosmos-2->li2023blip2']);
    assert.deepStrictEqual(mismatches('Flamingo~\\cite{flamingos2021} interleaves images.'), ['Flamingo->flamingos2021']);
    assert.deepStrictEqual(mismatches('LLaVA \\citep[see][p.~3]{liu2024improved} tunes.'), ['LLaVA->liu2024improved']);
    assert.deepStrictEqual(mismatches('Built on LLaVA-1.5~\\cite{liu2023visual}.'), ['LLaVA-1.5->liu2023visual']);
    assert.deepStrictEqual(mismatches('As Flamingo\n\\cite{flamingos2021} shows.'), ['Flamingo->flamingos2021']);
    assert.deepStrictEqual(mismatches('Kosmos-2~\\cite{li2023blip2, liu2023visual} too.'), ['Kosmos-2->li2023blip2, liu2023visual']);
  });

  it('finds it in Pandoc citations', () => {
    assert.deepStrictEqual(mismatches('Flamingo [@liu2023visual] and LLaVA [see @liu2023visual, p. 2].', 'pandoc'), ['Flamingo->liu2023visual']);
  });

  it("leaves alone the right paper, one right key among others, and atlas keys the .bib does not hold", () => {
    assert.deepStrictEqual(mismatches('BLIP-2~\\citep{li2023blip2} and LLaVA~\\cite{liu2023visual, li2023blip2}.'), []);
    assert.deepStrictEqual(mismatches('CLIP~\\cite{radford2021clip} and BLIP~\\cite{li2022blip}.'), []);
    assert.deepStrictEqual(mismatches('Kosmos-2~\\cite{nothing} and Kosmos-2~\\cite{unknownkey}.'), []);
  });

  it('leaves alone names inside longer names, names not directly followed, comments and verbatim', () => {
    assert.deepStrictEqual(mismatches('EVA-CLIP~\\cite{sun2023eva} and X-LLaVA~\\cite{li2023blip2}.'), []);
    assert.deepStrictEqual(mismatches('CLIP-based models~\\cite{li2023blip2}; Flamingo and others~\\cite{li2023blip2}.'), []);
    assert.deepStrictEqual(mismatches('% Kosmos-2~\\cite{li2023blip2}\n\\begin{verbatim}\nFlamingo~\\cite{li2023blip2}\n\\end{verbatim}'), []);
  });

  it('leaves alone a system that shares the name (its title starts with it), and a misspelt title of the right paper', () => {
    // An atlas with a model called Chameleon: the tool-composition system of the same name is not it, yet not wrong.
    const chameleon = fakeModel('chameleon', { name: 'Chameleon', paper: { title: 'Chameleon: Mixed-Modal Early-Fusion Foundation Models', authors: ['Ada Lovelace'], date: '2024-05-16', arxiv: '2405.09818' } });
    const withChameleon = new AtlasIndex([...atlas.models, chameleon]);
    const text = 'Chameleon~\\citep{lu2024chameleon} composes tools, unlike Chameleon~\\citep{li2023blip2}.';
    const found = findCitationMismatches({ text, syntax: 'latex', nonProse: [], atlas: withChameleon, mentions: withChameleon.matcher.find(text), bibs: [bib] });
    assert.deepStrictEqual(found.map((m) => m.keys), [['li2023blip2']]);
    assert.deepStrictEqual(mismatches('Flamingo~\\citep{flamingo-typo} is cited with a typo in its title.'), []);
  });
});
