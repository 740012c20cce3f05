// Ranges of a text as offsets, kept sorted and disjoint, and the binary search every lookup uses.

export interface Range {
  start: number;
  end: number;
}

/** Whether `offset` falls inside one of the sorted `ranges` (binary search). */
export function isInside(ranges: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) {
      hi = mid - 1;
    } else if (offset >= r.end) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

/** `ranges` sorted, with those that overlap or touch joined: the shape isInside expects. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}
