// The parsed .bib files of a document, for diagnostics and hovers. Parsing is cached per .bib version.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { atlasModelOfEntry } from '../../core/bibtex/atlasEntries';
import { isOtherPaper } from '../../core/bibtex/match';
import type { BibEntry, BibFile } from '../../core/bibtex/parse';
import { bibliographiesFor } from './bibliographyLocator';
import { openBibliography, parsedBib } from './bibliographyWrites';

export interface LoadedBibliography {
  uri: vscode.Uri;
  /** Undefined when the file does not exist or cannot be read. */
  bib: BibFile | undefined;
}

export async function loadBibliographies(document: vscode.TextDocument): Promise<LoadedBibliography[]> {
  const uris = await bibliographiesFor(document);
  return Promise.all(
    uris.map(async (uri) => {
      const bibDocument = await openBibliography(uri);
      return { uri, bib: bibDocument ? parsedBib(bibDocument) : undefined };
    }),
  );
}

export function entryWithKey(bibliographies: readonly LoadedBibliography[], key: string): BibEntry | undefined {
  const lower = key.toLowerCase();
  for (const { bib } of bibliographies) {
    const entry = bib?.entries.find((e) => e.key.toLowerCase() === lower);
    if (entry) {
      return entry;
    }
  }
  return undefined;
}

/**
 * The atlas paper a cited key stands for in this document. The document's .bib decides when it holds the
 * key: its entry may be an atlas paper under the user's own key, or another paper under an atlas key.
 */
export function atlasModelOfBibKey(atlas: AtlasIndex, bibliographies: readonly LoadedBibliography[], key: string): AtlasModel | undefined {
  const entry = entryWithKey(bibliographies, key);
  const byAtlasKey = atlas.byCitationKey(key);
  if (!entry) {
    return byAtlasKey;
  }
  if (byAtlasKey && !isOtherPaper(entry, { key, arxiv: byAtlasKey.paper.arxiv, title: byAtlasKey.paper.title })) {
    return byAtlasKey;
  }
  return atlasModelOfEntry(atlas, entry);
}
