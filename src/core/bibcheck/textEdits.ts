// Edits as offsets into a text, made as small as they can be: a replacement keeps the bytes its old and new
// text share at both ends, so a fix never rewrites more of a user's file than it must.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Replacing text[start, end) by `replacement`, less the common head and tail; undefined when nothing changes. */
export function minimalEdit(text: string, start: number, end: number, replacement: string): TextEdit | undefined {
  const old = text.slice(start, end);
  if (old === replacement) {
    return undefined;
  }
  let head = 0;
  const most = Math.min(old.length, replacement.length);
  while (head < most && old.charCodeAt(head) === replacement.charCodeAt(head)) {
    head++;
  }
  let tail = 0;
  while (tail < most - head && old.charCodeAt(old.length - 1 - tail) === replacement.charCodeAt(replacement.length - 1 - tail)) {
    tail++;
  }
  return { start: start + head, end: end - tail, text: replacement.slice(head, replacement.length - tail) };
}

/** The text with `edits` applied (they must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + text.slice(from);
}

/** Edits of several fixes, sorted; an edit that overlaps one already taken is dropped with its whole fix. */
export function combineEdits(fixes: ReadonlyArray<readonly TextEdit[]>): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (e: TextEdit) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start && t.start === t.end));
  for (const fix of fixes) {
    if (!fix.some(overlaps)) {
      taken.push(...fix);
    }
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}
