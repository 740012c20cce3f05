// The citation diagnostics' whole decision, shared by the provider, the unit tests and the bench: atlas keys
// the .bib lacks, atlas papers the .bib holds under another key, and (opt-in) models mentioned but never cited.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { BibFile } from '../bibtex/parse';
import { isInside, type Range } from '../documents/ranges';
import type { CitationSyntax } from '../documents/syntax';
import type { Mention } from '../mentions/mentions';
import { findCitationKeys } from './citationContext';
import { bibKeyIndex, entryWithKey, keyInAny, modelOfCitedKey } from './citationKeys';

export type CitationFinding =
  | { code: 'missing-bib-entry'; start: number; end: number; modelId: string; key: string }
  | { code: 'stored-under-other-key'; start: number; end: number; modelId: string; storedKey: string }
  | { code: 'uncited-mention'; start: number; end: number; modelId: string };

export interface CitationCheckInput {
  text: string;
  syntax: CitationSyntax;
  nonProse: readonly Range[];
  atlas: AtlasIndex;
  uncitedMentionHints: boolean;
  /** Every mention in the text (the caller's cached scan); asked for only with the hints on. */
  mentions(): readonly Mention[];
  /** The .bib files the document names, in order (undefined where one cannot be read); asked for only when needed. */
  bibliographies(): Promise<ReadonlyArray<BibFile | undefined>>;
}

/** Findings in text order of each kind; the key findings need the document to name at least one .bib. */
export async function findCitationProblems(input: CitationCheckInput): Promise<CitationFinding[]> {
  const { atlas } = input;
  const citations = findCitationKeys(input.text, input.syntax).filter((c) => !isInside(input.nonProse, c.start));
  // Each key and model is looked up once: a long document cites the same few keys thousands of times.
  const atlasModelOf = once((key: string) => atlas.byCitationKey(key));
  const atlasCitations = citations.filter((c) => atlasModelOf(c.key));
  if (atlasCitations.length === 0 && !input.uncitedMentionHints) {
    return [];
  }
  const named = await input.bibliographies();
  const bibs = named.filter((bib): bib is BibFile => bib !== undefined);
  const hints = input.uncitedMentionHints ? uncitedMentions(input, citations, bibs) : [];
  if (named.length === 0) {
    return hints;
  }
  const held = once((key: string) => entryWithKey(bibs, key) !== undefined);
  const storedKeyOf = once((model: AtlasModel) => keyInAny(bibs, model));
  const findings: CitationFinding[] = [];
  for (const citation of atlasCitations) {
    if (held(citation.key)) {
      continue;
    }
    const model = atlasModelOf(citation.key)!;
    const storedKey = storedKeyOf(model);
    const { start, end } = citation;
    findings.push(storedKey ? { code: 'stored-under-other-key', start, end, modelId: model.id, storedKey } : { code: 'missing-bib-entry', start, end, modelId: model.id, key: citation.key });
  }
  return findings.concat(hints);
}

/** The first prose mention of each atlas model that the document never cites, under any key. */
function uncitedMentions(input: CitationCheckInput, citations: readonly { key: string }[], bibs: readonly BibFile[]): CitationFinding[] {
  const cited = new Set<string>();
  // The .bib's key index is worked out once per parse: a pass after an edit only looks keys up in it.
  const index = bibKeyIndex(input.atlas, bibs);
  for (const key of new Set(citations.map((c) => c.key))) {
    const model = modelOfCitedKey(input.atlas, index, key);
    if (model) {
      cited.add(model.id);
    }
  }
  const hinted = new Set<string>();
  const hints: CitationFinding[] = [];
  for (const mention of input.mentions()) {
    if (cited.has(mention.modelId) || hinted.has(mention.modelId) || isInside(input.nonProse, mention.start)) {
      continue;
    }
    hinted.add(mention.modelId);
    hints.push({ code: 'uncited-mention', start: mention.start, end: mention.end, modelId: mention.modelId });
  }
  return hints;
}

/** `compute` remembered per argument, for the length of one pass. */
function once<A, R>(compute: (arg: A) => R): (arg: A) => R {
  const known = new Map<A, R>();
  return (arg) => {
    if (!known.has(arg)) {
      known.set(arg, compute(arg));
    }
    return known.get(arg)!;
  };
}
