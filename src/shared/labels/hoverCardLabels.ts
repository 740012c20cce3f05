// Translated labels for hover cards; command links only for commands this extension registers.
import * as vscode from 'vscode';
import type { HoverCardLabels } from '../../core/presentation/hoverCard';

export const CARD_COMMANDS = [
  'modelAtlas.insertCitation',
  'modelAtlas.copyBibtex',
  'modelAtlas.copyCitationKey',
  'modelAtlas.showDetails',
  'modelAtlas.showOnTimeline',
] as const;

export function hoverCardLabels(withCommands = true): HoverCardLabels {
  const commands: Record<string, string> = {};
  if (withCommands) {
    commands['modelAtlas.insertCitation'] = vscode.l10n.t('Insert Citation');
    commands['modelAtlas.copyBibtex'] = vscode.l10n.t('Copy BibTeX');
    commands['modelAtlas.copyCitationKey'] = vscode.l10n.t('Copy Citation Key');
    commands['modelAtlas.showDetails'] = vscode.l10n.t('Show Details');
    commands['modelAtlas.showOnTimeline'] = vscode.l10n.t('Show on Timeline');
  }
  return {
    architecture: vscode.l10n.t('Architecture'),
    buildsOn: vscode.l10n.t('Builds on'),
    builtOnBy: vscode.l10n.t('Built on by'),
    openPaper: vscode.l10n.t('Open Paper'),
    code: vscode.l10n.t('Code'),
    project: vscode.l10n.t('Project Page'),
    visionOnly: vscode.l10n.t('vision-only model'),
    unfinished: vscode.l10n.t('not finished: its atlas entry still holds TODO placeholders'),
    commands,
  };
}

/** Markdown that may run only our own card commands, never arbitrary ones, and renders no HTML. */
export function cardMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
  markdown.supportHtml = false;
  return markdown;
}
