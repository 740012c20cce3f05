import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import type { CitationSyntax } from '../../src/core/documents/syntax';
import { documentMentions, mentionRules } from '../../src/core/mentions/documentMentions';
import { fakeModel } from '../support/fakeModel';
import { realNames } from '../support/realAtlas';

const models = [
  fakeModel('florence', { name: 'Florence', matchCase: true, paper: { title: 'Florence: A New Foundation Model', authors: ['A B'], date: '2021-11-22' } }),
  fakeModel('monkey', { name: 'Monkey', matchCase: true }),
  fakeModel('oscar', { name: 'Oscar', aliases: ['OSCAR'], matchCase: true }),
  fakeModel('git', { name: 'GIT', matchCase: true }),
  fakeModel('align', { name: 'ALIGN', matchCase: true }),
  fakeModel('clip', { name: 'CLIP', matchCase: true }),
  fakeModel('emu', { name: 'Emu', matchCase: true, paper: { title: 'Emu: Generative Pretraining in Multimodality', authors: ['A B'], date: '2023-07-11' } }),
  fakeModel('otter', { name: 'Otter', matchCase: true }),
  fakeModel('shikra', { name: 'Shikra' }),
  fakeModel('lynx', { name: 'Lynx' }),
  fakeModel('frozen', { name: 'Frozen', matchCase: true, nameIsCommonWord: true }),
  fakeModel('blip-2', { name: 'BLIP-2' }),
  fakeModel('llava', { name: 'LLaVA' }),
];
const atlas = new AtlasIndex(models, realNames());

/** The mentions as every feature counts them, "id:text" each. */
function counted(text: string, syntax: CitationSyntax = 'pandoc', bib = ''): string[] {
  const rules = mentionRules(atlas, syntax, bib ? [parseBibtex(bib)] : []);
  return documentMentions(text, atlas.matcher.find(text), nonProseRanges(text, syntax), rules).mentions.map((m) => `${m.modelId}:${m.text}`);
}

describe('mention context: ordinary words kept safe', () => {
  it('shows no card on the ordinary sentences that used to get one', () => {
    for (const sentence of [
      'ACL 2019 was held in Florence, Italy.',
      'Monkey patching the dataloader fixed the test.',
      'We read Oscar Wilde on the train.',
      'Use GIT LFS for the checkpoints.',
      'ALIGN THE TENSORS BEFORE THE CONCAT',
      'The Emu is a flightless bird.',
      'Otter populations recovered along the coast.',
      'Shikra is a bird of prey.',
      'A video clip, align the boxes, frozen weights, a lynx in the snow.',
    ]) {
      assert.deepStrictEqual(counted(sentence), [], sentence);
    }
  });

  it('takes an ordinary word as the model with a citation, a list of models, a noun such as "model", or CJK text', () => {
    assert.deepStrictEqual(counted('Florence [@yuan2021florence] scales up.'), ['florence:Florence']);
    assert.deepStrictEqual(counted('Florence~\\cite{yuan2021florence} scales up.', 'latex'), ['florence:Florence']);
    assert.deepStrictEqual(counted('We compare BLIP-2, Otter and LLaVA.'), ['blip-2:BLIP-2', 'otter:Otter', 'llava:LLaVA']);
    assert.deepStrictEqual(counted('The Otter model follows instructions.'), ['otter:Otter']);
    assert.deepStrictEqual(counted('Monkey (Li et al., 2023) reads text.'), ['monkey:Monkey']);
    assert.deepStrictEqual(counted('我们使用Monkey模型。'), ['monkey:Monkey']);
    assert.deepStrictEqual(counted('See \\parencite[Florence;][]{yuan2021florence}.', 'latex'), ['florence:Florence']);
  });

  it('keeps the rest of a document that names the model, but not its ordinary sentences', () => {
    const text = [
      '## Florence',
      'Florence [@yuan2021florence] is a foundation model. They name their model Florence after the city.',
      'Florence beats CLIP on most datasets.',
      'ACL 2019 was held in Florence, Italy. By Andy Zeng, Pete Florence and others. The Florence of the Medici.',
    ].join('\n');
    assert.deepStrictEqual(counted(text), [
      'florence:Florence',
      'florence:Florence',
      'florence:Florence',
      'florence:Florence',
      'clip:CLIP',
    ]);
  });

  it('takes a common-word name (Frozen) as an ordinary word, and a capitalised acronym (Clip) only beside its citation or a noun such as "model"', () => {
    const frozen = 'Frozen (Tsimpoukelli et al., 2021) pairs a vision encoder with a frozen LM.\n';
    assert.deepStrictEqual(counted(`${frozen}Frozen~\\cite{frozen2023} too.`, 'latex'), ['frozen:Frozen', 'frozen:Frozen']);
    assert.deepStrictEqual(
      counted(`${frozen}- Vision encoder: Frozen ViT-L/14 (CLIP).\n- Text backbone: Frozen autoregressive LM; the largest model is frozen.\n- Frozen vs fine-tuned towers.`),
      ['frozen:Frozen', 'clip:CLIP'],
    );
    assert.deepStrictEqual(counted('FROZEN trains a vision encoder through a frozen language model.'), ['frozen:FROZEN']);
    assert.deepStrictEqual(counted('the well known Clip model [@radford2021learning]; Clip-level compression; a Clip of the talk'), ['clip:Clip']);
    assert.deepStrictEqual(counted('a CLIP-ViT-based encoder, akin to CLIP-ViT.'), ['clip:CLIP-ViT-based', 'clip:CLIP-ViT']);
  });

  it('takes a name written in capitals as the authors write it, except in an all-caps line or before another acronym', () => {
    assert.deepStrictEqual(counted('We use GIT for captions and OSCAR for tags.'), ['git:GIT', 'oscar:OSCAR']);
    assert.deepStrictEqual(counted('Demystifying CLIP Data'), ['clip:CLIP']);
    assert.deepStrictEqual(counted('CLIP ALIGN AND GIT ARE CAPITALISED HERE'), []);
  });
});

describe('mention context: the cited paper wins', () => {
  const bib = '@misc{sun2023emu2,\n  title = {Generative Multimodal Models are In-Context Learners}\n}\n@misc{sun2023emu,\n  title = {Emu: Generative Pretraining in Multimodality}\n}';

  it('shows no card for a name whose citation is another paper, and the card where it is the name\'s own', () => {
    assert.deepStrictEqual(counted('Emu~\\citep{sun2023emu2} generates images.', 'latex', bib), []);
    assert.deepStrictEqual(counted('Emu~\\citep{sun2023emu} generates images.', 'latex', bib), ['emu:Emu']);
  });

  it('shows the cited atlas model instead of the named one', () => {
    assert.deepStrictEqual(counted('LLaVA~\\cite{blip-22023} is cited here.', 'latex'), ['blip-2:LLaVA']);
  });

  it('keeps the name when the citation list holds its own paper, or nothing says what a key is', () => {
    assert.deepStrictEqual(counted('BLIP-2, LLaVA~\\cite{blip-22023,llava2023}', 'latex'), ['blip-2:BLIP-2', 'llava:LLaVA']);
    assert.deepStrictEqual(counted('LLaVA~\\cite{unknown2024}', 'latex'), ['llava:LLaVA']);
  });
});
