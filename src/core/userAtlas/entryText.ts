// Appending an entry to a user atlas file as text, so the researcher's comments and layout stay; a file
// holding one entry becomes a one-item list first.
import { isMap, isSeq, parseDocument, stringify } from 'yaml';

export type AppendResult = { ok: true; text: string; entryLine: number } | { ok: false; reason: 'syntax-error' | 'not-a-list' };

export function entryYaml(entry: object): string {
  return stringify(entry, { lineWidth: 0 });
}

export function appendEntry(existing: string, entry: object): AppendResult {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const item = asListItem(entryYaml(entry)).split('\n').join(eol);
  const doc = parseDocument(existing);
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'syntax-error' };
  }
  const root = doc.contents;
  let before: string;
  if (root === null) {
    before = existing.trim().length > 0 ? ensureEol(existing, eol) : ''; // comments only, or nothing
  } else if (isSeq(root)) {
    before = ensureEol(existing, eol);
  } else if (isMap(root)) {
    before = ensureEol(asListItem(existing.replace(/\r\n/g, '\n').replace(/\n+$/, '')).split('\n').join(eol), eol);
  } else {
    return { ok: false, reason: 'not-a-list' };
  }
  const text = before + item;
  return { ok: true, text, entryLine: before.split(eol).length - 1 };
}

/** "a: 1\nb: 2\n" → "- a: 1\n  b: 2\n"; comment lines before the first field stay above the dash. */
function asListItem(yamlText: string): string {
  const lines = yamlText.replace(/\n$/, '').split('\n');
  const first = lines.findIndex((l) => l.trim().length > 0 && !l.trimStart().startsWith('#'));
  return `${lines.map((line, i) => (i < first ? line : i === first ? `- ${line}` : line.length > 0 ? `  ${line}` : line)).join('\n')}\n`;
}

function ensureEol(text: string, eol: string): string {
  return text.length === 0 || text.endsWith('\n') ? text : text + eol;
}
