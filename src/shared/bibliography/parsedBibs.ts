// Reading a document's bibliographies once per version, in their format (BibTeX, CSL-JSON, CSL-YAML, Hayagriva,
// front matter references) into the same entries: an open editor by its version, a file on disk by its stamp.
import * as vscode from 'vscode';
import { formatOfPath, type BibliographyFormat } from '../../core/bibliographies/bibliographyFormat';
import { readCslJson } from '../../core/bibliographies/cslJson';
import { parseBibtex, type BibFile } from '../../core/bibtex/parse';
import type { CitationSyntax } from '../../core/documents/syntax';
import { readmeCitationSection } from '../../core/projectReferences/readmeCitation';
import { syntaxOf } from '../documentLanguages';
import { yamlTools } from '../yamlTools';
import { bibliographiesFor, resolveBibliographies } from './bibliographyLocator';
import { stampOf } from './fileStamps';

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
const parsed = new WeakMap<vscode.TextDocument, { version: number; bib: BibFile }>();
const cache = new WeakMap<vscode.TextDocument, { version: number; citing: CitationSyntax; format: BibliographyFormat; read: Promise<ReadBibliography> }>();
const onDisk = new Map<string, { stamp: string; citing: CitationSyntax; read: ReadBibliography }>();

/** An open .bib parsed, once per version (the Check Bibliography edits read it synchronously). */
export function parsedBib(document: vscode.TextDocument): BibFile {
  const hit = parsed.get(document);
  if (hit && hit.version === document.version) {
    return hit.bib;
  }
  const bib = parseBibtex(document.getText());
  parsed.set(document, { version: document.version, bib });
  return bib;
}

/**
 * The bibliography in `document`, read as a document of `citing` syntax cites it (Typst reads .yml as
 * Hayagriva), in the format its name says unless `format` is given (a README's Citation section).
 */
export function readBibliography(document: vscode.TextDocument, citing: CitationSyntax, format = formatOfPath(document.uri.path, citing)): Promise<ReadBibliography> {
  if (format === 'bibtex') {
    return Promise.resolve({ bib: parsedBib(document), format });
  }
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

/**
 * A bibliography read: from its open editor when there is one, else from disk and kept until the file changes
 * (opening a 10 MB file as a document would copy it to the editor for nothing). Inside the workspace the
 * file watcher's stamp says so without a round trip per request; outside it (a Zotero export in the home
 * folder) the modification time and size do.
 */
export async function readBibliographyAt(uri: vscode.Uri, citing: CitationSyntax = 'latex'): Promise<ReadBibliography | undefined> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) {
    return readBibliography(open, citing).catch(() => undefined);
  }
  try {
    const stamp = vscode.workspace.getWorkspaceFolder(uri) ? stampOf(uri) : await statStamp(uri);
    const hit = onDisk.get(key);
    if (hit && hit.stamp === stamp && hit.citing === citing) {
      return hit.read;
    }
    const read = await readFormat(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), formatOfPath(uri.path, citing));
    onDisk.set(key, { stamp, citing, read });
    return read;
  } catch {
    onDisk.delete(key);
    return undefined;
  }
}

async function statStamp(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  return `${stat.mtime}:${stat.size}`;
}

/** A .bib (or other bibliography) parsed into entries, or undefined when unreadable. */
export async function readBib(uri: vscode.Uri, citing: CitationSyntax = 'latex'): Promise<BibFile | undefined> {
  return (await readBibliographyAt(uri, citing))?.bib;
}

/** The document's bibliographies, in the order it names them, each read (bib undefined when unreadable). */
export async function loadBibliographies(document: vscode.TextDocument): Promise<LoadedBibliography[]> {
  const uris = await bibliographiesFor(document);
  const citing = syntaxOf(document);
  return Promise.all(
    uris.map(async (uri) => {
      const read = uri.toString() === document.uri.toString() ? await readBibliography(document, citing).catch(() => undefined) : await readBibliographyAt(uri, citing);
      return { uri, bib: read?.bib, format: read?.format ?? formatOfPath(uri.path, citing) };
    }),
  );
}

/** The parsed files of `loaded` that could be read. */
export function readableBibs(loaded: readonly LoadedBibliography[]): BibFile[] {
  return loaded.flatMap((b) => (b.bib ? [b.bib] : []));
}

/**
 * The bibliographies to look keys up in: those the document names, or, when it names none (a chapter whose
 * root is not in the workspace), the workspace's .bib files, read only.
 */
export async function bibliographiesToRead(document: vscode.TextDocument): Promise<BibFile[]> {
  const resolution = await resolveBibliographies(document);
  const uris = resolution.named.length > 0 ? resolution.named : resolution.fallback;
  const citing = syntaxOf(document);
  const read = await Promise.all(uris.map((uri) => (uri.toString() === document.uri.toString() ? readBibliography(document, citing).catch(() => undefined) : readBibliographyAt(uri, citing))));
  return read.flatMap((r) => (r ? [r.bib] : []));
}
