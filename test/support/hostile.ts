// Typed access to the shared hostile fixture (test/fixtures/hostile/hostile.js) and the checks every
// surface applies to what it makes of it: Markdown that can only be read as text, and HTML that runs nothing.
import * as path from 'path';
import type { AtlasModel } from '../../src/core/atlas/atlas';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface HostileFixture {
  ID: string;
  KEY: string;
  ALIAS: string;
  FILE: string;
  REMOTE: string;
  strings: Record<string, string>;
  all: string[];
  entry(): AtlasModel;
  atlasYaml(): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const hostile = require(path.join(repoRoot, 'test', 'fixtures', 'hostile', 'hostile.js')) as HostileFixture;

/** Our own links: https targets and command links to this extension's commands. Everything else is suspect. */
const OWN_LINK = /\]\((?:https:\/\/[^\s()<>]+|command:modelAtlas\.[\w.]+(?:\?[^\s()<>]*)?)\)/g;

/**
 * Why `markdown` (made from dataset text) could render as something other than text, or [] when it cannot:
 * raw HTML or autolinks, a link or image other than our own, a scheme a renderer would linkify or follow,
 * or a line break the escaping did not fold.
 */
export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const rest = markdown.replace(OWN_LINK, ']');
  const show = (index: number) => JSON.stringify(rest.slice(Math.max(0, index - 20), index + 40));
  const unescaped = (pattern: RegExp, what: string) => {
    for (const match of rest.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (countBackslashesBefore(rest, at) % 2 === 0) {
        problems.push(`${what} at ${show(at)}`);
        return;
      }
    }
  };
  unescaped(/</g, 'unescaped "<" (HTML or autolink)');
  unescaped(/\]\(|\]\[|\]:/g, 'a link that is not ours');
  unescaped(/!\[/g, 'an image');
  for (const match of rest.matchAll(/\b(?:command|javascript|vbscript|data|file|https?):/gi)) {
    problems.push(`an unescaped scheme at ${show(match.index ?? 0)}`);
    break;
  }
  if (/www\./i.test(rest)) {
    problems.push('a www. autolink');
  }
  const breaks = /[\r\u2028\u2029]/.exec(rest);
  if (breaks) {
    problems.push(`a raw line break at ${show(breaks.index)}`);
  }
  return problems;
}

function countBackslashesBefore(text: string, index: number): number {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) {
    count++;
  }
  return count;
}

/** What a reader sees of escaped Markdown text: the backslash escapes removed. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>&~"'=:$^])/g, '$1');
}

/** `text` as one line, the way escaped Markdown shows dataset text (line breaks fold to spaces). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/**
 * Why an HTML document we hand a webview could run something, or [] when it cannot: it must carry a CSP
 * with default-src, base-uri and form-action 'none' and nonce-only scripts, hold no <script> but the one with that nonce, and no
 * inline event handler, javascript: URL or element that loads or embeds something beyond our own script.
 */
export function webviewHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (!csp) {
    return ['no Content-Security-Policy meta element'];
  }
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  for (const name of ['default-src', 'base-uri', 'form-action']) {
    if (directives.get(name)?.join(' ') !== "'none'") {
      problems.push(`${name} is ${directives.get(name)?.join(' ')}`);
    }
  }
  const scriptSrc = directives.get('script-src') ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(scriptSrc[0] ?? '')?.[1];
  if (scriptSrc.length !== 1 || !nonce) {
    problems.push(`script-src is ${scriptSrc.join(' ')}; only a nonce may run scripts`);
  }
  for (const [name, values] of directives) {
    if (values.some((v) => /^('unsafe-inline'|'unsafe-eval'|\*|https?:|data:)$/.test(v) && !(name === 'img-src' && v === 'data:'))) {
      problems.push(`${name} allows ${values.join(' ')}`);
    }
  }
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  if (scripts.length !== 1 || !scripts[0].includes(`nonce="${nonce}"`)) {
    problems.push(`scripts: ${short(scripts.join(' '))}`);
  }
  for (const [tag, name, attributes] of html.matchAll(/<([a-z][\w-]*)\b([^>]*)>/gi)) {
    if (!['html', 'head', 'meta', 'link', 'title', 'body', 'div', 'script'].includes(name.toLowerCase())) {
      problems.push(`an unexpected element ${short(tag)}`);
    }
    for (const [, attribute, value = ''] of attributes.matchAll(/([^\s="]+)(?:="([^"]*)")?/g)) {
      if (/^on/i.test(attribute)) {
        problems.push(`an event handler ${attribute} in ${short(tag)}`);
      }
      if (/^(href|src|action|formaction)$/i.test(attribute) && /^\s*(javascript|command|data|vbscript):/i.test(value)) {
        problems.push(`a ${value.split(':')[0]}: URL in ${short(tag)}`);
      }
    }
  }
  return problems;
}

function short(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}...` : text;
}
