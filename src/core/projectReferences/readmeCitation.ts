// A README's "Citation" section (a heading such as "Citation", "Citing", "How to cite", "BibTeX") and the
// BibTeX it holds in fenced blocks: where a new entry goes, appended inside the last ```bibtex block or as
// a new block at the section's end, changing no existing byte.
import { lineEndingOf, type Insertion } from '../bibtex/append';
import { parseBibtex, type BibFile } from '../bibtex/parse';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const CITATION_HEADING = /\b(citation|citations|citing|cite|bibtex|references?)\b/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+-]*)/;

interface Block {
  /** Offsets of the opening fence line's start and of the closing fence line's start (-1: unclosed). */
  open: number;
  close: number;
  contentStart: number;
  language: string;
}

export interface CitationSection {
  /** From the heading line to the next heading of the same or a higher level (or the end). */
  start: number;
  end: number;
  blocks: Block[];
  /** The BibTeX of its bibtex (or untagged) blocks, offsets in the README. */
  bib: BibFile;
}

/** The first Citation section of a Markdown README, or undefined when it has none. */
export function readmeCitationSection(text: string): CitationSection | undefined {
  const lines = lineOffsets(text);
  let section: { start: number; level: number } | undefined;
  let end = text.length;
  let fence: string | undefined;
  const blocks: Block[] = [];
  for (const { start, end: lineEnd } of lines) {
    const line = text.slice(start, lineEnd);
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) {
        if (section) {
          blocks[blocks.length - 1].close = start;
        }
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      if (section) {
        blocks.push({ open: start, close: -1, contentStart: Math.min(text.length, lineEnd + 1), language: fenceMatch[2].toLowerCase() });
      }
      continue;
    }
    const heading = HEADING.exec(line);
    if (!heading) {
      continue;
    }
    const level = heading[1].length;
    if (section && level <= section.level) {
      end = start;
      break;
    }
    if (!section && CITATION_HEADING.test(heading[2])) {
      section = { start, level };
    }
  }
  if (!section) {
    return undefined;
  }
  const bibBlocks = blocks.filter(isBibtexBlock);
  const bibText = maskOutside(text, bibBlocks);
  return { start: section.start, end, blocks: bibBlocks, bib: parseBibtex(bibText) };
}

function isBibtexBlock(block: Block): boolean {
  return block.close >= 0 && ['bibtex', 'bib', 'biblatex', 'latex', 'tex', ''].includes(block.language);
}

/** The text with everything outside the blocks' contents blanked (line breaks kept), so offsets stay the README's. */
function maskOutside(text: string, blocks: readonly Block[]): string {
  let out = '';
  let from = 0;
  for (const block of blocks) {
    out += text.slice(from, block.contentStart).replace(/[^\n]/g, ' ') + text.slice(block.contentStart, block.close);
    from = block.close;
  }
  return out + text.slice(from).replace(/[^\n]/g, ' ');
}

/**
 * The insertion of `entry` (BibTeX) into the section: before the closing fence of its last BibTeX block, after
 * a blank line; or, with no block, as a new ```bibtex block at the section's end.
 */
export function planReadmeAppend(text: string, section: CitationSection, entry: string): Insertion {
  const eol = lineEndingOf(text);
  const body = entry.trim().replace(/\r?\n/g, eol);
  const last = section.blocks[section.blocks.length - 1];
  if (last) {
    const inside = text.slice(last.contentStart, last.close);
    const lead = inside.trim() === '' ? '' : /\n[ \t]*\r?\n$/.test(inside) ? '' : eol;
    return { offset: last.close, text: `${lead}${body}${eol}` };
  }
  // After the section's last non-blank line, set off by a blank line.
  let at = section.end;
  while (at > section.start && /\s/.test(text[at - 1])) {
    at--;
  }
  const rest = text.slice(at);
  const trail = rest.trim() === '' ? (rest.startsWith('\n') || rest.startsWith('\r\n') ? '' : eol) : '';
  return { offset: at, text: `${eol}${eol}\`\`\`bibtex${eol}${body}${eol}\`\`\`${trail}` };
}

function lineOffsets(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end: end > start && text[end - 1] === '\r' ? end - 1 : end });
    if (newline === -1) {
      break;
    }
    start = newline + 1;
  }
  return lines;
}
