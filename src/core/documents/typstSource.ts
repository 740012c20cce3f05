// Reading Typst source in one linear pass: what is not prose (code, comments, raw text, math, URLs), the keys
// cited as @key and #cite(<key>), and the files #bibliography(...) and #include name. No recursion: a stack.
import { mergeRanges, type Range } from './ranges';

export interface TypstKey {
  key: string;
  start: number;
  end: number;
}

export interface TypstSource {
  /** Sorted and disjoint. A #cite(<key>) label is left out of them: it is where a citation key is typed. */
  nonProse: Range[];
  /** `@key` references and `#cite(<key>)` labels, in text order. */
  citations: TypstKey[];
  /** The string arguments of bibliography(...) that name a .bib or .yml file. */
  bibliographies: string[];
  /** The files of `#include "..."`. */
  includes: string[];
}

/** Characters of a Typst label or reference: letters, digits, "_", "-", ":" and "." (a trailing "." or ":" is text). */
export const TYPST_LABEL_CHAR = /[\p{L}\p{N}_\-:.]/u;
const IDENTIFIER = /[\p{L}_][\p{L}\p{N}_-]*/uy;
const URL = /https?:\/\/[^\s<>"\])}]+/y;
const STATEMENT_KEYWORDS = new Set(['let', 'set', 'show', 'import', 'include', 'if', 'for', 'while', 'context', 'return', 'break', 'continue']);
const BIBLIOGRAPHY_FILE = /\.(bib|ya?ml)$/i;
/** What can start something other than text in markup: escapes, brackets, comments, raw, math, labels, references, code, URLs. */
const MARKUP_SPECIAL = /[\\[\]`$<@#]|\/[/*]|https?:\/\//g;

type Frame =
  /** Markup: the whole document, or a content block [...] closed by an unmatched "]". */
  | { mode: 'markup'; inBlock: boolean; depth: number }
  /** Code after "#": an identifier with its postfix chain, or a statement running to the end of the line. */
  | { mode: 'expression'; statement: boolean; keyword: string | undefined; started: boolean }
  /** Code between ( ) or { }, `callee` being the function a "(" calls. */
  | { mode: 'group'; closer: ')' | '}'; callee: string | undefined };

export function readTypst(text: string): TypstSource {
  return new TypstReader(text).read();
}

class TypstReader {
  private pos = 0;
  private readonly stack: Frame[] = [{ mode: 'markup', inBlock: false, depth: 0 }];
  private readonly excluded: Range[] = [];
  private readonly citations: TypstKey[] = [];
  private readonly bibliographies: string[] = [];
  private readonly includes: string[] = [];
  /** Where the code being read started (undefined in markup). */
  private codeSince: number | undefined;
  /** The identifier just read in code, for the call a "(" right after it makes. */
  private lastIdentifier: { name: string; end: number } | undefined;

  constructor(private readonly text: string) {}

  read(): TypstSource {
    while (this.pos < this.text.length) {
      const frame = this.stack[this.stack.length - 1];
      if (frame.mode === 'markup') {
        this.markupStep(frame);
      } else if (frame.mode === 'expression') {
        this.expressionStep(frame);
      } else {
        this.codeStep(frame);
      }
    }
    this.endCode(this.text.length);
    return { nonProse: mergeRanges(this.excluded), citations: this.citations, bibliographies: this.bibliographies, includes: this.includes };
  }

  private markupStep(frame: Extract<Frame, { mode: 'markup' }>): void {
    const text = this.text;
    // Most of a document is plain markup: skip to the next character that may mean something, natively.
    MARKUP_SPECIAL.lastIndex = this.pos;
    const next = MARKUP_SPECIAL.exec(text);
    if (!next) {
      this.pos = text.length;
      return;
    }
    this.pos = next.index;
    const c = text[this.pos];
    switch (c) {
      case '\\':
        this.pos += 2;
        return;
      case '[':
        frame.depth++;
        this.pos++;
        return;
      case ']':
        if (frame.inBlock && frame.depth === 0) {
          this.stack.pop(); // back to the code that opened the block, which resumes at this "]"
          this.startCode(this.pos);
          this.pos++;
          return;
        }
        frame.depth = Math.max(0, frame.depth - 1);
        this.pos++;
        return;
      case '/':
        if (this.comment()) {
          return;
        }
        break;
      case '`':
        this.skipExcluded(this.rawEnd(this.pos));
        return;
      case '$':
        this.skipExcluded(this.mathEnd(this.pos));
        return;
      case '<': {
        const end = this.labelEnd(this.pos + 1);
        if (end > this.pos + 1 && text[end] === '>') {
          this.skipExcluded(end + 1); // a label attached to an element
          return;
        }
        break;
      }
      case '@':
        if (this.reference()) {
          return;
        }
        break;
      case '#':
        if (this.startsExpression(this.pos + 1)) {
          this.startCode(this.pos);
          this.pos++;
          this.stack.push({ mode: 'expression', statement: false, keyword: undefined, started: false });
          return;
        }
        break;
      case 'h':
        if (this.url()) {
          return;
        }
        break;
    }
    this.pos++;
  }

  /** After "#": the first item decides; then only "(", "[" and ".name" continue the expression, with no space before. */
  private expressionStep(frame: Extract<Frame, { mode: 'expression' }>): void {
    const text = this.text;
    if (frame.statement) {
      // A statement ends with its line, at ";", or at the "]" of the content block it stands in.
      const c = text[this.pos];
      if (c === '\n' || c === ';' || (c === ']' && this.inContentBlock())) {
        this.finishExpression();
        return;
      }
      this.codeStep(frame);
      return;
    }
    const c = text[this.pos];
    if (!frame.started) {
      frame.started = true;
      const name = this.identifierAt(this.pos);
      if (name !== undefined && STATEMENT_KEYWORDS.has(name)) {
        this.pos += name.length;
        frame.statement = true;
        frame.keyword = name;
        this.lastIdentifier = undefined;
        return;
      }
    } else if (c !== '(' && c !== '[' && !(c === '.' && this.identifierAt(this.pos + 1) !== undefined)) {
      this.finishExpression();
      return;
    }
    if (c === '{') {
      this.pos++;
      this.stack.push({ mode: 'group', closer: '}', callee: undefined });
      return;
    }
    if (c === '.') {
      const name = this.identifierAt(this.pos + 1) ?? '';
      this.pos += 1 + name.length;
      this.lastIdentifier = { name, end: this.pos };
      return;
    }
    this.codeStep(frame);
  }

  private inContentBlock(): boolean {
    const markup = this.stack[this.stack.length - 2];
    return markup?.mode === 'markup' && markup.inBlock && markup.depth === 0;
  }

  private finishExpression(): void {
    this.stack.pop();
    if (this.stack[this.stack.length - 1].mode === 'markup') {
      this.endCode(this.pos);
    }
  }

  /** One token of code, in a group, a statement or an expression. */
  private codeStep(frame: Frame): void {
    const text = this.text;
    const c = text[this.pos];
    if (frame.mode === 'group' && c === frame.closer) {
      this.stack.pop();
      this.pos++;
      this.lastIdentifier = undefined;
      return;
    }
    switch (c) {
      case '"': {
        const end = this.stringEnd(this.pos);
        this.noteString(frame, text.slice(this.pos + 1, Math.max(this.pos + 1, end - 1)));
        this.pos = end;
        this.lastIdentifier = undefined;
        return;
      }
      case '/':
        if (this.comment()) {
          return;
        }
        break;
      case '`':
        this.pos = this.rawEnd(this.pos);
        return;
      case '$':
        this.pos = this.mathEnd(this.pos);
        return;
      case '(': {
        const callee = this.lastIdentifier?.end === this.pos ? this.lastIdentifier.name : undefined;
        this.pos++;
        this.lastIdentifier = undefined;
        this.stack.push({ mode: 'group', closer: ')', callee });
        return;
      }
      case '{':
        this.pos++;
        this.lastIdentifier = undefined;
        this.stack.push({ mode: 'group', closer: '}', callee: undefined });
        return;
      case '[':
        this.pos++;
        this.endCode(this.pos);
        this.lastIdentifier = undefined;
        this.stack.push({ mode: 'markup', inBlock: true, depth: 0 });
        return;
      case '<':
        if (frame.mode === 'group' && frame.callee === 'cite') {
          this.citeLabel();
          return;
        }
        break;
    }
    const name = this.identifierAt(this.pos);
    if (name !== undefined) {
      this.pos += name.length;
      this.lastIdentifier = { name, end: this.pos };
      return;
    }
    if (!/\s/.test(c)) {
      this.lastIdentifier = undefined;
    }
    this.pos++;
  }

  /** A string in code: a file #bibliography(...) or #include names. */
  private noteString(frame: Frame, value: string): void {
    const inBibliography = this.stack.some((f) => f.mode === 'group' && f.callee === 'bibliography');
    if (inBibliography && BIBLIOGRAPHY_FILE.test(value)) {
      this.bibliographies.push(value);
    } else if (frame.mode === 'expression' && frame.keyword === 'include') {
      this.includes.push(value);
    }
  }

  /** `<key>` (or `<ke` being typed) inside #cite(...): a citation, and prose for the editor's purposes. */
  private citeLabel(): void {
    const start = this.pos;
    const end = this.labelEnd(start + 1);
    this.endCode(start);
    const key = trimLabel(this.text.slice(start + 1, end));
    if (key) {
      this.citations.push({ key, start: start + 1, end: start + 1 + key.length });
    }
    this.pos = this.text[end] === '>' ? end + 1 : end;
    // The character after the label stays out of the code too: a cursor right after `<ke` is where a key is typed.
    this.startCode(Math.min(this.text.length, end + 1));
  }

  /** `@key` in markup, unless a word character precedes it (an e-mail address). */
  private reference(): boolean {
    const at = this.pos;
    if (at > 0 && /[\p{L}\p{N}_]/u.test(this.text[at - 1])) {
      return false;
    }
    const end = this.labelEnd(at + 1);
    const key = trimLabel(this.text.slice(at + 1, end));
    if (!key) {
      return false;
    }
    this.citations.push({ key, start: at + 1, end: at + 1 + key.length });
    this.pos = at + 1 + key.length;
    return true;
  }

  private url(): boolean {
    if (this.pos > 0 && /[\p{L}\p{N}_]/u.test(this.text[this.pos - 1])) {
      return false;
    }
    URL.lastIndex = this.pos;
    const m = URL.exec(this.text);
    if (!m) {
      return false;
    }
    const end = this.pos + m[0].replace(/[.,;:!?']+$/, '').length;
    this.exclude(this.pos, end);
    this.pos = end;
    return true;
  }

  /** A "//" or "/*" comment at pos (block comments nest), excluded; false when there is none. */
  private comment(): boolean {
    const text = this.text;
    const next = text[this.pos + 1];
    if (next === '/') {
      const newline = text.indexOf('\n', this.pos);
      const end = newline === -1 ? text.length : newline;
      this.exclude(this.pos, end);
      this.pos = end;
      return true;
    }
    if (next !== '*') {
      return false;
    }
    let depth = 0;
    let i = this.pos;
    while (i < text.length) {
      if (text.startsWith('/*', i)) {
        depth++;
        i += 2;
      } else if (text.startsWith('*/', i)) {
        depth--;
        i += 2;
        if (depth === 0) {
          break;
        }
      } else {
        i++;
      }
    }
    this.exclude(this.pos, i);
    this.pos = i;
    return true;
  }

  /** Raw text: `x`, or ```lang ...``` closed by a run of as many backticks. */
  private rawEnd(at: number): number {
    const text = this.text;
    let n = 0;
    while (text[at + n] === '`') {
      n++;
    }
    if (n === 2) {
      return at + 2; // empty raw
    }
    const marker = '`'.repeat(n);
    const close = text.indexOf(marker, at + n);
    return close === -1 ? text.length : close + n;
  }

  private mathEnd(at: number): number {
    const text = this.text;
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '\\') {
        i++;
      } else if (text[i] === '$') {
        return i + 1;
      }
    }
    return text.length;
  }

  private stringEnd(at: number): number {
    const text = this.text;
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '\\') {
        i++;
      } else if (text[i] === '"') {
        return i + 1;
      }
    }
    return text.length;
  }

  private labelEnd(from: number): number {
    let i = from;
    while (i < this.text.length && TYPST_LABEL_CHAR.test(this.text[i])) {
      i++;
    }
    return i;
  }

  private identifierAt(at: number): string | undefined {
    IDENTIFIER.lastIndex = at;
    return IDENTIFIER.exec(this.text)?.[0];
  }

  private startsExpression(at: number): boolean {
    const c = this.text[at];
    return c === '(' || c === '{' || c === '[' || this.identifierAt(at) !== undefined;
  }

  private skipExcluded(end: number): void {
    this.exclude(this.pos, end);
    this.pos = end;
  }

  private exclude(start: number, end: number): void {
    if (this.codeSince === undefined && end > start) {
      this.excluded.push({ start, end });
    }
  }

  private startCode(at: number): void {
    this.codeSince ??= at;
  }

  private endCode(at: number): void {
    if (this.codeSince !== undefined && at > this.codeSince) {
      this.excluded.push({ start: this.codeSince, end: at });
    }
    this.codeSince = undefined;
  }
}

/** A reference or label without the trailing "." and ":" that belong to the sentence. */
function trimLabel(label: string): string {
  return label.replace(/[.:]+$/, '');
}
