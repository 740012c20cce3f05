// The HTML shell of every webview: a strict Content Security Policy with a nonce, no remote
// resources, the script and stylesheet from dist/ and media/ through asWebviewUri, and the
// initial data as an escaped JSON attribute rather than inline script.
import * as vscode from 'vscode';

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

export function newNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) {
    nonce += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return nonce;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
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
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', shell.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', shell.style));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(shell.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>${escapeHtml(shell.title)}</title>
</head>
<body data-initial="${escapeHtml(JSON.stringify(shell.initialData))}">
<div id="app"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
