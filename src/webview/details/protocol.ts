// Messages between the model details webview and the extension. Free of vscode and Node imports: both
// the extension and the browser bundle import it.
import type { DetailsLink, ModelDetails, ModelRef } from '../../core/presentation/modelDetails';

export type { DetailsLink, ModelDetails, ModelRef };

/** What the page's buttons ask for; the extension maps each to a command on the shown model. */
export type DetailsAction = 'copyBibtex' | 'insertCitation' | 'showOnTimeline' | 'revealInTree';

/** Translated UI strings, made by the extension; in the page's data-initial. */
export interface DetailsLabels {
  visionOnly: string;
  summary: string;
  keyIdeas: string;
  training: string;
  architecture: string;
  parameters: string;
  lineage: string;
  buildsOn: string;
  builtOnBy: string;
  none: string;
  bibtex: string;
  copyBibtex: string;
  insertCitation: string;
  showOnTimeline: string;
  revealInTree: string;
  loading: string;
}

export interface DetailsInitialData {
  labels: DetailsLabels;
}

/** Kept with setState, so that a reload (through the serializer) shows the same model again. */
export interface DetailsViewState {
  modelId: string;
}

export type HostToWebview = { type: 'show'; details: ModelDetails };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'openModel'; modelId: string }
  | { type: 'openLink'; modelId: string; link: DetailsLink }
  | { type: 'action'; modelId: string; action: DetailsAction };

const ACTIONS: readonly string[] = ['copyBibtex', 'insertCitation', 'showOnTimeline', 'revealInTree'];
const LINKS: readonly string[] = ['arxiv', 'paper', 'code', 'project'];

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  const message = value as { type?: unknown; modelId?: unknown; action?: unknown; link?: unknown } | null;
  switch (message?.type) {
    case 'ready':
      return true;
    case 'openModel':
      return typeof message.modelId === 'string';
    case 'openLink':
      return typeof message.modelId === 'string' && LINKS.includes(message.link as string);
    case 'action':
      return typeof message.modelId === 'string' && ACTIONS.includes(message.action as string);
    default:
      return false;
  }
}
