// The content of a model's hover card (also the documentation of its completion items), as Markdown.
// Labels come from the caller so that the core stays free of the UI's translation layer.
import { firstAuthorEtAl, localized, paperUrl, type AtlasModel, type DisplayLanguage, type PaperType } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { isUnfinished } from '../userAtlas/unfinished';
import { commandLink, escapeMarkdown, safeHttpsUrl } from './markdown';

export interface HoverCardLabels {
  architecture: string;
  buildsOn: string;
  builtOnBy: string;
  openPaper: string;
  code: string;
  project: string;
  visionOnly: string;
  /** Said in place of the title of an entry that still holds TODO placeholders. */
  unfinished: string;
  /** The kinds of paper: a report, card or post is named on the card and is the text of its link. */
  paperTypes: Record<PaperType, string>;
  /** Labels for command links, by command id; only commands listed here get a link. */
  commands: Record<string, string>;
}

export interface HoverCardOptions {
  language: DisplayLanguage;
  labels: HoverCardLabels;
  /** Leave out the action links, e.g. in completion documentation. */
  withActions?: boolean;
  /** Arguments for a command link instead of the model id, by command (Insert Citation gets the mention hovered). */
  commandArguments?: Readonly<Record<string, unknown[]>>;
}

/** Commands that cite or copy the entry: not offered for an unfinished one. */
const CITING_COMMANDS = new Set(['modelAtlas.insertCitation', 'modelAtlas.copyBibtex', 'modelAtlas.copyCitationKey']);

export function hoverCardMarkdown(model: AtlasModel, atlas: AtlasIndex, options: HoverCardOptions): string {
  const { labels, language } = options;
  const e = escapeMarkdown;
  const lines: string[] = [];
  const kind = model.kind === 'vision' ? ` · ${e(labels.visionOnly)}` : '';
  // An unfinished entry leads with what it is, and shows none of its placeholders as facts.
  const unfinished = isUnfinished(model);
  const known = (text: string | undefined): text is string => Boolean(text) && !(unfinished && /\bTODO\b/.test(text!));
  lines.push(`**${e(model.name)}** — ${unfinished ? `*${e(labels.unfinished)}*` : e(model.paper.title)}${kind}`);
  const type = model.paper.type && model.paper.type !== 'paper' ? labels.paperTypes[model.paper.type] : undefined;
  const facts = [firstAuthorEtAl(model), model.organizations.join(', '), model.paper.date, model.paper.venue, type].filter(known);
  if (facts.length > 0) {
    lines.push(facts.map(e).join(' · '));
  }
  const summary = localized(model.summary, language);
  if (known(summary)) {
    lines.push(e(summary));
  }
  if (known(model.architecture.summary)) {
    lines.push(`*${e(labels.architecture)}:* ${e(model.architecture.summary)}`);
  }

  const lineage: string[] = [];
  const parents = atlas.buildsOn(model);
  if (parents.length > 0) {
    lineage.push(`*${e(labels.buildsOn)}:* ${parents.map((m) => e(m.name)).join(', ')}`);
  }
  const children = atlas.builtOn(model.id);
  if (children.length > 0) {
    lineage.push(`*${e(labels.builtOnBy)}:* ${children.map((m) => e(m.name)).join(', ')}`);
  }
  if (lineage.length > 0) {
    lines.push(lineage.join(' · '));
  }

  if (options.withActions !== false) {
    const links: string[] = [];
    const paper = safeHttpsUrl(paperUrl(model));
    // The report, card or post itself, where it is not the arXiv listing (GPT-4o's system card is on both).
    const report = safeHttpsUrl(model.paper.url);
    const code = safeHttpsUrl(model.links?.code);
    const project = safeHttpsUrl(model.links?.project);
    if (paper) {
      links.push(`[${e(paper === report ? (type ?? labels.openPaper) : labels.openPaper)}](${paper})`);
    }
    if (report && report !== paper) {
      links.push(`[${e(type ?? labels.paperTypes.paper)}](${report})`);
    }
    if (code) {
      links.push(`[${e(labels.code)}](${code})`);
    }
    if (project) {
      links.push(`[${e(labels.project)}](${project})`);
    }
    for (const [command, label] of Object.entries(labels.commands)) {
      if (!(unfinished && CITING_COMMANDS.has(command))) {
        links.push(commandLink(label, command, options.commandArguments?.[command] ?? [model.id]));
      }
    }
    if (links.length > 0) {
      lines.push(links.join(' · '));
    }
  }
  return lines.join('\n\n');
}
