// Which atlas paper a .bib entry is, whatever its key: by its title (any of the paper's titles), its arXiv
// id (unless the title is plainly another paper's), or its DOI.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { arxivIdsOf, doiUrl, isOtherTitle, normalizeDoi, normalizeTitle, type PaperIdentity } from './match';
import { parseBibtex, type BibEntry } from './parse';
import { END_LENGTH, endCode, titleHead, titleTail } from './titleEnds';

interface PaperMaps {
  byArxiv: Map<string, AtlasModel>;
  /**
   * The new-style ids (dddd.dddd, dddd.ddddd) as numbers, by the count of digits after the dot: a .bib's ids
   * are looked up without making a string of each.
   */
  newIds: { 4: Set<number>; 5: Set<number> };
  byTitle: Map<string, AtlasModel>;
  /**
   * The codes of the first and last letters and digits of every title (titleEnds), the last by the first: most
   * titles are ruled out by the pair without normalising them.
   */
  titleEnds: Map<number, Set<number>>;
  /** Every title's last letters and digits, for a title whose first ones cannot be read that way. */
  titleTails: Set<number>;
  byDoi: Map<string, AtlasModel>;
  /** Whether any paper has an old-style id (hep-th/9711200): only then are they looked for. */
  oldIds: boolean;
}

const maps = new WeakMap<AtlasIndex, PaperMaps>();

function paperMaps(atlas: AtlasIndex): PaperMaps {
  let found = maps.get(atlas);
  if (!found) {
    found = { byArxiv: new Map(), newIds: { 4: new Set(), 5: new Set() }, byTitle: new Map(), titleEnds: new Map(), titleTails: new Set(), byDoi: new Map(), oldIds: false };
    for (const model of atlas.models) {
      if (model.paper.arxiv) {
        found.byArxiv.set(model.paper.arxiv.toLowerCase(), model);
        const after = model.paper.arxiv.length - 5;
        const code = after === 4 || after === 5 ? newIdCode(model.paper.arxiv, 4, after) : -1;
        if (code >= 0) {
          found.newIds[after as 4 | 5].add(code);
        }
        found.oldIds ||= model.paper.arxiv.includes('/');
      }
      for (const title of titlesOf(model)) {
        const normalized = normalizeTitle(title);
        if (!found.byTitle.has(normalized)) {
          found.byTitle.set(normalized, model);
          const head = endCode(normalized.slice(0, END_LENGTH));
          const tail = endCode(normalized.slice(-END_LENGTH));
          found.titleEnds.set(head, (found.titleEnds.get(head) ?? new Set()).add(tail));
          found.titleTails.add(tail);
        }
      }
      const doi = model.paper.doi && normalizeDoi(model.paper.doi);
      if (doi) {
        found.byDoi.set(doi, model);
      }
    }
    maps.set(atlas, found);
  }
  return found;
}

/**
 * Every title the paper goes by: as it stands now, its arXiv v1 title, its published title, and the title of
 * the authors' own BibTeX entry (which may still carry an older one).
 */
export function titlesOf(model: AtlasModel): string[] {
  return [model.paper.title, model.paper.v1Title, model.paper.venueTitle, ownEntryOf(model)?.fields.title].filter((t): t is string => !!t);
}

const ownEntries = new WeakMap<AtlasModel, BibEntry | null>();

/** The atlas's BibTeX entry of the paper (the authors' own, or one composed from the facts), read once. */
export function ownEntryOf(model: AtlasModel): BibEntry | undefined {
  let entry = ownEntries.get(model);
  if (entry === undefined) {
    entry = parseBibtex(model.bibtex.entry).entries[0] ?? null;
    ownEntries.set(model, entry);
  }
  return entry ?? undefined;
}

export interface EntryMatch {
  model: AtlasModel;
  by: 'title' | 'arxiv' | 'doi';
}

/**
 * The atlas paper an entry is. A title that is one of a paper's titles decides (the id may be a slip);
 * otherwise an arXiv id or DOI, unless the entry's title is plainly another paper's.
 */
export function matchEntry(atlas: AtlasIndex, entry: BibEntry, byId?: readonly AtlasModel[]): EntryMatch | undefined {
  const maps = paperMaps(atlas);
  const title = entry.fields.title;
  const byOwnTitle = title !== undefined && mayBeAtlasTitle(title, maps) ? maps.byTitle.get(normalizeTitle(title)) : undefined;
  if (byOwnTitle) {
    return { model: byOwnTitle, by: 'title' };
  }
  for (const model of byId ?? papersNamedById(maps, entry)) {
    if (sameTitle(title, model)) {
      return { model, by: 'arxiv' };
    }
  }
  const doiPaper = maps.byDoi.size > 0 ? paperByDoi(maps.byDoi, entry.fields.doi, title) ?? paperByDoi(maps.byDoi, doiUrl(entry.fields.url), title) : undefined;
  return doiPaper && { model: doiPaper, by: 'doi' };
}

