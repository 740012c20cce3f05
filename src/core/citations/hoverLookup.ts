// The hover's whole decision, shared by the hover provider, the unit tests and the bench: outside code and
// comments, the model named or cited at the cursor; a cited key means what the document's .bib says. A
// checkpoint id or class name the atlas records is recognised anywhere, code blocks included.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { BibFile } from '../bibtex/parse';
import { identifierAt } from '../code/recordedIdentifiers';
import { isInside, type Range } from '../documents/ranges';
import type { CitationSyntax } from '../documents/syntax';
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
  /** The document's readable .bib files, asked for only when a cited key is hovered. */
  bibliographies(): Promise<readonly BibFile[]>;
}

export interface HoverHit {
  model: AtlasModel;
  line: number;
  start: number;
  end: number;
}

export async function hoverModelAt(input: HoverInput): Promise<HoverHit | undefined> {
  const identifier = identifierAt(input.atlas, input.lines.lineText(input.line), input.character);
  if (identifier) {
    return { model: input.atlas.get(identifier.modelId), line: input.line, start: identifier.start, end: identifier.end };
  }
  if (isInside(input.nonProse, input.offset)) {
    return undefined;
  }
  const target = hoverTargetAt(input.lines, input.line, input.character, input.syntax, input.atlas.matcher);
  if (!target) {
    return undefined;
  }
  const model = target.kind === 'mention' ? input.atlas.get(target.modelId) : atlasModelOfBibKey(input.atlas, await input.bibliographies(), target.key);
  return model && { model, line: target.line, start: target.start, end: target.end };
}
