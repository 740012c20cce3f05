// The entries the two commands write: a scaffold for New Model Entry (pre-filled with an arXiv id, or from the
// document's own .bib entry, where there is one) and an imported paper for Add Paper from arXiv. All validate
// against the schema as written; the "TODO" placeholders mark what to complete.
import type { AtlasModel } from '../atlas/atlas';
import type { ArxivPaper } from '../arxiv/arxivFeed';
import { arxivIdsOf } from '../bibtex/match';
import type { BibEntry } from '../bibtex/parse';
import { arxivEntry, escapeBibtexValue } from '../bibtex/render';

export interface TakenNames {
  ids: ReadonlySet<string>;
  /** Citation keys, lower-case. */
  keys: ReadonlySet<string>;
}

/** A lower-case id from a name ("BLIP-2" → "blip-2"), made unique with -2, -3, ... */
export function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const base = asciiFold(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    id = `${base}-${n}`;
  }
  return id;
}

/** Google-Scholar-style key: first author's last name, year, first long title word ("li2023blip"). */
export function citationKey(firstAuthor: string, year: string, title: string, taken: ReadonlySet<string>): string {
  const lastName = asciiFold(firstAuthor.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/[^a-z]/g, '') || 'anon';
  const word = asciiFold(title).toLowerCase().split(/[^a-z0-9]+/).find((w) => w.length > 2 && !STOP_WORDS.has(w)) ?? '';
  const base = `${lastName}${year}${word}`;
  let key = base;
  for (let n = 0; taken.has(key.toLowerCase()); n++) {
    key = `${base}${String.fromCharCode(98 + (n % 24))}${n >= 24 ? Math.floor(n / 24) : ''}`;
  }
  return key;
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'towards', 'toward', 'via', 'are', 'all', 'you', 'need']);

/** A valid, clearly unfinished entry for a model named `name`. */
export function scaffoldEntry(name: string, today: string, taken: TakenNames): AtlasModel {
  const id = uniqueId(name, taken.ids);
  const key = citationKey('TODO', today.slice(0, 4), id, taken.keys);
  return {
    id,
    name,
    kind: 'multimodal',
    family: id,
    organizations: ['TODO: organization'],
    paper: { title: 'TODO: paper title', authors: ['TODO: First Author'], date: today },
    summary: { en: `TODO: what ${name} is and why it matters, in one or two sentences.` },
    architecture: placeholderArchitecture(),
    lineage: { buildsOn: [] },
    bibtex: { key, origin: 'composed', entry: `@misc{${key},\n  title        = {TODO: paper title},\n  author       = {TODO: First Author},\n  year         = {${today.slice(0, 4)}}\n}` },
    sources: [{ url: 'https://arxiv.org/', facts: ['title', 'authors', 'date'] }],
  };
}

/**
 * A scaffold for the paper with arXiv id `arxiv` (when arXiv cannot be reached): dated the first of the id's
 * month, which the researcher corrects with the rest.
 */
export function scaffoldForArxiv(name: string, arxiv: string, taken: TakenNames): AtlasModel {
  const date = `20${arxiv.slice(0, 2)}-${arxiv.slice(2, 4)}-01`;
  const entry = scaffoldEntry(name, date, taken);
  return {
    ...entry,
    paper: { ...entry.paper, arxiv },
    links: { arxiv: `https://arxiv.org/abs/${arxiv}` },
    sources: [{ url: `https://arxiv.org/abs/${arxiv}`, facts: ['arxiv'] }],
    notes: `Written while arXiv could not be reached: only the id is known; the date is the first of its month.`,
  };
}

/**
 * The entry for the paper a document's own .bib (named `bibFile`, holding `bibText`) has as `bib`: its title,
 * authors, arXiv id, DOI and year, and the entry itself (key kept), with placeholders for what a .bib does not say.
 */
