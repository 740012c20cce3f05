// Which models to offer for a citation key or a model name, in which order. VS Code filters the list
// further as the user types, so this returns a bounded, well-sorted list with short, alias-rich filter text.
import type { AtlasModel } from '../atlas/atlas';
import { namesOf } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { BibFile } from '../bibtex/parse';
import { keyToCite } from './citationKeys';

export interface Candidate {
  model: AtlasModel;
  /** Words VS Code matches the typed text against (kept under its 128-character limit). */
  filterText: string;
  sortText: string;
}

export interface CandidateOptions {
  /** Keys already cited in the document: offered first. */
  citedKeys?: ReadonlySet<string>;
  /** Ids inserted recently, most recent first: offered next. */
  recentIds?: readonly string[];
  limit?: number;
}

const FILTER_TEXT_LIMIT = 128;
const DEFAULT_LIMIT = 200;

function surname(author: string): string {
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

/** The words a model is found by: key, names, first author's surname, year, organizations, title words. */
function searchWords(model: AtlasModel): string[] {
  return [
    model.bibtex.key,
    ...namesOf(model),
    surname(model.paper.authors[0] ?? ''),
    model.paper.date.slice(0, 4),
    ...model.organizations,
    ...model.paper.title.split(/[\s:]+/).filter((w) => w.length > 3),
  ];
}

export function filterTextOf(model: AtlasModel, lead: string): string {
  let text = lead;
  for (const word of searchWords(model)) {
    if (text.length + word.length + 1 > FILTER_TEXT_LIMIT) {
      break;
    }
    if (!text.toLowerCase().split(' ').includes(word.toLowerCase())) {
      text += ` ${word}`;
    }
  }
  return text;
}

// Completion runs on every keystroke: what each model is matched and ranked by is computed once.
interface ModelKeys {
  /** Lower-cased search words; the first is the citation key. */
  words: string[];
  lowerNames: string[];
  /** Inverted date, so that a plain string sort puts the newest first. */
  newestFirst: string;
}

const keysCache = new WeakMap<AtlasModel, ModelKeys>();

function keysOf(model: AtlasModel): ModelKeys {
  let keys = keysCache.get(model);
  if (!keys) {
    keys = {
      words: searchWords(model).map((w) => w.toLowerCase()),
      lowerNames: namesOf(model).map((n) => n.toLowerCase()),
      newestFirst: String(99999999 - Number(model.paper.date.replace(/-/g, ''))).padStart(8, '0'),
    };
    keysCache.set(model, keys);
  }
  return keys;
}

function matchesPrefix(keys: ModelKeys, lowerPrefix: string): boolean {
  if (lowerPrefix === '') {
    return true;
  }
  return keys.words.some((w) => w.startsWith(lowerPrefix)) || keys.words[0].includes(lowerPrefix);
}

function rank(model: AtlasModel, keys: ModelKeys, lower: string, options: CandidateOptions): string {
  const recent = options.recentIds?.indexOf(model.id) ?? -1;
  let tier: string;
  if (options.citedKeys?.has(model.bibtex.key)) {
    tier = 'a';
  } else if (recent >= 0) {
    tier = `b${String(recent).padStart(3, '0')}`;
  } else if (lower !== '' && keys.lowerNames.includes(lower)) {
    tier = 'c';
  } else {
    tier = 'd';
  }
  return `${tier}${keys.newestFirst}`;
}

/** Models to offer for a citation key after the typed `prefix`. */
export function citationCandidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions = {}): Candidate[] {
  return candidates(atlas, prefix, options, 'citation');
}

/** Models to offer for a model name after the typed `prefix`. */
export function nameCandidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions = {}): Candidate[] {
  return candidates(atlas, prefix, options, 'name');
}

type Lead = 'citation' | 'name';

function leadOf(model: AtlasModel, lead: Lead): string {
  return lead === 'citation' ? model.bibtex.key : model.name;
}

/** Filter texts are the same on every keystroke: made once per model and lead. */
const filterTextCache = { citation: new WeakMap<AtlasModel, string>(), name: new WeakMap<AtlasModel, string>() };

function cachedFilterText(model: AtlasModel, lead: Lead): string {
  let text = filterTextCache[lead].get(model);
  if (text === undefined) {
    text = filterTextOf(model, leadOf(model, lead));
    filterTextCache[lead].set(model, text);
  }
  return text;
}

interface Ranked {
  model: AtlasModel;
  sortText: string;
  /** Position in atlas.models: equal sort texts keep the atlas order. */
  at: number;
}

/**
 * What a completion needs to avoid ranking every model on every keystroke: the models newest first (the
 * order of the plain tier), per first character the models a prefix starting with it can match, and the
 * few models that rank above the plain tier found by key, id and name.
 */
interface CompletionIndex {
  newestFirst: Int32Array;
  /** By lower-case code unit: models (newest first) with a search word starting with it or a key containing it. */
  byFirstChar: Map<number, Int32Array>;
  byKey: Map<string, number[]>;
  byId: Map<string, number[]>;
  byLowerName: Map<string, number[]>;
}

const completionIndexes = new WeakMap<readonly AtlasModel[], CompletionIndex>();

