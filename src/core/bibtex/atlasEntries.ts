// Which atlas model a .bib entry is, whatever its key: by arXiv id, then by title.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { arxivIdsOf, normalizeTitle, type PaperIdentity } from './match';
import type { BibEntry } from './parse';

interface PaperMaps {
  byArxiv: Map<string, AtlasModel>;
  byTitle: Map<string, AtlasModel>;
}

const maps = new WeakMap<AtlasIndex, PaperMaps>();

function paperMaps(atlas: AtlasIndex): PaperMaps {
  let found = maps.get(atlas);
  if (!found) {
    found = { byArxiv: new Map(), byTitle: new Map() };
    for (const model of atlas.models) {
      if (model.paper.arxiv) {
        found.byArxiv.set(model.paper.arxiv, model);
      }
      found.byTitle.set(normalizeTitle(model.paper.title), model);
    }
    maps.set(atlas, found);
  }
  return found;
}

export function atlasModelOfEntry(atlas: AtlasIndex, entry: BibEntry): AtlasModel | undefined {
  const { byArxiv, byTitle } = paperMaps(atlas);
  for (const id of arxivIdsOf(entry)) {
    const model = byArxiv.get(id);
    if (model) {
      return model;
    }
  }
  return entry.fields.title ? byTitle.get(normalizeTitle(entry.fields.title)) : undefined;
}

/** What identifies an atlas paper in someone's .bib: its key, arXiv id, title and DOI. */
export function paperIdentity(model: AtlasModel): PaperIdentity {
  return { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title, doi: model.paper.doi };
}
