// A related-work outline to turn into prose: models grouped by family or architecture type, oldest first,
// one line each with its citation, year and what it introduced, in the entry's own words. Markdown groups are
// bold labels, not headings: an outline inserted mid-section must not take over the rest of the section.
import { localized, localizedList, yearOf, type AtlasModel, type DisplayLanguage } from '../atlas/atlas';
import { groupModels } from '../atlas/modelGroups';
import { formatNameWithCitation, type LatexCiteCommand } from '../citations/citationSyntax';
import type { CitedModel, WritingSyntax } from './comparisonTable';
import { escapeLatex } from './latexEscape';
import { escapeMarkdownText } from './markdownEscape';
import { escapeTypst } from './typstEscape';

export type OutlineGrouping = 'family' | 'architecture';

export function isOutlineGrouping(value: unknown): value is OutlineGrouping {
  return value === 'family' || value === 'architecture';
}

export interface OutlineOptions {
  syntax: WritingSyntax;
  groupBy: OutlineGrouping;
  /** The heading of a group, from its key (a family id or an architecture type). */
  groupTitle: (key: string) => string;
  language: DisplayLanguage;
  latexCommand?: LatexCiteCommand;
  /** Heading level of the group headings in Typst (1-6); Markdown labels its groups in bold. */
  headingLevel?: number;
}

/** What the entry says it introduced: its first key idea, else the first sentence of its summary. */
export function introducedClause(model: AtlasModel, language: DisplayLanguage): string {
  const idea = localizedList(model.keyIdeas, language)[0]?.trim();
  if (idea) {
    return idea;
  }
  const summary = localized(model.summary, language).trim();
  // A full stop before a lower-case word ends an abbreviation ("e.g. the"), not the sentence.
  const end = /[.!?](?=\s+[^\s\p{Ll}])|[。！？]/u.exec(summary);
  return end ? summary.slice(0, end.index + 1) : summary;
}

export function buildRelatedWorkOutline(cited: readonly CitedModel[], options: OutlineOptions): string {
  const keys = new Map(cited.map((c) => [c.model.id, c.key]));
  // groupModels puts each group's oldest model first.
  const groups = groupModels(
    cited.map((c) => c.model),
    options.groupBy,
  ).sort((a, b) => a.models[0].paper.date.localeCompare(b.models[0].paper.date) || a.key.localeCompare(b.key));
  const latex = options.syntax === 'latex';
  const typst = options.syntax === 'typst';
  const escape = latex ? escapeLatex : typst ? escapeTypst : escapeMarkdownText;
  const dash = latex ? ' --- ' : ' \u2014 ';
  const item = (model: AtlasModel) => {
    const cite = formatNameWithCitation(escape(model.name), keys.get(model.id) ?? model.bibtex.key, latex ? 'latex' : typst ? 'typst' : 'pandoc', options.latexCommand);
    const clause = introducedClause(model, options.language);
    return `${cite} (${yearOf(model)})${clause ? dash + escape(clause) : ''}`;
  };
  const marks = '='.repeat(Math.min(6, Math.max(1, options.headingLevel ?? 2)));
  const sections = groups.map((group) => {
    const title = escape(options.groupTitle(group.key));
    if (latex) {
      return [`\\paragraph{${title}}`, '\\begin{itemize}', ...group.models.map((m) => `  \\item ${item(m)}`), '\\end{itemize}'].join('\n');
    }
    // A Markdown heading would re-parent the rest of the section: a bold label instead.
    return [typst ? `${marks} ${title}` : `**${title}**`, '', ...group.models.map((m) => `- ${item(m)}`)].join('\n');
  });
  return sections.join('\n\n');
}
