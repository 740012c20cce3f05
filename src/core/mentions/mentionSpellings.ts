// The spellings the mention matcher looks for: the atlas's names and aliases (ordinary words marked), the
// names known not to be atlas models, the version forms writers use ("BEiT-2" for BEiT v2, "Emu-1"), capitals.
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
    const matchCase = model.matchCase === true;
    // An entry's name flagged as a common word ("Frozen", "Gemini") is an ordinary word like those of names.yaml.
    return namesOf(model).map((spelling, i) => ({ modelId: model.id, spelling, matchCase, ordinary: ordinary.has(spelling.toLowerCase()) || (i === 0 && model.nameIsCommonWord === true) }));
  });
  const notModels: Spelling[] = names.notModels.map((spelling) => ({ modelId: '', spelling }));
  const derived = [...own, ...notModels].flatMap((s) => versionForms(s.spelling).map((spelling) => ({ ...s, spelling, ordinary: false })));
  return [...own, ...notModels, ...derived, ...own.flatMap(caseForms)];
}

/**
 * Case forms of a name that matches only as written: "FLORENCE" for "Florence" (writers set names in capitals,
 * and in capitals a name stands as its authors write it), and "Clip" for "CLIP", which as a capitalised word
 * counts only beside its citation or a noun such as "model" ("the well-known Clip model [@radford2021]").
 */
function caseForms(s: Spelling): Spelling[] {
  if (!s.matchCase) {
    return [];
  }
  const capitals = s.spelling.toUpperCase();
  if (capitals !== s.spelling && /[a-z]/.test(s.spelling)) {
    return [{ ...s, spelling: capitals, strict: false }];
  }
  const capitalised = s.spelling[0] + s.spelling.slice(1).toLowerCase();
  return /^[A-Z]{3,}$/.test(s.spelling) ? [{ ...s, spelling: capitalised, ordinary: true, strict: true }] : [];
}