/**
 * The paper of a DOI written in the doi field or a doi.org url (as doisOf reads them), unless the title is
 * plainly another paper's. Spelt out without doisOf's arrays: this runs for every entry of a .bib.
 */
function paperByDoi(byDoi: ReadonlyMap<string, AtlasModel>, written: string | undefined, title: string | undefined): AtlasModel | undefined {
  const doi = written === undefined ? undefined : normalizeDoi(written);
  const model = doi === undefined ? undefined : byDoi.get(doi);
  return model && sameTitle(title, model) ? model : undefined;
}

/** Whether a title's first and last letters and digits, where they can be read without normalising it, are an atlas title's. */
function mayBeAtlasTitle(title: string, { titleEnds, titleTails }: PaperMaps): boolean {
  const head = titleHead(title);
  const tails = head === undefined ? titleTails : titleEnds.get(head);
  if (tails === undefined) {
    return false;
  }
  const tail = titleTail(title);
  return tail === undefined || tails.has(tail);
}

/** Whether an entry's title (if it has one) is one of the paper's titles, or a shortened or lengthened form of one. */
function sameTitle(title: string | undefined, model: AtlasModel): boolean {
  return title === undefined || titlesOf(model).some((t) => !isOtherTitle(title, t));
}

export function atlasModelOfEntry(atlas: AtlasIndex, entry: BibEntry): AtlasModel | undefined {
  return matchEntry(atlas, entry)?.model;
}

/** Anything shaped like an old-style arXiv id: with namesNewAtlasId, a cheap first look before reading ids in context. */
const OLD_ID_LIKE = /[a-z-]+(?:\.[a-z]{2})?\/\d{7}/gi;
/** Where an entry says where its paper is; an id in an abstract or a note to oneself says nothing of that. */
const ID_FIELDS = ['eprint', 'arxivid', 'arxiv', 'eprintid', 'journal', 'journaltitle', 'volume', 'url', 'doi', 'note', 'howpublished', 'publisher', 'pdf'];

function namesAtlasId(value: string, { newIds, byArxiv, oldIds }: PaperMaps): boolean {
  if (namesNewAtlasId(value, newIds)) {
    return true;
  }
  if (oldIds && value.includes('/')) {
    OLD_ID_LIKE.lastIndex = 0;
    for (let m = OLD_ID_LIKE.exec(value); m; m = OLD_ID_LIKE.exec(value)) {
      if (byArxiv.has(m[0].toLowerCase())) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether `value` holds an atlas paper's new-style id (dddd.dddd or dddd.ddddd) anywhere: a hop from dot to dot,
 * reading the digits around each as a number, where a regular expression would try every offset and a slice
 * would make a string. It may also find an id inside a longer run of digits; papersByArxivId then reads the
 * ids in context.
 */
function namesNewAtlasId(value: string, newIds: PaperMaps['newIds']): boolean {
  for (let dot = value.indexOf('.', 4); dot >= 0; dot = value.indexOf('.', dot + 1)) {
    const short = newIdCode(value, dot, 4);
    if (short >= 0 && (newIds[4].has(short) || newIds[5].has(newIdCode(value, dot, 5)))) {
      return true;
    }
  }
  return false;
}

/** The four digits before `dot` and the `after` digits after it as one number, or -1 where they are not all digits. */
function newIdCode(text: string, dot: number, after: 4 | 5): number {
  if (dot < 4 || dot + after >= text.length || text.charCodeAt(dot) !== 0x2e) {
    return -1;
  }
  let code = 0;
  for (let i = dot - 4; i <= dot + after; i++) {
    if (i !== dot) {
      const digit = text.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) {
        return -1;
      }
      code = code * 10 + digit;
    }
  }
  return code;
}

const NONE: readonly AtlasModel[] = [];

/**
 * The atlas papers whose arXiv ids the entry names (as arxivIdsOf reads them). Most entries name none: a scan
 * of the fields that give a paper's place for id-shaped text, looked up in the atlas, spares reading them in context.
 */
export function papersByArxivId(atlas: AtlasIndex, entry: BibEntry): readonly AtlasModel[] {
  return papersNamedById(paperMaps(atlas), entry);
}

function papersNamedById(maps: PaperMaps, entry: BibEntry): readonly AtlasModel[] {
  if (!namesAnyAtlasId(entry.fields, maps)) {
    return NONE;
  }
  return [...arxivIdsOf(entry)].map((id) => maps.byArxiv.get(id)).filter((m): m is AtlasModel => m !== undefined);
}

/** A plain loop: this runs for every entry of a 10,000-entry .bib on its first use. */
function namesAnyAtlasId(fields: Record<string, string>, maps: PaperMaps): boolean {
  for (const name of ID_FIELDS) {
    const value = fields[name];
    if (value !== undefined && namesAtlasId(value, maps)) {
      return true;
    }
  }
  return false;
}

/** What identifies an atlas paper in someone's .bib: its key, arXiv id, title and DOI. */
export function paperIdentity(model: AtlasModel): PaperIdentity {
  return { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title, doi: model.paper.doi };
}
