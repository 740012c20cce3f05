// Grouping the atlas for the Models tree: by year, lineage family, organisation (canonical) or architecture
// type; a group too long to scan splits into sub-groups (a year by family, say). Within a group, oldest first.
import type { AtlasModel } from './atlas';
import { yearOf } from './atlas';
import { organizationOf, organizationsOf } from './organizations';

export type GroupBy = 'year' | 'family' | 'organization' | 'architecture';

export const GROUP_BY_MODES: readonly GroupBy[] = ['year', 'family', 'organization', 'architecture'];

export interface ModelGroup {
  /** The raw key: a year, family id, canonical organisation id or architecture type. */
  key: string;
  models: AtlasModel[];
}

/** Above this many models a group shows sub-groups (see groupContents). */
export const SUBGROUP_ABOVE = 15;

/** How each grouping splits a long group. */
const SUBGROUP_BY: Record<GroupBy, GroupBy> = { year: 'family', organization: 'family', architecture: 'year', family: 'year' };

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY_MODES as readonly string[]).includes(value);
}

/** The keys a model is filed under; a model of several organisations appears under each. */
export function groupKeysOf(model: AtlasModel, by: GroupBy): string[] {
  switch (by) {
    case 'year':
      return [String(yearOf(model))];
    case 'family':
      return [model.family];
    case 'organization':
      return model.organizations.length > 0 ? organizationsOf(model).map((o) => o.id) : [''];
    case 'architecture':
      return [model.architecture.type];
  }
}

/**
 * Sort order by paper date, then name. ISO dates order as plain strings, and names of the same day by their
 * lower case: localeCompare would load the ICU collator (~10 ms) on the atlas index's first build, once two
 * models share a day.
 */
export function oldestFirst(a: AtlasModel, b: AtlasModel): number {
  return compare(a.paper.date, b.paper.date) || compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(by: GroupBy, nameOf: (key: string) => string): (a: string, b: string) => number {
  if (by === 'year') {
    return (a, b) => Number(a) - Number(b);
  }
  return (a, b) => nameOf(a).localeCompare(nameOf(b), 'en', { sensitivity: 'base' }) || a.localeCompare(b);
}

export function groupModels(models: readonly AtlasModel[], by: GroupBy): ModelGroup[] {
  const groups = new Map<string, AtlasModel[]>();
  const names = new Map<string, string>();
  for (const model of models) {
    for (const key of groupKeysOf(model, by)) {
      const list = groups.get(key) ?? [];
      list.push(model);
      groups.set(key, list);
    }
  }
  // Organisations sort by the name they go by (an affiliation the table does not know is its own name).
  const nameOf = (key: string) => (by === 'organization' ? (names.get(key) ?? key) : key);
  if (by === 'organization') {
    models.forEach((m) => m.organizations.forEach((o) => names.set(organizationOf(o).id, organizationOf(o).name)));
  }
  return [...groups.keys()].sort(compareKeys(by, nameOf)).map((key) => ({ key, models: (groups.get(key) ?? []).sort(oldestFirst) }));
}

export interface GroupContents {
  /** How the sub-groups are keyed, when there are any. */
  subgroupBy?: GroupBy;
  /** Sub-groups of two models or more. */
  subgroups: ModelGroup[];
  /** The models listed directly: all of a short group's, or those of a long one that share a sub-group with no other. */
  models: AtlasModel[];
}

/** What a group of the `by` grouping shows: its models, or (above SUBGROUP_ABOVE) sub-groups and the models left over. */
export function groupContents(group: ModelGroup, by: GroupBy): GroupContents {
  if (group.models.length <= SUBGROUP_ABOVE) {
    return { subgroups: [], models: group.models };
  }
  const subgroupBy = SUBGROUP_BY[by];
  const split = groupModels(group.models, subgroupBy);
  return {
    subgroupBy,
    subgroups: split.filter((g) => g.models.length > 1),
    models: split.filter((g) => g.models.length === 1).flatMap((g) => g.models).sort(oldestFirst),
  };
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
