// Which atlas paper a .bib entry is, whatever its key: by its title (any of the paper's titles), its arXiv
// id (unless the title is plainly another paper's), or its DOI.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { arxivIdsOf, doisOf, isOtherTitle, normalizeDoi, normalizeTitle, type PaperIdentity } from './match';
import { parseBibtex, type BibEntry } from './parse';

interface PaperMaps {
  byArxiv: Map<string, AtlasModel>;
  byTitle: Map<string, AtlasModel>;
  /** The first letters and digits of every title, so most titles are ruled out without normalising them. */
  titleHeads: Set<string>;
  byDoi: Map<string, AtlasModel>;
  /** Whether any paper has an old-style id (hep-th/9711200): only then are they looked for. */
  oldIds: boolean;
}

const HEAD_LENGTH = 6;

/**
 * The first HEAD_LENGTH letters and digits of a plain title in lower case (what normalizeTitle would start
 * with), or undefined for one with LaTeX commands or non-ASCII text, which is normalised in full.
 */
function titleHead(title: string): string | undefined {
  let head = '';
  for (let i = 0; i < title.length && head.length < HEAD_LENGTH; i++) {
    const c = title.charCodeAt(i);
    if (c === 0x5c || c > 0x7e) {
      return undefined;
    }
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      head += title[i];
    } else if (c >= 0x41 && c <= 0x5a) {
      head += String.fromCharCode(c + 32);
    }
  }
  return head;
}

const maps = new WeakMap<AtlasIndex, PaperMaps>();

function paperMaps(atlas: AtlasIndex): PaperMaps {
  let found = maps.get(atlas);
  if (!found) {
    found = { byArxiv: new Map(), byTitle: new Map(), titleHeads: new Set(), byDoi: new Map(), oldIds: false };
    for (const model of atlas.models) {
      if (model.paper.arxiv) {
        found.byArxiv.set(model.paper.arxiv.toLowerCase(), model);
        found.oldIds ||= model.paper.arxiv.includes('/');
      }
      for (const title of titlesOf(model)) {
        const normalized = normalizeTitle(title);
        if (!found.byTitle.has(normalized)) {
          found.byTitle.set(normalized, model);
          found.titleHeads.add(normalized.slice(0, HEAD_LENGTH));
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
export function matchEntry(atlas: AtlasIndex, entry: BibEntry, byId: readonly AtlasModel[] = papersByArxivId(atlas, entry)): EntryMatch | undefined {
  const { byTitle, titleHeads, byDoi } = paperMaps(atlas);
  const title = entry.fields.title;
  const head = title === undefined ? undefined : titleHead(title);
  const byOwnTitle = title !== undefined && (head === undefined || titleHeads.has(head)) ? byTitle.get(normalizeTitle(title)) : undefined;
  if (byOwnTitle) {
    return { model: byOwnTitle, by: 'title' };
  }
  const sameTitle = (model: AtlasModel) => title === undefined || titlesOf(model).some((t) => !isOtherTitle(title, t));
  for (const model of byId) {
    if (sameTitle(model)) {
      return { model, by: 'arxiv' };
    }
  }
  if (byDoi.size > 0) {
    for (const doi of doisOf(entry)) {
      const model = byDoi.get(doi);
      if (model && sameTitle(model)) {
        return { model, by: 'doi' };
      }
    }
  }
  return undefined;
}

export function atlasModelOfEntry(atlas: AtlasIndex, entry: BibEntry): AtlasModel | undefined {
  return matchEntry(atlas, entry)?.model;
}

/** Anything shaped like an arXiv id, new style or old: a cheap first look before reading ids in context. */
const NEW_ID_LIKE = /\d{4}\.\d{4,5}/g;
const OLD_ID_LIKE = /[a-z-]+(?:\.[a-z]{2})?\/\d{7}/gi;
/** Where an entry says where its paper is; an id in an abstract or a note to oneself says nothing of that. */
const ID_FIELDS = ['eprint', 'arxivid', 'arxiv', 'eprintid', 'journal', 'journaltitle', 'volume', 'url', 'doi', 'note', 'howpublished', 'publisher', 'pdf'];

function namesAtlasId(value: string, { byArxiv, oldIds }: PaperMaps): boolean {
  for (const pattern of oldIds && value.includes('/') ? [NEW_ID_LIKE, OLD_ID_LIKE] : [NEW_ID_LIKE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
      if (byArxiv.has(m[0].toLowerCase())) {
        return true;
      }
    }
  }
  return false;
}

const NONE: readonly AtlasModel[] = [];

/**
 * The atlas papers whose arXiv ids the entry names (as arxivIdsOf reads them). Most entries name none: a scan
 * of the fields that give a paper's place for id-shaped text, looked up in the atlas, spares reading them in context.
 */
export function papersByArxivId(atlas: AtlasIndex, entry: BibEntry): readonly AtlasModel[] {
  const maps = paperMaps(atlas);
  const fields = entry.fields;
  if (!ID_FIELDS.some((name) => fields[name] !== undefined && namesAtlasId(fields[name], maps))) {
    return NONE;
  }
  return [...arxivIdsOf(entry)].map((id) => maps.byArxiv.get(id)).filter((m): m is AtlasModel => m !== undefined);
}

/** What identifies an atlas paper in someone's .bib: its key, arXiv id, title and DOI. */
export function paperIdentity(model: AtlasModel): PaperIdentity {
  return { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title, doi: model.paper.doi };
}
