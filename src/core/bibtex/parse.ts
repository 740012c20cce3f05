// A tolerant, linear-time BibTeX reader that never throws: a broken entry is recorded as a problem and
// reading resumes at the next line starting with "@".

export interface BibEntry {
  /** Entry type in lower case: "article", "misc", ... */
  type: string;
  key: string;
  /** Field values by lower-case name, macros and "#" resolved, outer braces or quotes removed, whitespace collapsed. */
  fields: Record<string, string>;
  /** Offset of the "@". */
  start: number;
  /** Offset just after the closing delimiter, so text.slice(start, end) is the whole entry. */
  end: number;
  /** Zero-based line of the "@", as in VS Code positions. */
  line: number;
  /** Where the type, key and each field stand in the text; read only when asked for (entrySpans). */
  spans?: EntrySpans;
}

/** Offsets into the text the entry was read from; every end is exclusive. */
export interface EntrySpans {
  typeStart: number;
  typeEnd: number;
  keyStart: number;
  keyEnd: number;
  /** The closing "}" or ")". */
  close: number;
  /** In the order written, duplicates included. */
  fields: FieldSpan[];
}

export interface FieldSpan {
  /** In lower case. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value as written: its braces or quotes, macros and "#" parts included. */
  valueStart: number;
  valueEnd: number;
}

export interface BibProblem {
  message: string;
  offset: number;
  /** Zero-based. */
  line: number;
}

export interface BibFile {
  entries: BibEntry[];
  /** @string macros by lower-case name. */
  strings: Record<string, string>;
  preambles: string[];
  problems: BibProblem[];
}

/** The standard styles' month macros, so `month = jan` reads as it prints. */
const MONTHS: ReadonlyArray<[string, string]> = [
  ['jan', 'January'], ['feb', 'February'], ['mar', 'March'], ['apr', 'April'], ['may', 'May'], ['jun', 'June'],
  ['jul', 'July'], ['aug', 'August'], ['sep', 'September'], ['oct', 'October'], ['nov', 'November'], ['dec', 'December'],
];

