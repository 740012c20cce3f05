// The slim, serializable view of a model that the timeline webview needs: no BibTeX, no sources,
// the summary already in the display language. Sent to the webview as JSON.
import { firstAuthorEtAl, localized, paperUrl, type ArchitectureType, type AtlasModel, type DisplayLanguage, type ModelKind } from '../atlas/atlas';
import { organizationsOf } from '../atlas/organizations';
import { paperTypeLabel } from '../presentation/cardLabels';

export interface TimelineModel {
  id: string;
  name: string;
  aliases: string[];
  /** First submission date, YYYY-MM-DD. */
  date: string;
  title: string;
  venue?: string;
  /** "System card", "Blog post", ... in the display language; none for a plain paper. */
  paperType?: string;
  firstAuthor: string;
  summary: string;
  family: string;
  /** The affiliations as the paper writes them. */
  organizations: string[];
  /** The canonical organisations behind them (core/atlas/organizations), for lanes, colours and the filter. */
  organizationIds: string[];
  architectureType: ArchitectureType;
  kind: ModelKind;
  buildsOn: string[];
  hasPaperLink: boolean;
}

export function toTimelineModel(model: AtlasModel, language: DisplayLanguage): TimelineModel {
  const paperType = paperTypeLabel(model.paper.type, language);
  return {
    id: model.id,
    name: model.name,
    aliases: model.aliases ?? [],
    date: model.paper.date,
    title: model.paper.title,
    venue: model.paper.venue,
    ...(paperType ? { paperType } : {}), // plain JSON, as postMessage sends it: no undefined field
    firstAuthor: firstAuthorEtAl(model),
    summary: localized(model.summary, language),
    family: model.family,
    organizations: model.organizations,
    organizationIds: organizationsOf(model).map((o) => o.id),
    architectureType: model.architecture.type,
    kind: model.kind,
    buildsOn: model.lineage.buildsOn,
    hasPaperLink: paperUrl(model) !== undefined,
  };
}

/** The canonical organisation a model is grouped and coloured by: its first affiliation's. */
export function leadOrganization(model: TimelineModel): string {
  return model.organizationIds[0] ?? '—';
}

/** The name each canonical organisation of these models goes by, in the display language. */
export function organizationNames(models: readonly AtlasModel[], language: DisplayLanguage): Record<string, string> {
  const names: Record<string, string> = {};
  for (const model of models) {
    for (const organization of organizationsOf(model)) {
      names[organization.id] ??= language === 'zh-cn' ? organization.zh : organization.name;
    }
  }
  return names;
}
