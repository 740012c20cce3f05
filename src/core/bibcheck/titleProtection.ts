// Which words of a title BibTeX styles would lowercase although they must keep their capitals (BLIP-2,
// LLaVA, Q-Former, T5), because no braces protect them; and the title with those words braced.

export interface UnprotectedWord {
  word: string;
  /** Offsets in the title as written (the value inside its outer delimiters). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*/gu;
/** A cheap first look: a title without any of these has no word that needs braces. */
const MAY_NEED = /[\p{L}\p{N}]\p{Lu}|\p{Lu}[\p{L}\p{N}]*\p{N}|\p{Lu}[-‐]/u;

/** A part of a hyphenated word that loses meaning in lower case: capitals after its first letter, a capital with digits, or a lone capital before a hyphen. */
function needsCapitals(part: string, lonePrefix: boolean): boolean {
  return /.\p{Lu}/u.test(part) || (/^\p{Lu}/u.test(part) && /\p{N}/u.test(part)) || (lonePrefix && /^\p{Lu}$/u.test(part));
}

/** Whether a whole word needs its capitals kept. */
export function wordNeedsProtection(word: string): boolean {
  const parts = word.split(/[-‐'’]/);
  return parts.some((part, i) => needsCapitals(part, i < parts.length - 1));
}

/**
 * The words at brace depth 0 of a title that need their capitals kept. Braces protect what they hold, except
 * a group opened by "{\" at depth 0 (a special character such as {\"O}); command names and math are skipped.
 */
export function unprotectedWords(title: string): UnprotectedWord[] {
  if (!MAY_NEED.test(title)) {
    return []; // no capital after a word's first letter, with a digit, or before a hyphen
  }
  const exposed = exposedText(title);
  const found: UnprotectedWord[] = [];
  for (const m of exposed.matchAll(WORD)) {
    if (wordNeedsProtection(m[0])) {
      found.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}

/** The title with every protected character, command name and math replaced by a space (offsets kept). */
function exposedText(title: string): string {
  const out = title.split('');
  let depth = 0;
  let special = 0; // depth of a {\...} group at depth 0, whose letters styles do change
  let math = false;
  for (let i = 0; i < title.length; i++) {
    const c = title[i];
    if (c === '\\') {
      out[i] = ' ';
      let j = i + 1;
      while (j < title.length && /[a-zA-Z]/.test(title[j])) {
        out[j++] = ' ';
      }
      if (j === i + 1 && j < title.length) {
        out[j++] = ' ';
      }
      i = j - 1;
      continue;
    }
    if (c === '$') {
      math = !math;
      out[i] = ' ';
      continue;
    }
    if (c === '{') {
      if (depth === 0 && title[i + 1] === '\\') {
        special = 1;
      } else if (special > 0) {
        special++;
      }
      depth++;
      out[i] = ' ';
      continue;
    }
    if (c === '}') {
      depth = Math.max(0, depth - 1);
      special = Math.max(0, special - 1);
      out[i] = ' ';
      continue;
    }
    if (math || (depth > 0 && special === 0)) {
      out[i] = ' ';
    }
  }
  return out.join('');
}

/** The title with each word that needs its capitals kept braced: "{BLIP-2}: Bootstrapping ...". */
export function protectTitle(title: string): string {
  let out = '';
  let from = 0;
  for (const word of unprotectedWords(title)) {
    out += `${title.slice(from, word.start)}{${word.word}}`;
    from = word.end;
  }
  return out + title.slice(from);
}
