// Writing citations: LaTeX \cite{a,b} with the chosen command, Pandoc [@a; @b], Typst @a @b, plain keys elsewhere.
import { withoutLatexComments } from '../documents/latexSource';
import type { CitationSyntax } from '../documents/syntax';

export const LATEX_CITE_COMMANDS = ['\\cite', '\\citep', '\\citet', '\\autocite', '\\parencite', '\\textcite'] as const;
export type LatexCiteCommand = (typeof LATEX_CITE_COMMANDS)[number];

export function formatCitation(keys: readonly string[], syntax: CitationSyntax, latexCommand: LatexCiteCommand = '\\cite'): string {
  switch (syntax) {
    case 'latex':
      return `${latexCommand}{${keys.join(',')}}`;
    case 'pandoc':
      return `[${keys.map((k) => `@${k}`).join('; ')}]`;
    case 'typst':
      return keys.map((k) => typstCite(k)).join(' ');
    default:
      return keys.join(', ');
  }
}

/** A label a Typst reference can name: label characters, not ending in "." or ":" (text after it). */
const TYPST_REFERENCE = /^[\p{L}\p{N}_][\p{L}\p{N}_\-:.]*(?<![.:])$/u;

/**
 * A Typst citation of one key: `@key`; `#cite(<key>)` where `call` asks for one that ends before a label
 * character; `#cite(label("..."))` for a key no label literal can hold (a DBLP key with "/").
 */
export function typstCite(key: string, call = false): string {
  if (!TYPST_REFERENCE.test(key)) {
    return `#cite(label(${JSON.stringify(key)}))`;
  }
  return call ? `#cite(<${key}>)` : `@${key}`;
}

/** "BLIP-2~\\cite{li2023blip2}" in LaTeX, "BLIP-2 [@li2023blip2]" in Markdown; `setOff` replaces the "~" or " ". */
export function formatNameWithCitation(name: string, key: string, syntax: CitationSyntax, latexCommand: LatexCiteCommand = '\\cite', setOff?: string): string {
  const citation = formatCitation([key], syntax, latexCommand);
  switch (syntax) {
    case 'latex':
      return `${name}${setOff ?? '~'}${citation}`;
    case 'pandoc':
    case 'typst':
      return `${name}${setOff ?? ' '}${citation}`;
    default:
      return `${name} (${citation})`;
  }
}

const CITE_COMMAND_USES = new RegExp(`(${LATEX_CITE_COMMANDS.map((c) => c.replace('\\', '\\\\')).join('|')})\\*?(?![A-Za-z])`, 'g');

/** The citation command the LaTeX text uses most (outside comments), of those a citation is inserted with; ties go to the first used. */
export function mostUsedCiteCommand(text: string): LatexCiteCommand | undefined {
  const counts = new Map<LatexCiteCommand, number>();
  for (const m of withoutLatexComments(text).matchAll(CITE_COMMAND_USES)) {
    const command = m[1] as LatexCiteCommand;
    counts.set(command, (counts.get(command) ?? 0) + 1);
  }
  let best: LatexCiteCommand | undefined;
  for (const [command, count] of counts) {
    if (best === undefined || count > counts.get(best)!) {
      best = command;
    }
  }
  return best;
}
