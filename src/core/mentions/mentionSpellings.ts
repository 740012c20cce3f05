// The spellings the mention matcher looks for: the atlas's names and aliases (ordinary words marked), the
// names known not to be atlas models, and the version forms writers use ("BEiT-2" for BEiT v2, "Emu-1").
import type { AtlasModel } from '../atlas/atlas';
import { namesOf } from '../atlas/atlas';
import type { Spelling } from './spellingTable';

/** data/names.yaml: see its comments and the README's design notes. */
export interface MentionNames {
  ordinaryWords: readonly string[];
  contextWords: readonly string[];
  notModels: readonly string[];
}

export const NO_NAMES: MentionNames = { ordinaryWords: [], contextWords: [], notModels: [] };

/** A spelling ending in a version: "BEiT v2", "Kosmos-2", "LLaVA-1.5", "Emu1" → base and number. */
const VERSIONED = /^(.*?[A-Za-z])(?:[ -]?[vV]|[ -])?(\d{1,2}(?:\.\d{1,2})?)$/;

/** The forms a versioned spelling is written in: "BEiT v2" → BEiT2, BEiT-2, BEiT 2, BEiTv2, BEiT-v2, BEiT v2, BEiT V2. */
export function versionForms(spelling: string): string[] {
  const m = VERSIONED.exec(spelling);
  if (!m) {
    return [];
  }
  const [, base, version] = m;
  return ['', '-', ' ', 'v', '-v', ' v', ' V', '-V'].map((between) => `${base}${between}${version}`).filter((form) => form !== spelling);
}

/**
 * Every spelling, in the order the table keeps the first of equal ones: the atlas's own, then the names that
 * are not models (an atlas entry's spelling wins over one), then derived version forms.
 */
export function mentionSpellings(models: readonly AtlasModel[], names: MentionNames): Spelling[] {
  const ordinary = new Set(names.ordinaryWords.map((w) => w.toLowerCase()));
  const own: Spelling[] = models.flatMap((model) => {
    const spellings = model.nameIsCommonWord ? model.aliases ?? [] : namesOf(model);
    return spellings.map((spelling) => ({ modelId: model.id, spelling, matchCase: model.matchCase === true, ordinary: ordinary.has(spelling.toLowerCase()) }));
  });
  const notModels: Spelling[] = names.notModels.map((spelling) => ({ modelId: '', spelling }));
  const derived = [...own, ...notModels].flatMap((s) => versionForms(s.spelling).map((spelling) => ({ ...s, spelling, ordinary: false })));
  return [...own, ...notModels, ...derived];
}
