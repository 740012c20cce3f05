// Entry point of the timeline webview: reads the labels from the page, restores the saved view state,
// says "ready", then renders whatever the extension sends.
import { DEFAULT_STATE, TimelineApp } from './app';
import type { HostToWebview, TimelineInitialData, TimelineViewState, WebviewToHost } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): TimelineViewState | undefined;
  setState(state: TimelineViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const initial = JSON.parse(document.body.dataset.initial ?? '{}') as TimelineInitialData;
const saved = vscode.getState();
const state: TimelineViewState = { ...DEFAULT_STATE, ...saved, filter: { ...DEFAULT_STATE.filter, ...saved?.filter } };

const app = new TimelineApp(
  document.getElementById('app') as HTMLElement,
  { post: (message) => vscode.postMessage(message), saveState: (s) => vscode.setState(s) },
  initial.labels,
  initial.language,
  state,
);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'models':
      app.setModels(message.models, message.familyNames, message.organizationNames);
      break;
    case 'select':
      app.reveal(message.modelId);
      break;
    case 'requestExport': {
      const { requestId, format } = message;
      app.exportChart(format).then(
        (data) => vscode.postMessage({ type: 'exported', requestId, format, data }),
        (error: unknown) => vscode.postMessage({ type: 'exported', requestId, format, error: error instanceof Error ? error.message : String(error) }),
      );
      break;
    }
  }
});

vscode.postMessage({ type: 'ready' });
