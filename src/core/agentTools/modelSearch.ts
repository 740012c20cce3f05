// What the AI-agent tools answer from the atlas: models found by name, alias, checkpoint, year, organisation
// or architecture, and each model's key facts as plain text for a language model to read and quote.
import { yearOf, type AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { matchesFilter } from '../atlas/modelFilter';
import { modelOfIdentifier } from '../code/recordedIdentifiers';

export interface ModelQuery {
  /** A name, alias, id, citation key, checkpoint id or class name, or words of the title, authors or tags. */
  query?: string;
  year?: number;
  organization?: string;
  /** An architecture type ("frozen-llm-adapter"), or text in a component's name ("Q-Former"). */
  architecture?: string;
  limit?: number;
}

export const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

/** The model one name stands for, exactly: a name, alias, id or key (atlas.lookup), or a recorded checkpoint or class. */
export function modelNamed(atlas: AtlasIndex, name: string): AtlasModel | undefined {
  const trimmed = name.trim();
  return atlas.lookup(trimmed) ?? modelOfIdentifier(atlas, trimmed);
}

/** The models matching every given criterion: an exact name first, then names containing the query, then other matches, newest first. */
export function findModels(atlas: AtlasIndex, query: ModelQuery): { models: AtlasModel[]; total: number } {
  const organization = query.organization?.trim().toLowerCase();
  const architecture = query.architecture?.trim().toLowerCase();
  const filtered = atlas.models.filter(
    (m) =>
      (query.year === undefined || yearOf(m) === query.year) &&
      (!organization || m.organizations.some((o) => o.toLowerCase().includes(organization))) &&
      (!architecture || m.architecture.type === architecture || m.architecture.components.some((c) => c.name.toLowerCase().includes(architecture))),
  );
  const text = query.query?.trim() ?? '';
  const rank = (m: AtlasModel): number => {
    if (text === '') {
      return 2;
    }
    if (modelNamed(atlas, text)?.id === m.id) {
      return 0;
    }
    const lower = text.toLowerCase();
    if ([m.name, ...(m.aliases ?? []), m.id, m.bibtex.key].some((n) => n.toLowerCase().includes(lower))) {
      return 1;
    }
    return matchesFilter(m, text) ? 2 : -1;
  };
  const ranked = filtered
    .map((model) => ({ model, rank: rank(model) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.model.paper.date.localeCompare(a.model.paper.date));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  return { models: ranked.slice(0, limit).map((r) => r.model), total: ranked.length };
}

/** A model's key facts, one per line: names, paper, date and venue, identifiers, architecture, citation key, checkpoints, links. */
export function describeModel(model: AtlasModel): string {
  const { paper } = model;
  const lines = [
    `${model.name} (id: ${model.id}${model.aliases?.length ? `; also written ${model.aliases.join(', ')}` : ''})`,
    `  Paper: "${paper.title}" by ${paper.authors.join(', ')}${paper.authorsTruncated ? ', and others' : ''}`,
    `  First published: ${paper.date}${paper.venue ? `; published at ${paper.venue}` : paper.arxiv ? '; arXiv preprint' : ''}`,
  ];
  const ids = [paper.arxiv && `arXiv ${paper.arxiv}`, paper.doi && `DOI ${paper.doi}`, !paper.arxiv && paper.url ? paper.url : undefined].filter(Boolean);
  if (ids.length > 0) {
    lines.push(`  Identifiers: ${ids.join('; ')}`);
  }
  lines.push(`  Organizations: ${model.organizations.join(', ') || 'not recorded'}`);
  lines.push(`  Architecture (${model.architecture.type}): ${model.architecture.summary}`);
  if (model.architecture.parameters) {
    lines.push(`  Parameters: ${model.architecture.parameters}`);
  }
  lines.push(`  Atlas citation key: ${model.bibtex.key}`);
  const checkpoints = model.checkpoints?.huggingface ?? [];
  const classes = model.checkpoints?.transformers ?? [];
  if (checkpoints.length + classes.length > 0) {
    lines.push(`  Checkpoints: ${[...checkpoints, ...classes.map((c) => `transformers ${c}`)].join('; ')}`);
  }
  if (model.links?.code) {
    lines.push(`  Code: ${model.links.code}`);
  }
  return lines.join('\n');
}
