// An atlas entry that still holds a "TODO" placeholder (New Model Entry writes them) is not finished: it is
// flagged where it is written and kept out of citations, exports and first places until completed.
import type { AtlasModel } from '../atlas/atlas';

const PLACEHOLDER = /\bTODO\b/;
/** Free text may say TODO about the entry without being a placeholder itself. */
const NOT_PLACEHOLDERS = new Set(['notes']);

/** The paths of the entry's values that hold a placeholder, in document order. */
export function placeholderPaths(entry: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof entry === 'string') {
    return PLACEHOLDER.test(entry) ? [path] : [];
  }
  if (Array.isArray(entry)) {
    return entry.flatMap((item, index) => placeholderPaths(item, [...path, index]));
  }
  if (typeof entry === 'object' && entry !== null) {
    return Object.entries(entry).flatMap(([key, value]) => (path.length === 0 && NOT_PLACEHOLDERS.has(key) ? [] : placeholderPaths(value, [...path, key])));
  }
  return [];
}

const seen = new WeakMap<AtlasModel, boolean>();

/** Whether the model still holds a placeholder; worked out once per entry object. */
export function isUnfinished(model: AtlasModel): boolean {
  let unfinished = seen.get(model);
  if (unfinished === undefined) {
    unfinished = placeholderPaths(model).length > 0;
    seen.set(model, unfinished);
  }
  return unfinished;
}

/** The models in their order with the unfinished ones moved to the end. */
export function finishedFirst<T extends AtlasModel>(models: readonly T[]): T[] {
  return [...models.filter((m) => !isUnfinished(m)), ...models.filter(isUnfinished)];
}
