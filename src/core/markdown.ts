// Turning dataset text into inert Markdown: every character Markdown or HTML could read as syntax is
// escaped, so a name or summary can never become markup, a link or a command link.

const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>&~"'=:$^]/g;

export function escapeMarkdown(text: string): string {
  // Every line terminator a renderer may honour (a lone \r too) folds to a space: no new block can start.
  return text.replace(MARKDOWN_SYNTAX, (ch) => `\\${ch}`).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** An https link target safe inside Markdown link syntax, or undefined for anything else. */
export function safeHttpsUrl(url: string | undefined): string | undefined {
  if (!url || !/^https:\/\/[^\s<>"'`]+$/.test(url)) {
    return undefined;
  }
  return encodeURI(decodeURIComponentSafe(url)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** A `command:` link to one of our own commands with JSON arguments. */
export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}