const OUTSIDE_ENTRY = /[@%]/g;
const NEXT_ENTRY_LINE = /\n[ \t]*@/g;
const IDENTIFIER = /[A-Za-z][\w-]*/y;
const KEY_IN_BRACES = /[^\s,{}]+/y;
const KEY_IN_PARENS = /[^\s,{})]+/y;
const FIELD_NAME = /[^\s,={}()"#%@]+/y;
const BARE_VALUE = /[^\s,={}()"#%]+/y;
const SPACE_CODE = 0x20;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Thrown inside an entry to abandon it; never escapes parseBibtex. */
class Broken {
  /** `offset` is where to point the user, `resumeFrom` where the damage was found. */
  constructor(readonly message: string, readonly offset: number, readonly resumeFrom = offset) {}
}

export function parseBibtex(text: string): BibFile {
  return new BibtexReader(text, false).read();
}

/**
 * The spans of one entry of `text`, read again on their own: edits need them for a few entries, and
 * recording them for every entry of a 10,000-entry file would slow every read.
 */
export function entrySpans(text: string, entry: BibEntry): EntrySpans | undefined {
  const again = new BibtexReader(text.slice(entry.start, entry.end), true).read().entries[0];
  const spans = again?.spans;
  if (!spans) {
    return undefined;
  }
  const shift = (n: number) => n + entry.start;
  return {
    typeStart: shift(spans.typeStart),
    typeEnd: shift(spans.typeEnd),
    keyStart: shift(spans.keyStart),
    keyEnd: shift(spans.keyEnd),
    close: shift(spans.close),
    fields: spans.fields.map((f) => ({ ...f, nameStart: shift(f.nameStart), nameEnd: shift(f.nameEnd), valueStart: shift(f.valueStart), valueEnd: shift(f.valueEnd) })),
  };
}

class BibtexReader {
  private pos = 0;
  private readonly entries: BibEntry[] = [];
  private readonly macros = new Map<string, string>(MONTHS);
  private readonly strings: Record<string, string> = {};
  private readonly preambles: string[] = [];
  private readonly problems: BibProblem[] = [];
  private lineCursor = 0;
  private lineAtCursor = 0;
  /** The first newline at or after lineCursor, or the text's length. */
  private nextNewline: number;
  /** Set once an @comment ran to the end unclosed, so later ones cannot each rescan the whole rest. */
  private commentRanToEnd = false;
  private entryStart = 0;
  /** Set by closingBrace and closingQuote: the value they closed holds whitespace other than single spaces. */
  private untidy = false;
  /** Where the last value read ended, before any space after it. */
  private valueEnd = 0;
  private fieldSpans: FieldSpan[] = [];
  /** Field names and entry types as written, in lower case: a file repeats a few dozen of them. */
  private readonly lowerNames = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly withSpans: boolean,
  ) {
    const first = text.indexOf('\n');
    this.nextNewline = first < 0 ? text.length : first;
  }

  read(): BibFile {
    const text = this.text;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (this.pos < text.length) {
      OUTSIDE_ENTRY.lastIndex = this.pos;
      if (!OUTSIDE_ENTRY.test(text)) {
        break;
      }
      const found = OUTSIDE_ENTRY.lastIndex - 1;
      this.pos = text[found] === '%' ? this.endOfLine(found) : this.readEntryAt(found);
    }
    return { entries: this.entries, strings: this.strings, preambles: this.preambles, problems: this.problems };
  }

  /** Reads the entry whose "@" is at `at` and returns where reading continues. */
  private readEntryAt(at: number): number {
    const text = this.text;
    this.pos = at + 1;
    this.skipSpace();
    const typeStart = this.pos;
    const written = this.match(IDENTIFIER);
    if (written === undefined) {
      return at + 1;
    }
    const type = this.lowerCase(written);
    this.skipSpace();
    const opener = text[this.pos];
    if (opener !== '{' && opener !== '(') {
      // An "@" mid-line is prose such as an e-mail address; at a line start it is a broken entry.
      if (type !== 'comment' && this.startsLine(at)) {
        this.problem(`'@${type}' is not followed by '{' or '('`, this.pos);
      }
      return this.pos;
    }
    const close = opener === '{' ? '}' : ')';
    if (type === 'comment') {
      return this.skipComment(this.pos);
    }
    const line = this.lineOf(at);
    this.entryStart = at;
    this.pos++;
    try {
      if (type === 'preamble') {
        this.preambles.push(this.readValue());
        this.expectClose(close);
      } else if (type === 'string') {
        this.readFields(close, '', this.strings, true);
      } else {
        this.readEntry(type, close, at, line, typeStart);
      }
      return this.pos;
    } catch (error) {
      if (!(error instanceof Broken)) {
        throw error;
      }
      this.problem(error.message, error.offset);
      return this.nextEntryLine(error.resumeFrom);
    }
  }

  private readEntry(type: string, close: string, start: number, line: number, typeStart: number): void {
    this.skipSpaceAndComments();
    const keyOffset = this.pos;
    const key = this.match(close === '}' ? KEY_IN_BRACES : KEY_IN_PARENS) ?? '';
    const keyEnd = this.pos;
    this.skipSpaceAndComments();
    const next = this.text[this.pos];
    if (next !== ',' && next !== close) {
      throw this.broken(key ? `expected ',' after the key '${key}'` : `entry '@${type}' has no key`, key);
    }
    const fields: Record<string, string> = {};
    if (this.withSpans) {
      this.fieldSpans = [];
    }
    this.readFields(close, key, fields, false);
    if (!key) {
      this.problem(`entry '@${type}' has no key`, keyOffset);
    }
    const entry: BibEntry = { type, key, fields, start, end: this.pos, line };
    if (this.withSpans) {
      const typeEnd = typeStart + type.length;
      entry.spans = { typeStart, typeEnd, keyStart: keyOffset, keyEnd, close: this.pos - 1, fields: this.fieldSpans };
    }
    this.entries.push(entry);
  }

  /**
   * Reads `name = value` pairs up to and including the closing delimiter into `fields`; an entry keeps
   * the first of duplicate fields as BibTeX does, while @string definitions replace and define macros.
   */
  private readFields(close: string, key: string, fields: Record<string, string>, definesMacros: boolean): void {
    for (;;) {
      this.skipSpaceAndComments();
      const c = this.text[this.pos];
      if (c === close) {
        this.pos++;
        return;
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      const nameOffset = this.pos;
      const name = this.match(FIELD_NAME);
      if (name === undefined) {
        throw this.broken('expected a field name', key);
      }
      const nameEnd = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== '=') {
        throw this.broken(`expected '=' after '${name}'`, key);
      }
      this.pos++;
      const lowerName = this.lowerCase(name);
      this.skipSpace();
      const valueStart = this.pos;
      const value = this.readValue(key);
      if (this.withSpans && !definesMacros) {
        this.fieldSpans.push({ name: lowerName, nameStart: nameOffset, nameEnd, valueStart, valueEnd: this.valueEnd });
      }
      if (definesMacros) {
        this.macros.set(lowerName, value);
        setField(fields, lowerName, value);
      } else if (Object.hasOwn(fields, lowerName)) {
        this.problem(`duplicate field '${lowerName}' in '${key}'; the first is kept`, nameOffset);
      } else {
        setField(fields, lowerName, value);
      }
      this.skipSpaceAndComments();
      const after = this.text[this.pos];
      if (after !== ',' && after !== close) {
        throw this.broken(`expected ',' or '${close}' after the field '${name}'`, key);
      }
    }
  }

  /** A value: braced, quoted, a number or a macro, joined by "#". */
  private readValue(key = ''): string {
    const text = this.text;
    let value = '';
    let untidy = false;
    for (;;) {
      this.skipSpace();
      const c = text[this.pos];
      if (c === '{' || c === '"') {
        const end = c === '{' ? this.closingBrace(this.pos, true) : this.closingQuote(this.pos);
        if (end < 0) {
          throw new Broken(`${key ? `entry '${key}'` : 'value'} is not closed`, this.pos);
        }
        const part = text.slice(this.pos + 1, end);
        untidy ||= this.untidy || (part !== '' && (isSpace(part.charCodeAt(0)) || isSpace(part.charCodeAt(part.length - 1))));
        value += part;
        this.pos = end + 1;
      } else {
        const bare = this.match(BARE_VALUE);
        if (bare === undefined) {
          throw this.broken('expected a value', key);
        }
        value += /^\d+$/.test(bare) ? bare : this.macros.get(bare.toLowerCase()) ?? bare;
      }
      this.valueEnd = this.pos;
      this.skipSpace();
      if (text[this.pos] !== '#') {
        // Most values hold single spaces only, as the scan that closed them saw: no second pass over them.
        return untidy || value !== '' && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) ? collapseWhitespace(value) : value;
      }
      untidy = true; // "a" # " b": the parts may meet at spaces
      this.pos++;
    }
  }

  /**
   * Offset of the brace closing the one at `open`, or -1 when it runs into the end or into a line starting
   * with "@": an unclosed value must not swallow the entries after it, and stopping exactly where the
   * recovery resumes keeps reading linear however broken the file is.
   */
  private closingBrace(open: number, stopAtEntryLine: boolean): number {
    // A native search hops from stop to stop: a character loop in script over a 10 MB file cost most of the
    // read. Until the value is known to be untidy (see TIDY_STOPS), what would make it so is a stop too.
    const text = this.text;
    let depth = 1;
    let untidy = false;
    let stops = TIDY_STOPS;
    stops.lastIndex = open + 1;
    for (;;) {
      // test, not exec: no match object per stop. Only "  " of the stops is two characters long.
      if (!stops.test(text)) {
        return -1;
      }
      const last = stops.lastIndex - 1;
      const at = text.charCodeAt(last) === SPACE_CODE ? last - 1 : last;
      const c = text.charCodeAt(at);
      if (c === OPEN_BRACE) {
        depth++;
      } else if (c === CLOSE_BRACE) {
        if (--depth === 0) {
          this.untidy = untidy;
          return at;
        }
      } else {
        if (!untidy) {
          untidy = true;
          BRACE_OR_LINE.lastIndex = stops.lastIndex;
          stops = BRACE_OR_LINE;
        }
        if (c === NEWLINE && stopAtEntryLine && this.lineStartsWithAt(at)) {
          return -1;
        }
      }
    }
  }

  /** Like BibTeX, a quote inside braces does not end the value. */
  private closingQuote(open: number): number {
    const text = this.text;
    let depth = 0;
    this.untidy = true; // quoted values are rare: collapseWhitespace checks them
    for (let i = open + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACE) {
        depth++;
      } else if (c === CLOSE_BRACE) {
        depth = Math.max(0, depth - 1);
      } else if (c === QUOTE) {
        if (depth === 0) {
          return i;
        }
      } else if (c === NEWLINE && this.lineStartsWithAt(i)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * @comment{...} often holds whole commented-out entries, so lines starting with "@" do not end it;
   * after one has run unclosed to the end, the rest are read like values so that cannot repeat.
   */
  private skipComment(open: number): number {
    const end = this.text[open] === '('
      ? this.text.indexOf(')', open)
      : this.closingBrace(open, this.commentRanToEnd);
    if (end >= 0) {
      return end + 1;
    }
    this.commentRanToEnd = true;
    this.problem('@comment is not closed', open);
    return this.nextEntryLine(open);
  }

  private expectClose(close: string): void {
    this.skipSpaceAndComments();
    if (this.text[this.pos] !== close) {
      throw this.broken(`expected '${close}'`);
    }
    this.pos++;
  }

  private broken(expected: string, key = ''): Broken {
    // Running into the end or the next entry means this one was never closed: point at its start.
    if (this.pos >= this.text.length) {
      return new Broken(key ? `entry '${key}' is not closed before the end of the file` : 'unexpected end of file', this.entryStart, this.pos);
    }
    if (this.text[this.pos] === '@') {
      return new Broken(key ? `entry '${key}' is not closed before the next entry` : `${expected}, found '@'`, this.entryStart, this.pos);
    }
    return new Broken(key ? `${expected} in '${key}'` : expected, this.pos);
  }

  private lineStartsWithAt(newline: number): boolean {
    const text = this.text;
    let i = newline + 1;
    while (text[i] === ' ' || text[i] === '\t') {
      i++;
    }
    return text[i] === '@';
  }

  /** Where to carry on after a broken entry: the next line starting with "@", counting the line of `from`. */
  private nextEntryLine(from: number): number {
    let lineStart = from;
    while (lineStart > 0 && (this.text[lineStart - 1] === ' ' || this.text[lineStart - 1] === '\t')) {
      lineStart--;
    }
    NEXT_ENTRY_LINE.lastIndex = Math.max(0, lineStart - 1);
    const found = NEXT_ENTRY_LINE.exec(this.text);
    return found ? found.index + found[0].length - 1 : this.text.length;
  }

  private startsLine(at: number): boolean {
    let i = at - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) {
      i--;
    }
    return i < 0 || this.text[i] === '\n' || (i === 0 && this.text.charCodeAt(0) === 0xfeff);
  }

  private match(sticky: RegExp): string | undefined {
    sticky.lastIndex = this.pos;
    if (!sticky.test(this.text)) {
      return undefined;
    }
    const start = this.pos;
    this.pos = sticky.lastIndex;
    return this.text.slice(start, this.pos);
  }

  private lowerCase(name: string): string {
    let lower = this.lowerNames.get(name);
    if (lower === undefined) {
      lower = name.toLowerCase();
      this.lowerNames.set(name, lower);
    }
    return lower;
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) {
      this.pos++;
    }
  }

  /** Between fields a "%" starts a comment to the end of the line, as biber reads it. */
  private skipSpaceAndComments(): void {
    this.skipSpace();
    while (this.text[this.pos] === '%') {
      this.pos = this.endOfLine(this.pos);
      this.skipSpace();
    }
  }

  private endOfLine(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline < 0 ? this.text.length : newline + 1;
  }

  private problem(message: string, offset: number): void {
    this.problems.push({ message, offset, line: this.lineOf(offset) });
  }

  /** Lines are counted from the last asked offset, so asking in reading order stays linear. */
  private lineOf(offset: number): number {
    const text = this.text;
    if (offset < this.lineCursor) {
      for (let i = this.lineCursor - 1; i >= offset; i--) {
        if (text.charCodeAt(i) === 10) {
          this.lineAtCursor--;
          this.nextNewline = i;
        }
      }
    } else {
      // The next newline is remembered, so one huge line is not searched again for every entry on it.
      while (this.nextNewline < offset) {
        this.lineAtCursor++;
        const next = text.indexOf('\n', this.nextNewline + 1);
        this.nextNewline = next < 0 ? text.length : next;
      }
    }
    this.lineCursor = offset;
    return this.lineAtCursor;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff;
}

/**
 * What closingBrace stops at: braces and line breaks, and while the value looks tidy, what makes it untidy (a
 * tab, two spaces, or a rarer space that collapseWhitespace also tidies: no-break, ideographic, thin; other
 * Unicode spaces, U+2000-U+2008 and the like, stay as written).
 */
const TIDY_STOPS = /[{}\n\t\r\f\v\u00a0\u2009\u202f\u3000]| {2}/g;
const BRACE_OR_LINE = /[{}\n]/g;

/** Most values need no change, and testing first spares allocating a copy of each. */
const UNTIDY_WHITESPACE = /^\s|\s$|[^\S ]| {2}/;

function collapseWhitespace(value: string): string {
  return UNTIDY_WHITESPACE.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

/** Assigns even a field named "__proto__" as a plain own property. */
function setField(fields: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') {
    Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    fields[name] = value;
  }
}
