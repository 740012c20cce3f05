// citation-mismatch: a model's name directly followed by a citation of other papers only, as in
// "Kosmos-2~\citep{li2023blip2}". A key counts only when the document's .bib (or the atlas) says what it is.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { matchEntry, paperIdentity } from '../bibtex/atlasEntries';
import { isOtherPaper, normalizeTitle } from '../bibtex/match';
import type { BibFile } from '../bibtex/parse';
import { LATEX_CITE_NAMES, findCitationKeys } from '../citations/citationContext';
import { entryWithKey } from '../citations/citationKeys';
import { isInside, type Range } from '../documents/ranges';
import type { CitationSyntax } from '../documents/syntax';
import type { Mention } from '../mentions/mentions';
import type { CitationMismatch } from './findings';

/** What may stand between a name and its citation: spaces, a tie, a thin space, one line break. */
const LATEX_CITATION_AFTER = new RegExp(String.raw`[ \t]*(?:\r?\n[ \t]*)?(?:~|\\,|\\ )?[ \t]*\\(?:${LATEX_CITE_NAMES.join('|')})\*?(?:\s*\[[^\]]*\]){0,2}\s*\{([^{}]*)\}`, 'y');
const PANDOC_CITATION_AFTER = /[ \t]*(?:\r?\n[ \t]*)?\[([^\]\n]*?-?@[^\]\n]*)\]/y;

export interface CitationMismatchInput {
  text: string;
  syntax: CitationSyntax;
  nonProse: readonly Range[];
  atlas: AtlasIndex;
  mentions: readonly Mention[];
  bibs: readonly BibFile[];
}

type CitedPaper = { key: string; model?: AtlasModel; title?: string; isNamed: boolean } | undefined;

export function findCitationMismatches(input: CitationMismatchInput): CitationMismatch[] {
  const { text, atlas } = input;
  const found: CitationMismatch[] = [];
  for (const mention of input.mentions) {
    if (isInside(input.nonProse, mention.start) || joinedToWord(text, mention.start)) {
      continue;
    }
    const citation = citationAfter(text, mention.end, input.syntax);
    if (!citation || isInside(input.nonProse, citation.start)) {
      continue;
    }
    const named = atlas.get(mention.modelId);
    const cited = citation.keys.map((k) => citedPaper(k.key, named, input));
    // Any key that may be the named paper, or that nothing says anything about, and the citation stands.
    if (cited.some((c) => c === undefined || c.isNamed)) {
      continue;
    }
    const papers = cited as Array<NonNullable<CitedPaper>>;
    // "Chameleon~\cite{lu2024chameleon}" names another system called Chameleon: its title starts with the name.
    if (papers.some((p) => p.title !== undefined && titleNames(p.title, mention.text))) {
      continue;
    }
    const first = citation.keys[0];
    const last = citation.keys[citation.keys.length - 1];
    found.push({
      code: 'citation-mismatch',
      start: first.start,
      end: last.end,
      modelId: named.id,
      nameStart: mention.start,
      nameEnd: mention.end,
      keys: citation.keys.map((k) => k.key),
      cited: papers.map((p) => ({ key: p.key, modelId: p.model?.id, title: p.title })),
    });
  }
  return found;
}

/** "EVA-CLIP", "X-LLaVA": the name is the end of a longer name. */
function joinedToWord(text: string, start: number): boolean {
  return start > 0 && /[-\p{L}\p{N}_/.]/u.test(text[start - 1]);
}

interface CitationKeys {
  start: number;
  keys: Array<{ key: string; start: number; end: number }>;
}

/** The citation that starts right after `offset`, with its keys. */
function citationAfter(text: string, offset: number, syntax: CitationSyntax): CitationKeys | undefined {
  const pattern = syntax === 'latex' ? LATEX_CITATION_AFTER : syntax === 'pandoc' ? PANDOC_CITATION_AFTER : undefined;
  if (!pattern) {
    return undefined;
  }
  pattern.lastIndex = offset;
  const m = pattern.exec(text);
  if (!m) {
    return undefined;
  }
  const inner = m[1];
  const innerStart = m.index + m[0].length - 1 - inner.length;
  const keys =
    syntax === 'latex'
      ? [...inner.matchAll(/[^,\s]+/g)].map((k) => ({ key: k[0], start: innerStart + k.index, end: innerStart + k.index + k[0].length }))
      : findCitationKeys(inner, 'pandoc').map((k) => ({ key: k.key, start: innerStart + k.start, end: innerStart + k.end }));
  return keys.length > 0 ? { start: m.index, keys } : undefined;
}

/** What a cited key is, as far as the .bib and the atlas say; undefined when nothing does. */
function citedPaper(key: string, named: AtlasModel, input: CitationMismatchInput): CitedPaper {
  const entry = entryWithKey(input.bibs, key);
  if (entry) {
    const model = matchEntry(input.atlas, entry)?.model;
    if (model) {
      return { key, model, title: entry.fields.title, isNamed: model.id === named.id };
    }
    if (entry.fields.title === undefined && entry.fields.eprint === undefined) {
      return undefined;
    }
    // Not recognised as the named paper, but perhaps it is, written differently: only plainly other papers count.
    return { key, title: entry.fields.title, isNamed: !isOtherPaper(entry, { ...paperIdentity(named), key }) };
  }
  const model = input.atlas.byCitationKey(key);
  return model ? { key, model, title: model.paper.title, isNamed: model.id === named.id } : undefined;
}

/** Whether a title starts with the name: "Chameleon: Plug-and-Play ...", "Flamingo - ...". */
function titleNames(title: string, name: string): boolean {
  const head = /^\s*\{?([^:{}]*?)\}?\s*[:\-–—]/.exec(title.replace(/[{}]/g, ''))?.[1];
  return head !== undefined && normalizeTitle(head) === normalizeTitle(name);
}
