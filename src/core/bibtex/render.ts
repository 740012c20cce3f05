// Rendering an atlas entry as BibTeX: the authors' own entry, an arXiv @misc, the venue's entry, or biblatex's
// (@inproceedings / @online with eprinttype and date).
import type { AtlasModel } from '../atlas/atlas';
import { publishedVenue } from '../atlas/venue';

export type BibtexFlavour = 'authors' | 'arxiv' | 'venue' | 'biblatex';

const SPECIAL = /[&%$#_]/g;

/** Escapes the characters BibTeX values pass to LaTeX as commands. */
export function escapeBibtexValue(value: string): string {
  return value.replace(SPECIAL, (ch) => `\\${ch}`).replace(/[{}]/g, '');
}

function field(name: string, value: string): string {
  return `  ${name.padEnd(13)}= {${value}}`;
}

function entry(type: string, key: string, fields: Array<[string, string | undefined]>): string {
  const lines = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '').map(([n, v]) => field(n, v));
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

/** The title and authors; a team report whose list the atlas gives only the head of ends in "and others". */
function common(model: AtlasModel, title = model.paper.title): Array<[string, string | undefined]> {
  const authors = model.paper.authors.map(escapeBibtexValue).concat(model.paper.authorsTruncated ? ['others'] : []);
  return [
    ['title', `{${escapeBibtexValue(title)}}`],
    ['author', authors.join(' and ')],
  ];
}

/** The arXiv @misc; `primaryClass` only where the category is known (an import from arXiv's API). */
export function arxivEntry(model: AtlasModel, primaryClass?: string): string | undefined {
  const arxiv = model.paper.arxiv;
  if (!arxiv) {
    return undefined;
  }
  return entry('misc', model.bibtex.key, [
    ...common(model),
    ['year', model.paper.date.slice(0, 4)],
    ['eprint', arxiv],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', primaryClass],
    ['url', `https://arxiv.org/abs/${arxiv}`],
  ]);
}

/** The published version: its own title where it differs, the venue as booktitle or journal, its year. */
export function venueEntry(model: AtlasModel): string | undefined {
  const venue = publishedVenue(model);
  if (!venue) {
    return undefined;
  }
  const { isJournal, year } = venue;
  return entry(isJournal ? 'article' : 'inproceedings', model.bibtex.key, [
    ...common(model, model.paper.venueTitle ?? model.paper.title),
    [isJournal ? 'journal' : 'booktitle', escapeBibtexValue(venue.name)],
    ['year', year],
    ['doi', model.paper.doi],
    ['eprint', model.paper.arxiv],
    ['archivePrefix', model.paper.arxiv ? 'arXiv' : undefined],
  ]);
}

/**
 * biblatex's data model: the venue version as @inproceedings or @article (journaltitle), else the preprint as
 * @online; `date` (the venue's year, or the first version's day), `eprint` with `eprinttype = {arxiv}`, and
 * `eprintclass` where the category is known (an import from arXiv's API), never guessed.
 */
export function biblatexEntry(model: AtlasModel, primaryClass = model.imported?.primaryCategory): string {
  const { paper } = model;
  const eprint: Array<[string, string | undefined]> = paper.arxiv
    ? [['eprint', paper.arxiv], ['eprinttype', 'arxiv'], ['eprintclass', primaryClass && escapeBibtexValue(primaryClass)]]
    : [];
  const venue = publishedVenue(model);
  if (venue) {
    return entry(venue.isJournal ? 'article' : 'inproceedings', model.bibtex.key, [
      ...common(model, paper.venueTitle ?? paper.title),
      [venue.isJournal ? 'journaltitle' : 'booktitle', escapeBibtexValue(venue.name)],
      ['date', venue.year],
      ['doi', paper.doi],
      ...eprint,
    ]);
  }
  const isReport = paper.type === 'technical-report';
  return entry(paper.arxiv || !isReport ? 'online' : 'report', model.bibtex.key, [
    ...common(model),
    ['date', paper.date],
    ...eprint,
    [isReport && !paper.arxiv ? 'institution' : 'organization', paper.arxiv ? undefined : escapeBibtexValue(model.organizations.join(' and '))],
    ['url', paper.arxiv ? undefined : paper.url],
  ]);
}

/** The entry in the requested flavour, falling back to the authors' own entry when that flavour has no facts. */
export function renderBibtex(model: AtlasModel, flavour: BibtexFlavour = 'authors'): string {
  const own = model.bibtex.entry.trim();
  switch (flavour) {
    case 'arxiv':
      return arxivEntry(model) ?? own;
    case 'venue':
      return venueEntry(model) ?? own;
    case 'biblatex':
      return biblatexEntry(model);
    default:
      return own;
  }
}

/** An entry under another key: the atlas key, when the .bib already uses it for another paper, gets a letter. */
export function withKey(entryText: string, key: string): string {
  return entryText.replace(/(@\s*\w+\s*[{(]\s*)[^,\s]*/, (_, head: string) => head + key); // the first entry head
}
