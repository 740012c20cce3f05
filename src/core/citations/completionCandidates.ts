// Which models to offer for a citation key or a model name, in which order. The match is decided here, not by
// VS Code's fuzzy filter: a typed word is offered only what it really starts (a name, alias, key, author...).
import type { AtlasModel } from '../atlas/atlas';
import { namesOf } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { BibFile } from '../bibtex/parse';
import { bibKeyIndex, citedModelCounts, keyToCite } from './citationKeys';
import { normalizeName } from '../atlas/normalize';

export interface Candidate {
  model: AtlasModel;
  /** Orders the list as returned: VS Code sorts by it among equally filtered items. */
  sortText: string;
  /** The typed text is one of the model's names, aliases or keys: the item to preselect. */
  exact: boolean;
}

export interface CandidateOptions {
  /** Models the document already cites, under whatever key, with how often: offered right after exact matches. */
  citedIds?: ReadonlyMap<string, number>;
  /** Ids inserted recently, most recent first: offered next. */
  recentIds?: readonly string[];
  /** The key the document's .bib holds a model's paper under, by model id: matched like the atlas key. */
  userKeys?: ReadonlyMap<string, string>;
  limit?: number;
}

const DEFAULT_LIMIT = 200;
/** Title and organisation words match from this many typed characters, so a short word does not drag in every title. */
const MIN_WORD_PREFIX = 3;
const STOP_WORDS = new Set(['with', 'from', 'towards', 'toward', 'into', 'over', 'using', 'through', 'what', 'when', 'your', 'their', 'more', 'less', 'than', 'that', 'this', 'large', 'model', 'models']);

/**
 * How well a model matches what was typed, best first; `None` is not offered. A recent model ranks after the
 * name matches, but before key and word matches (and, with nothing typed, before everything not cited).
 */
const enum Tier {
  Exact = 0,
  Cited = 1,
  Name = 2,
  Recent = 3,
  Key = 4,
  Word = 5,
  None = 6,
}

// Completion runs on every keystroke: what each model is matched by is computed once.
interface ModelKeys {
  /** Names and aliases, normalised ("blip2" for BLIP-2). */
  names: string[];
  /** Names and aliases as written, for prose where a name that is an ordinary word matches only in its case. */
  written: string[];
  key: string;
  /** First author's surname and the year: matched from the first character. */
  people: string[];
  /** Organisation and title words: matched from MIN_WORD_PREFIX characters. */
  words: string[];
  /** Inverted date, so that a plain string sort puts the newest first. */
  newestFirst: string;
}

const keysCache = new WeakMap<AtlasModel, ModelKeys>();

function surname(author: string): string {
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

function keysOf(model: AtlasModel): ModelKeys {
  let keys = keysCache.get(model);
  if (!keys) {
    const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3 && !STOP_WORDS.has(w));
    keys = {
      names: namesOf(model).map(normalizeName),
      written: namesOf(model),
      key: model.bibtex.key.toLowerCase(),
      people: [surname(model.paper.authors[0] ?? '').toLowerCase(), model.paper.date.slice(0, 4)].filter((w) => w !== ''),
      words: [...new Set([...model.organizations.flatMap(wordsOf), ...wordsOf(model.paper.title)])],
      newestFirst: String(99999999 - Number(model.paper.date.replace(/-/g, ''))).padStart(8, '0'),
    };
    keysCache.set(model, keys);
  }
  return keys;
}

export type Lead = 'citation' | 'name';

interface Typed {
  lower: string;
  normalized: string;
  raw: string;
}

/**
 * How `typed` matches a model. For a citation key every word counts; for a name in prose only names and
 * aliases do, a name that is an ordinary word (ALIGN, GIT, Frozen) only in its own case, and a word typed all
 * in lower case not at all: a lower-case word is prose, as the mention matcher reads it.
 */
