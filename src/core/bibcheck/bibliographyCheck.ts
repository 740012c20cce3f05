// Check Bibliography over the .bib files one document uses: each entry against the atlas, then the same
// atlas paper under two or more keys across all of them. Per-file results are kept per parse and atlas.
import type { AtlasIndex } from '../atlas/atlasIndex';
import { matchEntry, papersByArxivId } from '../bibtex/atlasEntries';
import type { BibFile } from '../bibtex/parse';
import { autoExporter } from './autoExport';
import { checkEntry } from './entryChecks';
import type { BibCheckCode, BibFinding } from './findings';

export interface BibSource {
  text: string;
  bib: BibFile;
}

export interface FileCheck {
  /** Every finding in the file, duplicates across files included, filtered by `enabled`. */
  findings: BibFinding[];
  /** Which atlas paper each matched entry is, by entry index. */
  papers: Map<number, string>;
  /** The tool that writes this file on every export (Zotero's Better BibTeX), if it says so. */
  autoExportedBy: string | undefined;
}

interface EntryResults {
  findings: BibFinding[];
  papers: Map<number, string>;
  autoExportedBy: string | undefined;
}

const cache = new WeakMap<BibFile, { atlas: AtlasIndex; results: EntryResults }>();

function entryResults(source: BibSource, atlas: AtlasIndex): EntryResults {
  const hit = cache.get(source.bib);
  if (hit && hit.atlas === atlas) {
    return hit.results;
  }
  const findings: BibFinding[] = [];
  const papers = new Map<number, string>();
  source.bib.entries.forEach((entry, i) => {
    const byId = papersByArxivId(atlas, entry);
    const match = matchEntry(atlas, entry, byId);
    if (match) {
      papers.set(i, match.model.id);
    }
    if (match || byId.length > 0) {
      findings.push(...checkEntry(source.text, entry, i, atlas, match, byId));
    }
  });
  const results = { findings, papers, autoExportedBy: autoExporter(source.text) };
  cache.set(source.bib, { atlas, results });
  return results;
}

/**
 * Checks the .bib files a document uses, in the order it names them: `enabled` says which codes to report.
 * Entries with the same atlas paper under different keys (in one file or across them) are duplicates.
 */
export function checkBibliography(sources: readonly BibSource[], atlas: AtlasIndex, enabled: (code: BibCheckCode) => boolean = () => true): FileCheck[] {
  const results = sources.map((source) => entryResults(source, atlas));
  const checks: FileCheck[] = results.map((r) => ({ findings: r.findings.filter((f) => enabled(f.code)), papers: r.papers, autoExportedBy: r.autoExportedBy }));
  if (!enabled('duplicate-paper')) {
    return checks;
  }
  const byPaper = new Map<string, Array<{ file: number; entryIndex: number }>>();
  results.forEach((r, file) => {
    for (const [entryIndex, modelId] of r.papers) {
      const list = byPaper.get(modelId) ?? [];
      list.push({ file, entryIndex });
      byPaper.set(modelId, list);
    }
  });
  for (const [modelId, places] of byPaper) {
    const keys = new Set(places.map((p) => sources[p.file].bib.entries[p.entryIndex].key.toLowerCase()));
    if (keys.size < 2) {
      continue; // the same key twice is BibTeX's own error, not two keys for one paper
    }
    for (const place of places) {
      const entry = sources[place.file].bib.entries[place.entryIndex];
      const others = places.filter((p) => p !== place).map((p) => ({ key: sources[p.file].bib.entries[p.entryIndex].key, file: p.file }));
      const { start, end } = keyRange(sources[place.file].text, entry.start, entry.key);
      checks[place.file].findings.push({ code: 'duplicate-paper', key: entry.key, entryIndex: place.entryIndex, modelId, others, start, end });
    }
  }
  checks.forEach((c) => c.findings.sort((a, b) => a.start - b.start));
  return checks;
}

/** The key's offsets in the entry head "@type{key,". */
function keyRange(text: string, entryStart: number, key: string): { start: number; end: number } {
  const open = text.slice(entryStart, entryStart + 200).search(/[{(]/);
  const at = open < 0 ? -1 : text.indexOf(key, entryStart + open);
  return at < 0 || key === '' ? { start: entryStart, end: entryStart + 1 } : { start: at, end: at + key.length };
}
