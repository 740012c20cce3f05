// Which models the timeline shows, given the toolbar's filters, and the choices each filter offers.
import type { TimelineModel } from './timelineModel';
import { leadOrganization } from './timelineModel';

export type KindFilter = 'all' | 'multimodal' | 'vision';

export interface TimelineFilter {
  organization?: string;
  family?: string;
  architectureType?: string;
  kind?: KindFilter;
  text?: string;
  fromYear?: number;
  toYear?: number;
}

export function filterModels(models: readonly TimelineModel[], filter: TimelineFilter): TimelineModel[] {
  const needle = filter.text?.trim().toLowerCase() ?? '';
  return models.filter((m) => {
    const year = Number(m.date.slice(0, 4));
    return (
      (!filter.organization || m.organizationIds.includes(filter.organization)) &&
      (!filter.family || m.family === filter.family) &&
      (!filter.architectureType || m.architectureType === filter.architectureType) &&
      (!filter.kind || filter.kind === 'all' || m.kind === filter.kind) &&
      (filter.fromYear === undefined || year >= filter.fromYear) &&
      (filter.toYear === undefined || year <= filter.toYear) &&
      (!needle || searchText(m).includes(needle))
    );
  });
}

function searchText(m: TimelineModel): string {
  return [m.name, ...m.aliases, m.title, m.firstAuthor, m.family, ...m.organizations, m.venue ?? '', m.date]
    .join('\n')
    .toLowerCase();
}

export interface TimelineFacets {
  organizations: string[];
  families: string[];
  architectureTypes: string[];
  years: number[];
}

/** The distinct values each filter can take, sorted, over all models (not just the filtered ones). */
export function facetsOf(models: readonly TimelineModel[]): TimelineFacets {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const years = new Set(models.map((m) => Number(m.date.slice(0, 4))));
  return {
    organizations: sorted(models.flatMap((m) => m.organizationIds)),
    families: sorted(models.map((m) => m.family)),
    architectureTypes: sorted(models.map((m) => m.architectureType)),
    years: [...years].sort((a, b) => a - b),
  };
}

export { leadOrganization };
