// Turning dataset text into inert Markdown: every character Markdown or HTML could read as syntax is
// escaped, so a name or summary can never become markup, a link or a command link.

const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>&~"'=:$^]/g;

/** Every line terminator a renderer may honour: a lone \r and U+2028/U+2029 too. */
const LINE_BREAK = '\\r\\n|[\\r\\n\\u2028\\u2029]';
const LINE_BREAKS = new RegExp(LINE_BREAK, 'g');
const LINE_BREAKS_WITH_BLANKS = new RegExp(`\\s*(?:${LINE_BREAK})\\s*`, 'g');

/** Each line break as a space: text on one line, where no new block can start. */
export function foldLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, ' ');
}

/** Lines joined by one space each, their indents and trailing blanks dropped. */
export function joinLines(text: string): string {
  return text.replace(LINE_BREAKS_WITH_BLANKS, ' ');
}

export function escapeMarkdown(text: string): string {
  return foldLineBreaks(text.replace(MARKDOWN_SYNTAX, (ch) => `\\${ch}`));
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
  // Parentheses too: one in the arguments (a mention's text) would end the link target.
  const query = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label)}](command:${command}?${query})`;
}

/**
 * Text for a quick pick's label, description or detail, which draw "$(name)" as an icon: written "\$(name)",
 * dataset text shows as the characters it holds.
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
