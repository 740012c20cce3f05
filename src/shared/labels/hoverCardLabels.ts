// The hover card's labels in the display language (core/presentation/cardLabels), and its Markdown: command
// links only for commands this extension registers.
import * as vscode from 'vscode';
import { hoverCardLabelsIn } from '../../core/presentation/cardLabels';
import type { HoverCardLabels } from '../../core/presentation/hoverCard';
import { settings } from '../settings';

/** The card's actions where one writes prose (Markdown, LaTeX, Typst). */
export const PROSE_CARD_COMMANDS = [
  'modelAtlas.insertCitation',
  'modelAtlas.copyBibtex',
  'modelAtlas.copyCitationKey',
  'modelAtlas.showDetails',
  'modelAtlas.showOnTimeline',
] as const;

/** The card's actions in code, where a citation is not inserted but added to the project's references. */
export const CODE_CARD_COMMANDS = ['modelAtlas.copyBibtex', 'modelAtlas.copyCitationKey', 'modelAtlas.showDetails', 'modelAtlas.citeInProject'] as const;

type CardCommand = (typeof PROSE_CARD_COMMANDS)[number] | (typeof CODE_CARD_COMMANDS)[number];

/** The labels follow modelAtlas.displayLanguage (for `scope`), like the summary on the card. */
export function hoverCardLabels(commands: readonly CardCommand[] = PROSE_CARD_COMMANDS, scope?: vscode.ConfigurationScope): HoverCardLabels {
  return hoverCardLabelsIn(settings.displayLanguage(scope), commands);
}

/** Markdown that may run only our own card commands, never arbitrary ones, and renders no HTML. */
export function cardMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = { enabledCommands: [...new Set<string>([...PROSE_CARD_COMMANDS, ...CODE_CARD_COMMANDS])] };
  markdown.supportHtml = false;
  return markdown;
}
