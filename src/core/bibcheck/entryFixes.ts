// The fix for a finding as edits to the .bib text: only the fields concerned change, in the entry's own style
// (name order, braces or quotes, case, alignment, line endings); the key and other fields are never touched.
import type { AtlasModel } from '../atlas/atlas';
import { escapeBibtexValue, venueParts } from '../bibtex/render';
import { lineEndingOf } from '../bibtex/append';
import { arxivIdsOf } from '../bibtex/match';
import { entrySpans, type BibEntry, type EntrySpans, type FieldSpan } from '../bibtex/parse';
import { parseName, readAuthorList, samePerson, type AuthorList } from './authorNames';
import { fieldSpan, innerValue, titleToWrite, yearToWrite } from './entryChecks';
import { isArxivContainer, usesBiblatex } from './entryShape';
import type { BibFinding } from './findings';
import { minimalEdit, type TextEdit } from './textEdits';
import { protectTitle, unprotectedWords } from './titleProtection';

/** The edits that fix `finding` in `text`, or undefined when it has no fix in the file (duplicate-paper, a borrowed id). */
export function fixEdits(text: string, entry: BibEntry, finding: BibFinding, model: AtlasModel): TextEdit[] | undefined {
  const spans = entrySpans(text, entry);
  if (!spans) {
    return undefined;
  }
  switch (finding.code) {
    case 'author-mismatch': {
      const field = fieldSpan(spans, 'author');
      return field && replaceInner(text, field, (inner) => correctedAuthors(readAuthorList(inner), model));
    }
    case 'title-mismatch': {
      const field = fieldSpan(spans, 'title');
      return field && replaceInner(text, field, (inner) => titleInStyle(titleToWrite(model, entry), inner));
    }
    case 'title-unprotected': {
      const field = fieldSpan(spans, 'title');
      if (!field) {
        return undefined;
      }
      const inner = innerValue(text, field);
      return unprotectedWords(text.slice(inner.start, inner.end)).flatMap((w) => [
        { start: inner.start + w.start, end: inner.start + w.start, text: '{' },
        { start: inner.start + w.end, end: inner.start + w.end, text: '}' },
      ]);
    }
    case 'year-mismatch':
      return yearEdits(text, entry, spans, finding.expected);
    case 'arxiv-mismatch':
      return finding.expected === undefined ? undefined : arxivEdits(text, entry, spans, finding.expected);
    case 'published-version':
      return publishedVersionEdits(text, entry, spans, model);
    case 'duplicate-paper':
      return undefined;
  }
}

function replaceInner(text: string, field: FieldSpan, rewrite: (inner: string) => string): TextEdit[] {
  const inner = innerValue(text, field);
  const edit = minimalEdit(text, inner.start, inner.end, rewrite(text.slice(inner.start, inner.end)));
  return edit ? [edit] : [];
}

/** The paper's authors, each kept as written where the entry has them right, in the entry's name order. */
export function correctedAuthors(list: AuthorList, model: AtlasModel): string {
  const truncated = model.paper.authorsTruncated === true;
  const inverted = list.names.length > 0 && list.names.filter((n) => n.inverted).length * 2 >= list.names.length;
  const taken = new Set<number>();
  const names = model.paper.authors.map((author) => {
    const expected = parseName(author);
    const i = list.names.findIndex((n, k) => !taken.has(k) && samePerson(n, expected));
    if (i >= 0) {
      taken.add(i);
      return list.names[i].text;
    }
    return formatName(author, inverted);
  });
  if (truncated) {
    // Past the head the atlas knows, the entry's own names stay.
    names.push(...list.names.filter((_, k) => !taken.has(k) && k >= model.paper.authors.length).map((n) => n.text));
    if (list.etAl) {
      names.push('others');
    }
  }
  return names.map((name, i) => (i === 0 ? name : (list.separators[i - 1] ?? ' and ') + name)).join('');
}

/** The entry's author list as the fix writes it, without braces: for advice to copy into Zotero. */
export function authorsAsCorrected(text: string, entry: BibEntry, model: AtlasModel): string | undefined {
  const spans = entrySpans(text, entry);
  const field = spans && fieldSpan(spans, 'author');
  if (!field) {
    return undefined;
  }
  const inner = innerValue(text, field);
  return correctedAuthors(readAuthorList(text.slice(inner.start, inner.end)), model).replace(/\s+/g, ' ').replace(/[{}]/g, '');
}

