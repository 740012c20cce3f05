// Estimated text widths for laying out SVG text before any browser measures it. Deliberately generous,
// so that real fonts fit inside the boxes computed from these numbers.

/** Width in px of `text` at `fontSize` px, in a typical UI sans-serif. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) {
      em += 1.05; // CJK, full-width forms and emoji take a full em
    } else if (ch === ' ') {
      em += 0.3;
    } else if ('iljtfrI.,:;|!\'()[]/-'.includes(ch)) {
      em += 0.36;
    } else if ('mwMW@%'.includes(ch)) {
      em += 0.95;
    } else if (/[A-Z0-9]/.test(ch)) {
      em += 0.7;
    } else {
      em += 0.56;
    }
  }
  return em * fontSize;
}

/** Breaks `text` into lines no wider than `maxWidth`, at spaces, or inside a word that is too long on its own. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = '';
  const push = (word: string) => {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      current = candidate;
      return;
    }
    if (current) {
      lines.push(current);
      current = '';
    }
    // A word wider than a whole line is cut after its last hyphen or slash that fits, else where it overflows.
    let rest = word;
    while (textWidth(rest, fontSize) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), fontSize) > maxWidth) {
        cut--;
      }
      const soft = Math.max(rest.lastIndexOf('-', cut - 1), rest.lastIndexOf('/', cut - 1));
      if (soft > 0) {
        cut = soft + 1;
      }
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  };
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    push(word);
  }
  if (current || lines.length === 0) {
    lines.push(current);
  }
  return lines;
}
