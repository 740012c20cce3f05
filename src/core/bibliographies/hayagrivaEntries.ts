// Atlas papers as Hayagriva entries (Typst's YAML bibliography format), and Hayagriva entries read back as
// the fields the .bib matching understands.
import type { AtlasModel } from '../atlas/atlas';
import { arxivDoi, publishedVenue } from '../atlas/venue';
import type { BibEntry } from '../bibtex/parse';
import { definedOnly, textOf } from './cslItems';
import { familyName, splitPersonName } from './personNames';

/** "Family, Given" with the particle in front ("van den Oord, Aäron"), as Hayagriva reads names. */
function hayagrivaName(author: string): string {
  const name = splitPersonName(author);
  return name.literal ?? [familyName(name), name.given].filter(Boolean).join(', ');
}

const WEB_TYPES: Record<string, string> = { 'technical-report': 'report', 'system-card': 'report', 'model-card': 'web', 'blog-post': 'blog' };

/**
 * The entry for a model's paper: an `article` whose parent is the proceedings or journal for a venue paper,
 * or the periodical "arXiv" for a preprint; the arXiv id and DOI under `serial-number`.
 */
export function hayagrivaEntryOf(model: AtlasModel): Record<string, unknown> {
  const { paper } = model;
  const author = paper.authors.map(hayagrivaName);
  const venue = publishedVenue(model);
  const serial = definedOnly({ doi: paper.doi ?? (paper.arxiv ? arxivDoi(paper.arxiv) : undefined), arxiv: paper.arxiv });
  const url = paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : paper.url;
  if (venue || paper.arxiv) {
    return {
      type: 'article',
      title: venue ? paper.venueTitle ?? paper.title : paper.title,
      author,
      date: venue ? venue.year : paper.date,
      parent: venue ? { type: venue.isJournal ? 'periodical' : 'proceedings', title: venue.name } : { type: 'periodical', title: 'arXiv' },
      'serial-number': serial,
      ...(url ? { url } : {}),
    };
  }
  return {
    type: WEB_TYPES[paper.type ?? ''] ?? 'report',
    title: paper.title,
    author,
    date: paper.date,
    ...(model.organizations.length > 0 ? { organization: model.organizations.join(', ') } : {}),
    ...(url ? { url } : {}),
  };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

/** A title, URL or parent title: plain, or Hayagriva's `{ value: ... }` form. */
function valueText(value: unknown): string | undefined {
  return textOf(value) ?? textOf(field(value, 'value'));
}

function personText(value: unknown): string | undefined {
  const plain = textOf(value);
  if (plain !== undefined) {
    return plain;
  }
  const family = [textOf(field(value, 'prefix')), textOf(field(value, 'name'))].filter(Boolean).join(' ');
  const given = textOf(field(value, 'given-name'));
  return family ? [family, given].filter(Boolean).join(', ') : undefined;
}

/** A Hayagriva entry as a .bib entry's fields (title, author, year, doi, url, eprint), for matching it to the atlas. */
export function bibEntryOfHayagriva(key: string, value: unknown, at: { start: number; end: number; line: number }): BibEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const authors = (Array.isArray(field(value, 'author')) ? (field(value, 'author') as unknown[]) : [field(value, 'author')]).map(personText).filter((a): a is string => a !== undefined);
  const serial = field(value, 'serial-number');
  const parents = field(value, 'parent');
  const parent = Array.isArray(parents) ? parents[0] : parents;
  const arxiv = textOf(field(serial, 'arxiv'));
  const fields = definedOnly({
    title: valueText(field(value, 'title')),
    author: authors.length > 0 ? authors.join(' and ') : undefined,
    year: /\b\d{4}\b/.exec(textOf(field(value, 'date')) ?? '')?.[0],
    doi: textOf(field(serial, 'doi')) ?? (typeof serial === 'string' && /^10\./.test(serial) ? serial : undefined),
    url: valueText(field(value, 'url')),
    journal: valueText(field(parent, 'title')),
    eprint: arxiv,
    archiveprefix: arxiv ? 'arXiv' : undefined,
  });
  return { type: textOf(field(value, 'type'))?.toLowerCase() ?? 'misc', key, fields, ...at };
}
