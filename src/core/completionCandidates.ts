// Which models to offer for a citation key or a model name, in which order. VS Code filters the list
// further as the user types, so this returns a bounded, well-sorted list with short, alias-rich filter text.
import type { AtlasModel } from './atlas';
import { namesOf } from './atlas';
import type { AtlasIndex } from './atlasIndex';

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
  return candidates(atlas, prefix, options, (m) => m.bibtex.key);
}

/** Models to offer for a model name after the typed `prefix`. */
export function nameCandidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions = {}): Candidate[] {
  return candidates(atlas, prefix, options, (m) => m.name);
}

function candidates(atlas: AtlasIndex, prefix: string, options: CandidateOptions, lead: (m: AtlasModel) => string): Candidate[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const lowerPrefix = prefix.toLowerCase();
  const ranked: Array<{ model: AtlasModel; sortText: string }> = [];
  for (const model of atlas.models) {
    const keys = keysOf(model);
    if (matchesPrefix(keys, lowerPrefix)) {
      ranked.push({ model, sortText: rank(model, keys, lowerPrefix, options) });
    }
  }
  ranked.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return ranked.slice(0, limit).map(({ model, sortText }) => ({ model, sortText, filterText: filterTextOf(model, lead(model)) }));
}
