// BibTeX author lists read as people: "Last, First", "First von Last", "{Corporate Name}" and the closing
// "and others", compared with the atlas's list to say which names are missing, added, misspelled or moved.
import { comparable, plainText } from './plainText';

export interface WrittenName {
  /** The name as written, and its offsets in the value it came from. */
  text: string;
  start: number;
  end: number;
  /** Compared forms: the surname's last word, and the given names' words. */
  surname: string;
  given: string[];
  /** Written "Last, First". */
  inverted: boolean;
}

export interface AuthorList {
  names: WrittenName[];
  /** The separators between names as written (" and ", " and\n    "), one fewer than the names. */
  separators: string[];
  /** The list ends in "and others" (BibTeX's et al.), or says "et al." in so many words. */
  etAl: boolean;
}

const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv)$/i;
const ET_AL = /^(others|et\.?\s*al\.?)$/i;

/** Splits an author field at " and " outside braces, as BibTeX does. */
export function readAuthorList(value: string): AuthorList {
  const names: WrittenName[] = [];
  const separators: string[] = [];
  let etAl = false;
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = value.slice(start, end);
    const text = raw.trim();
    const at = start + raw.indexOf(text);
    if (text === '') {
      return;
    }
    if (ET_AL.test(text)) {
      etAl = true;
    } else if (/\bet\.?\s+al\.?$/i.test(text)) {
      etAl = true;
      const head = text.replace(/,?\s*\bet\.?\s+al\.?$/i, '');
      names.push(parseName(head, at, at + head.length));
    } else {
      names.push(parseName(text, at, at + text.length));
    }
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && /\s/.test(c)) {
      const sep = /^\s+and\s+/i.exec(value.slice(i, i + 40));
      if (sep) {
        push(i);
        separators.push(sep[0]);
        i += sep[0].length - 1;
        start = i + 1;
      }
    }
  }
  push(value.length);
  // An "and others" took its separator with it.
  return { names, separators: separators.slice(0, Math.max(0, names.length - 1)), etAl };
}

/** One name in any of BibTeX's forms; the surname is the last word of the last name ("de Las Casas" → "casas"). */
export function parseName(text: string, start = 0, end = start + text.length): WrittenName {
  const parts = splitOutsideBraces(text, ',');
  let last: string;
  let given: string;
  if (parts.length >= 2) {
    last = parts[0];
    given = parts[parts.length - 1];
  } else if (/^\{.*\}$/.test(text.trim())) {
    last = text;
    given = '';
  } else {
    const words = splitOutsideBraces(text, ' ').filter((w) => w !== '' && !SUFFIXES.test(plainText(w)));
    last = words.pop() ?? '';
    given = words.join(' ');
  }
  const lastWords = plainText(last).split(/\s+/).filter((w) => !SUFFIXES.test(w));
  return {
    text,
    start,
    end,
    surname: comparable(lastWords[lastWords.length - 1] ?? ''),
    given: plainText(given).split(/[\s]+/).filter((w) => w !== ''),
    inverted: parts.length >= 2,
  };
}

function splitOutsideBraces(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && (separator === ' ' ? /\s/.test(c) : c === separator)) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts;
}

/** A written name as plain "First Last" text, for messages. */
export function displayName(name: WrittenName): string {
  if (!name.inverted) {
    return plainText(name.text);
  }
  const parts = splitOutsideBraces(name.text, ',');
  return plainText(`${parts[parts.length - 1]} ${parts[0]}`);
}

/** "J." or "J.-B." or a lone letter: an initial, compared by its letters. */
function initialsOf(word: string): string | undefined {
  const w = word.replace(/\s+/g, '');
  return /^(\p{L}\.?)([-‐]?\p{L}\.?)*$/u.test(w) && (w.includes('.') || w.replace(/[-‐]/g, '').length <= 2)
    ? w.replace(/[^\p{L}]/gu, '').toLowerCase()
    : undefined;
}

function initialsOfWord(word: string): string {
  return word.split(/[-‐]/).map((part) => comparable(part).charAt(0)).join('');
}

