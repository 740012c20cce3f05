// The key an appended entry gets (modelAtlas.bibtex.keyStyle): the atlas key, Google Scholar's (li2023blip),
// DBLP's (DBLP:conf/icml/LiLSH23), or a Better BibTeX-style formula (auth.lower + year + shorttitle(1,0)).
import type { AtlasModel } from '../atlas/atlas';
import { citationYear, publishedVenue } from '../atlas/venue';
import { asciiLetters, splitPersonName } from '../bibliographies/personNames';

export type KeyResult = { ok: true; key: string } | { ok: false; message: string };

/** What keyStyle names: one of the fixed styles, or else a formula. */
export function citationKeyFor(model: AtlasModel, style: string): KeyResult {
  switch (style.trim()) {
    case '':
    case 'authors':
      return { ok: true, key: model.bibtex.key };
    case 'google-scholar':
      return nonEmpty(model, googleScholarKey(model));
    case 'dblp':
      return { ok: true, key: dblpKey(model) ?? model.bibtex.key };
    default: {
      const formula = parseKeyFormula(style);
      return formula.ok ? nonEmpty(model, formula.evaluate(model)) : formula;
    }
  }
}

function nonEmpty(model: AtlasModel, key: string): KeyResult {
  const clean = cleanKey(key);
  return clean ? { ok: true, key: clean } : { ok: false, message: `the key style gives an empty key for ${model.name}` };
}

/** Letters, digits and the punctuation keys commonly hold; accents folded, everything else dropped. */
function cleanKey(key: string): string {
  return key.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9_:\-./+]/g, '');
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'on', 'in', 'to', 'for', 'with', 'at', 'by', 'from', 'as', 'is', 'are', 'via', 'into', 'its', 'but', 'nor', 'per', 'vs', 'versus']);

function families(model: AtlasModel): string[] {
  return model.paper.authors.map((author) => {
    const name = splitPersonName(author);
    return asciiLetters(name.literal ?? name.family ?? '');
  });
}

/** Title words without punctuation ("BLIP-2:" gives "BLIP2"), stop words left out. */
function significantWords(model: AtlasModel): string[] {
  return model.paper.title
    .split(/\s+/)
    .map(asciiLetters)
    .filter((word) => word !== '' && !STOP_WORDS.has(word.toLowerCase()));
}

/** Google Scholar: first author's family name, the year, the first significant title word split at punctuation. */
function googleScholarKey(model: AtlasModel): string {
  const word = model.paper.title
    .split(/[^\p{L}\p{N}]+/u)
    .map(asciiLetters)
    .find((w) => w !== '' && !STOP_WORDS.has(w.toLowerCase()));
  return `${families(model)[0] ?? ''}${citationYear(model)}${word ?? ''}`.toLowerCase();
}

/** DBLP's streams for the venues the atlas holds; an unknown venue's paper is keyed as its CoRR preprint. */
const DBLP_STREAMS: Array<[RegExp, string]> = [
  [/^(Findings of )?EMNLP/i, 'conf/emnlp'],
  [/^(Findings of )?ACL\b/i, 'conf/acl'],
  [/^NAACL/i, 'conf/naacl'],
  [/^(NeurIPS|NIPS)/i, 'conf/nips'],
  [/^ICML/i, 'conf/icml'],
  [/^ICLR/i, 'conf/iclr'],
  [/^CVPR/i, 'conf/cvpr'],
  [/^ICCV/i, 'conf/iccv'],
  [/^ECCV/i, 'conf/eccv'],
  [/^WACV/i, 'conf/wacv'],
  [/^AAAI/i, 'conf/aaai'],
  [/^IJCAI/i, 'conf/ijcai'],
  [/^COLING/i, 'conf/coling'],
  [/^COLM/i, 'conf/colm'],
  [/^(ACM )?(MM|Multimedia)\b/i, 'conf/mm'],
  [/^(TPAMI|IEEE Transactions on Pattern Analysis)/i, 'journals/pami'],
  [/^IJCV|^International Journal of Computer Vision/i, 'journals/ijcv'],
  [/^TMLR|^Transactions on Machine Learning Research/i, 'journals/tmlr'],
  [/^JMLR/i, 'journals/jmlr'],
  [/^Nature Communications/i, 'journals/ncomms'],
  [/^Science China Information Sciences/i, 'journals/chinaf'],
];

/**
 * DBLP's form: `DBLP:<stream>/<First author's family name><initials of the next eight><yy>`, without the
 * numbers DBLP adds to tell namesakes apart; a preprint's is its CoRR key, `DBLP:journals/corr/abs-2301-12597`.
 */
