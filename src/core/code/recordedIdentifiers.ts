// The identifiers code uses for atlas models: the Hugging Face checkpoint ids and `transformers` class names
// the atlas records (checkpoints.huggingface / .transformers), found only as recorded, never guessed.
import type { AtlasModel } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';

export interface IdentifierHit {
  modelId: string;
  kind: 'checkpoint' | 'class';
  /** Offsets within the line. */
  start: number;
  end: number;
  /** The checkpoint id is the end of a URL's path (`https://huggingface.co/Salesforce/blip2-opt-2.7b`). */
  inUrl?: true;
}

interface Identifiers {
  checkpoints: Map<string, string>;
  classes: Map<string, string>;
}

/** `AutoModel`, `AutoModelForCausalLM`, ...: generic loaders name no model, whatever an entry records. */
const GENERIC_CLASS = /^Auto[A-Z]/;
const CHECKPOINT_CHAR = /[A-Za-z0-9_.\-/]/;
const CLASS_CHAR = /[A-Za-z0-9_]/;

const cache = new WeakMap<AtlasIndex, Identifiers>();

/**
 * The index, built once per atlas. A class several models record (PaliGemma's, reused by PaliGemma 2) names
 * the oldest of them, whose paper introduced it; the atlas is sorted oldest first.
 */
function identifiersOf(atlas: AtlasIndex): Identifiers {
  let found = cache.get(atlas);
  if (!found) {
    found = { checkpoints: new Map(), classes: new Map() };
    for (const model of atlas.models) {
      for (const id of model.checkpoints?.huggingface ?? []) {
        if (!found.checkpoints.has(id)) {
          found.checkpoints.set(id, model.id);
        }
      }
      for (const name of model.checkpoints?.transformers ?? []) {
        if (!GENERIC_CLASS.test(name) && !found.classes.has(name)) {
          found.classes.set(name, model.id);
        }
      }
    }
    cache.set(atlas, found);
  }
  return found;
}

/** The model a recorded checkpoint id or class name stands for, exactly as written. */
export function modelOfIdentifier(atlas: AtlasIndex, identifier: string): AtlasModel | undefined {
  const { checkpoints, classes } = identifiersOf(atlas);
  const id = checkpoints.get(identifier) ?? classes.get(identifier);
  return id === undefined ? undefined : atlas.byIdOrUndefined(id);
}

/**
 * The recorded identifier under `character` in `line`: a checkpoint id such as `Salesforce/blip2-opt-2.7b`
 * (also as the last two segments of a path or URL, `https://huggingface.co/Salesforce/blip2-opt-2.7b`), or
 * a class name such as `Blip2ForConditionalGeneration` (a whole identifier, never part of a longer one).
 */
export function identifierAt(atlas: AtlasIndex, line: string, character: number): IdentifierHit | undefined {
  const { checkpoints, classes } = identifiersOf(atlas);
  const token = run(line, character, CHECKPOINT_CHAR);
  if (token.end > token.start) {
    // A full stop or hyphen at the end is the sentence's: "load Salesforce/blip2-opt-2.7b."
    const segments = line.slice(token.start, token.end).replace(/[.-]+$/, '').split('/');
    let at = token.start;
    for (let i = 0; i + 1 < segments.length; i++) {
      const id = `${segments[i]}/${segments[i + 1]}`;
      const end = at + id.length;
      const modelId = checkpoints.get(id);
      if (modelId !== undefined && character >= at && character <= end) {
        const hit: IdentifierHit = { modelId, kind: 'checkpoint', start: at, end };
        return i > 0 && isUrlPath(line, token.start, segments) ? { ...hit, inUrl: true } : hit;
      }
      at += segments[i].length + 1;
    }
  }
  const word = run(line, character, CLASS_CHAR);
  const modelId = word.end > word.start ? classes.get(line.slice(word.start, word.end)) : undefined;
  return modelId === undefined ? undefined : { modelId, kind: 'class', ...word };
}

/** Whether a run of path characters is a URL's: after a scheme ("https:" then "//"), or from a host name (huggingface.co/...). */
function isUrlPath(line: string, start: number, segments: readonly string[]): boolean {
  return (segments[0] === '' && segments[1] === '' && line[start - 1] === ':') || /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(segments[0]);
}

/** The run of `chars` around `character` (a cursor just after a run counts as on it); empty when there is none. */
function run(line: string, character: number, chars: RegExp): { start: number; end: number } {
  let start = Math.min(character, line.length);
  while (start > 0 && chars.test(line[start - 1])) {
    start--;
  }
  let end = start;
  while (end < line.length && chars.test(line[end])) {
    end++;
  }
  return { start, end };
}
