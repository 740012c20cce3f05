// The Models tree's filter: every word of the query must occur (ignoring case) in the model's name,
// aliases, id, paper title, authors, organizations or tags.
import type { AtlasModel } from './atlas';

function haystackOf(model: AtlasModel): string {
  return [model.name, model.id, ...(model.aliases ?? []), model.paper.title, ...model.paper.authors, ...model.organizations, ...(model.tags ?? [])]
    .join('\n')
    .toLowerCase();
}

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

export function matchesFilter(model: AtlasModel, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) {
    return true;
  }
  const haystack = haystackOf(model);
  return words.every((word) => haystack.includes(word));
}

export function filterModels(models: readonly AtlasModel[], query: string): AtlasModel[] {
  return models.filter((model) => matchesFilter(model, query));
}
