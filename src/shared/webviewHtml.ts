// A webview's HTML (core/presentation/webviewDocument) with its CSP source, a fresh nonce and assets through
// asWebviewUri; and the panel events both webview panels listen to.
import * as vscode from 'vscode';
import { webviewDocument } from '../core/presentation/webviewDocument';

export interface WebviewShell {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  /** Bundled script under dist/webview/, e.g. 'timeline.js'. */
  script: string;
  /** Stylesheet under media/, e.g. 'timeline.css'. */
  style: string;
  title: string;
  initialData: unknown;
  language: string;
}

/** 32 characters from a cryptographic source: a page's only key to running script. */
export function newNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => chars[byte % chars.length]).join('');
}

/** Webview options that allow scripts but only local resources from dist/ and media/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function webviewHtml(shell: WebviewShell): string {
  const { webview, extensionUri } = shell;
  return webviewDocument({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', shell.script)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', shell.style)).toString(),
    title: shell.title,
    initialData: shell.initialData,
    language: shell.language,
  });
}

export interface PanelListeners<M> {
  /** Only messages that pass the protocol's guard reach `onMessage`. */
  isMessage(message: unknown): message is M;
  onMessage(message: M): void;
  /** The page was discarded (retainContextWhenHidden is off); it says "ready" again when shown. */
  onHidden(): void;
  onDispose(): void;
}

export function listenToPanel<M>(panel: vscode.WebviewPanel, listeners: PanelListeners<M>): vscode.Disposable[] {
  return [
    panel.onDidDispose(() => listeners.onDispose()),
    panel.onDidChangeViewState(() => {
      if (!panel.visible) {
        listeners.onHidden();
      }
    }),
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (listeners.isMessage(message)) {
        listeners.onMessage(message);
      }
    }),
  ];
}
