// Inserting text that cites atlas models: the .bib is kept in step first (one undoable edit), then the text
// is inserted (a second); if the insertion fails, the append is taken back, and undoing it later does too.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import { bibliographyCommands, frontMatterBibliography } from '../core/citations/bibliographyCommands';
import { likeliestBibliography } from '../core/citations/bibliographyFiles';
import type { TextInsertion } from '../core/citations/citationInsertion';
import { findCitedKeys } from '../core/citations/citationContext';
import { reportAppend } from './bibliography/appendReport';
import { trackCitation } from './bibliography/appendUndo';
import { resolveBibliographies, type BibliographyResolution } from './bibliography/bibliographyLocator';
import { readBib } from './bibliography/parsedBibs';
import { applyBibliographyPlan, planBibliography, revertBibliographyPlan, type BibliographyPlan } from './bibliography/bibliographyWrites';
import { syntaxOf } from './documentLanguages';
import { fileOf, isUntitledFile, notebookOf } from './notebookCells';
import { refuseUnfinished } from './unfinishedModels';

/**
 * Makes sure each of `models` has an entry in the document's bibliography, then inserts what `build` makes
 * of the keys to cite (keys[i] cites models[i]: the .bib's own key when it holds the paper). `build`
 * returning undefined means nothing to insert. Returns whether the text was inserted (or nothing was needed).
 * The bibliography may be the document itself (references in its front matter): `moved` maps an offset
 * worked out before the append to where that place is now (the editor's cursor moves by itself).
 */
export async function insertWithCitations(
  editor: vscode.TextEditor,
  models: readonly AtlasModel[],
  build: (keys: readonly string[], moved: (offset: number) => number) => TextInsertion | undefined,
): Promise<boolean> {
  if (refuseUnfinished(models)) {
    return false;
  }
  const document = editor.document;
  const choice = await chooseBibliography(document);
  const plan: BibliographyPlan | undefined = choice ? await planBibliography(choice.uri, models, choice.searched, { citing: document }) : undefined;
  const keys = plan?.keys ?? models.map((m) => m.bibtex.key);
  if (plan && !(await applyBibliographyPlan(plan, { chosen: choice?.chosen }))) {
    return false; // it said why; nothing is cited without its entry
  }
  const insertion = build(keys, movedBy(document, plan));
  if (!insertion) {
    if (plan) {
      reportAppend(plan);
    }
    return true;
  }
  const before = document.getText();
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  // In the document's line endings, so that what was inserted is exactly what it holds afterwards.
  const inserts = [insertion, ...(choice?.nameIt?.(before) ?? [])].map((i) => ({ offset: i.offset, text: i.text.replace(/\r?\n/g, eol) }));
  // edit() rejects once the editor is gone (its tab closed or switched while a prompt or the save was pending).
  const ok = await editor
    .edit((builder) => {
      for (const insert of inserts) {
        builder.insert(document.positionAt(insert.offset), insert.text);
      }
    })
    .then(
      (done) => done,
      () => false,
    );
  if (!ok && plan) {
    await revertBibliographyPlan(plan); // never leave the .bib changed without the text that cites it
  }
  if (ok && plan?.append) {
    reportAppend(plan, trackCitation(document, before, inserts, plan));
  }
  return ok;
}

