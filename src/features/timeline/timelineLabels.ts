// The timeline webview's UI strings, translated here because the webview has no l10n of its own.
import * as vscode from 'vscode';
import { architectureTypeLabels } from '../../shared/labels/detailsLabels';
import type { TimelineLabels } from '../../webview/timeline/protocol';

export function timelineTitle(): string {
  return vscode.l10n.t('Model Atlas Timeline');
}

export function timelineLabels(): TimelineLabels {
  return {
    title: timelineTitle(),
    lanes: vscode.l10n.t('Lanes'),
    laneByFamily: vscode.l10n.t('Lanes by family'),
    laneByOrganization: vscode.l10n.t('Lanes by organization'),
    colour: vscode.l10n.t('Colour'),
    colourByOrganization: vscode.l10n.t('Colour by organization'),
    colourByArchitecture: vscode.l10n.t('Colour by architecture type'),
    allOrganizations: vscode.l10n.t('All organizations'),
    allFamilies: vscode.l10n.t('All families'),
    allArchitectures: vscode.l10n.t('All architecture types'),
    allKinds: vscode.l10n.t('Multimodal and vision-only'),
    multimodal: vscode.l10n.t('Multimodal only'),
    visionOnly: vscode.l10n.t('Vision-only only'),
    visionOnlyModel: vscode.l10n.t('vision-only model'),
    search: vscode.l10n.t('Search models'),
    fromYear: vscode.l10n.t('From year'),
    toYear: vscode.l10n.t('To year'),
    zoomIn: vscode.l10n.t('Zoom in'),
    zoomOut: vscode.l10n.t('Zoom out'),
    fit: vscode.l10n.t('Fit'),
    exportSvg: vscode.l10n.t('Export SVG'),
    exportPng: vscode.l10n.t('Export PNG'),
    legend: vscode.l10n.t('Legend'),
    other: vscode.l10n.t('Other'),
    otherFamilies: vscode.l10n.t('Other families'),
    otherOrganizations: vscode.l10n.t('Other organizations'),
    collapseLanes: vscode.l10n.t('Collapse lanes'),
    expandLanes: vscode.l10n.t('Expand lanes'),
    arrows: vscode.l10n.t('Arrows'),
    arrowsWithinLanes: vscode.l10n.t('Arrows within lanes'),
    allArrows: vscode.l10n.t('All arrows'),
    collapsedLane: vscode.l10n.t('{0} ({1})'),
    buildsOn: vscode.l10n.t('Builds on'),
    noMatches: vscode.l10n.t('No models match the filters.'),
    shown: vscode.l10n.t('{0} of {1} models'),
    help: vscode.l10n.t(
      'Arrows point from a model to the models it builds on. Drag or scroll to pan, Ctrl+wheel or +/− to zoom, 0 to fit; Tab to the models, arrow keys to move between them, Enter for details, Space to select. Click the name of a lane to collapse or expand it; a model’s arrows to other lanes show when it is hovered or selected, or with All arrows.',
    ),
    canvas: vscode.l10n.t('Timeline of the atlas models by first-submission date'),
    selected: vscode.l10n.t('Selected'),
    actions: {
      showDetails: vscode.l10n.t('Show Details'),
      insertCitation: vscode.l10n.t('Insert Citation'),
      copyBibtex: vscode.l10n.t('Copy BibTeX'),
      openPaper: vscode.l10n.t('Open Paper'),
      revealInTree: vscode.l10n.t('Reveal in Models View'),
    },
    architectureTypes: architectureTypeLabels(),
  };
}
