// The details page's UI strings, translated here because the webview has no l10n of its own.
import * as vscode from 'vscode';
import type { DiagramLabels } from '../../core/diagram/architectureSvg';
import type { DetailsLink } from '../../core/presentation/modelDetails';
import type { DetailsLabels } from '../../webview/details/protocol';

export function detailsLabels(): DetailsLabels {
  return {
    visionOnly: vscode.l10n.t('vision-only model'),
    summary: vscode.l10n.t('Summary'),
    keyIdeas: vscode.l10n.t('Key ideas'),
    training: vscode.l10n.t('Training'),
    architecture: vscode.l10n.t('Architecture'),
    parameters: vscode.l10n.t('Parameters'),
    lineage: vscode.l10n.t('Lineage'),
    buildsOn: vscode.l10n.t('Builds on'),
    builtOnBy: vscode.l10n.t('Built on by'),
    none: vscode.l10n.t('none in the atlas'),
    bibtex: vscode.l10n.t('BibTeX'),
    copyBibtex: vscode.l10n.t('Copy BibTeX'),
    insertCitation: vscode.l10n.t('Insert Citation'),
    showOnTimeline: vscode.l10n.t('Show on Timeline'),
    revealInTree: vscode.l10n.t('Reveal in Models View'),
    loading: vscode.l10n.t('Loading…'),
  };
}

export function diagramLabels(modelName: string): DiagramLabels {
  return {
    frozen: vscode.l10n.t('frozen'),
    trained: vscode.l10n.t('trained'),
    objectives: vscode.l10n.t('Objectives'),
    title: vscode.l10n.t('Architecture of {0}', modelName),
  };
}

export function linkTexts(): Record<DetailsLink, string> {
  return { arxiv: vscode.l10n.t('arXiv'), paper: vscode.l10n.t('Open Paper'), code: vscode.l10n.t('Code'), project: vscode.l10n.t('Project Page') };
}

export function architectureTypeLabels(): Record<string, string> {
  return {
    'dual-encoder': vscode.l10n.t('Dual encoder'),
    'fusion-encoder': vscode.l10n.t('Fusion encoder'),
    'encoder-decoder': vscode.l10n.t('Encoder–decoder'),
    'mixture-of-experts': vscode.l10n.t('Mixture of experts'),
    'frozen-llm-adapter': vscode.l10n.t('Frozen LLM with adapter'),
    'multimodal-llm': vscode.l10n.t('Multimodal LLM'),
    'vision-only': vscode.l10n.t('Vision-only'),
  };
}
