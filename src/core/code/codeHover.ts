// The hover's decision in code (Python, notebooks' code cells, YAML, JSON, TOML): a recorded checkpoint id or
// class name anywhere; a model's name only in a comment or docstring.
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { HoverHit } from '../citations/hoverLookup';
import { isInside, type Range } from '../documents/ranges';
import { identifierAt } from './recordedIdentifiers';

export interface CodeHoverInput {
  lineText: string;
  line: number;
  character: number;
  /** Offset of the line's start in the whole text. */
  lineOffset: number;
  /** The document's comments and docstrings (proseRangesInCode). */
  prose: readonly Range[];
  atlas: AtlasIndex;
}

export function codeModelAt(input: CodeHoverInput): HoverHit | undefined {
  const { atlas, lineText, line, character, lineOffset, prose } = input;
  const identifier = identifierAt(atlas, lineText, character);
  if (identifier) {
    return { kind: 'mention', model: atlas.get(identifier.modelId), line, start: identifier.start, end: identifier.end };
  }
  if (!isInside(prose, lineOffset + character)) {
    return undefined;
  }
  const mention = atlas.matcher.findAt(lineText, character, 0, lineText.length);
  return mention && isInside(prose, lineOffset + mention.start) ? { kind: 'mention', model: atlas.get(mention.modelId), line, start: mention.start, end: mention.end } : undefined;
}
