// Running Check Bibliography on the VS Code side: a document with the .bib files it names, or a .bib with the
// other files it is used with (so duplicates across them show in it too). The decisions are the core's.
import * as vscode from 'vscode';
import { checkBibliography, type FileCheck } from '../../core/bibcheck/bibliographyCheck';
import { findCitationMismatches } from '../../core/bibcheck/citationMismatch';
import type { CitationMismatch } from '../../core/bibcheck/findings';
import type { BibFile } from '../../core/bibtex/parse';
import type { AtlasService } from '../../shared/atlasService';
import { bibliographiesFor } from '../../shared/bibliography/bibliographyLocator';
import { openBibliography, parsedBib } from '../../shared/bibliography/parsedBibs';
import { namesAsWrittenOf, nonProseOf } from '../../shared/documentAnalysis';
import { isServed, syntaxOf } from '../../shared/documentLanguages';
import { settings } from '../../shared/settings';

export interface LoadedBib {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  bib: BibFile;
}

export interface DocumentCheck {
  document: vscode.TextDocument;
  /** The .bib files the document names that could be read, in its order, each with its findings. */
  bibs: Array<LoadedBib & { check: FileCheck }>;
  /** Names the document's .bib files that could not be read. */
  unreadable: vscode.Uri[];
  mismatches: CitationMismatch[];
}

export function isBibDocument(document: vscode.TextDocument): boolean {
  return document.uri.path.toLowerCase().endsWith('.bib') || document.languageId === 'bibtex' || document.languageId === 'biblatex';
}

async function loadBibs(uris: readonly vscode.Uri[]): Promise<{ loaded: LoadedBib[]; unreadable: vscode.Uri[] }> {
  const loaded: LoadedBib[] = [];
  const unreadable: vscode.Uri[] = [];
  for (const uri of uris) {
    const document = await openBibliography(uri);
    if (document) {
      loaded.push({ uri, document, bib: parsedBib(document) });
    } else {
      unreadable.push(uri);
    }
  }
  return { loaded, unreadable };
}

async function runCheck(service: AtlasService, bibs: readonly LoadedBib[], scope: vscode.Uri): Promise<FileCheck[]> {
  return checkBibliography(
    bibs.map((b) => ({ text: b.document.getText(), bib: b.bib })),
    await service.atlas(),
    (code) => settings.checkEnabled(code, scope),
  );
}

/** Check Bibliography for a Markdown or LaTeX document: its .bib files, and the names followed by citations in it. */
export async function checkDocument(service: AtlasService, document: vscode.TextDocument): Promise<DocumentCheck> {
  const { loaded, unreadable } = await loadBibs(await bibliographiesFor(document));
  const checks = await runCheck(service, loaded, document.uri);
  const atlas = (await service.atlas());
  const mismatches =
    isServed(document) && settings.checkEnabled('citation-mismatch', document.uri)
      ? findCitationMismatches({
          text: document.getText(),
          syntax: syntaxOf(document),
          nonProse: nonProseOf(document),
          atlas,
          mentions: await namesAsWrittenOf(document, atlas),
          bibs: loaded.map((b) => b.bib),
        })
      : [];
  return { document, bibs: loaded.map((b, i) => ({ ...b, check: checks[i] })), unreadable, mismatches };
}

/** Where the other entries of a duplicate stand: their key and file. */
export type DuplicatePlaces = Map<number, Array<{ key: string; location: vscode.Location }>>;

/**
 * The findings in one .bib: its own, and duplicates across the files each open document uses it with (a
 * paper in refs.bib and again in extra.bib is a duplicate in both).
 */
export async function checkBibDocument(service: AtlasService, bibDocument: vscode.TextDocument): Promise<{ bib: LoadedBib; check: FileCheck; duplicates: DuplicatePlaces }> {
  const self: LoadedBib = { uri: bibDocument.uri, document: bibDocument, bib: parsedBib(bibDocument) };
  const groups: LoadedBib[][] = [];
  const seen = new Set<string>();
  for (const document of vscode.workspace.textDocuments.filter(isServed)) {
    const uris = await bibliographiesFor(document);
    if (!uris.some((u) => u.toString() === self.uri.toString())) {
      continue;
    }
    const signature = uris.map(String).join('\n');
    if (!seen.has(signature)) {
      seen.add(signature);
      const { loaded } = await loadBibs(uris);
      groups.push(loaded.map((b) => (b.uri.toString() === self.uri.toString() ? self : b)));
    }
  }
  if (groups.length === 0) {
    groups.push([self]);
  }
  const duplicates: DuplicatePlaces = new Map();
  let own: FileCheck | undefined;
  for (const group of groups) {
    const check = (await runCheck(service, group, self.uri))[group.indexOf(self)];
    own ??= { ...check, findings: check.findings.filter((f) => f.code !== 'duplicate-paper') };
    for (const finding of check.findings) {
      if (finding.code === 'duplicate-paper') {
        const places = duplicates.get(finding.entryIndex) ?? [];
        for (const other of finding.others) {
          const file = group[other.file];
          if (!places.some((p) => p.key === other.key && p.location.uri.toString() === file.uri.toString())) {
            const entry = file.bib.entries.find((e) => e.key === other.key);
            places.push({ key: other.key, location: new vscode.Location(file.uri, file.document.positionAt(entry?.start ?? 0)) });
          }
        }
        if (!duplicates.has(finding.entryIndex)) {
          own.findings.push(finding);
        }
        duplicates.set(finding.entryIndex, places);
      }
    }
  }
  own!.findings.sort((a, b) => a.start - b.start);
  return { bib: self, check: own!, duplicates };
}
