// What may follow a model's name and still be that model (a checkpoint: "CLIP-L", "LLaVA-1.5-7B",
// "CLIP ViT-L/14"), and what makes it another one ("InternVL 2.5", "LLaVA-mix-665K"). Read only after a match.

/** A size: "7B", "2.7B", "560M", not followed by a letter ("7Bit" is no size); "158K" counts data, not parameters. */
const SIZE = /\d+(?:\.\d+)?[BM](?![A-Za-z])/y;
/** A backbone: "ViT-L/14", "ViT-g", "ViT-bigG/14", "ViT-L/14@336px", "ViT-L/14-336", "RN50x4", "ResNet-50". */
const VIT = /(?:ViT(?:-(?:bigG|Ti|[SBLHg])(?![A-Za-z])(?:\/\d+)?(?:@\d+(?:px)?)?(?:-\d+)?)?|RN\d+(?:x\d+)?|Res(?:Net)?-?\d+)(?![A-Za-z0-9])/y;
/** A size-class letter or word after a hyphen: "CLIP-L", "CLIP-B/16", "BEiT-Large". */
const SIZE_CLASS = /(?:bigG|Ti|[SBLHg]|Base|Large|Huge|Giant|Small|Tiny)(?![A-Za-z])(?:\/\d+)?(?:@\d+(?:px)?)?/y;
/** A language model named after a backbone: "OPT2.7B", "Vicuna-7B", "FlanT5-XL". */
const LLM_WITH_SIZE = /[A-Za-z][A-Za-z0-9]*-?(?:\d+(?:\.\d+)?[BM](?![A-Za-z])|X{0,2}L)(?![A-Za-z0-9])/y;
/** A later token of a checkpoint name: "-Instruct", "-hf", "-336". */
const CHECKPOINT_TAIL = /-[A-Za-z0-9][A-Za-z0-9.]*/y;

function stickyMatch(pattern: RegExp, text: string, at: number, limit: number): number {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m && at + m[0].length <= limit ? at + m[0].length : -1;
}

/**
 * Where a checkpoint written right after a name that ends at `at` ends, or -1 when none is: "-7B", "-L",
 * "-ViT-L/14" or, when `spaced`, " ViT-L/14" (with a language model after it: " ViT-g OPT2.7B"), then
 * "-Instruct"-like tails. An ordinary word is not `spaced`: "Frozen ViT-L/14" is a frozen ViT.
 */
export function checkpointEnd(text: string, at: number, limit: number, spaced = true): number {
  const c = text.charCodeAt(at);
  let end = -1;
  let backbone = false;
  if (c === 0x2d) {
    end = stickyMatch(SIZE, text, at + 1, limit);
    if (end < 0) {
      end = stickyMatch(VIT, text, at + 1, limit);
      backbone = end >= 0;
    }
    if (end < 0) {
      end = stickyMatch(SIZE_CLASS, text, at + 1, limit);
    }
  } else if (c === 0x20 && spaced) {
    end = stickyMatch(VIT, text, at + 1, limit);
    backbone = end >= 0;
    if (end < 0) {
      end = stickyMatch(SIZE, text, at + 1, limit);
    }
  } else if (c >= 48 && c <= 57) {
    end = stickyMatch(SIZE, text, at, limit);
  }
  if (end < 0) {
    return -1;
  }
  if (backbone && text.charCodeAt(end) === 0x20) {
    const llm = stickyMatch(LLM_WITH_SIZE, text, end + 1, limit);
    end = llm >= 0 ? llm : end;
  }
  for (let tail = stickyMatch(CHECKPOINT_TAIL, text, end, limit); tail >= 0; tail = stickyMatch(CHECKPOINT_TAIL, text, end, limit)) {
    end = tail;
  }
  return end;
}

/** " 2.5", " v2", " 1.6": a version written after a name that lacks it names another release ("InternVL 2.5"). */
const VERSION_AFTER = / [vV]?[1-9](?:\.\d{1,2})?(?![\w.%]|\.\d)/y;
/** "-mix-665K": a hyphenated lower-case word that goes on into another hyphenated part names something else. */
const COMPOUND_AFTER = /-[a-z]+-[A-Za-z0-9]/y;

/** Whether the text after a name that ends at `at` makes it part of another name. */
export function namesAnotherThing(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x20) {
    VERSION_AFTER.lastIndex = at;
    return VERSION_AFTER.test(text);
  }
  if (c === 0x2d) {
    COMPOUND_AFTER.lastIndex = at;
    return COMPOUND_AFTER.test(text);
  }
  return false;
}

/** Where a size glued to a word ends it ("Flamingo80B" → the offset of "80B"), or -1. */
export function gluedSizeStart(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (last !== 0x42 && last !== 0x4d) {
    return -1;
  }
  let i = end - 1;
  while (i > start && ((text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) || text.charCodeAt(i - 1) === 0x2e)) {
    i--;
  }
  const c = text.charCodeAt(i - 1);
  const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return i < end - 1 && i > start && isLetter && text.charCodeAt(i) !== 0x2e ? i : -1;
}
