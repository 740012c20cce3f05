// Which .bib files a document's own text names (LaTeX commands, the TeX root comment, included files,
// Markdown front matter), with "/"-only path joining so it runs on URI paths in the browser too.
import { withoutLatexComments } from '../documents/latexSource';

const BIBLIOGRAPHY_COMMAND = /\\(?:no)?bibliography\s*\{([^}]*)\}/g;
const BIBLATEX_RESOURCE = /\\(?:addbibresource|addglobalbib|addsectionbib)\s*(?:\[[^\]]*\]\s*)?\{([^}]*)\}/g;
const INCLUDED_FILE = /\\(?:input|include|subfile)\s*\{([^}]*)\}/g;
const TEX_ROOT = /^\uFEFF?[ \t]*%[ \t]*![ \t]*tex[ \t]+root[ \t]*=([^\r\n]*)/im;

/** Bibliography files named by \bibliography{a,b} and biblatex's \addbibresource[...]{x.bib}, ".bib" added when missing. */
export function latexBibliographies(text: string): string[] {
  const code = withoutLatexComments(text);
  const names: string[] = [];
  for (const m of code.matchAll(BIBLIOGRAPHY_COMMAND)) {
    names.push(...m[1].split(','));
  }
  for (const m of code.matchAll(BIBLATEX_RESOURCE)) {
    names.push(m[1]);
  }
  return unique(names.map((name) => name.trim()).filter((name) => name !== '').map((name) => withExtension(name, '.bib')));
}

/** The file named by a "% !TEX root = ../main.tex" magic comment. */
export function texRootMagic(text: string): string | undefined {
  const root = TEX_ROOT.exec(text)?.[1].trim();
  return root ? root : undefined;
}

/** Files this one pulls in with \input, \include or \subfile, ".tex" added when there is no extension. */
export function latexParents(text: string): string[] {
  const code = withoutLatexComments(text);
  const names = [...code.matchAll(INCLUDED_FILE)].map((m) => m[1].trim()).filter((name) => name !== '');
  return unique(names.map((name) => (/\.[^/.]+$/.test(name) ? name : `${name}.tex`)));
}

/**
 * Where an \input{child} of `includer` may be, first as LaTeX looks for it (from the root file's folder, where
 * it runs), then from the includer's own folder.
 */
export function includedFileCandidates(rootPath: string, includerPath: string, child: string): string[] {
  return [...new Set([resolveRelative(rootPath, child), resolveRelative(includerPath, child)])];
}

/** The main file a subfiles child names in \documentclass[../main.tex]{subfiles}. */
export function subfilesParent(text: string): string | undefined {
  const m = /\\documentclass\s*\[([^\]]*)\]\s*\{subfiles\}/.exec(withoutLatexComments(text));
  const parent = m?.[1].trim();
  return parent ? withExtension(parent, '.tex') : undefined;
}

/** The `bibliography:` field of YAML front matter: a plain or quoted string, or a flow or block list. */
export function markdownBibliographies(text: string): string[] {
  return bibliographyField(frontMatterLines(text), /^bibliography\s*:/);
}

/** The `bibliography:` field of a Quarto project's `_quarto.yml`, at the top level or under `book:` or a format. */
export function quartoBibliographies(yaml: string): string[] {
  return bibliographyField(yaml.replace(/^\uFEFF/, '').split(/\r?\n/), /^\s*bibliography\s*:/);
}

function bibliographyField(lines: string[], key: RegExp): string[] {
  const at = lines.findIndex((line) => key.test(line));
  if (at < 0) {
    return [];
  }
  const indent = /^\s*/.exec(lines[at])?.[0].length ?? 0;
  const inline = lines[at].slice(lines[at].indexOf(':') + 1).trim().replace(/^#.*$/, '');
  if (inline.startsWith('[')) {
    let flow = inline;
    for (let i = at + 1; !flow.includes(']') && i < lines.length; i++) {
      flow += ' ' + lines[i].trim();
    }
    const close = flow.lastIndexOf(']');
    return splitFlowList(flow.slice(1, close < 0 ? undefined : close));
  }
  if (inline !== '') {
    const value = yamlScalar(inline);
    return value ? [value] : [];
  }
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^(\s*)-(?:\s+(.*))?$/.exec(line);
    if (item && item[1].length >= indent) {
      const value = yamlScalar(item[2] ?? '');
      if (value) {
        items.push(value);
      }
    } else if (line.trim() !== '' && !line.trim().startsWith('#')) {
      break;
    }
  }
  return items;
}

