// An author as the atlas writes it ("Aäron van den Oord", "Junnan Li") split into the parts bibliography
// formats ask for (CSL, Hayagriva, CITATION.cff) and key styles use: given names, particle, family name.

export interface PersonName {
  given?: string;
  /** "van den", "de": lower-case words before the family name. */
  particle?: string;
  family?: string;
  suffix?: string;
  /** A name that is not a person's (a team, an organisation), kept whole. */
  literal?: string;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'ten', 'ter', 'zu', 'bin', 'al']);
const SUFFIX = /^(Jr\.?|Sr\.?|II|III|IV)$/;

export function splitPersonName(name: string): PersonName {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) {
    return { literal: name.trim() };
  }
  const suffix = words.length > 2 && SUFFIX.test(words[words.length - 1]) ? words.pop() : undefined;
  const family = words.pop() as string;
  let cut = words.length;
  while (cut > 1 && PARTICLES.has(words[cut - 1])) {
    cut--;
  }
  const particle = words.slice(cut).join(' ');
  return { given: words.slice(0, cut).join(' '), ...(particle ? { particle } : {}), family, ...(suffix ? { suffix } : {}) };
}

/** The family name with its particle ("van den Oord"), or the literal name. */
export function familyName(name: PersonName): string {
  return name.literal ?? [name.particle, name.family].filter(Boolean).join(' ');
}

/** BibTeX's "Family, Given" (with "von" and "Jr" in their places), for entries read from other formats. */
export function bibtexName(name: PersonName): string {
  if (name.literal !== undefined) {
    return `{${name.literal}}`;
  }
  const family = familyName(name);
  return [family, name.suffix, name.given].filter((p): p is string => !!p).join(', ');
}

/** Letters only, accents folded to ASCII: "Schölkopf" gives "Scholkopf", "van den Oord" gives "vandenOord". */
export function asciiLetters(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9]/g, '');
}
