// Merges the user's atlas files into the bundled atlas: new ids add models, a bundled id overrides the fields
// it gives, hidden ids go last; an entry with an error is skipped, one with a warning (a TODO placeholder, a
// link to a model the atlas lacks) is kept; either is reported where written.
import type { AtlasModel } from '../atlas/atlas';
import { findAtlasProblems, type AtlasProblemCode } from '../atlas/atlasChecks';
import type { AtlasFile, TextSpan } from './atlasFile';
import { schemaIssues, type GeneratedValidator } from './entryValidation';
import { placeholderPaths } from './unfinished';

export type DatasetProblemCode = AtlasProblemCode | 'yaml-syntax' | 'not-an-entry' | 'schema' | 'placeholder';

/** Problems that leave the entry loaded. */
const WARNINGS = new Set<DatasetProblemCode>(['unknown-lineage', 'placeholder']);

export interface DatasetProblem {
  /** The file it belongs to, as the caller named it (a URI string in the extension). */
  file: string;
  span: TextSpan;
  code: DatasetProblemCode;
  /** An error skips the entry; a warning leaves it loaded. */
  severity: 'error' | 'warning';
  /** For 'schema', the JSON Schema keyword that failed (required, pattern, ...). */
  keyword?: string;
  /** The values the message names, in order. */
  args: string[];
  /** The problem in English, for logs and tests. */
  message: string;
}

export interface NamedAtlasFile {
  name: string;
  file: AtlasFile;
}

export interface MergeOptions {
  validate: GeneratedValidator;
  hiddenIds?: Iterable<string>;
}

export interface MergedAtlas {
  models: AtlasModel[];
  problems: DatasetProblem[];
  /** Ids the user's files added or overrode. */
  userIds: Set<string>;
}

export function mergeAtlas(bundled: readonly AtlasModel[], files: readonly NamedAtlasFile[], options: MergeOptions): MergedAtlas {
  const problems: DatasetProblem[] = [];
  const bundledById = new Map(bundled.map((m) => [m.id, m]));
  const models = new Map(bundled.map((m) => [m.id, m]));
  const userIds = new Set<string>();
  // Every id written anywhere, valid or not, so a broken entry does not also break the lineage of others.
  const knownIds = new Set([...bundledById.keys(), ...files.flatMap((f) => f.file.entries.map((e) => idOf(e.value)).filter(isString))]);

  for (const { name, file } of files) {
    for (const error of file.syntaxErrors) {
      problems.push({ file: name, span: error.span, code: 'yaml-syntax', severity: 'error', args: [error.message], message: `YAML syntax error: ${error.message}` });
    }
    for (const entry of file.entries) {
      const report = (path: (string | number)[], code: DatasetProblemCode, args: string[], message: string, keyword?: string) =>
        problems.push({ file: name, span: entry.locate(path), code, severity: WARNINGS.has(code) ? 'warning' : 'error', args, message, ...(keyword ? { keyword } : {}) });

      if (!isPlainObject(entry.value)) {
        report([], 'not-an-entry', [], 'an atlas entry must be a mapping of fields (id, name, paper, ...)');
        continue;
      }
      const id = idOf(entry.value);
      if (id !== undefined && userIds.has(id)) {
        report(['id'], 'duplicate-id', [id], `duplicate id '${id}': another user entry already defines it`);
        continue;
      }
      const base = id === undefined ? undefined : bundledById.get(id);
      const candidate = withDefaults(base ? overrideWith(base, entry.value) : entry.value);

      // The shipped data file leaves out the bundled entries' sources (the build checked them): an override need not restate them.
      const issues = schemaIssues(options.validate, candidate).filter((i) => !(base && i.keyword === 'required' && i.field === '' && i.detail === 'sources'));
      if (issues.length > 0) {
        issues.forEach((i) => report(i.path, 'schema', [i.detail, i.field], i.message, i.keyword));
        continue;
      }
      let model = candidate as unknown as AtlasModel;
      const others = [...models.values()].filter((m) => m.id !== model.id);
      // The others are already consistent, so every problem found here is this entry's. A link to a model
      // no file or bundled entry defines is a warning, and left out of the loaded entry.
      const found = findAtlasProblems([...others, model], knownIds);
      found.forEach((p) => report(p.path, p.code, p.args, p.message));
      if (found.some((p) => !WARNINGS.has(p.code))) {
        continue;
      }
      const unknown = new Set(found.filter((p) => p.code === 'unknown-lineage').map((p) => p.args[0]));
      if (unknown.size > 0) {
        model = { ...model, lineage: { ...model.lineage, buildsOn: model.lineage.buildsOn.filter((target) => !unknown.has(target)) } };
      }
      // Reported at the file's own fields: an override's placeholders are in what the user wrote.
      for (const path of placeholderPaths(entry.value)) {
        report(path, 'placeholder', [path.join('.'), model.name], `${path.join('.')} still holds a TODO placeholder`);
      }
      models.set(model.id, model);
      userIds.add(model.id);
    }
  }
  const hidden = new Set(options.hiddenIds ?? []);
  return { models: [...models.values()].filter((m) => !hidden.has(m.id)), problems, userIds };
}

/**
 * The bundled model with the user's fields laid over it. A new citation key without a new entry renames the
 * bundled entry's key, so a group can prefer its own key by writing one line.
 */
export function overrideWith(base: AtlasModel, override: Record<string, unknown>): Record<string, unknown> {
  const merged = deepMerge(base as unknown as Record<string, unknown>, override);
  const bibtex = override.bibtex;
  if (isPlainObject(bibtex) && typeof bibtex.key === 'string' && bibtex.entry === undefined) {
    const entry = base.bibtex.entry.replace(/^(\s*@\w+\s*\{\s*)[^,\s]+/, `$1${bibtex.key}`);
    merged.bibtex = { ...(merged.bibtex as object), entry };
  }
  return merged;
}

/** A component that does not say whether it is trained is trained (most are; frozen ones are the exception). */
function withDefaults(entry: unknown): unknown {
  if (!isPlainObject(entry) || !isPlainObject(entry.architecture) || !Array.isArray(entry.architecture.components)) {
    return entry;
  }
  const components = entry.architecture.components.map((c: unknown) => (isPlainObject(c) && c.trainable === undefined ? { ...c, trainable: true } : c));
  return { ...entry, architecture: { ...entry.architecture, components } };
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return result;
}

function idOf(value: unknown): string | undefined {
  return isPlainObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
