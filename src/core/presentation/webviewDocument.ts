// The HTML shell of every webview: a strict Content Security Policy with this page's nonce, the script and
// stylesheet by URI, and the initial data in an escaped attribute, never inline script.

export interface WebviewDocument {
  /** The webview's cspSource, e.g. https://*.vscode-cdn.net. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  initialData: unknown;
  language: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function webviewDocument(page: WebviewDocument): string {
  const csp = [
    "default-src 'none'",
    `img-src ${page.cspSource} data:`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
    // Neither falls back to default-src: without them an injected <base> or <form> could point elsewhere.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${escapeHtml(page.styleUri)}" rel="stylesheet">
<title>${escapeHtml(page.title)}</title>
</head>
<body data-initial="${escapeHtml(JSON.stringify(page.initialData))}">
<div id="app"></div>
<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}
