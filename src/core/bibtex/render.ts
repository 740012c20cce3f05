// Rendering an atlas entry as BibTeX: the authors' own entry, an arXiv @misc, the venue's entry, biblatex's
// (@inproceedings / @online), or for a report, card or post without an arXiv id a composed @misc with its address.
import type { AtlasModel } from '../atlas/atlas';
import { publishedVenue } from '../atlas/venue';
import { PAPER_TYPES } from '../presentation/cardLabels';
import { parseBibtex } from './parse';

export type BibtexFlavour = 'authors' | 'arxiv' | 'venue' | 'biblatex';

const SPECIAL = /[&%$#_]/g;

/** Escapes the characters BibTeX values pass to LaTeX as commands. */
export function escapeBibtexValue(value: string): string {
  return value.replace(SPECIAL, (ch) => `\\${ch}`).replace(/[{}]/g, '');
}

/** A value written without braces: a month macro such as `oct`. */
interface Macro {
  macro: string;
}

type FieldValue = string | Macro | undefined;

function field(name: string, value: string | Macro): string {
  return `  ${name.padEnd(13)}= ${typeof value === 'string' ? `{${value}}` : value.macro}`;
}

function entry(type: string, key: string, fields: Array<[string, FieldValue]>): string {
  const lines = fields.filter((f): f is [string, string | Macro] => f[1] !== undefined && f[1] !== '').map(([n, v]) => field(n, v));
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

/** The title and authors; a team report whose list the atlas gives only the head of ends in "and others". */
function common(model: AtlasModel, title = model.paper.title): Array<[string, FieldValue]> {
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

/** How the published version is cited: the entry type, the container (venue without its year) and the venue's year. */
export interface VenueParts {
  type: 'article' | 'inproceedings';
  containerField: 'journal' | 'booktitle';
  container: string;
  year: string;
}

export function venueParts(model: AtlasModel): VenueParts | undefined {
  const venue = publishedVenue(model);
  if (!venue) {
    return undefined;
  }
  return {
    type: venue.isJournal ? 'article' : 'inproceedings',
    containerField: venue.isJournal ? 'journal' : 'booktitle',
    container: escapeBibtexValue(venue.name),
    year: venue.year,
  };
}

/** The published version: its own title where it differs, the venue as booktitle or journal, its year. */
export function venueEntry(model: AtlasModel): string | undefined {
  const venue = venueParts(model);
  if (!venue) {
    return undefined;
  }
  return entry(venue.type, model.bibtex.key, [
    ...common(model, model.paper.venueTitle ?? model.paper.title),
    [venue.containerField, venue.container],
    ['year', venue.year],
    ['doi', model.paper.doi],
    ['eprint', model.paper.arxiv],
    ['archivePrefix', model.paper.arxiv ? 'arXiv' : undefined],
  ]);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A report, card or post with no arXiv id, as a composed @misc: its address in `howpublished` (\url, for
 * BibTeX styles that print no `url` field), its date as year and month, its kind in `note`.
 */
export function reportEntry(model: AtlasModel): string | undefined {
  const { url, date, type } = model.paper;
  if (!url || model.paper.arxiv) {
    return undefined;
  }
  const month = MONTHS[Number(date.slice(5, 7)) - 1];
  return entry('misc', model.bibtex.key, [
    ...common(model),
    ['year', date.slice(0, 4)],
    ['month', month ? { macro: month } : undefined],
    // % and # would end or break the line once BibTeX copies the address into the .bbl.
    ['howpublished', `\\url{${url.replace(/[%#]/g, (ch) => `\\${ch}`)}}`],
    ['note', PAPER_TYPES.en[type ?? 'paper']],
  ]);
}

/** The field each entry type's venue is printed from by the standard styles. */
const VENUE_FIELD: Record<string, string> = { article: 'journal', inproceedings: 'booktitle', conference: 'booktitle', incollection: 'booktitle', misc: 'howpublished' };

/**
 * Whether the authors' own entry would print no venue although the paper appeared at one: LLaVA's authors
 * give `@misc{..., publisher={NeurIPS}}`, and plain.bst prints a @misc's howpublished, not its publisher.
 */
export function authorsEntryLosesVenue(model: AtlasModel): boolean {
  const venue = model.paper.venue;
  const [own] = parseBibtex(model.bibtex.entry).entries;
  if (!venue || /^arxiv\b/i.test(venue) || !own) {
    return false;
  }
  const field = VENUE_FIELD[own.type];
  return field === undefined ? !['journal', 'booktitle', 'howpublished'].some((f) => own.fields[f]) : !own.fields[field];
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

/**
 * The entry in the requested flavour, falling back to the authors' own entry when that flavour has no facts.
 * The authors' flavour gives the venue's entry instead where the authors' own would lose the venue, with a
 * comment line above it saying so (BibTeX and biber skip text between entries; a `note` would be printed),
 * unless `venueNote` is false: text others copy from (a README's Citation section) gets the entry alone.
 */
export function renderBibtex(model: AtlasModel, flavour: BibtexFlavour = 'authors', { venueNote = true }: { venueNote?: boolean } = {}): string {
  const own = model.bibtex.entry.trim();
  switch (flavour) {
    case 'arxiv':
      // Without an arXiv id there is no arXiv entry: the composed @misc of the report, card or post instead.
      return arxivEntry(model) ?? reportEntry(model) ?? own;
    case 'venue':
      return venueEntry(model) ?? own;
    case 'biblatex':
      return biblatexEntry(model);
    default: {
      const venue = authorsEntryLosesVenue(model) ? venueEntry(model) : undefined;
      // No "@" in the comment: BibTeX reads one anywhere outside an entry as the start of an entry.
      if (!venue) {
        return own;
      }
      return venueNote ? `% The venue form: the authors' own entry (type ${parseBibtex(own).entries[0].type}) names no venue a style prints.\n${venue}` : venue;
    }
  }
}

/** An entry under another key: the atlas key, when the .bib already uses it for another paper, gets a letter. */
export function withKey(entryText: string, key: string): string {
  return entryText.replace(/(@\s*\w+\s*[{(]\s*)[^,\s]*/, (_, head: string) => head + key); // the first entry head
}
