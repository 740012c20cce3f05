// The field-by-field check of one .bib entry against the atlas paper it is: authors, title (and its
// protection), year, arXiv id, and whether a preprint entry has a published version by now.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { matchEntry, ownEntryOf, papersByArxivId, titlesOf } from '../bibtex/atlasEntries';
import { arxivIdsOf, normalizeTitle } from '../bibtex/match';
import { entrySpans, type BibEntry, type EntrySpans, type FieldSpan } from '../bibtex/parse';
import { compareAuthors, readAuthorList, type AuthorDifferences, type AuthorList } from './authorNames';
import { isPreprintEntry, writtenYear } from './entryShape';
import type { BibFinding } from './findings';
import { unprotectedWords } from './titleProtection';

/** The value of a field as written, without its outer braces or quotes (a "#" concatenation as it stands). */
export function innerValue(text: string, span: FieldSpan): { start: number; end: number } {
  const open = text[span.valueStart];
  const close = text[span.valueEnd - 1];
  const delimited = (open === '{' && close === '}') || (open === '"' && close === '"');
  return delimited && span.valueEnd - span.valueStart >= 2 ? { start: span.valueStart + 1, end: span.valueEnd - 1 } : { start: span.valueStart, end: span.valueEnd };
}

export function fieldSpan(spans: EntrySpans, name: string): FieldSpan | undefined {
  return spans.fields.find((f) => f.name === name);
}

/** The years a paper may be cited with: its arXiv v1's (by date or by id), its venue's, and its authors' entry's. */
export function acceptedYears(model: AtlasModel): string[] {
  const years = new Set([model.paper.date.slice(0, 4)]);
  const own = ownEntryOf(model);
  const ownYear = own && writtenYear(own)?.year;
  if (ownYear) {
    years.add(ownYear);
  }
  const id = model.paper.arxiv;
  if (id && /^\d{4}\./.test(id)) {
    years.add(`20${id.slice(0, 2)}`);
  }
  const venueYear = /\b(19|20)\d{2}\b/.exec(model.paper.venue ?? '')?.[0];
  if (venueYear) {
    years.add(venueYear);
  }
  return [...years];
}

/** The year a fix writes: the venue's for a published entry, the arXiv v1's for a preprint. */
export function yearToWrite(model: AtlasModel, entry: BibEntry): string {
  const venueYear = /\b(19|20)\d{2}\b/.exec(model.paper.venue ?? '')?.[0];
  return venueYear && !isPreprintEntry(entry) ? venueYear : model.paper.date.slice(0, 4);
}

/** The title a fix writes: the published title for a published entry, the current one otherwise. */
export function titleToWrite(model: AtlasModel, entry: BibEntry): string {
  return (!isPreprintEntry(entry) && model.paper.venueTitle) || model.paper.title;
}

/**
 * How a written author list differs from the paper's, or undefined when it is the paper's list or the one the
 * authors' own BibTeX entry gives (author lists change between versions, and the authors' entry is how they
 * cite themselves).
 */
export function authorDifferences(list: AuthorList, model: AtlasModel): AuthorDifferences | undefined {
  const differences = compareAuthors(list, model.paper.authors, model.paper.authorsTruncated === true);
  const own = differences && ownEntryOf(model)?.fields.author;
  if (own !== undefined) {
    const ownList = readAuthorList(own);
    if (ownList.names.length > 0 && compareAuthors(list, ownList.names.map((n) => n.text), ownList.etAl) === undefined && list.etAl === ownList.etAl) {
      return undefined;
    }
  }
  return differences;
}

const knownLists = new WeakMap<AtlasModel, Set<string>>();

/**
 * Whether an author field reads, letter for letter, as the paper's list in either name order or as the
 * authors' own entry gives it: most right entries, recognised without reading each name.
 */
function writtenAsKnown(written: string, model: AtlasModel): boolean {
  let known = knownLists.get(model);
  if (!known) {
    const inverted = model.paper.authors.map((name) => {
      const words = name.split(' ');
      return `${words[words.length - 1]}, ${words.slice(0, -1).join(' ')}`;
    });
    const own = ownEntryOf(model)?.fields.author;
    known = new Set([model.paper.authors.join(' and '), inverted.join(' and '), ...(own ? [own] : [])].map(letters));
    knownLists.set(model, known);
  }
  return known.has(letters(written));
}

