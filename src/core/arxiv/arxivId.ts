// What the researcher types for Add Paper: an arXiv id ("2301.12597", "arXiv:2301.12597v2") or an arXiv URL
// (abs, pdf or html page). Only new-style ids (since 2007) are accepted, as the atlas schema requires.

const NEW_STYLE = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const URL_FORM = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/([^?#\s]+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;

/** The id without its version, or undefined when the text is not a new-style arXiv id or URL. */
export function parseArxivInput(text: string): string | undefined {
  let candidate = text.trim();
  const url = URL_FORM.exec(candidate);
  if (url) {
    candidate = url[1];
  } else {
    candidate = candidate.replace(/^arxiv:\s*/i, '');
  }
  const match = NEW_STYLE.exec(candidate);
  if (!match) {
    return undefined;
  }
  const month = Number(match[1].slice(2, 4));
  return month >= 1 && month <= 12 ? match[1] : undefined;
}

/** The export API's query URL for one id, under a configurable base (tests point it at a local server). */
export function arxivQueryUrl(baseUrl: string, id: string): string {
  const separator = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${separator}id_list=${encodeURIComponent(id)}&max_results=1`;
}
