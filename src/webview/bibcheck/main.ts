// Entry point of the Check Bibliography report webview: says "ready", renders each report the extension sends,
// and keeps the checked document in its state so a reload shows it again.
import type { HostToWebview, ReportInitialData, ReportViewState, WebviewToHost } from './protocol';
import { renderReport, showConfirm } from './render';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): ReportViewState | undefined;
  setState(state: ReportViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const initial = JSON.parse(document.body.dataset.initial ?? '{}') as ReportInitialData;
const root = document.getElementById('app') as HTMLElement;
root.textContent = initial.loading;
const post = (message: WebviewToHost) => vscode.postMessage(message);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'show': {
      const scroll = window.scrollY;
      const focused = document.activeElement?.getAttribute('data-problem') ?? document.activeElement?.getAttribute('data-action');
      renderReport(root, message.view, post);
      vscode.setState({ subject: message.subjectUri });
      window.scrollTo(0, scroll);
      // Keep the keyboard where it was: on the same button if it is still there, else on the page's actions.
      const again = focused ? root.querySelector<HTMLElement>(`[data-problem="${CSS.escape(focused)}"], [data-action="${CSS.escape(focused)}"]`) : null;
      again?.focus();
      break;
    }
    case 'confirmSafeFixes':
      showConfirm(root, initial.labels, message.count, post);
      break;
    case 'busy':
      document.body.classList.toggle('busy', message.busy);
      break;
  }
});

post({ type: 'ready' });
