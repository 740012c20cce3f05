// The words the writing aids put into a document (table headers, caption, group headings), translated.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { familyDisplayName } from '../core/modelGroups';
import type { ComparisonTableLabels, TableColumn } from '../core/writing/comparisonTable';
import type { OutlineGrouping } from '../core/writing/relatedWorkOutline';
import { architectureTypeLabels } from './detailsLabels';

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

export function comparisonTableLabels(): ComparisonTableLabels {
  return {
    model: vscode.l10n.t('Model'),
    columns: tableColumnLabels(),
    allTrainable: vscode.l10n.t('all'),
    noneTrainable: vscode.l10n.t('none (all frozen)'),
    caption: vscode.l10n.t('Comparison of the models.'),
    packageNote: vscode.l10n.t('Needs {0} in the preamble.', '\\usepackage{booktabs}'),
  };
}

export function groupingLabels(): Record<OutlineGrouping, string> {
  return { family: vscode.l10n.t('By family'), architecture: vscode.l10n.t('By architecture type') };
}

/** The heading of an outline group: "BLIP family", or the architecture type's label. */
export function outlineGroupTitle(grouping: OutlineGrouping, atlasModels: readonly AtlasModel[]): (key: string) => string {
  if (grouping === 'architecture') {
    const labels = architectureTypeLabels();
    return (key) => labels[key] ?? key;
  }
  return (key) => vscode.l10n.t('{0} family', familyDisplayName(key, atlasModels));
}
