// Reading LaTeX source: its % comments (the one scanner every feature uses) and the packages it loads.
import type { Range } from './ranges';

const BACKSLASH = 0x5c;

/**
 * A % not preceded by an odd number of backslashes starts a comment that runs to the end of the line
 * ("\%" is a percent sign, "\\%" a line break and then a comment). Found with indexOf, not a lookbehind regex.
 */
export function latexComments(text: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf('%'); at !== -1; ) {
    let backslashes = 0;
    while (at - backslashes - 1 >= 0 && text.charCodeAt(at - backslashes - 1) === BACKSLASH) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      const newline = text.indexOf('\n', at);
      const end = newline === -1 ? text.length : newline;
      ranges.push({ start: at, end });
      at = text.indexOf('%', end);
    } else {
      at = text.indexOf('%', at + 1);
    }
  }
  return ranges;
}

/** The source with every comment cut (line breaks kept, so line numbers stay). */
export function withoutLatexComments(text: string): string {
  let out = '';
  let from = 0;
  for (const comment of latexComments(text)) {
    out += text.slice(from, comment.start);
    from = comment.end;
  }
  return out + text.slice(from);
}

/** Whether a LaTeX document loads `name` with \usepackage or \RequirePackage (possibly among others). */
export function loadsLatexPackage(text: string, name: string): boolean {
  const uses = /\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/g;
  for (const match of withoutLatexComments(text).matchAll(uses)) {
    if (match[1].split(',').some((p) => p.trim() === name)) {
      return true;
    }
  }
  return false;
}
