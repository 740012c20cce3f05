// The content of a model's hover card (also the documentation of its completion items), as Markdown.
// Labels come from the caller so that the core stays free of the UI's translation layer.
import { firstAuthorEtAl, localized, paperUrl, type AtlasModel, type DisplayLanguage, type PaperType } from '../atlas/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import { commandLink, escapeMarkdown, safeHttpsUrl } from './markdown';

export interface HoverCardLabels {
  architecture: string;
  buildsOn: string;
  builtOnBy: string;
  openPaper: string;
  code: string;
  project: string;
  visionOnly: string;
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
}

export function hoverCardMarkdown(model: AtlasModel, atlas: AtlasIndex, options: HoverCardOptions): string {
  const { labels, language } = options;
  const e = escapeMarkdown;
  const lines: string[] = [];
  const kind = model.kind === 'vision' ? ` · ${e(labels.visionOnly)}` : '';
  lines.push(`**${e(model.name)}** — ${e(model.paper.title)}${kind}`);
  const type = model.paper.type && model.paper.type !== 'paper' ? labels.paperTypes[model.paper.type] : undefined;
  const facts = [firstAuthorEtAl(model), model.organizations.join(', '), model.paper.date, model.paper.venue, type].filter(
    (f): f is string => Boolean(f),
  );
  lines.push(facts.map(e).join(' · '));
  lines.push(e(localized(model.summary, language)));
  lines.push(`*${e(labels.architecture)}:* ${e(model.architecture.summary)}`);

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
      links.push(commandLink(label, command, [model.id]));
    }
    if (links.length > 0) {
      lines.push(links.join(' · '));
    }
  }
  return lines.join('\n\n');
}
