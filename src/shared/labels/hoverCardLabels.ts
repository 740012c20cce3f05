// The hover card's labels in the display language (core/presentation/cardLabels), and its Markdown: command
// links only for commands this extension registers.
import * as vscode from 'vscode';
import { hoverCardLabelsIn } from '../../core/presentation/cardLabels';
import type { HoverCardLabels } from '../../core/presentation/hoverCard';
import { settings } from '../settings';

export const CARD_COMMANDS = [
  'modelAtlas.insertCitation',
  'modelAtlas.copyBibtex',
  'modelAtlas.copyCitationKey',
  'modelAtlas.showDetails',
  'modelAtlas.showOnTimeline',
] as const;

/** The labels follow modelAtlas.displayLanguage, like the summary on the card. */
export function hoverCardLabels(withCommands = true): HoverCardLabels {
  return hoverCardLabelsIn(settings.displayLanguage(), withCommands);
}

/** Markdown that may run only our own card commands, never arbitrary ones, and renders no HTML. */
export function cardMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
  markdown.supportHtml = false;
  return markdown;
}
