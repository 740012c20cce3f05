// Reads the Atom feed of arXiv's export API with a small scanner (no DOM): the paper, an unknown id (no
// entry), or the API's error entry.

export interface ArxivPaper {
  /** Without version, e.g. 2301.12597. */
  id: string;
  title: string;
  authors: string[];
  affiliations: string[];
  /** First submission (v1) date, YYYY-MM-DD. */
  published: string;
  abstract: string;
  primaryCategory?: string;
}

export type ArxivFeedResult =
  | { kind: 'paper'; paper: ArxivPaper }
  | { kind: 'not-found' }
  | { kind: 'api-error'; message: string }
  | { kind: 'malformed'; message: string };

export function readArxivFeed(xml: string, requestedId: string): ArxivFeedResult {
  if (!/<feed[\s>]/.test(xml)) {
    return { kind: 'malformed', message: 'the answer is not an Atom feed' };
  }
  const entries = elements(xml, 'entry');
  for (const entry of entries) {
    const id = text(entry, 'id') ?? '';
    const title = text(entry, 'title');
    if (/arxiv\.org\/api\/errors/.test(id)) {
      return { kind: 'api-error', message: text(entry, 'summary') ?? title ?? 'unknown error' };
    }
    const idMatch = /arxiv\.org\/abs\/([^\s<]+?)(v\d+)?$/.exec(id);
    if (!idMatch || !title) {
      continue;
    }
    if (idMatch[1] !== requestedId) {
      continue;
    }
    const published = /^(\d{4}-\d{2}-\d{2})/.exec(text(entry, 'published') ?? '')?.[1];
    const authors = elements(entry, 'author').map((a) => text(a, 'name')).filter((n): n is string => !!n);
    if (!published || authors.length === 0) {
      return { kind: 'malformed', message: 'the entry has no first-submission date or no authors' };
    }
    const affiliations = [...new Set(elements(entry, 'author').flatMap((a) => elements(a, 'arxiv:affiliation').map((e) => clean(inner(e)))))];
    return {
      kind: 'paper',
      paper: {
        id: idMatch[1],
        title,
        authors,
        affiliations: affiliations.filter((a) => a.length > 0),
        published,
        abstract: text(entry, 'summary') ?? '',
        primaryCategory: attribute(entry, 'arxiv:primary_category', 'term'),
      },
    };
  }
  return { kind: 'not-found' };
}

/** The outer text of every <name ...>...</name> (not nested in one another, as in arXiv's feed). */
function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${escape(name)}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</${escape(name)}\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map((m) => m[0]);
}

function inner(element: string): string {
  const open = element.indexOf('>');
  if (element[open - 1] === '/') {
    return '';
  }
  return element.slice(open + 1, element.lastIndexOf('</'));
}

/** The whitespace-normalized text of the first child element `name`, or undefined when absent or empty. */
function text(xml: string, name: string): string | undefined {
  const found = elements(xml, name)[0];
  const value = found === undefined ? '' : clean(inner(found));
  return value.length > 0 ? value : undefined;
}

function attribute(xml: string, name: string, attr: string): string | undefined {
  const tag = new RegExp(`<${escape(name)}\\s[^>]*?\\b${escape(attr)}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(xml);
  return tag ? decodeEntities(tag[2] ?? tag[3]) : undefined;
}

function clean(value: string): string {
  const cdata = value.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => c.replace(/[&<]/g, (ch) => (ch === '&' ? '&amp;' : '&lt;')));
  return decodeEntities(cdata.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) {
      return String.fromCodePoint(parseInt(lower.slice(2), 16));
    }
    if (lower.startsWith('#')) {
      return String.fromCodePoint(parseInt(lower.slice(1), 10));
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
