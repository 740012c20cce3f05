// Checks of the bundled atlas's facts against themselves and against the source policy (data/README.md):
// the BibTeX agrees with the paper facts, sources are public https pages of the right kind.
import type { AtlasModel, Source } from './atlas';
import { venueEntry } from '../bibtex/render';
import { normalizeTitle } from '../bibtex/match';
import { parseBibtex } from '../bibtex/parse';
import { SOURCE_HOSTS } from './sourceHosts';

export type FactProblemCode =
  | 'bibtex-title'
  | 'bibtex-author'
  | 'bibtex-year'
  | 'bibtex-eprint'
  | 'venue-not-in-bibtex'
  | 'arxiv-link'
  | 'paper-address'
  | 'venue-year'
  | 'source-url'
  | 'source-kind'
  | 'unsourced-fact'
  | 'date-to-confirm'
  | 'chinese-fold-space';

export interface FactProblem {
  modelId: string;
  code: FactProblemCode;
  /** A warning does not fail the build: the v1 day of an arXiv paper seen only on arXiv-derived records. */
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
}

/** Bibliographic facts: only arXiv, its mirrors, the authors and the venue may confirm them. */
const BIBLIOGRAPHIC = ['title', 'authors', 'date', 'arxiv', 'venue', 'code', 'bibtex', 'checkpoints', 'transformers', 'v1Title', 'venueTitle', 'doi'];

const ANY_TRUSTED: ReadonlyArray<Source['kind']> = ['arxiv', 'arxiv-mirror', 'official', 'venue'];

/** Which kinds of source may confirm a bibliographic fact of this model. */
function trustedFor(fact: string, model: AtlasModel): ReadonlyArray<Source['kind']> {
  switch (fact) {
    case 'date':
      // arXiv's v1 date, or the authors' own dated release of the paper (their README's news); a report
      // without an arXiv id is dated by its authors or its venue.
      return model.paper.arxiv ? ['arxiv', 'arxiv-mirror', 'official'] : ['official', 'venue'];
    case 'v1Title':
      return ['arxiv', 'arxiv-mirror'];
    case 'arxiv':
      return ['arxiv', 'arxiv-mirror', 'official'];
    case 'venue':
    case 'venueTitle':
    case 'doi':
      return ['venue', 'official'];
    case 'code':
    case 'checkpoints':
    case 'transformers':
      return ['official'];
    default:
      return ANY_TRUSTED;
  }
}

