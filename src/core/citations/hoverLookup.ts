// The hover's whole decision, shared by the hover provider, the unit tests and the bench: outside code and
// comments, the model named or cited at the cursor; a cited key means what the document's .bib says; a name
// stands as mentionContext decides from its line; a checkpoint id or class name the atlas records, anywhere.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { BibFile } from '../bibtex/parse';
import { identifierAt } from '../code/recordedIdentifiers';
import { isInside, type Range } from '../documents/ranges';
import type { CitationSyntax } from '../documents/syntax';
import { mentionRules } from '../mentions/documentMentions';
import { citationAfter, decideOnLine } from '../mentions/mentionContext';
import type { Mention } from '../mentions/mentions';
import { atlasModelOfBibKey } from './citationKeys';
import { hoverTargetAt, type TextLines } from './hoverTarget';

export interface HoverInput {
  lines: TextLines;
  line: number;
  character: number;
  /** The cursor as an offset into the whole text. */
  offset: number;
  syntax: CitationSyntax;
  nonProse: readonly Range[];
  atlas: AtlasIndex;
  /** The document's readable .bib files, asked for only when a cited key (or a name with a citation after it) is hovered. */
  bibliographies(): Promise<readonly BibFile[]>;
  /** The models the whole document supports (DocumentMentions.supported), asked for only for an ordinary word. */
  supportedModels(): Promise<ReadonlySet<string>>;
}

export interface HoverHit {
  kind: 'citation' | 'mention';
  model: AtlasModel;
  line: number;
  start: number;
  end: number;
}

export async function hoverModelAt(input: HoverInput): Promise<HoverHit | undefined> {
  // A checkpoint id at the end of a link or a URL is part of the address, not prose: no card (in code it has one).
  const identifier = identifierAt(input.atlas, input.lines.lineText(input.line), input.character);
  if (identifier && !identifier.inUrl) {
    return { kind: 'mention', model: input.atlas.get(identifier.modelId), line: input.line, start: identifier.start, end: identifier.end };
  }
  if (isInside(input.nonProse, input.offset)) {
    return undefined;
  }
  const target = hoverTargetAt(input.lines, input.line, input.character, input.syntax, input.atlas.matcher);
  if (!target) {
    return undefined;
  }
  const modelId = target.kind === 'mention' ? await standingModel(input, target.line, target.mention) : undefined;
  const model = target.kind === 'mention' ? (modelId === undefined ? undefined : input.atlas.get(modelId)) : atlasModelOfBibKey(input.atlas, await input.bibliographies(), target.key);
  return model && { kind: target.kind, model, line: target.line, start: target.start, end: target.end };
}

/** The model a name under the cursor stands for, decided as the document's scan decides it, or undefined. */
async function standingModel(input: HoverInput, line: number, mention: Mention): Promise<string | undefined> {
  const text = input.lines.lineText(line);
  const cited = citationAfter(text, mention.end, 0, input.syntax) !== undefined;
  const rules = mentionRules(input.atlas, input.syntax, cited ? await input.bibliographies() : []);
  const lineStart = input.offset - input.character;
  const lineMentions = mention.ordinary ? input.atlas.matcher.find(text).filter((m) => !isInside(input.nonProse, lineStart + m.start)) : [];
  const decision = decideOnLine(text, mention, lineMentions, rules);
  if (decision.mention) {
    return decision.mention.modelId;
  }
  return decision.needsSupport && (await input.supportedModels()).has(mention.modelId) ? mention.modelId : undefined;
}
