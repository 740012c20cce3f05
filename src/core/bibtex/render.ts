// Rendering an atlas entry as BibTeX: the authors' own entry, an arXiv @misc, or the venue's entry; a report,
// card or post without an arXiv id as a composed @misc with its address.
import type { AtlasModel } from '../atlas/atlas';
import { PAPER_TYPES } from '../presentation/cardLabels';

export type BibtexFlavour = 'authors' | 'arxiv' | 'venue';

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

const JOURNALS = /^(TPAMI|IJCV|TMLR|JMLR|TMM|Transactions|Journal|Science China|Visual Intelligence|Nature|Science\b)/i;

/** The published version: its own title where it differs, the venue as booktitle or journal, its year. */
export function venueEntry(model: AtlasModel): string | undefined {
  const venue = model.paper.venue;
  if (!venue) {
    return undefined;
  }
  const year = /\b(19|20)\d{2}\b/.exec(venue)?.[0] ?? model.paper.date.slice(0, 4);
  const isJournal = JOURNALS.test(venue);
  return entry(isJournal ? 'article' : 'inproceedings', model.bibtex.key, [
    ...common(model, model.paper.venueTitle ?? model.paper.title),
    [isJournal ? 'journal' : 'booktitle', escapeBibtexValue(venue.replace(/\s*\b(19|20)\d{2}\b\s*/, ' ').trim())],
    ['year', year],
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

/** The entry in the requested flavour, falling back to the authors' own entry when that flavour has no facts. */
export function renderBibtex(model: AtlasModel, flavour: BibtexFlavour = 'authors'): string {
  const own = model.bibtex.entry.trim();
  switch (flavour) {
    case 'arxiv':
      // Without an arXiv id there is no arXiv entry: the composed @misc of the report, card or post instead.
      return arxivEntry(model) ?? reportEntry(model) ?? own;
    case 'venue':
      return venueEntry(model) ?? own;
    default:
      return own;
  }
}

/** An entry under another key: the atlas key, when the .bib already uses it for another paper, gets a letter. */
export function withKey(entryText: string, key: string): string {
  return entryText.replace(/(@\s*\w+\s*[{(]\s*)[^,\s]*/, (_, head: string) => head + key); // the first entry head
}
