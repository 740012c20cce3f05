// Which format a bibliography file is in, by its name: BibTeX (.bib), CSL-JSON (.json), a YAML bibliography
// (.yaml/.yml: CSL-YAML or Hayagriva, told apart by its content), or a document's own front matter; and, for
// a project's references, CITATION.cff and a README's Citation section.
import type { CitationSyntax } from '../documents/syntax';

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml' | 'hayagriva' | 'front-matter' | 'citation-cff' | 'readme-citation';

const DOCUMENT = /\.(md|markdown|qmd|rmd)$/i;

/** The format a file's name says; a YAML file is taken for Hayagriva from Typst and for CSL-YAML elsewhere until read. */
export function formatOfPath(path: string, citingSyntax: CitationSyntax): BibliographyFormat {
  if (/\.cff$/i.test(path)) {
    return 'citation-cff';
  }
  if (/\.json$/i.test(path)) {
    return 'csl-json';
  }
  if (/\.ya?ml$/i.test(path)) {
    return citingSyntax === 'typst' ? 'hayagriva' : 'csl-yaml';
  }
  return DOCUMENT.test(path) ? 'front-matter' : 'bibtex';
}

/** Whether a file's name makes it a bibliography some document may cite from. */
export function isBibliographyPath(path: string): boolean {
  return /\.(bib|json|ya?ml)$/i.test(path);
}

/** The YAML between a document's opening "---" line and its closing "---" or "...", with its offset. */
export function frontMatter(text: string): { text: string; offset: number } | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) {
    return undefined;
  }
  const rest = text.slice(open[0].length);
  const end = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  return end ? { text: rest.slice(0, end.index), offset: open[0].length } : undefined;
}

/** Whether front matter has a top-level `references:` key. */
export function hasFrontMatterReferences(text: string): boolean {
  const yaml = frontMatter(text);
  return yaml !== undefined && /^references[ \t]*:/m.test(yaml.text);
}

/** Why an entry could not be appended to a CSL or YAML bibliography without rewriting it. */
export type AppendRefusal = { ok: false; reason: 'syntax' | 'shape' | 'flow'; detail: string };
