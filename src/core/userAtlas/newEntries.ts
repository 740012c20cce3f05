// The entries the two commands write: a scaffold for New Model Entry and an imported paper for Add Paper
// from arXiv. Both validate against the schema as written; the "TODO" placeholders mark what to complete.
import type { AtlasModel } from '../atlas/atlas';
import type { ArxivPaper } from '../arxiv/arxivFeed';
import { arxivEntry, escapeBibtexValue } from '../bibtex/render';

export interface TakenNames {
  ids: ReadonlySet<string>;
  /** Citation keys, lower-case. */
  keys: ReadonlySet<string>;
}

/** A lower-case id from a name ("BLIP-2" → "blip-2"), made unique with -2, -3, ... */
export function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const base = asciiFold(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    id = `${base}-${n}`;
  }
  return id;
}

/** Google-Scholar-style key: first author's last name, year, first long title word ("li2023blip"). */
export function citationKey(firstAuthor: string, year: string, title: string, taken: ReadonlySet<string>): string {
  const lastName = asciiFold(firstAuthor.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/[^a-z]/g, '') || 'anon';
  const word = asciiFold(title).toLowerCase().split(/[^a-z0-9]+/).find((w) => w.length > 2 && !STOP_WORDS.has(w)) ?? '';
  const base = `${lastName}${year}${word}`;
  let key = base;
  for (let n = 0; taken.has(key.toLowerCase()); n++) {
    key = `${base}${String.fromCharCode(98 + (n % 24))}${n >= 24 ? Math.floor(n / 24) : ''}`;
  }
  return key;
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'towards', 'toward', 'via', 'are', 'all', 'you', 'need']);

/** A valid, clearly unfinished entry for a model named `name`. */
export function scaffoldEntry(name: string, today: string, taken: TakenNames): AtlasModel {
  const id = uniqueId(name, taken.ids);
  const key = citationKey('TODO', today.slice(0, 4), id, taken.keys);
  return {
    id,
    name,
    kind: 'multimodal',
    family: id,
    organizations: ['TODO: organization'],
    paper: { title: 'TODO: paper title', authors: ['TODO: First Author'], date: today },
    summary: { en: `TODO: what ${name} is and why it matters, in one or two sentences.` },
    architecture: placeholderArchitecture(),
    lineage: { buildsOn: [] },
    bibtex: { key, origin: 'composed', entry: `@misc{${key},\n  title        = {TODO: paper title},\n  author       = {TODO: First Author},\n  year         = {${today.slice(0, 4)}}\n}` },
    sources: [{ url: 'https://arxiv.org/', facts: ['title', 'authors', 'date'] }],
  };
}

/** The entry for a paper read from arXiv, marked as imported; the researcher completes the rest. */
export function importedEntry(paper: ArxivPaper, name: string, taken: TakenNames): AtlasModel {
  const id = uniqueId(name, taken.ids);
  const key = citationKey(paper.authors[0], paper.published.slice(0, 4), paper.title, taken.keys);
  const model: AtlasModel = {
    id,
    name,
    kind: 'multimodal',
    family: id,
    organizations: paper.affiliations.length > 0 ? paper.affiliations : ['TODO: organization'],
    ...(paper.primaryCategory ? { tags: [paper.primaryCategory] } : {}),
    paper: { title: paper.title, authors: paper.authors, arxiv: paper.id, date: paper.published },
    links: { arxiv: `https://arxiv.org/abs/${paper.id}` },
    summary: { en: firstSentence(paper.abstract) || `TODO: what ${name} is, in one or two sentences.` },
    architecture: placeholderArchitecture(),
    lineage: { buildsOn: [] },
    bibtex: { key, origin: 'composed', entry: '' },
    sources: [{ url: `https://arxiv.org/abs/${paper.id}`, facts: ['title', 'authors', 'arxiv', 'date'] }],
    imported: { from: 'arxiv', ...(paper.primaryCategory ? { primaryCategory: paper.primaryCategory } : {}), abstract: paper.abstract },
  };
  model.bibtex.entry = arxivEntry(model, paper.primaryCategory && escapeBibtexValue(paper.primaryCategory)) ?? '';
  return model;
}

/** A model name from a title: the part before a colon when it is short ("BLIP-2: Bootstrapping ..." → "BLIP-2"). */
export function nameFromTitle(title: string): string {
  const head = title.split(':')[0].trim();
  return head.length > 0 && head.length <= 30 && head !== title ? head : title.split(/\s+/).slice(0, 4).join(' ');
}

function placeholderArchitecture(): AtlasModel['architecture'] {
  return {
    type: 'multimodal-llm',
    summary: 'TODO: the architecture in one line, e.g. frozen ViT → projection → LLM',
    components: [
      { id: 'vision-encoder', name: 'TODO: vision encoder', role: 'vision-encoder', trainable: false },
      { id: 'language-model', name: 'TODO: language model', role: 'language-model', trainable: true },
    ],
    connections: [{ from: 'vision-encoder', to: 'language-model' }],
  };
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}

function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