export function entryFromBib(bib: BibEntry, bibText: string, bibFile: string, name: string, taken: TakenNames): AtlasModel {
  const entry = scaffoldEntry(name, '2000-01-01', taken);
  const field = (f: string) => plainText(bib.fields[f] ?? '');
  const arxiv = [...arxivIdsOf(bib)].find((id) => /^\d{4}\.\d{4,5}$/.test(id));
  const year = /\b(?:19|20)\d\d\b/.exec(field('year') || field('date'))?.[0];
  const month = MONTHS.indexOf(field('month').slice(0, 3).toLowerCase()) + 1 || Number(/^\d{1,2}$/.exec(field('month'))?.[0] ?? 0);
  const date = arxiv ? `20${arxiv.slice(0, 2)}-${arxiv.slice(2, 4)}-01` : `${year ?? entry.paper.date.slice(0, 4)}-${String(month || 1).padStart(2, '0')}-01`;
  const authors = field('author').split(/\s+and\s+/).map(personName).filter((a) => a !== '');
  const doi = field('doi') || undefined;
  const url = arxiv ? `https://arxiv.org/abs/${arxiv}` : doi ? `https://doi.org/${doi}` : /^https:\/\//.test(field('url')) ? field('url') : 'https://example.org/TODO-source';
  return {
    ...entry,
    paper: {
      title: field('title') || entry.paper.title,
      authors: authors.length > 0 ? authors : entry.paper.authors,
      ...(arxiv ? { arxiv } : {}),
      date,
      ...(doi ? { doi } : {}),
    },
    ...(arxiv ? { links: { arxiv: `https://arxiv.org/abs/${arxiv}` } } : {}),
    bibtex: { key: bib.key, origin: 'composed', entry: bibText.slice(bib.start, bib.end) },
    sources: [{ url, facts: ['title', 'authors', ...(arxiv ? ['arxiv'] : [])] }],
    notes: `Imported from the entry ${bib.key} of ${bibFile}: the day of the date${arxiv ? '' : ' (and the month, where the .bib gives none)'} is not known.`,
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The combining marks of LaTeX's accent commands. */
const ACCENTS: Record<string, string> = { '`': '\u0300', "'": '\u0301', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328' };

/** A .bib value as plain text: accents as letters ("{\\\"o}" → "ö"), braces and ties gone. */
function plainText(value: string): string {
  return value
    .replace(/\\([`'^"~=.uvHck])\s*\{?\\?([A-Za-z])\}?/g, (_, accent: string, letter: string) => (letter + ACCENTS[accent]).normalize('NFC'))
    .replace(/\\&/g, '&')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Li, Junnan" → "Junnan Li"; "Junnan Li" stays. */
function personName(author: string): string {
  const [last, first] = author.split(',').map((part) => part.trim());
  return first ? `${first} ${last}` : last;
}

/** The entry for a paper read from arXiv, marked as imported; the researcher completes the rest. */
export function importedEntry(paper: ArxivPaper, name: string, taken: TakenNames): AtlasModel {
  const id = uniqueId(name, taken.ids);
  const key = citationKey(paper.authors[0], paper.published.slice(0, 4), paper.title, taken.keys);
  const model: AtlasModel = {
    id,
    name,
    kind: 'multimodal',
    family: id,
    organizations: paper.affiliations.length > 0 ? paper.affiliations : ['TODO: organization'],
    ...(paper.primaryCategory ? { tags: [paper.primaryCategory] } : {}),
    paper: { title: paper.title, authors: paper.authors, arxiv: paper.id, date: paper.published },
    links: { arxiv: `https://arxiv.org/abs/${paper.id}` },
    summary: { en: firstSentence(paper.abstract) || `TODO: what ${name} is, in one or two sentences.` },
    architecture: placeholderArchitecture(),
    lineage: { buildsOn: [] },
    bibtex: { key, origin: 'composed', entry: '' },
    sources: [{ url: `https://arxiv.org/abs/${paper.id}`, facts: ['title', 'authors', 'arxiv', 'date'] }],
    imported: { from: 'arxiv', ...(paper.primaryCategory ? { primaryCategory: paper.primaryCategory } : {}), abstract: paper.abstract },
  };
  model.bibtex.entry = arxivEntry(model, paper.primaryCategory && escapeBibtexValue(paper.primaryCategory)) ?? '';
  return model;
}

/** A model name from a title: the part before a colon when it is short ("BLIP-2: Bootstrapping ..." → "BLIP-2"). */
export function nameFromTitle(title: string): string {
  const head = title.split(':')[0].trim();
  return head.length > 0 && head.length <= 30 && head !== title ? head : title.split(/\s+/).slice(0, 4).join(' ');
}

function placeholderArchitecture(): AtlasModel['architecture'] {
  return {
    type: 'multimodal-llm',
    summary: 'TODO: the architecture in one line, e.g. frozen ViT → projection → LLM',
    components: [
      { id: 'vision-encoder', name: 'TODO: vision encoder', role: 'vision-encoder', trainable: false },
      { id: 'language-model', name: 'TODO: language model', role: 'language-model', trainable: true },
    ],
    connections: [{ from: 'vision-encoder', to: 'language-model' }],
  };
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}

function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