/** Letters and digits of a plain field in lower case (a field with LaTeX or non-ASCII text never equals). */
function letters(text: string): string {
  return /[\\{}]|[^\x00-\x7f]/.test(text) ? `\u0000${text}` : text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Every finding on one entry of `text`, whatever the settings (the caller filters by code). */
export function checkEntry(text: string, entry: BibEntry, entryIndex: number, atlas: AtlasIndex, match = matchEntry(atlas, entry), byId = papersByArxivId(atlas, entry)): BibFinding[] {
  if (!match) {
    return borrowedArxivId(text, entry, entryIndex, byId);
  }
  const spans = entrySpans(text, entry);
  if (!spans) {
    return [];
  }
  const model = match.model;
  const base = { key: entry.key, entryIndex, modelId: model.id };
  const keyRange = spans.keyEnd > spans.keyStart ? { start: spans.keyStart, end: spans.keyEnd } : { start: spans.typeStart, end: spans.typeEnd };
  const findings: BibFinding[] = [];

  const author = fieldSpan(spans, 'author');
  if (author && entry.fields.author !== undefined && model.paper.authors.length > 0) {
    const inner = innerValue(text, author);
    const written = text.slice(inner.start, inner.end);
    const differences = writtenAsKnown(written, model) ? undefined : authorDifferences(readAuthorList(written), model);
    if (differences) {
      findings.push({ ...base, code: 'author-mismatch', differences, start: author.valueStart, end: author.valueEnd });
    }
  }

  const title = fieldSpan(spans, 'title');
  if (title && entry.fields.title !== undefined) {
    const written = normalizeTitle(entry.fields.title);
    if (!titlesOf(model).some((t) => normalizeTitle(t) === written)) {
      findings.push({ ...base, code: 'title-mismatch', expected: titleToWrite(model, entry), start: title.valueStart, end: title.valueEnd });
    } else {
      const inner = innerValue(text, title);
      const words = unprotectedWords(text.slice(inner.start, inner.end));
      if (words.length > 0) {
        findings.push({ ...base, code: 'title-unprotected', words: words.map((w) => w.word), start: inner.start + words[0].start, end: inner.start + words[words.length - 1].end });
      }
    }
  }

  const year = writtenYear(entry);
  const yearField = year && fieldSpan(spans, year.field);
  if (year && yearField && !acceptedYears(model).includes(year.year)) {
    findings.push({ ...base, code: 'year-mismatch', written: year.year, expected: yearToWrite(model, entry), start: yearField.valueStart, end: yearField.valueEnd });
  }

  const expectedId = model.paper.arxiv?.toLowerCase();
  if (expectedId) {
    const ids = arxivIdsOf(entry);
    if (ids.size > 0 && !ids.has(expectedId)) {
      const written = [...ids][0];
      findings.push({ ...base, code: 'arxiv-mismatch', written, expected: model.paper.arxiv, ...idRange(text, spans, written, keyRange) });
    }
  }

  if (model.paper.venue && isPreprintEntry(entry)) {
    findings.push({ ...base, code: 'published-version', venue: model.paper.venue, ...keyRange });
  }
  return findings;
}

/** An entry that is no atlas paper, yet gives an atlas paper's arXiv id. */
function borrowedArxivId(text: string, entry: BibEntry, entryIndex: number, byId: readonly AtlasModel[]): BibFinding[] {
  const owner = entry.fields.title === undefined ? undefined : byId[0];
  const spans = owner && entrySpans(text, entry);
  if (!owner || !spans) {
    return [];
  }
  const id = owner.paper.arxiv!.toLowerCase();
  const keyRange = { start: spans.keyStart, end: Math.max(spans.keyEnd, spans.keyStart) };
  return [{ key: entry.key, entryIndex, modelId: owner.id, code: 'arxiv-mismatch', written: id, expected: undefined, ...idRange(text, spans, id, keyRange) }];
}

/** Where an arXiv id is written in the entry: in eprint first, else the first field naming it. */
function idRange(text: string, spans: EntrySpans, id: string, fallback: { start: number; end: number }): { start: number; end: number } {
  const fields = [...spans.fields].sort((a, b) => Number(b.name === 'eprint') - Number(a.name === 'eprint'));
  for (const field of fields) {
    const at = text.slice(field.valueStart, field.valueEnd).toLowerCase().indexOf(id.toLowerCase());
    if (at >= 0) {
      return { start: field.valueStart + at, end: field.valueStart + at + id.length };
    }
  }
  return fallback;
}
