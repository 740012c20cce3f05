// Dataset text as LaTeX text that compiles with plain pdflatex in OT1 or T1: specials as text commands,
// accents, dashes and quotes in ASCII; characters with no ASCII spelling (CJK) kept as they are.
import { joinLines } from '../presentation/markdown';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In the default OT1 encoding these print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  // OT1 prints " as a closing curly quote and has no \textquotedbl: borrow T1's straight one.
  '"': '\\UseTextSymbol{T1}{\\textquotedbl}',
};

const SYMBOLS: Record<string, string> = {
  '\u00a0': '~',
  '\u2013': '--',
  '\u2014': '---',
  '\u2018': '`',
  '\u2019': "'",
  '\u201c': '``',
  '\u201d': "''",
  '\u2026': '\\ldots{}',
  '\u00d7': '$\\times$',
  '\u00b7': '$\\cdot$',
  '\u00b1': '$\\pm$',
  '\u2212': '$-$',
  '\u2192': '$\\rightarrow$',
  '\u2190': '$\\leftarrow$',
  '\u2194': '$\\leftrightarrow$',
  '\u2248': '$\\approx$',
  '\u2264': '$\\leq$',
  '\u2265': '$\\geq$',
  '\u00b5': '$\\mu$',
  '\u03bc': '$\\mu$',
  '\u00b0': '\\textdegree{}',
  '\u00df': '\\ss{}',
  '\u00e6': '\\ae{}',
  '\u00c6': '\\AE{}',
  '\u0153': '\\oe{}',
  '\u0152': '\\OE{}',
  '\u00f8': '\\o{}',
  '\u00d8': '\\O{}',
  '\u0142': '\\l{}',
  '\u0141': '\\L{}',
  '\u0131': '\\i{}',
};

/** Combining marks (what NFD splits an accented letter into) and the LaTeX accent command for each. */
const ACCENTS: Record<string, string> = {
  '\u0300': '\\`',
  '\u0301': "\\'",
  '\u0302': '\\^',
  '\u0303': '\\~',
  '\u0304': '\\=',
  '\u0306': '\\u',
  '\u0307': '\\.',
  '\u0308': '\\"',
  '\u030a': '\\r',
  '\u030b': '\\H',
  '\u030c': '\\v',
  '\u0327': '\\c',
  // \k exists only in T1: the kernel preloads T1, so the ogonek is borrowed from it and OT1 compiles too.
  '\u0328': '\\UseTextAccent{T1}{\\k}',
};

/** Marks below the letter keep the dot of i and j; the others sit on the dotless \i and \j. */
const BELOW = new Set(['\u0327', '\u0328']);

function accented(base: string, marks: string[]): string | undefined {
  let result = base;
  for (const mark of marks) {
    const command = ACCENTS[mark];
    if (!command) {
      return undefined;
    }
    if (result === 'i' || result === 'j') {
      result = BELOW.has(mark) ? result : `\\${result}`;
    }
    result = `${command}{${result}}`;
  }
  return result;
}

/** One character (a code point) as LaTeX. */
function escapeChar(ch: string): string {
  const special = SPECIALS[ch] ?? SYMBOLS[ch];
  if (special !== undefined) {
    return special;
  }
  if (ch.charCodeAt(0) < 0x80) {
    return ch;
  }
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (marks.length > 0 && base.charCodeAt(0) < 0x80) {
    return accented(base, marks) ?? ch;
  }
  return ch;
}

/** Pairs TeX's fonts join into another character: dashes, curly quotes, ¡, ¿ and T1's low quote. */
const LIGATURES = new Set(['--', '``', "''", '?`', '!`', ',,']);

/** `text` as LaTeX that prints it literally; line breaks become spaces. */
export function escapeLatex(text: string): string {
  let out = '';
  for (const ch of joinLines(text.normalize('NFC'))) {
    const piece = escapeChar(ch);
    // "a--b" written as is prints an en dash: "{}" between the two keeps both hyphens.
    if (out !== '' && LIGATURES.has(out[out.length - 1] + piece[0])) {
      out += '{}';
    }
    out += piece;
  }
  return out;
}
