// Small in-memory atlas entries for core tests that must not depend on the bundled data.
import type { AtlasModel } from '../../src/core/atlas/atlas';

export function fakeModel(id: string, overrides: Partial<AtlasModel> & { date?: string } = {}): AtlasModel {
  const { date, ...rest } = overrides;
  return {
    id,
    name: id.toUpperCase(),
    kind: 'multimodal',
    family: id,
    organizations: ['Example Lab'],
    paper: { title: `${id} paper`, authors: ['Ada Lovelace', 'Alan Turing'], date: date ?? '2023-01-15', arxiv: undefined },
    summary: { en: `${id} summary.`, 'zh-cn': `${id} 摘要。` },
    architecture: {
      type: 'fusion-encoder',
      summary: 'encoder → decoder',
      components: [
        { id: 'enc', name: 'Encoder', role: 'vision-encoder', trainable: true },
        { id: 'dec', name: 'Decoder', role: 'decoder', trainable: true },
      ],
      connections: [{ from: 'enc', to: 'dec' }],
    },
    lineage: { buildsOn: [] },
    bibtex: { key: `${id}2023`, origin: 'composed', entry: `@article{${id}2023,\n  title = {${id}}\n}` },
    sources: [{ url: 'https://example.org', facts: ['title'] }],
    ...rest,
  };
}