function givenWordsAgree(a: string, b: string): boolean {
  const ia = initialsOf(a);
  const ib = initialsOf(b);
  if (ia !== undefined || ib !== undefined) {
    const sa = ia ?? initialsOfWord(a);
    const sb = ib ?? initialsOfWord(b);
    return sa.startsWith(sb) || sb.startsWith(sa);
  }
  // Nicknames and spellings of one given name (Katie / Katherine, Andy / Andrew) share their first letters.
  return comparable(a).slice(0, 2) === comparable(b).slice(0, 2);
}

/** Given names agree when the first ones do, or one side's first appears among the other's ("C. Lawrence" / "Lawrence"). */
function givenAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) {
    return true;
  }
  return givenWordsAgree(a[0], b[0]) || a.some((w) => givenWordsAgree(w, b[0])) || b.some((w) => givenWordsAgree(a[0], w));
}

export function samePerson(a: WrittenName, b: WrittenName): boolean {
  return a.surname !== '' && a.surname === b.surname && givenAgree(a.given, b.given);
}

/** A slip of a letter or two in the surname, or the same surname with other given names. */
function misspelling(written: WrittenName, expected: WrittenName): boolean {
  if (written.surname === expected.surname) {
    return written.surname !== '';
  }
  const allowed = Math.max(1, Math.floor(Math.min(written.surname.length, expected.surname.length) / 4));
  return editDistance(written.surname, expected.surname, allowed) <= allowed && givenAgree(written.given, expected.given);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) {
      return limit + 1;
    }
    previous = current;
  }
  return previous[b.length];
}

const parsedLists = new WeakMap<readonly string[], WrittenName[]>();

/** The atlas's lists are compared again and again: each is parsed once. */
function parsedNames(names: readonly string[]): WrittenName[] {
  let parsed = parsedLists.get(names);
  if (!parsed) {
    parsed = names.map((name) => parseName(name));
    parsedLists.set(names, parsed);
  }
  return parsed;
}

export interface AuthorDifferences {
  missing: string[];
  added: string[];
  misspelled: Array<{ written: string; expected: string }>;
  /** "and others" (or "et al.") where the whole list is known: how many authors the paper has. */
  etAlFor?: number;
  orderChanged: boolean;
}

/**
 * How a written list differs from the paper's `expected` authors ("First Last"), or undefined when it does
 * not. With `truncated` (the atlas holds only the head of a long team list) names past that head, and
 * "and others", are not counted against the list.
 */
export function compareAuthors(list: AuthorList, expected: readonly string[], truncated: boolean): AuthorDifferences | undefined {
  const paper = parsedNames(expected);
  const written = list.names;
  const pairOf = new Array<number>(written.length).fill(-1);
  const taken = new Set<number>();
  written.forEach((name, i) => {
    const j = paper.findIndex((p, k) => !taken.has(k) && samePerson(name, p));
    if (j >= 0) {
      pairOf[i] = j;
      taken.add(j);
    }
  });
  const misspelled: AuthorDifferences['misspelled'] = [];
  written.forEach((name, i) => {
    if (pairOf[i] >= 0) {
      return;
    }
    // The name the paper has at the same place, else the first one left that it is a slip of.
    const candidates = [i, ...paper.keys()].filter((k) => k < paper.length && !taken.has(k));
    const j = candidates.find((k) => misspelling(name, paper[k]));
    if (j !== undefined) {
      pairOf[i] = j;
      taken.add(j);
      misspelled.push({ written: displayName(name), expected: expected[j] });
    }
  });
  const paired = pairOf.filter((j) => j >= 0);
  const orderChanged = paired.some((j, i) => i > 0 && j < paired[i - 1]);
  const added = truncated ? written.filter((_, i) => pairOf[i] < 0 && i < paper.length) : written.filter((_, i) => pairOf[i] < 0);
  // A truncated list names only the first authors: a shorter written list, or "others", is fine.
  const missing = truncated
    ? expected.filter((_, k) => !taken.has(k) && k < written.length)
    : list.etAl
      ? []
      : expected.filter((_, k) => !taken.has(k));
  const etAlFor = list.etAl && !truncated ? expected.length : undefined;
  if (missing.length === 0 && added.length === 0 && misspelled.length === 0 && etAlFor === undefined && !orderChanged) {
    return undefined;
  }
  return { missing, added: added.map(displayName), misspelled, etAlFor, orderChanged };
}
