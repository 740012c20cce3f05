// Which candidate mentions stand, decided by the text around them on their line (see the README's design
// notes): a citation right after a name says which paper is meant; an ordinary word ("Florence") needs support.
import type { CitationSyntax } from '../documents/syntax';
import type { Mention } from './mentions';
import type { MentionNames } from './mentionSpellings';

export interface MentionRules {
  syntax: CitationSyntax;
  names: MentionNames;
  /** The paper a cited key stands for: an atlas model's id, null for a paper not in the atlas, undefined when unknown. */
  citedModel(key: string): string | null | undefined;
}

/** What follows a name and cites it; `keys` is empty for an author-year or numeric citation. */
interface CitationAfter {
  keys: string[];
}

const GAP = /[ \t]*(?:~|\\,|\\ )?[ \t]*/y;
const LATEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]\n]*\]){0,2}\s*\{([^}\n]*)\}/y;
const PANDOC_CITE = /\[[^\]\n@]*?(-?@[^\]\n]*)\]/y;
/** A name in a citation's pre-note: `\parencite[CLIP;][]{key}`. */
const LATEX_PRENOTE_REST = /[;,]?\]\s*(?:\[[^\]\n]*\])?\s*\{([^}\n]*)\}/y;
const LATEX_PRENOTE_OPEN = /\\[A-Za-z]*cite[A-Za-z]*\*?\s*\[[^\]\n]*$/;
/** A name inside a Pandoc citation: `[CLIP\; @radford2021learning]`. */
const PANDOC_PRENOTE_REST = /\\?[;,]\s*(-?@[\w:.#$%&\-+?<>~/]+)/y;
const AUTHOR_YEAR = /\(\[?[A-Z][A-Za-z'’\- ]{0,40}?(?: et al\.?)?,? *(?:19|20)\d\d[a-z]?/y;
const NUMERIC = /\[\d+(?:\s*[,–-]\s*\d+)*\]/y;
const PANDOC_KEY = /-?@([\w][\w:.#$%&\-+?<>~/]*)/g;

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function pandocKeys(list: string): string[] {
  return [...list.matchAll(PANDOC_KEY)].map((m) => m[1].replace(/[.:,;?!]+$/, ''));
}

function latexKeys(list: string): string[] {
  return list.split(',').map((k) => k.trim()).filter((k) => k !== '');
}

/** The citation written right after a name that ends at `end` (on its line, `lineStart` on), if any. */
export function citationAfter(text: string, end: number, lineStart: number, syntax: CitationSyntax): CitationAfter | undefined {
  const at = sticky(GAP, text, end) ? GAP.lastIndex : end;
  if (syntax === 'latex') {
    const cite = sticky(LATEX_CITE, text, at);
    if (cite) {
      return { keys: latexKeys(cite[1]) };
    }
    const prenote = sticky(LATEX_PRENOTE_REST, text, end);
    if (prenote && LATEX_PRENOTE_OPEN.test(text.slice(Math.max(lineStart, end - 200), end))) {
      return { keys: latexKeys(prenote[1]) };
    }
  } else if (syntax === 'pandoc') {
    const cite = sticky(PANDOC_CITE, text, at);
    if (cite) {
      return { keys: pandocKeys(cite[1]) };
    }
    const inBracket = sticky(PANDOC_PRENOTE_REST, text, end);
    const open = text.lastIndexOf('[', end);
    if (inBracket && open >= lineStart && !text.slice(open, end).includes(']')) {
      return { keys: pandocKeys(inBracket[1]) };
    }
  }
  return sticky(AUTHOR_YEAR, text, at) || sticky(NUMERIC, text, at) ? { keys: [] } : undefined;
}

/**
 * The model a citation after a name says is meant: the name's own when any key is its paper, else the first
 * other atlas paper cited, null when every key is a known paper outside the atlas, the name's own when unknown.
 */
function citedInstead(mention: Mention, citation: CitationAfter, rules: MentionRules): string | null {
  let other: string | undefined;
  let allOutside = citation.keys.length > 0;
  for (const key of citation.keys) {
    const cited = rules.citedModel(key);
    if (cited === mention.modelId) {
      return mention.modelId;
    }
    other ??= cited ?? undefined;
    allOutside &&= cited === null;
  }
  return other ?? (allOutside ? null : mention.modelId);
}

interface Line {
  start: number;
  end: number;
}

/**
 * The line around `offset`, at most LINE_REACH characters either side of it: beyond that a line (a paragraph on
 * one line, a generated file) says nothing more about a name, and scanning it for every name would be quadratic.
 */
function lineAround(text: string, offset: number): Line {
  let start = offset;
  const from = Math.max(0, offset - LINE_REACH);
  while (start > from && text.charCodeAt(start - 1) !== NEWLINE) {
    start--;
  }
  let end = offset;
  const to = Math.min(text.length, offset + LINE_REACH);
  while (end < to && text.charCodeAt(end) !== NEWLINE) {
    end++;
  }
  return { start, end };
}

const LINE_REACH = 2000;
const NEWLINE = 0x0a;

const isUpperCode = (c: number) => c >= 65 && c <= 90;
const isLowerCode = (c: number) => c >= 97 && c <= 122;
const isLetterCode = (c: number) => isUpperCode(c) || isLowerCode(c);

function isCjkCode(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

/** The word right after `at` past one space, or undefined. */
function wordAfter(text: string, at: number, line: Line): { word: string; start: number } | undefined {
  if (text.charCodeAt(at) !== 0x20) {
    return undefined;
  }
  const m = /[A-Za-z][A-Za-z0-9-]*/y;
  m.lastIndex = at + 1;
  const found = m.exec(text);
  return found && found.index + found[0].length <= line.end ? { word: found[0], start: at + 1 } : undefined;
}

/** The word right before `at` past one space, or undefined. */
function wordBefore(text: string, at: number, line: Line): { word: string; start: number } | undefined {
  if (at - 1 <= line.start || text.charCodeAt(at - 1) !== 0x20) {
    return undefined;
  }
  let i = at - 1;
  while (i > line.start && isLetterCode(text.charCodeAt(i - 1))) {
    i--;
  }
  return i < at - 1 ? { word: text.slice(i, at - 1), start: i } : undefined;
}

/** Whether `at` opens a sentence: only markup (list markers, emphasis, quotes) between it and a line start or [.!?:]. */
function opensSentence(text: string, at: number, line: Line): boolean {
  for (let i = at - 1; i >= line.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a) {
      return true;
    }
    if (isLetterCode(c) || (c >= 48 && c <= 57) || isCjkCode(c)) {
      return false;
    }
  }
  return true;
}

/** The sentence around [start, end) within its line: from the last [.!?] and a space before, to the next. */
function sentenceAround(text: string, start: number, end: number, line: Line): string {
  const before = text.slice(line.start, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const after = text.slice(end, line.end);
  const stops = [after.indexOf('. '), after.indexOf('? '), after.indexOf('! ')].filter((i) => i >= 0);
  return text.slice(from < 0 ? line.start : line.start + from + 2, stops.length > 0 ? end + Math.min(...stops) : line.end);
}

/** A line of capitals only ("ALIGN THE TENSORS"): its words say nothing about names. */
function isAllCapsLine(text: string, line: Line): boolean {
  let words = 0;
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (isLowerCode(c)) {
      return false;
    }
    if (isUpperCode(c) && !isUpperCode(text.charCodeAt(i - 1))) {
      words++;
    }
  }
  return words >= 3;
}

const LIST_SEPARATOR = /^\s*(?:,|;|\/|&|\+|,?\s+(?:and|or|vs\.?|versus)|\s+&)\s*$/;
const CITATION_BETWEEN = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\]){0,2}\{[^}]*\}|~|\[@[^\]]*\]|\([^()]*\d{4}[^()]*\)/g;

/** How a mention's line reads around it; computed for ordinary words only. */
class Surroundings {
  readonly line: Line;
  constructor(
    private readonly text: string,
    private readonly mention: Mention,
    private readonly lineMentions: readonly Mention[],
    private readonly rules: MentionRules,
  ) {
    this.line = lineAround(text, mention.start);
  }

  private isMentionAt(start: number): boolean {
    return this.lineMentions.some((m) => m.start === start);
  }

  private isContextWord(word: string): boolean {
    const lower = word.toLowerCase();
    return this.rules.names.contextWords.some((w) => w.toLowerCase() === lower);
  }

  /** Glued to CJK text, in a list with a model that stands, or followed by a noun such as "model". */
  get locallySupported(): boolean {
    return this.namedRightThere || this.inListOfModels();
  }

  /** Glued to CJK text, or followed by a noun such as "model". */
  get namedRightThere(): boolean {
    const { text, mention } = this;
    if (isCjkCode(text.charCodeAt(mention.start - 1)) || isCjkCode(text.charCodeAt(mention.end))) {
      return true;
    }
    const next = wordAfter(text, mention.end, this.line);
    return next !== undefined && this.isContextWord(next.word);
  }

  private inListOfModels(): boolean {
    const index = this.lineMentions.findIndex((m) => m.start === this.mention.start);
    const stands = (m: Mention | undefined) => m !== undefined && (!m.ordinary || writtenAsName(m));
    const separates = (from: number, to: number) => LIST_SEPARATOR.test(this.text.slice(from, to).replace(CITATION_BETWEEN, ''));
    const before = this.lineMentions[index - 1];
    const after = this.lineMentions[index + 1];
    return (stands(before) && separates(before.end, this.mention.start)) || (stands(after) && separates(this.mention.end, after.start));
  }

  /** What says an ordinary word is meant as a word or another name, even where the document names the model. */
  get contradicted(): boolean {
    const { text, mention, line } = this;
    if (isAllCapsLine(text, line)) {
      return true;
    }
    const next = wordAfter(text, mention.end, line);
    const nameBefore = (word: string) => !this.isMentionAt(next!.start) && !this.isContextWord(word);
    if (writtenAsName(mention)) {
      // "GIT LFS": another capitalised acronym after it makes one name of the two ("CLIP Data" in a title does not).
      return next !== undefined && /^[A-Z][A-Z0-9]+$/.test(next.word) && nameBefore(next.word);
    }
    // "Oscar Wilde": part of a longer name.
    if (next && isUpperCode(next.word.charCodeAt(0)) && nameBefore(next.word)) {
      return true;
    }
    // "Florence, Italy": a capitalised word after a comma that is no model and goes on no list.
    if (/^, [A-Z][A-Za-z]+(?![A-Za-z0-9-]|,| and | or |\/| &)/.test(text.slice(mention.end, Math.min(line.end, mention.end + 60))) && !this.isMentionAt(mention.end + 2)) {
      return true;
    }
    const previous = wordBefore(text, mention.start, line);
    if (previous) {
      const lower = previous.word.toLowerCase();
      // "The Emu is a bird" (but "the Otter model").
      if ((lower === 'the' || lower === 'a' || lower === 'an') && !(next && this.isContextWord(next.word))) {
        return true;
      }
      // "Pete Florence": a capitalised word before it that opens no sentence.
      if (isUpperCode(previous.word.charCodeAt(0)) && !this.isMentionAt(previous.start) && !opensSentence(text, previous.start, line)) {
        return true;
      }
    }
    // "Monkey patching the dataloader.": opens a sentence that names no other model and cites nothing.
    if (opensSentence(text, mention.start, line) && next && isLowerCode(next.word.charCodeAt(0))) {
      const sentence = sentenceAround(text, mention.start, mention.end, line);
      const others = this.lineMentions.some((m) => m.start !== this.mention.start && sentence.includes(m.text));
      const cites = /\\[A-Za-z]*cite|\[@|\(\[?[A-Z][^()]*\d{4}/.test(sentence);
      return !others && !cites;
    }
    return false;
  }
}

/** An ordinary word written in capitals, as its authors write the name ("CLIP", "ALIGN"): it stands unless contradicted. */
function writtenAsName(mention: Mention): boolean {
  return /^[A-Z][A-Z0-9]+(?![a-z])/.test(mention.text);
}

export interface Decision {
  /** The mention as it stands, with the model the citation after it names; undefined when it is no mention. */
  mention: Mention | undefined;
  /** Whether it stands on its own line's evidence, so it supports other mentions of its model. */
  local: boolean;
}

/** The decision for one candidate from its line alone; an ordinary word without local evidence waits for the document's support. */
export function decideOnLine(text: string, mention: Mention, lineMentions: readonly Mention[], rules: MentionRules): Decision & { needsSupport: boolean } {
  const line = lineAround(text, mention.start);
  const citation = citationAfter(text, mention.end, line.start, rules.syntax);
  if (citation) {
    const modelId = citedInstead(mention, citation, rules);
    return { mention: modelId === null ? undefined : modelId === mention.modelId ? mention : { ...mention, modelId, ordinary: undefined }, local: true, needsSupport: false };
  }
  if (!mention.ordinary) {
    return { mention, local: true, needsSupport: false };
  }
  const around = new Surroundings(text, mention, lineMentions, rules);
  if (mention.strict) {
    return around.namedRightThere ? { mention, local: true, needsSupport: false } : { mention: undefined, local: false, needsSupport: false };
  }
  if (writtenAsName(mention)) {
    return around.contradicted ? { mention: undefined, local: false, needsSupport: false } : { mention, local: true, needsSupport: false };
  }
  if (around.locallySupported && !around.contradicted) {
    return { mention, local: true, needsSupport: false };
  }
  return { mention: undefined, local: false, needsSupport: !around.contradicted };
}

/**
 * The mentions of a whole text as every feature counts them, from the matcher's candidates outside non-prose:
 * each decided on its line; an ordinary word without local evidence stands where the document cites its model
 * or names it elsewhere on the line's own evidence ("one sense per document").
 */
export function decideMentions(text: string, candidates: readonly Mention[], rules: MentionRules, citedModelIds: Iterable<string> = []): { mentions: Mention[]; supported: Set<string> } {
  const supported = new Set(citedModelIds);
  const decisions: Array<{ candidate: Mention; decision: ReturnType<typeof decideOnLine> }> = [];
  let lineFrom = 0;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    // The candidates on the same line, for lists of models: only ordinary words look at them.
    let lineMentions: readonly Mention[] = [];
    if (candidate.ordinary) {
      const line = lineAround(text, candidate.start);
      while (lineFrom < candidates.length && candidates[lineFrom].start < line.start) {
        lineFrom++;
      }
      let lineTo = lineFrom;
      while (lineTo < candidates.length && candidates[lineTo].start < line.end) {
        lineTo++;
      }
      lineMentions = candidates.slice(lineFrom, lineTo);
    }
    const decision = decideOnLine(text, candidate, lineMentions, rules);
    if (decision.mention && decision.local) {
      supported.add(decision.mention.modelId);
    }
    decisions.push({ candidate, decision });
  }
  const mentions: Mention[] = [];
  for (const { candidate, decision } of decisions) {
    if (decision.mention) {
      mentions.push(decision.mention);
    } else if (decision.needsSupport && supported.has(candidate.modelId)) {
      mentions.push(candidate);
    }
  }
  return { mentions, supported };
}
