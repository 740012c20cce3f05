// The Models view's filter and the model pickers' matching: every word of the query must occur in the model's
// names, title, authors, organisations (as written and canonical), year, venue, tags or architecture, ignoring
// case and hyphens ("qformer" finds Q-Former, "qwen2.5vl" Qwen2.5-VL); a year ("2023") matches the paper's year.
import type { AtlasModel } from './atlas';
import { organizationsOf } from './organizations';

interface Haystack {
  text: string;
  /** The same fields with hyphens, dots, spaces and the like removed within each field. */
  compact: string;
  year: string;
}

const haystacks = new WeakMap<AtlasModel, Haystack>();

/** What separates the parts of a name or term: "Q-Former", "Qwen2.5 VL", "LLaVA_1.5". */
const JOINERS = /[\s\-‐‑–—_.'’/]+/g;

function compactWord(text: string): string {
  return text.replace(JOINERS, '');
}

function haystackOf(model: AtlasModel): Haystack {
  let found = haystacks.get(model);
  if (!found) {
    const { paper, architecture } = model;
    const fields = [
      model.name,
      model.id,
      ...(model.aliases ?? []),
      paper.title,
      paper.v1Title ?? '',
      paper.venueTitle ?? '',
      ...paper.authors,
      ...model.organizations,
      ...organizationsOf(model).flatMap((o) => [o.name, o.zh]),
      ...(model.tags ?? []),
      paper.venue ?? '',
      paper.date,
      model.family,
      architecture.type,
      architecture.summary,
      ...architecture.components.map((c) => c.name),
      ...(architecture.objectives ?? []),
    ].map((field) => field.toLowerCase());
    found = { text: fields.join('\n'), compact: fields.map(compactWord).join('\n'), year: paper.date.slice(0, 4) };
    haystacks.set(model, found);
  }
  return found;
}

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

const YEAR = /^(19|20)\d\d$/;

function matchesWord(haystack: Haystack, word: string): boolean {
  if (YEAR.test(word)) {
    return haystack.year === word;
  }
  const compact = compactWord(word);
  return haystack.text.includes(word) || (compact.length > 0 && haystack.compact.includes(compact));
}

export function matchesFilter(model: AtlasModel, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) {
    return true;
  }
  const haystack = haystackOf(model);
  return words.every((word) => matchesWord(haystack, word));
}

export function filterModels(models: readonly AtlasModel[], query: string): AtlasModel[] {
  return models.filter((model) => matchesFilter(model, query));
}
