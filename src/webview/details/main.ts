// Entry point of the model details webview: reads the labels from the page, says "ready", then renders
// whichever model the extension sends, remembering its id so a reload shows it again.
import type { DetailsInitialData, DetailsViewState, HostToWebview, WebviewToHost } from './protocol';
import { renderDetails } from './render';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): DetailsViewState | undefined;
  setState(state: DetailsViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const initial = JSON.parse(document.body.dataset.initial ?? '{}') as DetailsInitialData;
const root = document.getElementById('app') as HTMLElement;
root.textContent = initial.labels.loading;

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (message.type === 'show') {
    const sameModel = vscode.getState()?.modelId === message.details.id;
    const scroll = window.scrollY;
    renderDetails(root, message.details, initial.labels, (m) => vscode.postMessage(m));
    vscode.setState({ modelId: message.details.id });
    window.scrollTo(0, sameModel ? scroll : 0);
  }
});

vscode.postMessage({ type: 'ready' });
