// Files that Zotero's Better BibTeX writes again on every change in the library: edits there are lost at the
// next export. Such a file says so in its header, or in Better BibTeX's quality-report comments.

/** The header: what comes before the first entry, or the first few kilobytes. */
const HEADER_LENGTH = 4096;
const MARKS: ReadonlyArray<[RegExp, string]> = [
  [/Better\s*Bib(?:La)?TeX/i, 'Better BibTeX'],
  [/\bZotero\b/i, 'Zotero'],
];
const QUALITY_REPORT = /^%\s*==\s*Bib(?:La)?TeX quality report for /m;

export function autoExporter(text: string): string | undefined {
  const firstEntry = text.search(/^\s*@(?!comment)/im);
  const header = text.slice(0, firstEntry < 0 ? HEADER_LENGTH : Math.min(firstEntry, HEADER_LENGTH));
  for (const [mark, tool] of MARKS) {
    if (mark.test(header)) {
      return tool;
    }
  }
  return QUALITY_REPORT.test(text.slice(0, 1 << 16)) ? 'Better BibTeX' : undefined;
}