function dblpKey(model: AtlasModel): string | undefined {
  const venue = publishedVenue(model);
  const stream = venue && DBLP_STREAMS.find(([pattern]) => pattern.test(venue.name))?.[1];
  if (venue && stream) {
    const [first = '', ...rest] = families(model);
    const initials = rest.slice(0, 8).map((family) => family.charAt(0).toUpperCase()).join('');
    return `DBLP:${stream}/${first}${initials}${venue.year.slice(2)}`;
  }
  return model.paper.arxiv ? `DBLP:journals/corr/abs-${model.paper.arxiv.replace(/[./]/g, '-')}` : undefined;
}

// ---- Better BibTeX-style formulas ----

type Value = string;
type Fn = (model: AtlasModel, args: Array<string | number>) => Value;
type Modifier = (value: Value, args: Array<string | number>) => Value;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const num = (value: string | number | undefined, fallback: number) => (typeof value === 'number' ? value : fallback);

const FUNCTIONS: Record<string, Fn> = {
  auth: (m, [n, which]) => {
    const family = families(m)[num(which, 1) - 1] ?? '';
    return num(n, 0) > 0 ? family.slice(0, num(n, 0)) : family;
  },
  authors: (m, [n]) => {
    const all = families(m);
    const count = num(n, 0);
    return count > 0 && all.length > count ? all.slice(0, count).join('') + 'EtAl' : all.join('');
  },
  authEtAl: (m) => {
    const all = families(m);
    return all.length <= 2 ? all.join('') : `${all[0]}EtAl`;
  },
  authorsAlpha: (m) => {
    const all = families(m);
    if (all.length === 1) {
      return all[0].slice(0, 3);
    }
    return all.length <= 4 ? all.map((f) => f.charAt(0)).join('') : `${all.slice(0, 3).map((f) => f.charAt(0)).join('')}+`;
  },
  authorLast: (m) => families(m).slice(-1)[0] ?? '',
  year: (m) => citationYear(m),
  shortyear: (m) => citationYear(m).slice(2),
  title: (m) => significantWords(m).map(capitalize).join(''),
  shorttitle: (m, [n, caps]) => shortTitle(m, num(n, 3), num(caps, 0)),
  veryshorttitle: (m, [n, caps]) => shortTitle(m, num(n, 1), num(caps, 0)),
  arxiv: (m) => m.paper.arxiv ?? '',
};

function shortTitle(model: AtlasModel, words: number, capitalized: number): string {
  return significantWords(model)
    .slice(0, words)
    .map((word, i) => (i < capitalized ? capitalize(word) : word))
    .join('');
}

const MODIFIERS: Record<string, Modifier> = {
  lower: (v) => v.toLowerCase(),
  upper: (v) => v.toUpperCase(),
  capitalize: (v) => capitalize(v),
  fold: (v) => v.normalize('NFKD').replace(/\p{M}/gu, ''),
  clean: (v) => cleanKey(v),
  nopunct: (v) => v.replace(/[^\p{L}\p{N}\s-]/gu, ''),
  nopunctordash: (v) => v.replace(/[^\p{L}\p{N}\s]/gu, ''),
  abbr: (v) => v.split(/\s+/).map((w) => w.charAt(0)).join(''),
  substring: (v, [start, n]) => v.slice(num(start, 1) - 1, n === undefined ? undefined : num(start, 1) - 1 + num(n, 0)),
  select: (v, [start, n]) => v.split(/\s+/).slice(num(start, 1) - 1, n === undefined ? undefined : num(start, 1) - 1 + num(n, 0)).join(' '),
  prefix: (v, [text]) => (v ? `${text ?? ''}${v}` : v),
  postfix: (v, [text]) => (v ? `${v}${text ?? ''}` : v),
  replace: (v, [find, by]) => (find === undefined ? v : v.split(String(find)).join(String(by ?? ''))),
};

export type KeyFormula = { ok: true; evaluate(model: AtlasModel): string } | { ok: false; message: string };

type Term = { kind: 'text'; text: string; modifiers: Call[] } | { kind: 'function'; call: Call; modifiers: Call[] };
interface Call {
  name: string;
  args: Array<string | number>;
}

/**
 * Parses a formula in Better BibTeX's syntax: terms joined by "+", alternatives by "|" (the first that gives a
 * key wins), each term a function (`auth`, `authors(2)`, `year`, `shorttitle(3,3)`, ...) or a quoted text,
 * followed by modifiers (`.lower`, `.substring(1,4)`, ...). The legacy `[auth:lower][year]` form is read too.
 */