/** "Diego de Las Casas" → "de Las Casas, Diego" when the entry writes "Last, First"; escaped for BibTeX. */
export function formatName(name: string, inverted: boolean): string {
  const escaped = escapeBibtexValue(name);
  if (!inverted) {
    return escaped;
  }
  const words = escaped.split(/\s+/);
  if (words.length < 2) {
    return escaped;
  }
  let von = words.findIndex((w, i) => i > 0 && i < words.length - 1 && /^\p{Ll}/u.test(w));
  if (von < 0) {
    von = words.length - 1;
  }
  return `${words.slice(von).join(' ')}, ${words.slice(0, von).join(' ')}`;
}

/** A title in the entry's bracing: all of it in inner braces as before, else each word that needs it. */
export function titleInStyle(title: string, writtenInner: string): string {
  const escaped = escapeBibtexValue(title);
  const wholeBraced = /^\{[^{}]*(\{[^{}]*\}[^{}]*)*\}$/.test(writtenInner.trim());
  return wholeBraced ? `{${escaped}}` : protectTitle(escaped);
}

function yearEdits(text: string, entry: BibEntry, spans: EntrySpans, expected: string): TextEdit[] | undefined {
  const field = fieldSpan(spans, 'year') ?? fieldSpan(spans, 'date');
  if (!field) {
    return undefined;
  }
  const inner = innerValue(text, field);
  const at = text.slice(inner.start, inner.end).search(/(1[89]|20)\d{2}/);
  return at < 0 ? undefined : [{ start: inner.start + at, end: inner.start + at + 4, text: expected }];
}

