// Messages between the Check Bibliography report webview and the extension. Free of vscode and Node imports:
// both the extension and the browser bundle import it.
import type { ReportLabels, ReportView } from '../../core/bibcheck/reportView';

export type { ReportLabels, ReportView };

export interface ReportInitialData {
  labels: ReportLabels;
  loading: string;
}

/** Kept with setState, so that a reload (through the serializer) checks the same document again. */
export interface ReportViewState {
  subject: string;
}

export type HostToWebview =
  | { type: 'show'; view: ReportView; subjectUri: string }
  /** The safe fixes are shown in a diff editor: the page asks to apply or cancel them. */
  | { type: 'confirmSafeFixes'; count: number }
  | { type: 'busy'; busy: boolean };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'fix'; problemId: string }
  | { type: 'reveal'; problemId: string }
  | { type: 'previewSafeFixes' }
  | { type: 'applySafeFixes' }
  | { type: 'cancelSafeFixes' }
  | { type: 'exportMarkdown' }
  | { type: 'refresh' };

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  const message = value as { type?: unknown; problemId?: unknown } | null;
  switch (message?.type) {
    case 'ready':
    case 'previewSafeFixes':
    case 'applySafeFixes':
    case 'cancelSafeFixes':
    case 'exportMarkdown':
    case 'refresh':
      return true;
    case 'fix':
    case 'reveal':
      return typeof message.problemId === 'string';
    default:
      return false;
  }
}
