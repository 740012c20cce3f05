// Which atlas paper a .bib entry is, whatever its key: by its title (any of the paper's titles), its arXiv
// id (unless the title is plainly another paper's), or its DOI.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { arxivIdsOf, doisOf, isOtherTitle, normalizeDoi, normalizeTitle, type PaperIdentity } from './match';
import type { BibEntry } from './parse';

interface PaperMaps {
  byArxiv: Map<string, AtlasModel>;
  byTitle: Map<string, AtlasModel>;
  byDoi: Map<string, AtlasModel>;
}

const maps = new WeakMap<AtlasIndex, PaperMaps>();

function paperMaps(atlas: AtlasIndex): PaperMaps {
  let found = maps.get(atlas);
  if (!found) {
    found = { byArxiv: new Map(), byTitle: new Map(), byDoi: new Map() };
    for (const model of atlas.models) {
      if (model.paper.arxiv) {
        found.byArxiv.set(model.paper.arxiv.toLowerCase(), model);
      }
      for (const title of titlesOf(model)) {
        const normalized = normalizeTitle(title);
        if (!found.byTitle.has(normalized)) {
          found.byTitle.set(normalized, model);
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

/** Every title the paper has gone by: as it stands now, its arXiv v1 title and its published title. */
export function titlesOf(model: AtlasModel): string[] {
  return [model.paper.title, model.paper.v1Title, model.paper.venueTitle].filter((t): t is string => !!t);
}

export interface EntryMatch {
  model: AtlasModel;
  by: 'title' | 'arxiv' | 'doi';
}

/**
 * The atlas paper an entry is. A title that is one of a paper's titles decides (the id may be a slip);
 * otherwise an arXiv id or DOI, unless the entry's title is plainly another paper's.
 */
export function matchEntry(atlas: AtlasIndex, entry: BibEntry): EntryMatch | undefined {
  const { byArxiv, byTitle, byDoi } = paperMaps(atlas);
  const title = entry.fields.title;
  const byOwnTitle = title !== undefined ? byTitle.get(normalizeTitle(title)) : undefined;
  if (byOwnTitle) {
    return { model: byOwnTitle, by: 'title' };
  }
  const sameTitle = (model: AtlasModel) => title === undefined || titlesOf(model).some((t) => !isOtherTitle(title, t));
  for (const id of arxivIdsOf(entry)) {
    const model = byArxiv.get(id);
    if (model && sameTitle(model)) {
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

/** The atlas paper whose arXiv id this is, if any. */
export function atlasModelOfArxivId(atlas: AtlasIndex, id: string): AtlasModel | undefined {
  return paperMaps(atlas).byArxiv.get(id.toLowerCase());
}

/** What identifies an atlas paper in someone's .bib: its key, arXiv id, title and DOI. */
export function paperIdentity(model: AtlasModel): PaperIdentity {
  return { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title, doi: model.paper.doi };
}
