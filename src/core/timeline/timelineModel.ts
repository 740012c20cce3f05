// The slim, serializable view of a model that the timeline webview needs: no BibTeX, no sources,
// the summary already in the display language. Sent to the webview as JSON.
import { firstAuthorEtAl, localized, paperUrl, type ArchitectureType, type AtlasModel, type DisplayLanguage, type ModelKind } from '../atlas/atlas';

export interface TimelineModel {
  id: string;
  name: string;
  aliases: string[];
  /** First submission date, YYYY-MM-DD. */
  date: string;
  title: string;
  venue?: string;
  firstAuthor: string;
  summary: string;
  family: string;
  organizations: string[];
  architectureType: ArchitectureType;
  kind: ModelKind;
  buildsOn: string[];
  hasPaperLink: boolean;
}

export function toTimelineModel(model: AtlasModel, language: DisplayLanguage): TimelineModel {
  return {
    id: model.id,
    name: model.name,
    aliases: model.aliases ?? [],
    date: model.paper.date,
    title: model.paper.title,
    venue: model.paper.venue,
    firstAuthor: firstAuthorEtAl(model),
    summary: localized(model.summary, language),
    family: model.family,
    organizations: model.organizations,
    architectureType: model.architecture.type,
    kind: model.kind,
    buildsOn: model.lineage.buildsOn,
    hasPaperLink: paperUrl(model) !== undefined,
  };
}

/** The organization a model is grouped and coloured by: its first. */
export function leadOrganization(model: TimelineModel): string {
  return model.organizations[0] ?? '—';
}
