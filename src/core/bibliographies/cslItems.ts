// Atlas papers as CSL items (the data Pandoc, Quarto and Zotero exchange as CSL-JSON or CSL-YAML), and CSL
// items read back as the fields the .bib matching understands, so one matcher serves every format.
import type { AtlasModel } from '../atlas/atlas';
import { arxivDoi, publishedVenue } from '../atlas/venue';
import type { BibEntry } from '../bibtex/parse';
import { bibtexName, splitPersonName, type PersonName } from './personNames';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author: CslName[];
  issued: { 'date-parts': number[][] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
}

function cslName(name: PersonName): CslName {
  if (name.literal !== undefined) {
    return { literal: name.literal };
  }
  return {
    family: name.family,
    given: name.given,
    ...(name.particle ? { 'non-dropping-particle': name.particle } : {}),
    ...(name.suffix ? { suffix: name.suffix } : {}),
  };
}

function dateParts(date: string): number[] {
  return date.split('-').map(Number).filter((n) => Number.isFinite(n) && n > 0);
}

const REPORT_TYPES: Record<string, string> = { 'technical-report': 'report', 'system-card': 'report', 'model-card': 'webpage', 'blog-post': 'post-weblog' };

/**
 * The CSL item for a model's paper: `paper-conference` (or `article-journal`) for a venue paper, with the
 * venue's DOI or else arXiv's; `article` with publisher "arXiv" and the id in `number` for a preprint; a
 * report, model card or blog post by its own type. Key order follows what Zotero and Pandoc write.
 */
export function cslItemOf(model: AtlasModel, key: string): CslItem {
  const { paper } = model;
  const author = paper.authors.map((a) => cslName(splitPersonName(a))).concat(paper.authorsTruncated ? [{ literal: 'others' }] : []);
  const venue = publishedVenue(model);
  const arxivUrl = paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : undefined;
  if (venue) {
    return {
      id: key,
      type: venue.isJournal ? 'article-journal' : 'paper-conference',
      title: paper.venueTitle ?? paper.title,
      author,
      issued: { 'date-parts': [[Number(venue.year)]] },
      'container-title': venue.name,
      ...optional('DOI', paper.doi ?? (paper.arxiv ? arxivDoi(paper.arxiv) : undefined)),
      ...optional('URL', arxivUrl ?? paper.url),
    };
  }
  if (paper.arxiv) {
    return {
      id: key,
      type: 'article',
      title: paper.title,
      author,
      issued: { 'date-parts': [dateParts(paper.date)] },
      publisher: 'arXiv',
      number: paper.arxiv,
      DOI: arxivDoi(paper.arxiv),
      URL: arxivUrl,
    };
  }
  return {
    id: key,
    type: REPORT_TYPES[paper.type ?? ''] ?? 'report',
    title: paper.title,
    author,
    issued: { 'date-parts': [dateParts(paper.date)] },
    publisher: model.organizations.join(', ') || undefined,
    ...optional('URL', paper.url),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

const ENTRY_TYPES: Record<string, string> = {
  'paper-conference': 'inproceedings',
  'article-journal': 'article',
  article: 'misc',
  report: 'techreport',
  book: 'book',
  chapter: 'incollection',
  thesis: 'phdthesis',
  webpage: 'online',
  'post-weblog': 'online',
};

/** A value read from a data file as text: strings and numbers, anything else left out. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() || undefined;
  }
  return typeof value === 'number' ? String(value) : undefined;
}

function cslNameText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return textOf(value);
  }
  const name = value as Record<string, unknown>;
  const literal = textOf(name.literal);
  if (literal !== undefined) {
    return bibtexName({ literal });
  }
  const family = [textOf(name['non-dropping-particle']), textOf(name.family)].filter(Boolean).join(' ');
  return family ? bibtexName({ family, given: textOf(name.given), suffix: textOf(name.suffix) }) : undefined;
}

function issuedYear(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return /\b\d{4}\b/.exec(textOf(value) ?? '')?.[0];
  }
  const date = value as Record<string, unknown>;
  const parts = date['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? textOf(parts[0][0]) : undefined;
  return first ?? /\b\d{4}\b/.exec(textOf(date.raw) ?? textOf(date.literal) ?? '')?.[0];
}

/** A CSL item as a .bib entry's fields (title, author, year, doi, url, eprint), for matching it to the atlas. */
export function bibEntryOfCsl(item: Record<string, unknown>, at: { start: number; end: number; line: number }): BibEntry | undefined {
  const key = textOf(item.id);
  if (key === undefined) {
    return undefined;
  }
  const authors = Array.isArray(item.author) ? item.author.map(cslNameText).filter((a): a is string => a !== undefined) : [];
  const container = textOf(item['container-title']);
  const publisher = textOf(item.publisher);
  const number = textOf(item.number);
  const isArxiv = /arxiv/i.test(`${publisher ?? ''} ${container ?? ''}`);
  const type = textOf(item.type) ?? 'misc';
  const fields: Record<string, string | undefined> = {
    title: textOf(item.title),
    author: authors.length > 0 ? authors.join(' and ') : undefined,
    year: issuedYear(item.issued),
    doi: textOf(item.DOI),
    url: textOf(item.URL),
    [type === 'paper-conference' ? 'booktitle' : 'journal']: container,
    publisher,
    number,
    eprint: isArxiv ? number : undefined,
    archiveprefix: isArxiv && number ? 'arXiv' : undefined,
  };
  return { type: ENTRY_TYPES[type] ?? 'misc', key, fields: definedOnly(fields), ...at };
}

export function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((f): f is [string, string] => f[1] !== undefined));
}
