// Inserting text that cites atlas models: the .bib is kept in step first (one undoable edit), then the text
// is inserted (a second); if the insertion fails, the append is taken back.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import { bibliographyCommands } from '../core/citations/bibliographyCommands';
import type { TextInsertion } from '../core/citations/citationInsertion';
import type { LatexCiteCommand } from '../core/citations/citationSyntax';
import { findCitedKeys } from '../core/citations/citationContext';
import { resolveBibliographies, type BibliographyResolution } from './bibliography/bibliographyLocator';
import { readBib } from './bibliography/parsedBibs';
import { applyBibliographyPlan, planBibliography, revertBibliographyPlan, type BibliographyPlan } from './bibliography/bibliographyWrites';
import { syntaxOf } from './documentLanguages';

/**
 * Makes sure each of `models` has an entry in the document's bibliography, then inserts what `build` makes
 * of the keys to cite (keys[i] cites models[i]: the .bib's own key when it holds the paper). `build`
 * returning undefined means nothing to insert. Returns whether the text was inserted (or nothing was needed).
 */
export async function insertWithCitations(
  editor: vscode.TextEditor,
  models: readonly AtlasModel[],
  build: (keys: readonly string[]) => TextInsertion | undefined,
): Promise<boolean> {
  const document = editor.document;
  const choice = await chooseBibliography(document);
  const plan: BibliographyPlan | undefined = choice ? await planBibliography(choice.uri, models, choice.searched) : undefined;
  const keys = plan?.keys ?? models.map((m) => m.bibtex.key);
  if (plan && !(await applyBibliographyPlan(plan, { chosen: choice?.chosen }))) {
    return false; // it said why; nothing is cited without its entry
  }
  const insertion = build(keys);
  if (!insertion) {
    return true;
  }
  const bibliographyLines = choice?.addBibliographyLine ? bibliographyCommands(document.getText()) : [];
  // edit() rejects once the editor is gone (its tab closed or switched while a prompt or the save was pending).
  const ok = await editor
    .edit((builder) => {
      builder.insert(document.positionAt(insertion.offset), insertion.text);
      for (const line of bibliographyLines) {
        builder.insert(document.positionAt(line.offset), line.text);
      }
    })
    .then(
      (done) => done,
      () => false,
    );
  if (!ok && plan) {
    await revertBibliographyPlan(plan); // never leave the .bib changed without the text that cites it
  }
  return ok;
}

// Asked once per document: a researcher who declines does not want the question at every citation.
const declined = new Set<string>();

interface BibliographyChoice {
  /** The .bib new entries go into. */
  uri: vscode.Uri;
  /** Every .bib the document names, searched for the papers it already holds. */
  searched: vscode.Uri[];
  addBibliographyLine: boolean;
  /** The user picked this file in the question below: create it without asking again. */
  chosen?: boolean;
}

/**
 * The .bib to keep in step: the first one the document names (applyBibliographyPlan asks before creating it
 * where it does not exist), else, if the user agrees, a .bib found in the workspace or a new references.bib.
 * A document that names its root is never offered a \bibliography of its own.
 */
async function chooseBibliography(document: vscode.TextDocument): Promise<BibliographyChoice | undefined> {
  const resolution = await resolveBibliographies(document);
  if (resolution.named.length > 0) {
    return { uri: resolution.named[0], searched: resolution.named, addBibliographyLine: false };
  }
  if (syntaxOf(document) === 'plain' || document.isUntitled || declined.has(document.uri.toString())) {
    return undefined;
  }
  const found = await likeliestFallback(document, resolution);
  const isLatex = syntaxOf(document) === 'latex' && !resolution.namesRoot && document.getText().includes('\\end{document}');
  const useFound = found && vscode.l10n.t('Add to {0}', vscode.workspace.asRelativePath(found, false));
  const createWithLine = vscode.l10n.t('Create references.bib and add \\bibliography');
  const create = vscode.l10n.t('Create references.bib');
  const without = vscode.l10n.t('Cite Without Bibliography');
  const question = resolution.missingRoot
    ? vscode.l10n.t('This document names no bibliography, and its root {0} was not found. Where should the BibTeX entries go?', resolution.missingRoot.written)
    : found
      ? vscode.l10n.t('This document names no bibliography. Where should the BibTeX entries go?')
      : vscode.l10n.t('This document names no bibliography. Create references.bib beside it for the BibTeX entries?');
  const answer = await vscode.window.showInformationMessage(question, ...[useFound, isLatex ? createWithLine : undefined, create, without].filter((a): a is string => a !== undefined));
  if (found && answer === useFound) {
    // Only the chosen file counts: a paper another workspace .bib holds is not in this one, which LaTeX reads.
    return { uri: found, searched: [found], addBibliographyLine: false, chosen: true };
  }
  if (answer !== create && answer !== createWithLine) {
    declined.add(document.uri.toString());
    return undefined;
  }
  return { uri: vscode.Uri.joinPath(document.uri, '..', 'references.bib'), searched: [], addBibliographyLine: answer === createWithLine, chosen: true };
}

/** Of the workspace's .bib files, the first that holds a key the document cites, else the first. */
async function likeliestFallback(document: vscode.TextDocument, resolution: BibliographyResolution): Promise<vscode.Uri | undefined> {
  const cited = findCitedKeys(document.getText(), syntaxOf(document));
  for (const uri of resolution.fallback) {
    const bib = await readBib(uri);
    if (bib?.entries.some((entry) => cited.has(entry.key))) {
      return uri;
    }
  }
  return resolution.fallback[0];
}
