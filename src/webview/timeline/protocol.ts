// Messages between the timeline webview and the extension. Free of vscode and Node imports: both the
// extension and the browser bundle import it.
import type { TimelineModel } from '../../core/timeline/timelineModel';
import type { TimelineFilter } from '../../core/timeline/filter';
import type { LaneBy } from '../../core/timeline/layout';
import type { ColourBy } from '../../core/timeline/palette';

export type { TimelineModel };

/** What a selected node offers; the extension maps each to a command. */
export type TimelineAction = 'showDetails' | 'insertCitation' | 'copyBibtex' | 'openPaper' | 'revealInTree';

export const TIMELINE_ACTIONS: readonly TimelineAction[] = ['showDetails', 'insertCitation', 'copyBibtex', 'openPaper', 'revealInTree'];

/** Translated UI strings, made by the extension (the webview has no l10n of its own); in the page's data-initial. */
export interface TimelineLabels {
  title: string;
  lanes: string;
  laneByFamily: string;
  laneByOrganization: string;
  colour: string;
  colourByOrganization: string;
  colourByArchitecture: string;
  allOrganizations: string;
  allFamilies: string;
  allArchitectures: string;
  allKinds: string;
  multimodal: string;
  visionOnly: string;
  visionOnlyModel: string;
  search: string;
  fromYear: string;
  toYear: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  exportSvg: string;
  exportPng: string;
  legend: string;
  other: string;
  /** The lane of the models alone in their family, or organisation. */
  otherFamilies: string;
  otherOrganizations: string;
  collapseLanes: string;
  expandLanes: string;
  arrows: string;
  arrowsWithinLanes: string;
  allArrows: string;
  /** A collapsed lane's label: "{0} ({1})", the name and how many models it holds. */
  collapsedLane: string;
  buildsOn: string;
  noMatches: string;
  shown: string;
  help: string;
  canvas: string;
  selected: string;
  actions: Record<TimelineAction, string>;
  architectureTypes: Record<string, string>;
}

export interface TimelineInitialData {
  labels: TimelineLabels;
  /** BCP 47 language for month names. */
  language: string;
}

/** The view's own state, kept with setState so that a reload restores it. */
export interface TimelineViewState {
  laneBy: LaneBy;
  colourBy: ColourBy;
  filter: TimelineFilter;
  /** undefined: fit the whole range to the width. */
  pixelsPerDay?: number;
  scrollX: number;
  scrollY: number;
  selectedId?: string;
  /** Lanes drawn as marks without labels, as "family:llava" or "organization:google". */
  collapsedLanes?: string[];
  /** Which lineage arrows are drawn besides those of the hovered, focused or selected model. */
  arrows?: ArrowsShown;
}

/** What the timeline exports: the whole chart with its legend. */
export type ExportFormat = 'svg' | 'png';

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'svg' || value === 'png';
}

/** 'lanes': the arrows within an open lane (a family's generations); 'all': every arrow. */
export type ArrowsShown = 'lanes' | 'all';

export type HostToWebview =
  /** The models to show; sent after 'ready' and again whenever the atlas changes. */
  | {
      type: 'models';
      models: TimelineModel[];
      /** Family id → the name it goes by ("blip" → "BLIP"). */
      familyNames: Record<string, string>;
      /** Canonical organisation id → its name in the display language ("google" → "Google"). */
      organizationNames: Record<string, string>;
    }
  | { type: 'select'; modelId: string }
  | { type: 'requestExport'; requestId: number; format: ExportFormat };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'action'; action: TimelineAction; modelId: string }
  /** The user pressed Export: the extension asks where to save. `data` is the SVG text, or the PNG in base64. */
  | { type: 'export'; format: ExportFormat; data?: string; error?: string }
  /** The answer to a requestExport: the data, or why there is none. */
  | { type: 'exported'; requestId: number; format: ExportFormat; data?: string; error?: string };

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  const message = value as { type?: unknown; format?: unknown } | null;
  const type = message?.type;
  return type === 'ready' || type === 'action' || ((type === 'export' || type === 'exported') && isExportFormat(message?.format));
}
