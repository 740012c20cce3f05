// A document's mentions as every feature counts them (hover, In This Document, Export BibTeX, the writing
// aids, the preview, the hints): the matcher's candidates outside non-prose, decided by mentionContext.
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { BibFile } from '../bibtex/parse';
import { findCitationKeys } from '../citations/citationContext';
import { citedModelOf } from '../citations/citationKeys';
import { isInside, type Range } from '../documents/ranges';
import type { CitationSyntax } from '../documents/syntax';
import { decideMentions, type MentionRules } from './mentionContext';
import type { Mention } from './mentions';

export interface DocumentMentions {
  mentions: Mention[];
  /** Models the document cites or names on a line's own evidence: an ordinary word of theirs elsewhere stands. */
  supported: ReadonlySet<string>;
}

export function mentionRules(atlas: AtlasIndex, syntax: CitationSyntax, bibs: readonly BibFile[]): MentionRules {
  return { syntax, names: atlas.names, citedModel: (key) => citedModelOf(atlas, bibs, key) };
}

/** `candidates` are the matcher's mentions of the whole text (a cached scan), non-prose ones included. */
export function documentMentions(text: string, candidates: readonly Mention[], nonProse: readonly Range[], rules: MentionRules): DocumentMentions {
  const inProse = candidates.filter((m) => !isInside(nonProse, m.start));
  const cited: string[] = [];
  for (const citation of findCitationKeys(text, rules.syntax)) {
    const id = isInside(nonProse, citation.start) ? undefined : rules.citedModel(citation.key);
    if (id) {
      cited.push(id);
    }
  }
  return decideMentions(text, inProse, rules, cited);
}