/** Offsets in the document's text before `plan`'s append, mapped to its text after it (moved only when the append went into it). */
function movedBy(document: vscode.TextDocument, plan: BibliographyPlan | undefined): (offset: number) => number {
  const append = plan?.append;
  if (!append || plan.bibUri.toString() !== document.uri.toString()) {
    return (offset) => offset;
  }
  // The editor turned the append's line breaks into the document's own.
  const length = append.text.replace(/\r?\n/g, document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n').length;
  return (offset) => (offset >= append.offset ? offset + length : offset);
}

// Asked once per document: a researcher who declines does not want the question at every citation.
const declined = new Set<string>();
/** The references.bib created for a document that cannot name it itself (a LaTeX chapter), by document. */
const createdFor = new Map<string, vscode.Uri>();

interface BibliographyChoice {
  /** The .bib new entries go into. */
  uri: vscode.Uri;
  /** Every .bib the document names, searched for the papers it already holds. */
  searched: vscode.Uri[];
  /** What names the new file in the document (\bibliography, the front matter), as insertions into its text. */
  nameIt?: (text: string) => TextInsertion[];
  /** The user picked this file in the question below: create it without asking again. */
  chosen?: boolean;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/**
 * The .bib to keep in step: the first one the document names (applyBibliographyPlan asks before creating it
 * where it does not exist), else, if the user agrees, references.bib beside it, named in the document where
 * it can name one; a part of a larger document whose root names its bibliography (a chapter) is offered the
 * workspace's likeliest .bib instead, and never a \bibliography of its own.
 */
async function chooseBibliography(document: vscode.TextDocument): Promise<BibliographyChoice | undefined> {
  const resolution = await resolveBibliographies(document);
  if (resolution.named.length > 0) {
    return { uri: resolution.named[0], searched: resolution.named };
  }
  const key = fileOf(document).toString();
  const syntax = syntaxOf(document);
  if (syntax === 'plain' || isUntitledFile(document) || declined.has(key)) {
    return undefined;
  }
  const earlier = createdFor.get(key);
  if (earlier && (await exists(earlier))) {
    return { uri: earlier, searched: [earlier], chosen: true };
  }
  const found = resolution.namesRoot ? await likeliestFallback(document, resolution) : undefined;
  // Beside the file: for a notebook cell, the notebook's (a cell's own URI names no folder on disk).
  const uri = vscode.Uri.joinPath(fileOf(document), '..', 'references.bib');
  const there = await exists(uri);
  const latexRoot = syntax === 'latex' && !resolution.namesRoot && document.getText().includes('\\end{document}');
  // A notebook reads the references.bib beside it without naming it.
  const nameIt =
    syntax === 'pandoc' && !resolution.namesRoot && !notebookOf(document)
      ? frontMatterBibliography
      : latexRoot
        ? bibliographyCommands
        : syntax === 'typst'
          ? (text: string) => bibliographyCommands(text, 'typst')
          : undefined;
  const question = resolution.missingRoot
    ? vscode.l10n.t('This document names no bibliography, and its root {0} was not found. Where should the BibTeX entries go?', resolution.missingRoot.written)
    : found
      ? vscode.l10n.t('This document names no bibliography. Where should the BibTeX entries go?')
      : nameIt
        ? there
          ? vscode.l10n.t('This document names no bibliography. Use the references.bib beside it, and name it in the document?')
          : vscode.l10n.t('This document names no bibliography. Create references.bib beside it, and name it in the document?')
        : there
          ? vscode.l10n.t('This document names no bibliography. Add the BibTeX entries to the references.bib beside it?')
          : vscode.l10n.t('This document names no bibliography. Create references.bib beside it for the BibTeX entries?');
  const useFound = found && vscode.l10n.t('Add to {0}', vscode.workspace.asRelativePath(found, false));
  const yes = there ? vscode.l10n.t('Use references.bib') : vscode.l10n.t('Create references.bib');
  const without = vscode.l10n.t('Cite Without It');
  const answer = await vscode.window.showInformationMessage(question, ...[useFound, yes, without].filter((a): a is string => typeof a === 'string'));
  if (found && answer === useFound) {
    // Only the chosen file counts: a paper another workspace .bib holds is not in this one, which LaTeX reads.
    return { uri: found, searched: [found], chosen: true };
  }
  if (answer !== yes) {
    declined.add(key);
    return undefined;
  }
  if (!nameIt) {
    createdFor.set(key, uri);
  }
  return { uri, searched: there ? [uri] : [], nameIt, chosen: true };
}

/**
 * Of the workspace's .bib files, the one holding the most of the keys the document cites, the nearest to it
 * on a tie: another project's .bib that happens to hold one of its keys is not the chapter's bibliography.
 */
async function likeliestFallback(document: vscode.TextDocument, resolution: BibliographyResolution): Promise<vscode.Uri | undefined> {
  const cited = findCitedKeys(document.getText(), syntaxOf(document));
  const candidates = await Promise.all(
    resolution.fallback.map(async (uri) => ({ uri, path: uri.path, citedKeys: new Set((await readBib(uri))?.entries.filter((entry) => cited.has(entry.key)).map((entry) => entry.key)).size })),
  );
  return likeliestBibliography(fileOf(document).path, candidates)?.uri;
}