function matchTier(model: AtlasModel, keys: ModelKeys, typed: Typed, lead: Lead, userKey: string | undefined): Tier {
  if (typed.raw === '') {
    return Tier.Word; // everything matches, newest first
  }
  const { lower, normalized, raw } = typed;
  if (lead === 'name') {
    if (raw === lower && !/\d/.test(raw)) {
      return Tier.None;
    }
    const caseSensitive = model.matchCase === true || model.nameIsCommonWord === true;
    if (caseSensitive) {
      return keys.written.includes(raw) ? Tier.Exact : keys.written.some((n) => n.startsWith(raw)) ? Tier.Name : Tier.None;
    }
    return keys.names.includes(normalized) ? Tier.Exact : normalized !== '' && keys.names.some((n) => n.startsWith(normalized)) ? Tier.Name : Tier.None;
  }
  const userLower = userKey?.toLowerCase();
  if (keys.names.includes(normalized) || keys.key === lower || userLower === lower) {
    return Tier.Exact;
  }
  if (normalized !== '' && keys.names.some((n) => n.startsWith(normalized))) {
    return Tier.Name;
  }
  const keyMatches = (key: string) => key.startsWith(lower) || (lower.length >= MIN_WORD_PREFIX && key.includes(lower));
  if (keyMatches(keys.key) || (userLower !== undefined && keyMatches(userLower))) {
    return Tier.Key;
  }
  if (keys.people.some((w) => w.startsWith(lower)) || (lower.length >= MIN_WORD_PREFIX && keys.words.some((w) => w.startsWith(lower)))) {
    return Tier.Word;
  }
  return Tier.None;
}

/** Models to offer for a citation key after the typed `prefix`. */
export function citationCandidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions = {}): Candidate[] {
  return candidates(atlas, prefix, options, 'citation');
}

/** Models to offer for a model name after the typed `prefix`. */
export function nameCandidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions = {}): Candidate[] {
  return candidates(atlas, prefix, options, 'name');
}

/**
 * Per first character, the models (newest first) that a prefix starting with it can match: every model's
 * normalised names, key, people and words start with some character, and a key may contain the prefix anywhere.
 */
interface CompletionIndex {
  newestFirst: Int32Array;
  /** Each model's position in newestFirst, by id. */
  position: Map<string, number>;
  byFirstChar: Map<string, Int32Array>;
}

const completionIndexes = new WeakMap<readonly AtlasModel[], CompletionIndex>();

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
  const lists = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const at of order) {
    seen.clear();
    const k = keys[at];
    for (const word of [...k.names, ...k.people, ...k.words, ...k.written.map((w) => w.toLowerCase())]) {
      if (word.length > 0) {
        seen.add(word[0]);
      }
    }
    for (const c of k.key) {
      seen.add(c);
    }
    for (const c of seen) {
      const list = lists.get(c);
      if (list) {
        list.push(at);
      } else {
        lists.set(c, [at]);
      }
    }
  }
  const position = new Map(Array.from(order, (at, i) => [models[at].id, i]));
  const built: CompletionIndex = { newestFirst: order, position, byFirstChar: new Map([...lists].map(([c, list]) => [c, Int32Array.from(list)])) };
  completionIndexes.set(models, built);
  return built;
}

interface Ranked {
  model: AtlasModel;
  tier: Tier;
  exact: boolean;
  /** Within the tier: how often cited (more first), how recent, or the newest-first position. */
  order: number;
}

/**
 * The first `limit` matches, best first (see Tier): exact names, aliases and keys; models the document
 * already cites, most cited first; name prefixes; recent models; key matches; other words; each newest first
 * unless said otherwise. The few models that may rank on top are looked up first; the rest are taken from
 * the newest-first list until the best tier a plain match can reach is full. sortText is the position.
 */
function candidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions, lead: Lead): Candidate[] {
  const limit = Number.isInteger(options.limit) && options.limit! >= 0 ? options.limit! : DEFAULT_LIMIT;
  const typed: Typed = { raw: prefix, lower: prefix.toLowerCase(), normalized: normalizeName(prefix) };
  const cited = options.citedIds ?? new Map<string, number>();
  const recent = options.recentIds ?? [];
  const tierOf = (model: AtlasModel) => matchTier(model, keysOf(model), typed, lead, options.userKeys?.get(model.id));
  const models = atlas.models;
  const index = completionIndexOf(models);
  const newestFirst = (model: AtlasModel) => index.position.get(model.id) ?? 0;

  const tiers: Ranked[][] = [[], [], [], [], [], []];
  const placed = new Set<string>();
  const place = (model: AtlasModel, tier: Tier, order: number) => {
    placed.add(model.id);
    tiers[tier].push({ model, tier, exact: tier === Tier.Exact, order });
  };
  for (const model of mayRankOnTop(atlas, typed, options)) {
    const tier = tierOf(model);
    if (tier === Tier.Exact) {
      place(model, tier, newestFirst(model));
    } else if (tier !== Tier.None && cited.has(model.id)) {
      place(model, Tier.Cited, -(cited.get(model.id) ?? 0));
    } else if (tier > Tier.Recent && tier !== Tier.None && recent.includes(model.id)) {
      place(model, Tier.Recent, recent.indexOf(model.id));
    }
  }
  const plain = (model: AtlasModel) => {
    const tier = tierOf(model);
    if (tier === Tier.Name) {
      // The closest name first ("blip": BLIP-2 before BLIP3-o), then newest first.
      place(model, tier, nameDistance(keysOf(model), typed) * models.length + newestFirst(model));
    } else if (tier !== Tier.None) {
      place(model, tier, newestFirst(model)); // Exact here: an alias two models share, which lookup refuses to pick
    }
  };
  const full = typed.raw === '' ? Tier.Word : Tier.Name;
  const list = prefix === '' ? index.newestFirst : index.byFirstChar.get(typed.lower[0]) ?? index.byFirstChar.get(typed.normalized[0] ?? '');
  for (let i = 0; list && i < list.length && tiers[full].length < limit; i++) {
    const model = models[list[i]];
    if (!placed.has(model.id)) {
      plain(model);
    }
  }
  // A model the .bib holds under a key of its own is found by that key too, though the index does not know it.
  const byUserKey = [...(options.userKeys?.keys() ?? [])].filter((id) => !placed.has(id));
  byUserKey.forEach((id) => {
    const model = atlas.byIdOrUndefined(id);
    if (model) {
      plain(model);
    }
  });
  tiers.forEach((tier, i) => {
    if (i <= Tier.Recent || byUserKey.length > 0) {
      tier.sort((a, b) => a.order - b.order);
    }
  });
  const ranked = tiers.flat().slice(0, limit);
  const width = String(ranked.length).length;
  return ranked.map((r, i) => ({ model: r.model, exact: r.exact, sortText: String(i).padStart(width, '0') }));
}

/**
 * How far the typed text is from a name it starts: the characters the model's own name has beyond it, or, for
 * a model only an alias of which it starts, those of the shortest such alias after every own name (BLIP-2
 * before xGen-MM, whose alias is BLIP-3).
 */
function nameDistance(keys: ModelKeys, typed: Typed): number {
  const [own, ...aliases] = keys.names;
  if (own?.startsWith(typed.normalized)) {
    return own.length - typed.normalized.length;
  }
  const shortest = Math.min(...aliases.filter((a) => a.startsWith(typed.normalized)).map((a) => a.length - typed.normalized.length));
  return Number.isFinite(shortest) ? ALIAS_DISTANCE + shortest : ALIAS_DISTANCE;
}

/** Added to an alias's distance: past any own name's. */
const ALIAS_DISTANCE = 1000;

/** Models cited or recent, and those the typed text names or keys exactly. */
function mayRankOnTop(atlas: AtlasIndex, typed: Typed, options: CandidateOptions): AtlasModel[] {
  const ids = new Set([...(options.citedIds?.keys() ?? []), ...(options.recentIds ?? [])]);
  if (typed.raw !== '') {
    const named = atlas.lookup(typed.raw);
    if (named) {
      ids.add(named.id);
    }
    for (const [id, key] of options.userKeys ?? []) {
      if (key.toLowerCase() === typed.lower) {
        ids.add(id);
      }
    }
  }
  return [...ids].map((id) => atlas.byIdOrUndefined(id)).filter((m): m is AtlasModel => m !== undefined);
}

/**
 * The completion's atlas decision inside a citation, shared by the provider and the bench: the candidates for
 * `prefix` ranked with what the document cites (by any key its .bib files hold) and the recent models, each
 * with the key to insert (the one a .bib of the document holds it under, else `newKey`'s, the key its appended
 * entry will get, or the atlas key or its first free letter), without the keys the citation already holds.
 */
export function citationCompletions(
  atlas: AtlasIndex,
  prefix: string,
  otherKeys: readonly string[],
  bibs: readonly BibFile[],
  context: { citedKeys?: readonly string[]; recentIds?: readonly string[]; newKey?: (model: AtlasModel) => string } = {},
): Array<{ candidate: Candidate; key: string }> {
  const already = new Set(otherKeys.map((k) => k.toLowerCase()));
  const index = bibKeyIndex(atlas, bibs);
  const candidates = citationCandidates(atlas, prefix, {
    citedIds: citedModelCounts(atlas, bibs, context.citedKeys ?? []),
    recentIds: context.recentIds,
    userKeys: index.keyOfModel,
  });
  return candidates
    .map((candidate) => ({ candidate, key: index.keyOfModel.get(candidate.model.id) ?? context.newKey?.(candidate.model) ?? keyToCite(bibs, candidate.model) }))
    .filter(({ key }) => !already.has(key.toLowerCase()));
}
