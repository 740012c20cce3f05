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
