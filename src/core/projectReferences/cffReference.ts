// Atlas papers as CITATION.cff references (the Citation File Format's `references:` list: the works a
// project builds on), and such references read back as the fields the .bib matching understands.
import type { AtlasModel } from '../atlas/atlas';
import { arxivDoi, citationYear, publishedVenue } from '../atlas/venue';
import { definedOnly, textOf } from '../bibliographies/cslItems';
import { familyName, splitPersonName } from '../bibliographies/personNames';
import type { BibEntry } from '../bibtex/parse';

function cffAuthor(author: string): Record<string, string> {
  const name = splitPersonName(author);
  if (name.literal !== undefined) {
    return { name: name.literal };
  }
  return definedOnly({ 'family-names': name.family, 'given-names': name.given, 'name-particle': name.particle, 'name-suffix': name.suffix });
}

/** A `conference-paper` (or journal `article`) for a venue paper, an `article` with arXiv's DOI for a preprint, else a report. */
export function cffReferenceOf(model: AtlasModel): Record<string, unknown> {
  const { paper } = model;
  const venue = publishedVenue(model);
  const type = venue ? (venue.isJournal ? 'article' : 'conference-paper') : paper.arxiv ? 'article' : 'report';
  return {
    type,
    title: venue ? paper.venueTitle ?? paper.title : paper.title,
    authors: paper.authors.map(cffAuthor),
    year: Number(citationYear(model)),
    ...(venue && !venue.isJournal ? { conference: { name: venue.name } } : {}),
    ...(venue?.isJournal ? { journal: venue.name } : {}),
    ...definedOnly({ doi: paper.doi ?? (paper.arxiv ? arxivDoi(paper.arxiv) : undefined), url: paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : paper.url }),
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A CITATION.cff reference as a .bib entry's fields (title, author, year, doi, url), keyed by its position. */
export function bibEntryOfCff(value: unknown, index: number, at: { start: number; end: number; line: number }): BibEntry | undefined {
  const ref = record(value);
  if (!ref) {
    return undefined;
  }
  const authors = (Array.isArray(ref.authors) ? ref.authors : []).map((a) => {
    const author = record(a);
    const family = [textOf(author?.['name-particle']), textOf(author?.['family-names'])].filter(Boolean).join(' ');
    return family ? [family, textOf(author?.['given-names'])].filter(Boolean).join(', ') : textOf(author?.name);
  });
  const identifiers = (Array.isArray(ref.identifiers) ? ref.identifiers : []).map((i) => textOf(record(i)?.value)).filter(Boolean).join(' ');
  const fields = definedOnly({
    title: textOf(ref.title),
    author: authors.filter(Boolean).join(' and ') || undefined,
    year: textOf(ref.year),
    doi: textOf(ref.doi),
    url: [textOf(ref.url), textOf(ref.repository), identifiers].filter(Boolean).join(' ') || undefined,
  });
  return { type: textOf(ref.type) ?? 'generic', key: `references[${index}]`, fields, ...at };
}