/** Every place the entry names a wrong arXiv id (eprint, journal, CoRR volume, url, arXiv DOI, note), with the right id. */
function arxivEdits(text: string, entry: BibEntry, spans: EntrySpans, expected: string): TextEdit[] {
  const wrong = [...arxivIdsOf(entry)].filter((id) => id !== expected.toLowerCase());
  const edits: TextEdit[] = [];
  for (const field of spans.fields) {
    const value = text.slice(field.valueStart, field.valueEnd);
    for (const id of wrong) {
      const pattern = new RegExp(`(?<![\\d.])${id.replace(/[.\\/]/g, '\\$&')}(?:v\\d+)?(?!\\d)`, 'gi');
      for (const m of value.matchAll(pattern)) {
        edits.push({ start: field.valueStart + m.index, end: field.valueStart + m.index + m[0].length, text: expected });
      }
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * The entry rewritten as its venue version: the type, the container in place of an arXiv or CoRR journal,
 * the venue's year (and published title, DOI); CoRR's volume and arXiv's publisher or howpublished go. The key,
 * eprint, archivePrefix and every other field stay.
 */
function publishedVersionEdits(text: string, entry: BibEntry, spans: EntrySpans, model: AtlasModel): TextEdit[] | undefined {
  const venue = venueParts(model);
  if (!venue) {
    return undefined;
  }
  const style = entryStyle(text, entry, spans);
  const edits: TextEdit[] = [];
  const push = (edit: TextEdit | undefined) => edit && edits.push(edit);
  push(minimalEdit(text, spans.typeStart, spans.typeEnd, inCaseOf(text.slice(spans.typeStart, spans.typeEnd), venue.type)));

  const containerName = venue.containerField === 'journal' && usesBiblatex(entry) ? 'journaltitle' : venue.containerField;
  const added: Array<[string, string]> = [];
  const arxivJournal = spans.fields.find((f) => (f.name === 'journal' || f.name === 'journaltitle') && isArxivContainer(entry.fields[f.name] ?? ''));
  if (arxivJournal) {
    push(renameField(text, arxivJournal, style.name(containerName)));
    edits.push(...replaceInner(text, arxivJournal, () => venue.container));
    // Google Scholar's entries give the id only in that journal: it moves to eprint, so the preprint stays linked.
    const id = model.paper.arxiv;
    const elsewhere = spans.fields.some((f) => f !== arxivJournal && id !== undefined && text.slice(f.valueStart, f.valueEnd).includes(id));
    if (id && !elsewhere && entry.fields.eprint === undefined) {
      added.push(['eprint', id], usesBiblatex(entry) ? ['eprinttype', 'arxiv'] : ['archivePrefix', 'arXiv']);
    }
  } else if (!spans.fields.some((f) => f.name === containerName)) {
    added.push([containerName, venue.container]);
  }
  for (const field of spans.fields) {
    const value = entry.fields[field.name] ?? '';
    const arxivOnly =
      (field.name === 'volume' && /^abs\//i.test(value)) ||
      (field.name === 'publisher' && /^arxiv\b/i.test(value)) ||
      (field.name === 'howpublished' && /arxiv/i.test(value));
    if (arxivOnly && field.name !== arxivJournal?.name) {
      edits.push(removeField(text, field, spans));
    }
  }
  const yearField = fieldSpan(spans, 'year') ?? fieldSpan(spans, 'date');
  if (yearField) {
    edits.push(...(yearEdits(text, entry, spans, venue.year) ?? []).filter((e) => text.slice(e.start, e.end) !== e.text));
  } else {
    added.push(['year', venue.year]);
  }
  const title = fieldSpan(spans, 'title');
  if (title && model.paper.venueTitle) {
    edits.push(...replaceInner(text, title, (inner) => (sameWords(inner, model.paper.venueTitle!) ? inner : titleInStyle(model.paper.venueTitle!, inner))));
  }
  if (model.paper.doi && !/^10\./.test((entry.fields.doi ?? '').replace(/^10\.48550\/arxiv.*$/i, ''))) {
    const doi = fieldSpan(spans, 'doi');
    if (doi) {
      edits.push(...replaceInner(text, doi, () => model.paper.doi!));
    } else {
      added.push(['doi', model.paper.doi]);
    }
  }
  if (added.length > 0) {
    edits.push(addFields(text, spans, style, added));
  }
  return edits.sort((a, b) => a.start - b.start);
}

function sameWords(a: string, b: string): boolean {
  const words = (t: string) => t.replace(/[{}]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return words(a) === words(b);
}

/** `word` in the case `like` is written in: MISC → INPROCEEDINGS, Misc → Inproceedings. */
function inCaseOf(like: string, word: string): string {
  if (like === like.toUpperCase() && like !== like.toLowerCase()) {
    return word.toUpperCase();
  }
  return /^\p{Lu}/u.test(like) ? word[0].toUpperCase() + word.slice(1) : word;
}

interface EntryStyle {
  eol: string;
  singleLine: boolean;
  indent: string;
  /** Field name as the entry writes names, padded as the entry aligns its "=". */
  name(name: string): string;
  assign: string;
  open: string;
  close: string;
}

function entryStyle(text: string, entry: BibEntry, spans: EntrySpans): EntryStyle {
  const last = spans.fields[spans.fields.length - 1];
  const eol = lineEndingOf(text.slice(entry.start, entry.end)) === '\r\n' || (!text.slice(entry.start, entry.end).includes('\n') && lineEndingOf(text) === '\r\n') ? '\r\n' : '\n';
  const singleLine = !text.slice(entry.start, entry.end).includes('\n');
  const names = spans.fields.map((f) => text.slice(f.nameStart, f.nameEnd));
  const upper = names.length > 0 && names.every((n) => n === n.toUpperCase() && n !== n.toLowerCase());
  const lineStart = last ? text.lastIndexOf('\n', last.nameStart) + 1 : entry.start;
  const indent = last && /^[ \t]*$/.test(text.slice(lineStart, last.nameStart)) ? text.slice(lineStart, last.nameStart) : '  ';
  // Where "=" stands after the names when most fields align it (DBLP's eprinttype overruns it), and the spacing.
  const equals = last ? text.indexOf('=', last.nameEnd) : -1;
  const widths = spans.fields.map((f) => text.indexOf('=', f.nameEnd) - f.nameStart);
  const width = mostCommon(widths);
  const aligned = spans.fields.length > 2 && widths.filter((w) => w === width).length * 3 >= spans.fields.length * 2 && widths.some((w, i) => w > spans.fields[i].nameEnd - spans.fields[i].nameStart + 1);
  const before = last && equals > 0 && !/\n/.test(text.slice(last.nameEnd, equals)) ? text.slice(last.nameEnd, equals) : ' ';
  const after = last && equals > 0 ? text.slice(equals + 1, last.valueStart) : ' ';
  const quoted = spans.fields.filter((f) => text[f.valueStart] === '"').length * 2 > spans.fields.length;
  return {
    eol,
    singleLine,
    indent,
    name: (name) => {
      const written = upper ? name.toUpperCase() : name;
      return aligned && written.length < width ? written.padEnd(width) : written + (aligned ? ' ' : before);
    },
    assign: `=${after}`,
    open: quoted ? '"' : '{',
    close: quoted ? '"' : '}',
  };
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  values.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1));
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** A field's name replaced, followed by the spacing the entry puts before "=". */
function renameField(text: string, field: FieldSpan, styledName: string): TextEdit | undefined {
  const equals = text.indexOf('=', field.nameEnd);
  const spaces = text.slice(field.nameEnd, equals);
  return minimalEdit(text, field.nameStart, equals, /\n/.test(spaces) ? styledName.trimEnd() + spaces : styledName);
}

/** Removes a field: its whole line when it stands alone on one, else the field and the comma after it. */
function removeField(text: string, field: FieldSpan, spans: EntrySpans): TextEdit {
  let end = field.valueEnd;
  const comma = /^[ \t]*,/.exec(text.slice(end, end + 100));
  if (comma) {
    end += comma[0].length;
  }
  const lineStart = text.lastIndexOf('\n', field.nameStart) + 1;
  const rest = /^[ \t]*(\r?\n)/.exec(text.slice(end, end + 100));
  if (/^[ \t]*$/.test(text.slice(lineStart, field.nameStart)) && rest && lineStart > spans.typeStart) {
    return { start: lineStart, end: end + rest[0].length, text: '' };
  }
  const spaceAfter = /^[ \t]*/.exec(text.slice(end))![0].length;
  return { start: field.nameStart, end: end + (comma ? spaceAfter : 0), text: '' };
}

/** New fields after the last one, as the entry writes its fields. */
function addFields(text: string, spans: EntrySpans, style: EntryStyle, fields: Array<[string, string]>): TextEdit {
  const written = fields.map(([name, value]) => `${style.name(name)}${style.assign}${style.open}${value}${style.close}`);
  const last = spans.fields[spans.fields.length - 1];
  if (!last) {
    const at = spans.keyEnd;
    const head = /^[ \t]*,/.test(text.slice(at, at + 50)) ? at + /^[ \t]*,/.exec(text.slice(at))![0].length : at;
    const comma = head === at ? ',' : '';
    return { start: head, end: head, text: `${comma}${style.singleLine ? ' ' : style.eol + style.indent}${written.join(style.singleLine ? ', ' : `,${style.eol}${style.indent}`)}${style.singleLine ? '' : style.eol}` };
  }
  const comma = /^[ \t]*,/.exec(text.slice(last.valueEnd, last.valueEnd + 50));
  if (style.singleLine) {
    const at = comma ? last.valueEnd + comma[0].length : last.valueEnd;
    return { start: at, end: at, text: `${comma ? ' ' : ', '}${written.join(', ')}${comma ? ',' : ''}` };
  }
  if (comma) {
    const at = last.valueEnd + comma[0].length;
    return { start: at, end: at, text: written.map((w) => `${style.eol}${style.indent}${w},`).join('') };
  }
  return { start: last.valueEnd, end: last.valueEnd, text: `,${written.map((w) => `${style.eol}${style.indent}${w}`).join(',')}` };
}

/** Deleting an entry: its lines, and one blank line beside it so no gap of two is left. */
export function deleteEntryEdit(text: string, entry: BibEntry): TextEdit {
  let start = text.lastIndexOf('\n', entry.start - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(start, entry.start))) {
    start = entry.start; // something else on its first line stays
  }
  let end = entry.end;
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(end));
  if (rest) {
    end += rest[0].length;
    const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(end));
    const blankBefore = start >= 2 && /\n[ \t]*\r?\n$/.test(text.slice(Math.max(0, start - 200), start));
    if (blankAfter && (blankBefore || start === 0)) {
      end += blankAfter[0].length;
    }
  }
  return { start, end, text: '' };
}