export function parseKeyFormula(formula: string): KeyFormula {
  const source = formula.trim().startsWith('[') ? fromLegacy(formula.trim()) : formula;
  if (typeof source !== 'string') {
    return source;
  }
  try {
    const alternatives = new FormulaParser(source).parse();
    return {
      ok: true,
      evaluate: (model) => alternatives.map((terms) => terms.map((t) => evaluateTerm(t, model)).join('')).find((key) => cleanKey(key) !== '') ?? '',
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function evaluateTerm(term: Term, model: AtlasModel): string {
  let value = term.kind === 'text' ? term.text : FUNCTIONS[term.call.name](model, term.call.args);
  for (const modifier of term.modifiers) {
    value = MODIFIERS[modifier.name](value, modifier.args);
  }
  return value;
}

/** `[auth:lower][shorttitle3_3]-x` as `auth.lower + shorttitle(3,3) + "-x"`. */
function fromLegacy(formula: string): string | { ok: false; message: string } {
  const terms: string[] = [];
  for (const m of formula.matchAll(/\[([^\]]*)\]|([^[]+)/g)) {
    if (m[2] !== undefined) {
      terms.push(JSON.stringify(m[2]));
      continue;
    }
    const [head, ...modifiers] = m[1].split(':');
    const numbered = /^([A-Za-z]+?)(\d+)(?:_(\d+))?$/.exec(head);
    const call = numbered ? `${numbered[1]}(${[numbered[2], numbered[3]].filter((x) => x !== undefined).join(',')})` : head;
    if (!call) {
      return { ok: false, message: `empty [] in the key formula '${formula}'` };
    }
    terms.push([call, ...modifiers].join('.'));
  }
  return terms.join(' + ');
}

class FormulaParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Term[][] {
    const alternatives: Term[][] = [this.alternative()];
    while (this.eat('|')) {
      alternatives.push(this.alternative());
    }
    this.space();
    if (this.pos < this.text.length) {
      this.fail(`unexpected '${this.text[this.pos]}'`);
    }
    return alternatives;
  }

  private alternative(): Term[] {
    const terms = [this.term()];
    while (this.eat('+')) {
      terms.push(this.term());
    }
    return terms;
  }

  private term(): Term {
    this.space();
    const quote = this.text[this.pos];
    let term: Term;
    if (quote === '"' || quote === "'") {
      term = { kind: 'text', text: this.string(), modifiers: [] };
    } else {
      const call = this.call();
      if (!(call.name in FUNCTIONS)) {
        this.fail(`unknown function '${call.name}' (known: ${Object.keys(FUNCTIONS).join(', ')})`, call.name.length);
      }
      term = { kind: 'function', call, modifiers: [] };
    }
    while (this.eat('.')) {
      const modifier = this.call();
      if (!(modifier.name in MODIFIERS)) {
        this.fail(`unknown modifier '${modifier.name}' (known: ${Object.keys(MODIFIERS).join(', ')})`, modifier.name.length);
      }
      term.modifiers.push(modifier);
    }
    return term;
  }

  private call(): Call {
    this.space();
    const name = /^[A-Za-z_]\w*/.exec(this.text.slice(this.pos))?.[0];
    if (!name) {
      this.fail('expected a function or modifier name');
    }
    this.pos += name.length;
    const args: Array<string | number> = [];
    if (this.eat('(')) {
      if (!this.eat(')')) {
        do {
          this.space();
          const c = this.text[this.pos];
          const number = /^-?\d+/.exec(this.text.slice(this.pos))?.[0];
          if (c === '"' || c === "'") {
            args.push(this.string());
          } else if (number) {
            args.push(Number(number));
            this.pos += number.length;
          } else {
            this.fail('expected a number or a quoted text');
          }
        } while (this.eat(','));
        if (!this.eat(')')) {
          this.fail("expected ')'");
        }
      }
    }
    return { name, args };
  }

  private string(): string {
    const quote = this.text[this.pos];
    const close = this.text.indexOf(quote, this.pos + 1);
    if (close < 0) {
      this.fail('unclosed quote');
    }
    const value = this.text.slice(this.pos + 1, close);
    this.pos = close + 1;
    return value;
  }

  private eat(token: string): boolean {
    this.space();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private space(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) {
      this.pos++;
    }
  }

  private fail(message: string, back = 0): never {
    throw new Error(`${message} at column ${this.pos - back + 1} of the key formula '${this.text}'`);
  }
}
