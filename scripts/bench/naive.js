// The naive baseline the issue compares against: one case-insensitive regular expression per spelling,
// each run over the text, overlaps resolved longest first. Built once, outside the timings.
'use strict';

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function naiveMatcher(models) {
  const patterns = [];
  for (const model of models) {
    for (const spelling of [model.name, ...(model.aliases ?? [])]) {
      patterns.push({ modelId: model.id, regex: new RegExp(`(?<![A-Za-z0-9])${escape(spelling)}(?![A-Za-z0-9])`, 'gi') });
    }
  }
  return {
    patterns: patterns.length,
    find(text) {
      const found = [];
      for (const { modelId, regex } of patterns) {
        regex.lastIndex = 0;
        for (let m = regex.exec(text); m; m = regex.exec(text)) {
          found.push({ modelId, start: m.index, end: m.index + m[0].length });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const mentions = [];
      let covered = -1;
      for (const m of found) {
        if (m.start >= covered) {
          mentions.push(m);
          covered = m.end;
        }
      }
      return mentions;
    },
    /** The hover: every pattern over the cursor's line only. */
    findAt(line, offset) {
      let best;
      for (const { modelId, regex } of patterns) {
        regex.lastIndex = 0;
        for (let m = regex.exec(line); m; m = regex.exec(line)) {
          if (m.index <= offset && offset <= m.index + m[0].length && (!best || m[0].length > best.end - best.start)) {
            best = { modelId, start: m.index, end: m.index + m[0].length };
          }
        }
      }
      return best;
    },
  };
}

module.exports = { naiveMatcher };