/** Whether a LaTeX file names its root: a "% !TEX root" comment or a subfiles class. */
export function namesLatexRoot(text: string): boolean {
  return texRootMagic(text) !== undefined || subfilesParent(text) !== undefined;
}

/** A .bib file that could be a document's bibliography, and how many of the keys the document cites it holds. */
export interface BibliographyCandidate {
  /** "/"-separated, as a URI path. */
  path: string;
  citedKeys: number;
}

/**
 * Of the .bib files a document could mean (given in the workspace's order), the likeliest: the one holding the
 * most of the keys it cites, on a tie the nearest to it (sharing the most folders with it), then the first.
 */
export function likeliestBibliography<T extends BibliographyCandidate>(documentPath: string, candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestNearness = -1;
  for (const candidate of candidates) {
    const nearness = sharedFolders(documentPath, candidate.path);
    if (!best || candidate.citedKeys > best.citedKeys || (candidate.citedKeys === best.citedKeys && nearness > bestNearness)) {
      best = candidate;
      bestNearness = nearness;
    }
  }
  return best;
}

/** How many folders, from the top, the two files' paths have in common. */
function sharedFolders(a: string, b: string): number {
  const folders = (path: string) => path.split('/').slice(0, -1);
  const [x, y] = [folders(a), folders(b)];
  let shared = 0;
  while (shared < x.length && shared < y.length && x[shared] === y[shared]) {
    shared++;
  }
  return shared;
}

/**
 * `relative` read from the folder of `baseFilePath`, both "/"-separated paths (URI paths included);
 * absolute paths and URLs are returned as they are, only tidied.
 */
export function resolveRelative(baseFilePath: string, relative: string): string {
  const target = relative.replace(/\\/g, '/');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    return target;
  }
  if (target.startsWith('/') || /^[a-z]:\//i.test(target)) {
    return normalizeSegments(target);
  }
  const folder = baseFilePath.slice(0, baseFilePath.lastIndexOf('/') + 1);
  return normalizeSegments(folder + target);
}

function normalizeSegments(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    // Never climb above the root or out of a drive such as "/c:".
    const top = out[out.length - 1];
    if (segment === '..' && top !== undefined && top !== '..' && !/^[a-z]:$/i.test(top)) {
      out.pop();
    } else if (segment !== '..' || !absolute) {
      out.push(segment);
    }
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** Lines between the opening "---" on the first line and the closing "---" or "..."; none without front matter. */
function frontMatterLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    return [];
  }
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return end < 0 ? [] : lines.slice(1, end);
}

/** A YAML scalar as written: quoted (quotes removed, escapes undone) or plain (a " #" comment removed). */
function yamlScalar(raw: string): string {
  const value = raw.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    let out = '';
    for (let i = 1; i < value.length; i++) {
      const ch = value[i];
      if (quote === '"' && ch === '\\' && i + 1 < value.length) {
        out += value[++i];
      } else if (ch === quote && quote === "'" && value[i + 1] === "'") {
        out += "'";
        i++;
      } else if (ch === quote) {
        return out;
      } else {
        out += ch;
      }
    }
    return out;
  }
  return value.replace(/(^|\s)#.*$/, '').trim();
}

/** Items of a flow list's inside, split at commas outside quotes. */
function splitFlowList(inner: string): string[] {
  const items: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (quote) {
      if (quote === '"' && ch === '\\') {
        i++;
      } else if (ch === quote) {
        quote = undefined;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ',') {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inner.slice(start));
  return items.map(yamlScalar).filter((item) => item !== '');
}

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension) ? name : name + extension;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
