// Cross-entry checks that a JSON Schema cannot express: unique ids, names, aliases and citation keys,
// lineage links to known models, component links inside an architecture, and arXiv ids that agree with dates.
import { namesOf, type AtlasModel } from './atlas';

/** What kind of problem, so an adapter can word it in the user's language. */
export type AtlasProblemCode =
  | 'duplicate-id'
  | 'duplicate-name'
  | 'duplicate-key'
  | 'entry-key-mismatch'
  | 'unknown-lineage'
  | 'self-lineage'
  | 'unknown-component'
  | 'arxiv-month'
  | 'invalid-date';

export interface AtlasProblem {
  modelId: string;
  code: AtlasProblemCode;
  /** The values the message names, in order. */
  args: string[];
  /** Path inside the entry, e.g. ['aliases', 2], for locating the problem in its file. */
  path: (string | number)[];
  message: string;
}

export function findAtlasProblems(models: readonly AtlasModel[], knownIds: ReadonlySet<string> = new Set()): AtlasProblem[] {
  const problems: AtlasProblem[] = [];
  const ids = new Map<string, string>();
  const spellings = new Map<string, string>();
  const keys = new Map<string, string>();
  const allIds = new Set([...knownIds, ...models.map((m) => m.id)]);

  for (const model of models) {
    if (ids.has(model.id)) {
      problems.push({ modelId: model.id, code: 'duplicate-id', args: [model.id], path: ['id'], message: `duplicate id '${model.id}'` });
    }
    ids.set(model.id, model.id);

    namesOf(model).forEach((spelling, index) => {
      const path = index === 0 ? ['name'] : ['aliases', index - 1];
      const folded = spelling.toLowerCase();
      const owner = spellings.get(folded);
      if (owner !== undefined && owner !== model.id) {
        problems.push({ modelId: model.id, code: 'duplicate-name', args: [spelling, owner], path, message: `'${spelling}' is already a name or alias of '${owner}'` });
      }
      spellings.set(folded, model.id);
    });

    const keyOwner = keys.get(model.bibtex.key.toLowerCase());
    if (keyOwner !== undefined) {
      problems.push({ modelId: model.id, code: 'duplicate-key', args: [model.bibtex.key, keyOwner], path: ['bibtex', 'key'], message: `citation key '${model.bibtex.key}' is already used by '${keyOwner}'` });
    }
    keys.set(model.bibtex.key.toLowerCase(), model.id);

    const entryKey = /^\s*@\w+\s*\{\s*([^,\s]+)\s*,/.exec(model.bibtex.entry)?.[1];
    if (entryKey !== model.bibtex.key) {
      problems.push({ modelId: model.id, code: 'entry-key-mismatch', args: [entryKey ?? '', model.bibtex.key], path: ['bibtex', 'entry'], message: `the entry's key '${entryKey ?? ''}' differs from bibtex.key '${model.bibtex.key}'` });
    }

    model.lineage.buildsOn.forEach((target, index) => {
      if (!allIds.has(target)) {
        problems.push({ modelId: model.id, code: 'unknown-lineage', args: [target], path: ['lineage', 'buildsOn', index], message: `lineage links to unknown model '${target}'` });
      } else if (target === model.id) {
        problems.push({ modelId: model.id, code: 'self-lineage', args: [], path: ['lineage', 'buildsOn', index], message: 'a model cannot build on itself' });
      }
    });

    const componentIds = new Set(model.architecture.components.map((c) => c.id));
    model.architecture.connections.forEach((link, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!componentIds.has(link[end])) {
          problems.push({ modelId: model.id, code: 'unknown-component', args: [end, link[end]], path: ['architecture', 'connections', index, end], message: `connection ${end} unknown component '${link[end]}'` });
        }
      }
    });

    const arxiv = model.paper.arxiv;
    if (arxiv && !Number.isNaN(Date.parse(model.paper.date))) {
      if (!arxivIdFitsDate(arxiv, model.paper.date)) {
        problems.push({ modelId: model.id, code: 'arxiv-month', args: [arxiv, model.paper.date.slice(0, 7)], path: ['paper', 'arxiv'], message: `arXiv id ${arxiv} does not match the first-submission month ${model.paper.date.slice(0, 7)}` });
      }
    }
    if (Number.isNaN(Date.parse(model.paper.date))) {
      problems.push({ modelId: model.id, code: 'invalid-date', args: [model.paper.date], path: ['paper', 'date'], message: `'${model.paper.date}' is not a valid date` });
    }
  }
  return problems;
}

/**
 * arXiv numbers a paper by the month it is announced: one submitted after the month's last deadline
 * (CLIP, 26 February 2021) gets the next month's id (2103.00020).
 */
function arxivIdFitsDate(arxiv: string, date: string): boolean {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const yymm = (y: number, m: number) => String(y % 100).padStart(2, '0') + String(m).padStart(2, '0');
  if (arxiv.startsWith(yymm(year, month))) {
    return true;
  }
  // After the month's last deadline; in December arXiv's holiday schedule brings that forward.
  const lateInMonth = Number(date.slice(8, 10)) >= (month === 12 ? 18 : 25);
  return lateInMonth && arxiv.startsWith(month === 12 ? yymm(year + 1, 1) : yymm(year, month + 1));
}
