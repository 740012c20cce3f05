// Where and when an atlas paper was published, as every bibliography format writes it: the venue's name
// without its year ("ICML"), the year, and whether it is a journal.
import type { AtlasModel } from './atlas';

export interface PublishedVenue {
  name: string;
  year: string;
  isJournal: boolean;
}

const JOURNALS = /^(TPAMI|IJCV|TMLR|JMLR|TMM|Transactions|Journal|Science China|Visual Intelligence|Nature|Science\b)/i;
const YEAR = /\b(19|20)\d{2}\b/;

export function publishedVenue(model: AtlasModel): PublishedVenue | undefined {
  const venue = model.paper.venue;
  if (!venue) {
    return undefined;
  }
  return {
    name: venue.replace(/\s*\b(19|20)\d{2}\b\s*/, ' ').trim(),
    year: YEAR.exec(venue)?.[0] ?? model.paper.date.slice(0, 4),
    isJournal: JOURNALS.test(venue),
  };
}

/** The year a citation of the paper gives: the venue's, else that of its first version. */
export function citationYear(model: AtlasModel): string {
  return publishedVenue(model)?.year ?? model.paper.date.slice(0, 4);
}

/** arXiv's DOI for a paper, registered for every arXiv id. */
export function arxivDoi(arxiv: string): string {
  return `10.48550/arXiv.${arxiv}`;
}
