// The atlas entry types. They mirror data/schema/model.schema.json; the build validates every
// bundled file against that schema before these types are trusted.

export type ModelKind = 'multimodal' | 'vision';

export type ArchitectureType =
  | 'dual-encoder'
  | 'fusion-encoder'
  | 'encoder-decoder'
  | 'mixture-of-experts'
  | 'frozen-llm-adapter'
  | 'multimodal-llm'
  | 'vision-only';

export type ComponentRole =
  | 'input'
  | 'vision-encoder'
  | 'text-encoder'
  | 'modality-encoder'
  | 'tokenizer'
  | 'fusion'
  | 'connector'
  | 'language-model'
  | 'decoder'
  | 'head'
  | 'output';

export interface LocalizedText {
  en: string;
  /** Required in the bundled atlas; a user's entry may leave it out and the English is shown. */
  'zh-cn'?: string;
}

export interface LocalizedList {
  en: string[];
  'zh-cn'?: string[];
}

export interface ArchitectureComponent {
  id: string;
  name: string;
  role: ComponentRole;
  trainable: boolean;
  note?: string;
}

export interface ArchitectureConnection {
  from: string;
  to: string;
  label?: string;
}

export interface Architecture {
  type: ArchitectureType;
  summary: string;
  components: ArchitectureComponent[];
  connections: ArchitectureConnection[];
  objectives?: string[];
  parameters?: string;
}

export type PaperType = 'paper' | 'technical-report' | 'system-card' | 'model-card' | 'blog-post';

export interface Paper {
  /** The title as it stands now (latest arXiv version, or the report's own). */
  title: string;
  /** arXiv v1's title, where it differs. */
  v1Title?: string;
  /** The published version's title, where it differs. */
  venueTitle?: string;
  authors: string[];
  /** Only the head of a very long author list (a team report); the source has the rest. */
  authorsTruncated?: boolean;
  arxiv?: string;
  /** arXiv v1 (first submission) date, YYYY-MM-DD; without an arXiv id, the publication date. */
  date: string;
  /** With its year: "ICML 2023". */
  venue?: string;
  type?: PaperType;
  /** Required without an arXiv id: the report, card or post. */
  url?: string;
  venueUrl?: string;
  doi?: string;
}

export interface Checkpoints {
  huggingface?: string[];
  transformers?: string[];
}

export interface BibtexInfo {
  key: string;
  origin: 'authors' | 'composed';
  source?: string;
  entry: string;
  /** Fields where the entry knowingly differs from the paper's facts, with the reason. */
  differences?: Partial<Record<'title' | 'author' | 'year' | 'eprint', string>>;
}

export type SourceKind = 'arxiv' | 'arxiv-mirror' | 'official' | 'venue' | 'secondary';

export interface Source {
  url: string;
  kind?: SourceKind;
  facts: string[];
}

export interface AtlasModel {
  id: string;
  name: string;
  aliases?: string[];
  /** Names and aliases match in documents only in the case written (ALIGN, never align). */
  matchCase?: boolean;
  /** The name is a common word that starts sentences (Frozen): prose is searched for the aliases only. */
  nameIsCommonWord?: boolean;
  kind: ModelKind;
  family: string;
  organizations: string[];
  tags?: string[];
  paper: Paper;
  links?: { arxiv?: string; code?: string; project?: string };
  checkpoints?: Checkpoints;
  summary: LocalizedText;
  keyIdeas?: LocalizedList;
  training?: LocalizedList;
  architecture: Architecture;
  lineage: { buildsOn: string[] };
  bibtex: BibtexInfo;
  /** Required in data/models and in user entries; the shipped data file leaves them out (only the build reads them). */
  sources?: Source[];
  notes?: string;
  /** Set on entries written by Add Paper from arXiv, until the researcher completes them. */
  imported?: { from: 'arxiv'; primaryCategory?: string; abstract?: string };
}

export type DisplayLanguage = 'en' | 'zh-cn';

export function localized(text: LocalizedText, language: DisplayLanguage): string {
  return text[language] || text.en;
}

export function localizedList(list: LocalizedList | undefined, language: DisplayLanguage): string[] {
  if (!list) {
    return [];
  }
  const own = language === 'zh-cn' ? list['zh-cn'] : undefined;
  return own && own.length > 0 ? own : list.en;
}

/** All spellings a model is known by: its name first, then its aliases. */
export function namesOf(model: AtlasModel): string[] {
  return [model.name, ...(model.aliases ?? [])];
}

/** The paper's page: the arXiv listing, or (without an arXiv id) the report, card or post. */
export function paperUrl(model: AtlasModel): string | undefined {
  return model.links?.arxiv ?? (model.paper.arxiv ? `https://arxiv.org/abs/${model.paper.arxiv}` : model.paper.url);
}

export function yearOf(model: AtlasModel): number {
  return Number(model.paper.date.slice(0, 4));
}

export function firstAuthorEtAl(model: AtlasModel): string {
  const authors = model.paper.authors;
  return authors.length > 1 ? `${authors[0]} et al.` : authors[0];
}
