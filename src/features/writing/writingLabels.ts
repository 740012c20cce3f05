// The writing aids' pick items, translated to VS Code's UI language. What they insert into a document
// follows the display language instead (src/core/writing/documentLabels.ts).
import * as vscode from 'vscode';
import type { TableColumn } from '../../core/writing/comparisonTable';
import type { OutlineGrouping } from '../../core/writing/relatedWorkOutline';

export function tableColumnLabels(): Record<TableColumn, string> {
  return {
    date: vscode.l10n.t('Date'),
    organization: vscode.l10n.t('Organization'),
    venue: vscode.l10n.t('Venue'),
    visionEncoder: vscode.l10n.t('Vision encoder'),
    languageModel: vscode.l10n.t('Language model'),
    connector: vscode.l10n.t('Fusion / connector'),
    trainable: vscode.l10n.t('Trainable parts'),
    objectives: vscode.l10n.t('Pretraining objectives'),
    parameters: vscode.l10n.t('Parameters'),
  };
}

export function groupingLabels(): Record<OutlineGrouping, string> {
  return { family: vscode.l10n.t('By family'), architecture: vscode.l10n.t('By architecture type') };
}
