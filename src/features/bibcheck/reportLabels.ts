// The report page's words, translated on the extension side and sent with the page's initial data.
import * as vscode from 'vscode';
import type { ReportLabels } from '../../core/bibcheck/reportView';

export function reportLabels(): ReportLabels {
  return {
    heading: vscode.l10n.t('Bibliography check'),
    bibliography: vscode.l10n.t('Bibliography'),
    model: vscode.l10n.t('Model'),
    keys: vscode.l10n.t('Keys'),
    status: vscode.l10n.t('Status'),
    findings: vscode.l10n.t('Findings'),
    fix: vscode.l10n.t('Fix'),
    reveal: vscode.l10n.t('Go to'),
    applySafeFixes: vscode.l10n.t('Apply All Safe Fixes...'),
    exportMarkdown: vscode.l10n.t('Export as Markdown...'),
    refresh: vscode.l10n.t('Check Again'),
    confirmSafeFixes: vscode.l10n.t('The diff editor shows what the safe fixes change. Apply them?'),
    apply: vscode.l10n.t('Apply'),
    cancel: vscode.l10n.t('Cancel'),
    noPapers: vscode.l10n.t('No atlas paper is cited here.'),
    none: vscode.l10n.t('none'),
    statuses: {
      mismatch: vscode.l10n.t('mismatch'),
      'wrong-name': vscode.l10n.t('cited next to a wrong name'),
      'missing-entry': vscode.l10n.t('missing entry'),
      duplicate: vscode.l10n.t('duplicate'),
      'published-since': vscode.l10n.t('published since'),
      unprotected: vscode.l10n.t('title unprotected'),
      verified: vscode.l10n.t('verified'),
    },
  };
}
