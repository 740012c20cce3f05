// Shared inputs for the writing-aid tests: English labels as the extension passes them, and an entry
// whose every field holds what LaTeX or Markdown would read as syntax, or needs an ASCII spelling.
import type { AtlasModel } from '../../src/core/atlas/atlas';
import type { ComparisonTableLabels } from '../../src/core/writing/comparisonTable';
import type { CitedModel } from '../../src/core/writing/comparisonTable';
import { fakeModel } from './fakeModel';
import { realIndex } from './realAtlas';

export const TABLE_LABELS: ComparisonTableLabels = {
  model: 'Model',
  columns: {
    date: 'Date',
    organization: 'Organization',
    venue: 'Venue',
    visionEncoder: 'Vision encoder',
    languageModel: 'Language model',
    connector: 'Fusion / connector',
    trainable: 'Trainable parts',
    objectives: 'Pretraining objectives',
    parameters: 'Parameters',
  },
  allTrainable: 'all',
  noneTrainable: 'none (all frozen)',
  caption: 'Comparison of the models.',
  continuedCaption: 'Comparison of the models (continued).',
  packageNote: 'Needs {0} in the preamble.',
};

export const tricky: AtlasModel = fakeModel('zoe', {
  name: 'Zoë & Ünïcode #1',
  organizations: ['Université de Montréal', 'R&D 100% Lab'],
  paper: { title: 'Tricky', authors: ['Łukasz Øster'], date: '2023-03-01', venue: 'ACL_2023 #2' },
  keyIdeas: { en: ['Costs 50% less & scales: a_b ~ c^2 {x} $5 | [link](y) <b> @key — naïve ×2.'], 'zh-cn': ['中文要点。'] },
  architecture: {
    type: 'multimodal-llm',
    summary: 'x',
    components: [
      { id: 'in', name: 'Image', role: 'input', trainable: false },
      { id: 'v', name: 'ViT_g #14 (frozen) 100%', role: 'vision-encoder', trainable: false },
      { id: 'c', name: 'Q&A connector', role: 'connector', trainable: true },
      { id: 'l', name: 'LLM ~7B', role: 'language-model', trainable: false },
    ],
    connections: [],
    objectives: ['LM', 'ITC_v2'],
    parameters: '7B & 1% trainable',
  },
  bibtex: { key: 'zoe2023', origin: 'composed', entry: '@article{zoe2023,\n  title = {Tricky}\n}' },
});

/** Real entries with the atlas's own awkward characters: – in LLaVA's organization and ImageBind's objective,
 * _ in VLMo's parameters, × in ViLT's patch projection, ~ in Kosmos-1's language model; Kosmos-1 has no venue. */
export const REAL_IDS = ['vilt', 'vlmo', 'blip-2', 'kosmos-1', 'llava', 'imagebind', 'albef', 'minigpt-4', 'instructblip', 'blip', 'flamingo'];

export function realCited(ids: readonly string[] = REAL_IDS): CitedModel[] {
  const atlas = realIndex();
  return ids.map((id) => {
    const model = atlas.get(id);
    return { model, key: model.bibtex.key };
  });
}
