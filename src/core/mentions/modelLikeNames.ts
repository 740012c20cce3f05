// A word that looks like a model's name the atlas does not have ("Qwen3.5-Omni", "GPT-5", "PoseVLM"), and
// the citation right after it, for the quiet "Not in the atlas: add it" action.
import { findCitationKeys, type CitedKey } from '../citations/citationContext';
import type { CitationSyntax } from '../documents/syntax';

export interface ModelLikeName {
  name: string;
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}.+_-]/u;
/** Names that look like models but are companies, libraries and hardware. */
const NOT_MODELS = new Set(['OpenAI', 'OpenCV', 'TensorRT', 'PyTorch']);
/** A trailing year marks a venue or a dataset (ICML2023, COCO2017), not a model. */
const VENUE_OR_DATASET = /^\p{Lu}+[-_]?(?:19|20)\d\d$/u;

/**
 * Whether `word` reads as a model's name: it starts with a capital and has a version after a name ("Qwen3",
 * "GPT-5", "LLaVA-1.6"; not a part number such as "A100" or "RTX3090"), a camel-case run of capitals
 * ("PoseVLM", "MiniCPM"), or a suffix model names end in ("Otter-VL", "Foo-Omni").
 */
export function looksLikeModelName(word: string): boolean {
  if (word.length < 3 || word.length > 40 || !/^\p{Lu}/u.test(word) || NOT_MODELS.has(word) || VENUE_OR_DATASET.test(word)) {
    return false;
  }
  const versioned = /\p{L}{2,}[-_]?v?\d/u.test(word) && (/\p{Ll}/u.test(word) || word.includes('-'));
  const camelRun = /\p{Ll}\p{Lu}{2,}/u.test(word);
  const suffix = /-(?:V|VL|VLM|LM|LLM|MLLM|Omni|Vision|Chat|Instruct)$/.test(word);
  return versioned || camelRun || suffix;
}

/** The model-like word covering `offset`, its trailing full stops and hyphens left out. */
export function modelLikeNameAt(text: string, offset: number): ModelLikeName | undefined {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) {
    start--;
  }
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text[end])) {
    end++;
  }
  while (end > start && /[.+_-]/.test(text[end - 1])) {
    end--;
  }
  while (start < end && /[.+_-]/.test(text[start])) {
    start++;
  }
  const name = text.slice(start, end);
  return start < end && offset <= end && looksLikeModelName(name) ? { name, start, end } : undefined;
}

/** Between a name and its citation: spaces, a tie, and the citation's opening ("\citep[see][]{", "[@", "[see @"). */
const CITATION_OPENING = {
  latex: /^[ \t]*~?[ \t]*\\[A-Za-z]+\*?(?:\s*\[[^\]]*\]){0,2}\s*\{[^{}]*$/,
  pandoc: /^[ \t]*\[[^\]@\n]*@$/,
  typst: /^[ \t]*(?:@|#cite\(<)$/,
};

/** The first key of the citation right after `name` (LaTeX or Pandoc), if there is one. */
export function citationAfter(text: string, name: ModelLikeName, syntax: CitationSyntax): CitedKey | undefined {
  if (syntax === 'plain') {
    return undefined;
  }
  const window = text.slice(name.end, name.end + 200);
  const first = findCitationKeys(window, syntax)[0];
  if (!first || !CITATION_OPENING[syntax].test(window.slice(0, first.start))) {
    return undefined;
  }
  return { key: first.key, start: name.end + first.start, end: name.end + first.end };
}
