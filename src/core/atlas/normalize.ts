// Name normalisation for lookups: "BLIP-2", "blip2" and "BLIP 2" are the same model;
// "BEiT v3" and "BEiT-3" too. Mention finding is stricter (see mentions.ts).

/** Lower case, without spaces, hyphens, underscores, dots or apostrophes. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.'’‐‑–]+/g, '');
}

/** The spelling with a version's "v" dropped ("beitv3" → "beit3"), or undefined when there is none. */
export function withoutVersionV(normalized: string): string | undefined {
  const last = normalized.charCodeAt(normalized.length - 1);
  if (!(last >= 0x30 && last <= 0x39)) {
    return undefined; // no version number at the end: most names, spared the search
  }
  const dropped = normalized.replace(/([a-z])v(\d+)$/, '$1$2');
  return dropped === normalized ? undefined : dropped;
}
