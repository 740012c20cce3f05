// Which key cites an atlas paper in a document's bibliographies, and which paper a cited key stands for
// there: the .bib decides (an atlas paper under the user's key, or another paper under an atlas key).
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { atlasModelOfEntry, paperIdentity } from '../bibtex/atlasEntries';
import { bibIndex } from '../bibtex/bibIndex';
import { findExistingEntry, isOtherPaper } from '../bibtex/match';
import type { BibEntry, BibFile } from '../bibtex/parse';

/** The key one .bib holds the paper under (same key, arXiv id, DOI or title), if it holds it. */
export function existingKey(bib: BibFile, model: AtlasModel): string | undefined {
  return findExistingEntry(bib, paperIdentity(model))?.key;
}

/** The key the first of `bibs` that holds the paper holds it under. */
export function keyInAny(bibs: readonly BibFile[], model: AtlasModel): string | undefined {
  return bibs.map((bib) => existingKey(bib, model)).find((key) => key !== undefined);
}

/**
 * The key to cite a model by: the one a .bib already holds the paper under, else the atlas key, or when one
 * of the files uses that key for another paper, the atlas key with the first free letter after it.
 */
export function keyToCite(bibs: readonly BibFile[], model: AtlasModel, taken: readonly string[] = []): string {
  return keyInAny(bibs, model) ?? freeKey(model.bibtex.key, bibs, taken);
}

/** `base`, or `base` with the first letter (then number) that no entry of `bibs` and none of `taken` uses. */
export function freeKey(base: string, bibs: readonly BibFile[], taken: readonly string[]): string {
  const takenLower = new Set(taken.map((key) => key.toLowerCase()));
  const suffixes = ['', ...'abcdefghijklmnopqrstuvwxyz'];
  for (let i = 0; ; i++) {
    const key = base + (suffixes[i] ?? String(i - suffixes.length + 2));
    if (!takenLower.has(key.toLowerCase()) && entryWithKey(bibs, key) === undefined) {
      return key;
    }
  }
}

/** The entry with this key in the first of `bibs` that has one (keys compare without case, as BibTeX does). */
export function entryWithKey(bibs: readonly BibFile[], key: string): BibEntry | undefined {
  for (const bib of bibs) {
    const entry = bibIndex(bib).byKey(key);
    if (entry) {
      return entry;
    }
  }
  return undefined;
}

/** The atlas paper a cited key stands for in a document whose bibliographies are `bibs`. */
export function atlasModelOfBibKey(atlas: AtlasIndex, bibs: readonly BibFile[], key: string): AtlasModel | undefined {
  const entry = entryWithKey(bibs, key);
  const byAtlasKey = atlas.byCitationKey(key);
  if (!entry) {
    return byAtlasKey;
  }
  if (byAtlasKey && !isOtherPaper(entry, { ...paperIdentity(byAtlasKey), key })) {
    return byAtlasKey;
  }
  return atlasModelOfEntry(atlas, entry);
}

/**
 * What a cited key stands for, for the mention rules: an atlas model's id (by the .bib's entry, or the atlas
 * key when no .bib holds it), null for an entry that is another paper, undefined when nothing says.
 */
export function citedModelOf(atlas: AtlasIndex, bibs: readonly BibFile[], key: string): string | null | undefined {
  const model = atlasModelOfBibKey(atlas, bibs, key);
  if (model) {
    return model.id;
  }
  return entryWithKey(bibs, key) ? null : undefined;
}

/** What a document's .bib files say about atlas papers, both ways. */
export interface BibKeyIndex {
  /** The key the first file holding an atlas paper holds it under, by model id. */
  keyOfModel: Map<string, string>;
  /** The atlas model each key stands for, by lower-case key (atlasModelOfBibKey for every entry at once). */
  modelOfKey: Map<string, AtlasModel>;
  /** Every key of the files in lower case, with the first entry holding it (the one BibTeX uses). */
  entryOfKey: ReadonlyMap<string, BibEntry>;
}

const perFile = new WeakMap<BibFile, WeakMap<AtlasIndex, BibKeyIndex>>();

function fileKeyIndex(atlas: AtlasIndex, bib: BibFile): BibKeyIndex {
  let byAtlas = perFile.get(bib);
  if (!byAtlas) {
    byAtlas = new WeakMap();
    perFile.set(bib, byAtlas);
  }
  let index = byAtlas.get(atlas);
  if (!index) {
    const entryOfKey = bibIndex(bib).entriesByKey();
    index = { keyOfModel: new Map(), modelOfKey: new Map(), entryOfKey };
    const { keyOfModel, modelOfKey } = index;
    // forEach, not for...of: no [key, entry] pair per entry on a 10,000-entry file's first use.
    entryOfKey.forEach((entry, lower) => {
      const byAtlasKey = atlas.byLowerCaseKey(lower);
      const model = byAtlasKey && !isOtherPaper(entry, { ...paperIdentity(byAtlasKey), key: entry.key }) ? byAtlasKey : atlasModelOfEntry(atlas, entry);
      if (model) {
        modelOfKey.set(lower, model);
        if (!keyOfModel.has(model.id)) {
          keyOfModel.set(model.id, entry.key);
        }
      }
    });
    byAtlas.set(atlas, index);
  }
  return index;
}

/** The atlas papers in `bibs` by key and the keys they are held under, each file worked out once per parse. */
export function bibKeyIndex(atlas: AtlasIndex, bibs: readonly BibFile[]): BibKeyIndex {
  if (bibs.length === 1) {
    return fileKeyIndex(atlas, bibs[0]);
  }
  const entryOfKey = new Map<string, BibEntry>();
  const merged: BibKeyIndex = { keyOfModel: new Map(), modelOfKey: new Map(), entryOfKey };
  for (const bib of bibs) {
    const index = fileKeyIndex(atlas, bib);
    index.entryOfKey.forEach((entry, key) => entryOfKey.has(key) || entryOfKey.set(key, entry));
    index.keyOfModel.forEach((key, id) => merged.keyOfModel.has(id) || merged.keyOfModel.set(id, key));
    index.modelOfKey.forEach((model, key) => merged.modelOfKey.has(key) || merged.modelOfKey.set(key, model));
  }
  return merged;
}

/** The atlas model a cited key stands for: what the .bib says where it holds the key, else the atlas key's model. */
export function modelOfCitedKey(atlas: AtlasIndex, index: BibKeyIndex, key: string): AtlasModel | undefined {
  const lower = key.toLowerCase();
  return index.entryOfKey.has(lower) ? index.modelOfKey.get(lower) : atlas.byCitationKey(key);
}

/** How often the document cites each atlas model, by model id, whichever key it uses (liu2023visual is LLaVA where the .bib says so). */
export function citedModelCounts(atlas: AtlasIndex, bibs: readonly BibFile[], citedKeys: Iterable<string>): Map<string, number> {
  const index = bibKeyIndex(atlas, bibs);
  const counts = new Map<string, number>();
  for (const key of citedKeys) {
    const model = modelOfCitedKey(atlas, index, key);
    if (model) {
      counts.set(model.id, (counts.get(model.id) ?? 0) + 1);
    }
  }
  return counts;
}