function pushTo<K>(map: Map<K, number[]>, key: K, at: number): void {
  const list = map.get(key);
  if (list) {
    list.push(at);
  } else {
    map.set(key, [at]);
  }
}

function completionIndexOf(models: readonly AtlasModel[]): CompletionIndex {
  const cached = completionIndexes.get(models);
  if (cached) {
    return cached;
  }
  const keys = models.map(keysOf);
  const order = Int32Array.from(models.keys()).sort((a, b) => {
    const x = keys[a].newestFirst;
    const y = keys[b].newestFirst;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const lists = new Map<number, number[]>();
  const seen = new Set<number>();
  for (const at of order) {
    seen.clear();
    const { words } = keys[at];
    for (const word of words) {
      if (word.length > 0) {
        seen.add(word.charCodeAt(0));
      }
    }
    for (let i = 0; i < words[0].length; i++) {
      seen.add(words[0].charCodeAt(i));
    }
    for (const c of seen) {
      pushTo(lists, c, at);
    }
  }
  const built: CompletionIndex = { newestFirst: order, byFirstChar: new Map(), byKey: new Map(), byId: new Map(), byLowerName: new Map() };
  for (const [c, list] of lists) {
    built.byFirstChar.set(c, Int32Array.from(list));
  }
  models.forEach((model, at) => {
    pushTo(built.byKey, model.bibtex.key, at);
    pushTo(built.byId, model.id, at);
    for (const name of keys[at].lowerNames) {
      pushTo(built.byLowerName, name, at);
    }
  });
  completionIndexes.set(models, built);
  return built;
}

function byRank(a: Ranked, b: Ranked): number {
  return a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : a.at - b.at;
}

/**
 * The first `limit` matches in rank order, as sorting every match would give, without sorting them:
 * models cited, recent or named exactly rank first and are few; the rest rank newest first, so they are
 * taken from the newest-first list until the limit is reached.
 */
function candidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions, lead: Lead): Candidate[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const lowerPrefix = prefix.toLowerCase();
  const models = atlas.models;
  const index = completionIndexOf(models);
  const ranked = Number.isInteger(limit) && limit >= 0 ? topRanked(models, index, lowerPrefix, options, limit) : allRanked(models, lowerPrefix, options).slice(0, limit);
  return ranked.map(({ model, sortText }) => ({ model, sortText, filterText: cachedFilterText(model, lead) }));
}

function topRanked(models: readonly AtlasModel[], index: CompletionIndex, lowerPrefix: string, options: CandidateOptions, limit: number): Ranked[] {
  const ranksHigher = new Set<number>();
  for (const key of options.citedKeys ?? []) {
    index.byKey.get(key)?.forEach((at) => ranksHigher.add(at));
  }
  for (const id of options.recentIds ?? []) {
    index.byId.get(id)?.forEach((at) => ranksHigher.add(at));
  }
  if (lowerPrefix !== '') {
    index.byLowerName.get(lowerPrefix)?.forEach((at) => ranksHigher.add(at));
  }
  const ranked: Ranked[] = [];
  for (const at of ranksHigher) {
    const model = models[at];
    const keys = keysOf(model);
    if (matchesPrefix(keys, lowerPrefix)) {
      ranked.push({ model, sortText: rank(model, keys, lowerPrefix, options), at });
    }
  }
  ranked.sort(byRank);
  if (ranked.length >= limit) {
    return ranked.slice(0, limit);
  }
  const newestFirst = lowerPrefix === '' ? index.newestFirst : index.byFirstChar.get(lowerPrefix.charCodeAt(0));
  for (let i = 0; newestFirst && i < newestFirst.length && ranked.length < limit; i++) {
    const at = newestFirst[i];
    if (ranksHigher.has(at)) {
      continue;
    }
    const model = models[at];
    const keys = keysOf(model);
    if (matchesPrefix(keys, lowerPrefix)) {
      ranked.push({ model, sortText: rank(model, keys, lowerPrefix, options), at });
    }
  }
  return ranked;
}

/** Every match, sorted: for a limit that is not a count (as slice reads it). */
function allRanked(models: readonly AtlasModel[], lowerPrefix: string, options: CandidateOptions): Ranked[] {
  const ranked: Ranked[] = [];
  models.forEach((model, at) => {
    const keys = keysOf(model);
    if (matchesPrefix(keys, lowerPrefix)) {
      ranked.push({ model, sortText: rank(model, keys, lowerPrefix, options), at });
    }
  });
  return ranked.sort(byRank);
}

/**
 * The completion's whole decision inside a citation, shared by the provider and the bench: the candidates for
 * `prefix`, each with the key to insert (the one a .bib of the document holds it under, else the atlas key or
 * its first free letter), without the keys the citation already holds.
 */
export function citationCompletions(
  atlas: AtlasIndex,
  prefix: string,
  otherKeys: readonly string[],
  bibs: readonly BibFile[],
  options: CandidateOptions = {},
): Array<{ candidate: Candidate; key: string }> {
  const already = new Set(otherKeys.map((k) => k.toLowerCase()));
  return citationCandidates(atlas, prefix, options)
    .map((candidate) => ({ candidate, key: keyToCite(bibs, candidate.model) }))
    .filter(({ key }) => !already.has(key.toLowerCase()));
}
