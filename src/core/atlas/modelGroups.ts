// Grouping the atlas for the Models tree: by year, lineage family, organization or architecture type.
// Groups come in a stable order (years ascending, other keys alphabetically); within a group, oldest first.
import type { AtlasModel } from './atlas';
import { yearOf } from './atlas';

export type GroupBy = 'year' | 'family' | 'organization' | 'architecture';

export const GROUP_BY_MODES: readonly GroupBy[] = ['year', 'family', 'organization', 'architecture'];

export interface ModelGroup {
  /** The raw key: a year, family id, organization name or architecture type. */
  key: string;
  models: AtlasModel[];
}

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY_MODES as readonly string[]).includes(value);
}

/** The keys a model is filed under; a model of several organizations appears under each. */
export function groupKeysOf(model: AtlasModel, by: GroupBy): string[] {
  switch (by) {
    case 'year':
      return [String(yearOf(model))];
    case 'family':
      return [model.family];
    case 'organization':
      return model.organizations.length > 0 ? [...new Set(model.organizations)] : [''];
    case 'architecture':
      return [model.architecture.type];
  }
}

/** Sort order by paper date, then name. */
export function oldestFirst(a: AtlasModel, b: AtlasModel): number {
  return a.paper.date.localeCompare(b.paper.date) || a.name.localeCompare(b.name);
}

function compareKeys(by: GroupBy): (a: string, b: string) => number {
  return by === 'year' ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b);
}

export function groupModels(models: readonly AtlasModel[], by: GroupBy): ModelGroup[] {
  const groups = new Map<string, AtlasModel[]>();
  for (const model of models) {
    for (const key of groupKeysOf(model, by)) {
      const list = groups.get(key) ?? [];
      list.push(model);
      groups.set(key, list);
    }
  }
  return [...groups.keys()].sort(compareKeys(by)).map((key) => ({ key, models: (groups.get(key) ?? []).sort(oldestFirst) }));
}

/** The name each family goes by: its founding model's ("blip" → "BLIP"), else its oldest member's; one pass. */
export function familyDisplayNames(models: readonly AtlasModel[]): Map<string, string> {
  const founders = new Map<string, AtlasModel>();
  const oldest = new Map<string, AtlasModel>();
  for (const model of models) {
    if (model.id === model.family) {
      founders.set(model.family, model);
    }
    const current = oldest.get(model.family);
    if (!current || oldestFirst(model, current) < 0) {
      oldest.set(model.family, model);
    }
  }
  return new Map([...oldest].map(([family, model]) => [family, (founders.get(family) ?? model).name]));
}
