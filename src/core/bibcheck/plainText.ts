// BibTeX values as the reader sees them, for comparing names and words: LaTeX accents and special letters
// ({\'n}, \l, {\ss}), DBLP's {-}, ties and braces undone, and accents removed.

/** Letters written as commands, which NFKD would not take apart either. */
const LETTER_COMMANDS: Record<string, string> = {
  l: 'l', L: 'L', o: 'o', O: 'O', i: 'i', j: 'j', ss: 'ss', ae: 'ae', AE: 'AE', oe: 'oe', OE: 'OE',
  aa: 'a', AA: 'A', dh: 'd', DH: 'D', dj: 'd', DJ: 'D', th: 'th', TH: 'TH', ng: 'ng', NG: 'NG',
};
const UNICODE_LETTERS: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th',
};
/** One-letter commands that put an accent on their argument: \v{c}, \c{c}, \H{o}. */
const LETTER_ACCENTS = /^[vcuHkrbdt]$/;

/** A BibTeX value as plain text: commands, braces and accents removed, whitespace collapsed. */
export function plainText(value: string): string {
  const text = value
    .replace(/\\([a-zA-Z]+)\s*|\\([^a-zA-Z])/g, (_, command: string | undefined, symbol: string | undefined) => {
      if (command !== undefined) {
        return LETTER_COMMANDS[command] ?? (LETTER_ACCENTS.test(command) ? '' : ' ');
      }
      return /[&%$#_{}]/.test(symbol!) ? symbol! : symbol === ' ' || symbol === ',' ? ' ' : '';
    })
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ');
  return withoutAccents(text).replace(/\s+/g, ' ').trim();
}

export function withoutAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐðßæÆœŒıþ]/g, (ch) => UNICODE_LETTERS[ch]);
}

/** Letters and digits only, in lower case: "Jean-Baptiste" and "Jean Baptiste" agree. */
export function comparable(text: string): string {
  return plainText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