export function findFactProblems(models: readonly AtlasModel[]): FactProblem[] {
  return models.flatMap((model) => [...bibtexProblems(model), ...sourceProblems(model), ...chineseTextProblems(model)]);
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
/** A space between two Chinese characters: what a YAML line fold leaves in Chinese text. */
const FOLD_SPACE = new RegExp(`[${CJK}] +[${CJK}]`);

function chineseTextProblems(model: AtlasModel): FactProblem[] {
  const texts: Array<[(string | number)[], string | undefined]> = [
    [['summary', 'zh-cn'], model.summary['zh-cn']],
    ...(model.keyIdeas?.['zh-cn'] ?? []).map((text, i): [(string | number)[], string] => [['keyIdeas', 'zh-cn', i], text]),
    ...(model.training?.['zh-cn'] ?? []).map((text, i): [(string | number)[], string] => [['training', 'zh-cn', i], text]),
  ];
  return texts
    .filter(([, text]) => text !== undefined && FOLD_SPACE.test(text))
    .map(([path, text]) => ({ modelId: model.id, code: 'chinese-fold-space' as const, path, severity: 'error' as const, message: `a space between Chinese characters: "${FOLD_SPACE.exec(text!)![0]}"` }));
}

/** Only what fails the build: every problem but the dates to confirm. */
export function factErrors(problems: readonly FactProblem[]): FactProblem[] {
  return problems.filter((p) => p.severity === 'error');
}

function bibtexProblems(model: AtlasModel): FactProblem[] {
  const problems: FactProblem[] = [];
  const at = (code: FactProblemCode, path: (string | number)[], message: string) => problems.push({ modelId: model.id, code, path, message, severity: 'error' });
  const entry = parseBibtex(model.bibtex.entry).entries[0];
  const differences = model.bibtex.differences ?? {};
  const paper = model.paper;
  if (model.links?.arxiv !== undefined && model.links.arxiv !== `https://arxiv.org/abs/${paper.arxiv}`) {
    at('arxiv-link', ['links', 'arxiv'], `links.arxiv should be https://arxiv.org/abs/${paper.arxiv ?? '<paper.arxiv>'}`);
  }
  if (!paper.arxiv && !paper.url) {
    at('paper-address', ['paper'], 'a paper without an arXiv id needs paper.url (the report, card or post)');
  }
  if (paper.venue !== undefined && !/\b(19|20)\d{2}\b/.test(paper.venue)) {
    at('venue-year', ['paper', 'venue'], `the venue '${paper.venue}' needs its year`);
  }
  if (!entry) {
    return problems;
  }
  const fields = entry.fields;
  const titles = [paper.title, paper.v1Title, paper.venueTitle].filter((t): t is string => t !== undefined).map(normalizeTitle);
  if (!differences.title && fields.title !== undefined && !titles.includes(normalizeTitle(fields.title))) {
    at('bibtex-title', ['bibtex', 'entry'], `the entry's title '${fields.title}' is none of the paper's titles`);
  }
  const firstAuthor = fields.author?.split(/\s+and\s+/i)[0];
  if (!differences.author && firstAuthor !== undefined && surname(firstAuthor) !== surname(paper.authors[0])) {
    at('bibtex-author', ['bibtex', 'entry'], `the entry's first author '${firstAuthor}' is not ${paper.authors[0]}`);
  }
  const years = [paper.date.slice(0, 4), /\b(19|20)\d{2}\b/.exec(paper.venue ?? '')?.[0]];
  if (!differences.year && fields.year !== undefined && !years.includes(fields.year.trim())) {
    at('bibtex-year', ['bibtex', 'entry'], `the entry's year ${fields.year} is neither the v1 year nor the venue year`);
  }
  const eprint = fields.eprint ?? /arxiv[:\s]*(\d{4}\.\d{4,5})/i.exec(fields.journal ?? '')?.[1];
  if (!differences.eprint && eprint !== undefined && eprint.replace(/v\d+$/, '') !== paper.arxiv) {
    at('bibtex-eprint', ['bibtex', 'entry'], `the entry's arXiv id ${eprint} is not ${paper.arxiv ?? 'recorded'}`);
  }
  const venueName = paper.venue?.replace(/\s*\b(19|20)\d{2}\b\s*/, ' ').trim();
  const rendered = venueEntry(model);
  if (venueName && rendered && !rendered.includes(venueName.replace(/[&%$#_]/g, (ch) => `\\${ch}`))) {
    at('venue-not-in-bibtex', ['paper', 'venue'], `the venue flavour's entry does not name ${venueName}`);
  }
  return problems;
}

/** "Li, Junnan", "Junnan Li", "{Li}, J." → "li"; accents and braces dropped. */
function surname(name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f{}\\'"`^~]/g, '').trim();
  const last = plain.includes(',') ? plain.split(',')[0] : plain.split(/\s+/).pop() ?? '';
  return last.toLowerCase();
}

function sourceProblems(model: AtlasModel): FactProblem[] {
  const problems: FactProblem[] = [];
  const confirmed = new Set<string>();
  (model.sources ?? []).forEach((source, index) => {
    const at = (code: FactProblemCode, message: string) => problems.push({ modelId: model.id, code, path: ['sources', index], message, severity: 'error' });
    if (!isPublicHttps(source.url)) {
      at('source-url', `${source.url} is not a public https address`);
    }
    if (!source.kind) {
      at('source-kind', `the source ${source.url} has no kind`);
      return;
    }
    if (!fitsKind(source)) {
      at('source-kind', `${source.url} is not a known ${source.kind} host (see SOURCE_HOSTS)`);
    }
    for (const fact of source.facts) {
      if (!BIBLIOGRAPHIC.includes(fact)) {
        continue;
      }
      const trusted = trustedFor(fact, model);
      if (!trusted.includes(source.kind)) {
        at('source-kind', `a ${source.kind} source cannot confirm '${fact}' (${trusted.join(', ')} can)`);
      } else {
        confirmed.add(fact);
      }
    }
  });
  const needed = ['title', 'authors', 'date', ...(model.paper.arxiv ? ['arxiv'] : []), ...(model.paper.venue ? ['venue'] : []),
    ...(model.links?.code ? ['code'] : []), ...(model.checkpoints?.huggingface ? ['checkpoints'] : []),
    ...(model.checkpoints?.transformers ? ['transformers'] : []), ...(model.paper.v1Title ? ['v1Title'] : []),
    ...(model.paper.venueTitle ? ['venueTitle'] : []), ...(model.paper.doi ? ['doi'] : [])];
  for (const fact of needed) {
    if (confirmed.has(fact)) {
      continue;
    }
    if (fact === 'date' && model.paper.arxiv && mentionsDate(model)) {
      // The arXiv id already pins the month (atlasChecks); only the day rests on arXiv-derived records.
      const message = `the v1 date ${model.paper.date} is seen only on arXiv-derived records: confirm it on the listing`;
      problems.push({ modelId: model.id, code: 'date-to-confirm', path: ['paper', 'date'], message, severity: 'warning' });
    } else {
      problems.push({ modelId: model.id, code: 'unsourced-fact', path: ['sources'], message: `no trusted source confirms '${fact}'`, severity: 'error' });
    }
  }
  if (model.bibtex.origin === 'authors' && model.bibtex.source && !isPublicHttps(model.bibtex.source)) {
    problems.push({ modelId: model.id, code: 'source-url', path: ['bibtex', 'source'], message: `${model.bibtex.source} is not a public https address`, severity: 'error' });
  }
  return problems;
}

/** Whether some source (of any kind) records the entry's date, as a `date` fact or in its words. */
function mentionsDate(model: AtlasModel): boolean {
  const [year, month, day] = model.paper.date.split('-').map(Number);
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const name = names[month - 1];
  const spellings = [model.paper.date, ...[name, name.slice(0, 3)].flatMap((m) => [`${m} ${day}, ${year}`, `${day} ${m} ${year}`, `${m}. ${day}`])];
  return (model.sources ?? []).some((s) => s.facts.some((f) => f === 'date' || spellings.some((d) => f.includes(d))));
}

const PRIVATE_HOST = /^(localhost|.*\.(local|internal|lan|home|corp|intranet|ts\.net)|\d+\.\d+\.\d+\.\d+|\[.*\])$/i;

function hostOf(url: string): string | undefined {
  return /^https:\/\/([^/?#:]+)(?::\d+)?(?:[/?#]|$)/i.exec(url)?.[1].toLowerCase();
}

function isPublicHttps(url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && host.includes('.') && !host.endsWith('.') && !PRIVATE_HOST.test(host);
}

/** Whether a source's address fits its kind: arXiv, its mirrors and venues are known hosts (SOURCE_HOSTS). */
function fitsKind(source: Source): boolean {
  const hosts = source.kind ? SOURCE_HOSTS[source.kind] : undefined;
  if (!hosts) {
    return true;
  }
  const address = source.url.replace(/^https:\/\//i, '').toLowerCase();
  return hosts.some((prefix) => address.startsWith(prefix) || address.startsWith(`www.${prefix}`));
}
