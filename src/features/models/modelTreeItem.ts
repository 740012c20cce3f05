// How one atlas model looks in the sidebar trees: name, year · organizations · venue · kind, a Markdown tooltip
// of escaped dataset text, an icon telling multimodal from vision-only, and a context value the menus read.
import * as vscode from 'vscode';
import { firstAuthorEtAl, localized, paperUrl, yearOf, type AtlasModel } from '../../core/atlas/atlas';
import { paperTypeLabel } from '../../core/presentation/cardLabels';
import { escapeMarkdown } from '../../core/presentation/markdown';
import { settings } from '../../shared/settings';

/** Year · affiliations as written · venue · the kind of paper when it is a report, card or post. */
export function modelDescription(model: AtlasModel): string {
  const kind = paperTypeLabel(model.paper.type, settings.displayLanguage());
  return [String(yearOf(model)), model.organizations.join(', '), model.paper.venue, kind].filter((part) => !!part).join(' · ');
}

/** The summary's first sentence: a tooltip line, not the whole abstract. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?。！？](?=\s|$)/su.exec(text.trim());
  return (match ? match[0] : text).trim();
}

export function modelTooltip(model: AtlasModel): vscode.MarkdownString {
  const summary = firstSentence(localized(model.summary, settings.displayLanguage()));
  const kind = model.kind === 'vision' ? ` — *${escapeMarkdown(vscode.l10n.t('vision-only model'))}*` : '';
  const markdown = new vscode.MarkdownString(
    [`**${escapeMarkdown(model.name)}**${kind}`, `*${escapeMarkdown(model.paper.title)}*`, `${escapeMarkdown(firstAuthorEtAl(model))} · ${escapeMarkdown(modelDescription(model))}`, escapeMarkdown(summary)].join('\n\n'),
  );
  markdown.supportHtml = false;
  markdown.isTrusted = false;
  return markdown;
}

export function modelIcon(model: AtlasModel): vscode.ThemeIcon {
  return model.kind === 'vision' ? new vscode.ThemeIcon('eye') : new vscode.ThemeIcon('combine');
}

/** "model", plus "hasPaper" / "hasCode" so menus offer only the links the entry has. */
export function modelContextValue(model: AtlasModel): string {
  return ['model', paperUrl(model) ? 'hasPaper' : '', model.links?.code ? 'hasCode' : ''].filter((part) => part).join(' ');
}

export function modelTreeItem(model: AtlasModel, collapsible = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const item = new vscode.TreeItem(model.name, collapsible);
  item.description = modelDescription(model);
  item.tooltip = modelTooltip(model);
  item.iconPath = modelIcon(model);
  item.contextValue = modelContextValue(model);
  item.accessibilityInformation = { label: `${model.name}, ${modelDescription(model)}` };
  return item;
}
