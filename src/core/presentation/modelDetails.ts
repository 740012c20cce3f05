// One atlas entry as the details page shows it: text in the display language, the lineage resolved to
// names, the BibTeX rendered and the architecture diagram laid out. Plain data, sent to the webview.
import { localized, localizedList, yearOf, type AtlasModel, type DisplayLanguage } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { layoutArchitecture, type DiagramLabels } from '../diagram/architectureSvg';
import type { SvgNode } from '../diagram/svgTree';
import { paperTypeLabel } from './cardLabels';

/** The arXiv listing; the report, card or post (paper.url) where that is not it; the code; the project page. */
export type DetailsLink = 'arxiv' | 'paper' | 'code' | 'project';

export interface ModelRef {
  id: string;
  name: string;
  year: number;
}

/** One model as the page shows it: text already in the display language, the diagram already laid out. */
export interface ModelDetails {
  id: string;
  name: string;
  kind: 'multimodal' | 'vision';
  title: string;
  authors: string[];
  organizations: string[];
  date: string;
  venue?: string;
  /** What kind of paper it is, when not a plain paper ("System card"), in the display language. */
  paperType?: string;
  /** The links the entry has, with the address shown as a tooltip; the extension opens them. */
  links: Array<{ link: DetailsLink; url: string; text: string }>;
  summary: string;
  keyIdeas: string[];
  training: string[];
  /** The type, already translated. */
  architectureType: string;
  architectureSummary: string;
  parameters?: string;
  diagram: SvgNode;
  buildsOn: ModelRef[];
  builtOnBy: ModelRef[];
  citationKey: string;
  bibtex: string;
}

export function linkUrl(model: AtlasModel, link: DetailsLink): string | undefined {
  const arxiv = model.links?.arxiv ?? (model.paper.arxiv ? `https://arxiv.org/abs/${model.paper.arxiv}` : undefined);
  switch (link) {
    case 'arxiv':
      return arxiv;
    case 'paper':
      return model.paper.url !== arxiv ? model.paper.url : undefined;
    default:
      return model.links?.[link];
  }
}

function ref(model: AtlasModel): ModelRef {
  return { id: model.id, name: model.name, year: yearOf(model) };
}

export interface DetailsInputs {
  language: DisplayLanguage;
  bibtex: string;
  diagramLabels: DiagramLabels;
  linkTexts: Record<DetailsLink, string>;
  architectureTypes: Partial<Record<string, string>>;
}

export function toModelDetails(model: AtlasModel, atlas: AtlasIndex, inputs: DetailsInputs): ModelDetails {
  const paperType = paperTypeLabel(model.paper.type, inputs.language);
  const links = (['arxiv', 'paper', 'code', 'project'] as const).flatMap((link) => {
    const url = linkUrl(model, link);
    const text =
      link === 'arxiv' && model.paper.arxiv ? `${inputs.linkTexts.arxiv} ${model.paper.arxiv}` : link === 'paper' ? (paperType ?? inputs.linkTexts.paper) : inputs.linkTexts[link];
    return url ? [{ link, url, text }] : [];
  });
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    title: model.paper.title,
    authors: [...model.paper.authors],
    organizations: [...model.organizations],
    date: model.paper.date,
    venue: model.paper.venue,
    paperType,
    links,
    summary: localized(model.summary, inputs.language),
    keyIdeas: localizedList(model.keyIdeas, inputs.language),
    training: localizedList(model.training, inputs.language),
    architectureType: inputs.architectureTypes[model.architecture.type] ?? model.architecture.type,
    architectureSummary: model.architecture.summary,
    parameters: model.architecture.parameters,
    diagram: layoutArchitecture(model.architecture, inputs.diagramLabels).svg,
    buildsOn: atlas.buildsOn(model).map(ref),
    builtOnBy: atlas.builtOn(model.id).map(ref),
    citationKey: model.bibtex.key,
    bibtex: inputs.bibtex,
  };
}
