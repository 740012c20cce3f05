// Whether a bibliography already holds a paper, under whatever key its owner gave it: the key first, then
// the arXiv id, the DOI and the title, in the forms Google Scholar, DBLP, arXiv and publishers write them.
import { bibIndex } from './bibIndex';
import type { BibEntry, BibFile } from './parse';

export interface PaperIdentity {
  key: string;
  arxiv?: string;
  title: string;
  doi?: string;
}

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z-]+(?:\.[a-z]{2})?\/\d{7}`;
const BARE_ID = new RegExp(String.raw`(?:^|[^\w.\/])(${NEW_ID}|${OLD_ID})(?![\d])`, 'i');
/** An id after "arXiv": "arXiv:2301.12597", "arxiv.org/abs/...", "arXiv preprint arXiv:...", "10.48550/arXiv.2301.12597". */
const ID_AFTER_ARXIV = new RegExp(String.raw`arxiv[^0-9a-z]{0,3}(?:org\/(?:abs|pdf|html)\/)?(?:preprint\s+)?(?:arxiv[^0-9a-z]{0,3})?(${NEW_ID}|${OLD_ID})(?!\d)`, 'gi');
/** DBLP's CoRR entries: journal = {CoRR}, volume = {abs/2301.12597}. */
const CORR_VOLUME = new RegExp(String.raw`^abs\/(${NEW_ID}|${OLD_ID})`, 'i');

export function findExistingEntry(bib: BibFile, paper: PaperIdentity): BibEntry | undefined {
  const index = bibIndex(bib);
  const byKey = index.byKey(paper.key);
  if (byKey && !isOtherPaper(byKey, paper)) {
    return byKey;
  }
  const arxiv = (paper.arxiv && normalizeArxivId(paper.arxiv)) || (paper.doi && arxivIdFromText(paper.doi));
  const byArxiv = arxiv ? index.byArxiv(arxiv) : undefined;
  if (byArxiv) {
    return byArxiv;
  }
  const doi = paper.doi && normalizeDoi(paper.doi);
  const byDoi = doi ? index.byDoi(doi) : undefined;
  if (byDoi) {
    return byDoi;
  }
  const title = normalizeTitle(paper.title);
  return title ? index.byTitle(title) : undefined;
}

/**
 * Whether an entry is plainly a different paper: it names arXiv ids and none is the paper's, or it has no
 * arXiv id and its title is neither the paper's nor a shortened or lengthened form of it. Used on an entry
 * that holds the paper's key: the key alone must not make another paper the one cited.
 */
export function isOtherPaper(entry: BibEntry, paper: PaperIdentity): boolean {
  const arxiv = paper.arxiv && normalizeArxivId(paper.arxiv);
  const ids = arxivIdsOf(entry);
  if (arxiv && ids.size > 0) {
    return !ids.has(arxiv);
  }
  if (entry.fields.title === undefined) {
    return false;
  }
  return isOtherTitle(entry.fields.title, paper.title);
}

/**
 * Whether two titles are plainly of different papers. Venue and arXiv versions of a title differ by a word
 * or two ("for All Vision" / "for Vision"), and short forms ("BLIP-2") are common: another paper shares
 * under half the words of the shorter title.
 */
export function isOtherTitle(a: string, b: string): boolean {
  const theirs = titleWords(a);
  const ours = titleWords(b);
  const shorter = Math.min(theirs.size, ours.size);
  return shorter > 0 && [...theirs].filter((word) => ours.has(word)).length < shorter / 2;
}

function titleWords(title: string): Set<string> {
  return new Set(normalizeTitleWith(title, ' ').split(' ').filter((word) => word !== ''));
}

/** "arXiv:2301.12597v2", "https://arxiv.org/abs/2301.12597" or "2301.12597" → "2301.12597"; undefined when no id. */
export function normalizeArxivId(text: string): string | undefined {
  return arxivIdFromText(text) ?? BARE_ID.exec(text)?.[1].toLowerCase();
}

/** Free-text fields that cite other papers' ids, never the entry's own: not searched (and the longest, too). */
const PROSE_FIELDS = new Set(['abstract', 'author', 'editor', 'title', 'shorttitle', 'keywords', 'file', 'annote', 'annotation', 'comment', 'review']);

/** Every arXiv id an entry names, without version suffixes. */
export function arxivIdsOf(entry: BibEntry): Set<string> {
  const ids = new Set<string>();
  const archive = (entry.fields.eprinttype ?? entry.fields.archiveprefix ?? 'arxiv').toLowerCase();
  for (const [name, value] of Object.entries(entry.fields)) {
    if (PROSE_FIELDS.has(name)) {
      continue;
    }
    // "arXiv", "arxiv", "ARXIV" found natively first: most fields name no archive at all.
    if (value.includes('Xiv') || value.includes('xiv') || value.includes('XIV')) {
      ID_AFTER_ARXIV.lastIndex = 0;
      for (let m = ID_AFTER_ARXIV.exec(value); m; m = ID_AFTER_ARXIV.exec(value)) {
        ids.add(m[1].toLowerCase());
      }
    }
    // A bare id means arXiv only in a field made for it, never in a DOI such as 10.1109/CVPR.2023.01234.
    const bare = (name === 'eprint' && archive === 'arxiv') || name.includes('arxiv')
      ? BARE_ID.exec(value)?.[1]
      : name === 'volume' ? CORR_VOLUME.exec(value)?.[1] : undefined;
    if (bare) {
      ids.add(bare.toLowerCase());
    }
  }
  return ids;
}

function arxivIdFromText(text: string): string | undefined {
  ID_AFTER_ARXIV.lastIndex = 0;
  const id = ID_AFTER_ARXIV.exec(text)?.[1].toLowerCase();
  ID_AFTER_ARXIV.lastIndex = 0;
  return id;
}

/** A DOI written alone, as most doi fields hold one: nothing to find in it or trim from it. */
const BARE_DOI = /^10\.\d{4,9}\/[^\s\\]*[^\s\\.,;]$/;

/** "https://doi.org/10.1000/X", "doi:10.1000/x" → "10.1000/x". */
export function normalizeDoi(text: string): string | undefined {
  if (BARE_DOI.test(text)) {
    return text.toLowerCase();
  }
  const found = /10\.\d{4,9}\/\S+/.exec(text.replace(/\\_/g, '_'));
  return found ? found[0].toLowerCase().replace(/[.,;]+$/, '') : undefined;
}

/** The DOIs an entry names in its doi field or a doi.org url. */
export function doisOf(entry: BibEntry): string[] {
  const written = [entry.fields.doi, doiUrl(entry.fields.url)];
  return written.map((value) => value && normalizeDoi(value)).filter((value): value is string => !!value);
}

const DOI_ORG = /doi\.org\//i;

/** The url when it is a doi.org link, which names a DOI. */
export function doiUrl(url: string | undefined): string | undefined {
  return url !== undefined && DOI_ORG.test(url) ? url : undefined;
}

/** Printable ASCII and whitespace, without a backslash. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x5b\x5d-\x7e]*$/;

/**
 * A title reduced to its letters and digits in lower case, without LaTeX commands, braces, accents or
 * punctuation: "{BLIP-2}: Bootstrapping \emph{Language}-Image" and "BLIP2: bootstrapping language-image" agree.
 */
export function normalizeTitle(title: string): string {
  return normalizeTitleWith(title, '');
}

function normalizeTitleWith(title: string, between: string): string {
  // Most titles are plain ASCII without LaTeX commands; for those the general path reduces to this.
  if (PLAIN_ASCII.test(title)) {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, between);
  }
  return title
    .replace(/\\[a-zA-Z]+\*?/g, '')
    .replace(/\\[^a-zA-Z]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, between);
}
