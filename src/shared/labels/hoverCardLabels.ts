// Translated labels for hover cards; command links only for commands this extension registers.
import * as vscode from 'vscode';
import type { HoverCardLabels } from '../../core/presentation/hoverCard';

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

function commandLabel(command: CardCommand): string {
  switch (command) {
    case 'modelAtlas.insertCitation':
      return vscode.l10n.t('Insert Citation');
    case 'modelAtlas.copyBibtex':
      return vscode.l10n.t('Copy BibTeX');
    case 'modelAtlas.copyCitationKey':
      return vscode.l10n.t('Copy Citation Key');
    case 'modelAtlas.showDetails':
      return vscode.l10n.t('Show Details');
    case 'modelAtlas.showOnTimeline':
      return vscode.l10n.t('Show on Timeline');
    case 'modelAtlas.citeInProject':
      return vscode.l10n.t('Cite in Project');
  }
}

export function hoverCardLabels(commands: readonly CardCommand[] = PROSE_CARD_COMMANDS): HoverCardLabels {
  return {
    architecture: vscode.l10n.t('Architecture'),
    buildsOn: vscode.l10n.t('Builds on'),
    builtOnBy: vscode.l10n.t('Built on by'),
    openPaper: vscode.l10n.t('Open Paper'),
    code: vscode.l10n.t('Code'),
    project: vscode.l10n.t('Project Page'),
    visionOnly: vscode.l10n.t('vision-only model'),
    unfinished: vscode.l10n.t('not finished: its atlas entry still holds TODO placeholders'),
    commands: Object.fromEntries(commands.map((command) => [command, commandLabel(command)])),
  };
}

/** Markdown that may run only our own card commands, never arbitrary ones, and renders no HTML. */
export function cardMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = { enabledCommands: [...new Set<string>([...PROSE_CARD_COMMANDS, ...CODE_CARD_COMMANDS])] };
  markdown.supportHtml = false;
  return markdown;
}
