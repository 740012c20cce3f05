// Reading a document's bibliographies: opened through VS Code (an unsaved editor counts) and read once per
// version in their format (BibTeX, CSL-JSON, CSL-YAML, Hayagriva, front matter references), for hovers,
// completion, diagnostics and the edits. Every format is read into the same entries, so matching is one.
import * as vscode from 'vscode';
import { formatOfPath, type BibliographyFormat } from '../../core/bibliographies/bibliographyFormat';
import { readCslJson } from '../../core/bibliographies/cslJson';
import { parseBibtex, type BibFile } from '../../core/bibtex/parse';
import { readmeCitationSection } from '../../core/projectReferences/readmeCitation';
import type { CitationSyntax } from '../../core/documents/syntax';
import { syntaxOf } from '../documentLanguages';
import { yamlTools } from '../yamlTools';
import { bibliographiesFor } from './bibliographyLocator';

export interface LoadedBibliography {
  uri: vscode.Uri;
  /** Undefined when the file does not exist or cannot be read. */
  bib: BibFile | undefined;
  format: BibliographyFormat;
}

export interface ReadBibliography {
  bib: BibFile;
  /** A .yml file's format is what its content says (a `references:` list is CSL-YAML, a map Hayagriva). */
  format: BibliographyFormat;
}

const EMPTY: BibFile = { entries: [], strings: {}, preambles: [], problems: [] };
const cache = new WeakMap<vscode.TextDocument, { version: number; citing: CitationSyntax; format: BibliographyFormat; read: Promise<ReadBibliography> }>();

/**
 * The bibliography in `document`, read as a document of `citing` syntax cites it (Typst reads .yml as
 * Hayagriva), in the format its name says unless `format` is given (a README's Citation section).
 */
export function readBibliography(document: vscode.TextDocument, citing: CitationSyntax, format = formatOfPath(document.uri.path, citing)): Promise<ReadBibliography> {
  const hit = cache.get(document);
  if (hit && hit.version === document.version && hit.citing === citing && hit.format === format) {
    return hit.read;
  }
  const read = readFormat(document.getText(), format);
  cache.set(document, { version: document.version, citing, format, read });
  return read;
}

async function readFormat(text: string, format: BibliographyFormat): Promise<ReadBibliography> {
  switch (format) {
    case 'bibtex':
      return { bib: parseBibtex(text), format };
    case 'csl-json':
      return { bib: readCslJson(text), format };
    case 'front-matter':
      return { bib: (await yamlTools()).frontMatterReferences(text) ?? EMPTY, format };
    case 'csl-yaml':
    case 'hayagriva': {
      const read = (await yamlTools()).readYamlBibliography(text, format);
      return { bib: read.bib, format: read.kind };
    }
    case 'citation-cff':
      return { bib: (await yamlTools()).readCitationCff(text), format };
    case 'readme-citation':
      return { bib: readmeCitationSection(text)?.bib ?? EMPTY, format };
  }
}

export async function openBibliography(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

/** The document's bibliographies, in the order it names them, each read (bib undefined when unreadable). */
export async function loadBibliographies(document: vscode.TextDocument): Promise<LoadedBibliography[]> {
  const uris = await bibliographiesFor(document);
  const citing = syntaxOf(document);
  return Promise.all(
    uris.map(async (uri) => {
      const opened = uri.toString() === document.uri.toString() ? document : await openBibliography(uri);
      const read = opened ? await readBibliography(opened, citing).catch(() => undefined) : undefined;
      return { uri, bib: read?.bib, format: read?.format ?? formatOfPath(uri.path, citing) };
    }),
  );
}

/** The parsed files of `loaded` that could be read. */
export function readableBibs(loaded: readonly LoadedBibliography[]): BibFile[] {
  return loaded.flatMap((b) => (b.bib ? [b.bib] : []));
}
