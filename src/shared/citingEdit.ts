// Inserting text that cites atlas models: the .bib is kept in step first (one undoable edit), then the text
// is inserted (a second); if the insertion fails, the append is taken back.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import { bibliographyCommands } from '../core/citations/bibliographyCommands';
import type { TextInsertion } from '../core/citations/citationInsertion';
import type { LatexCiteCommand } from '../core/citations/citationSyntax';
import { bibliographiesFor } from './bibliography/bibliographyLocator';
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
  const plan: BibliographyPlan | undefined = choice ? await planBibliography(choice.uri, models, choice.searched, { citing: document }) : undefined;
  const keys = plan?.keys ?? models.map((m) => m.bibtex.key);
  if (plan && !(await applyBibliographyPlan(plan))) {
    return false; // it said why; nothing is cited without its entry
  }
  const insertion = build(keys);
  if (!insertion) {
    return true;
  }
  const bibliographyLines = choice?.addBibliographyLine ? bibliographyCommands(document.getText(), syntaxOf(document)) : [];
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
}

/** The .bib to keep in step: the first one the document names, or a new references.bib if the user agrees. */
async function chooseBibliography(document: vscode.TextDocument): Promise<BibliographyChoice | undefined> {
  const found = await bibliographiesFor(document);
  if (found.length > 0) {
    return { uri: found[0], searched: found, addBibliographyLine: false };
  }
  if (syntaxOf(document) === 'plain' || document.isUntitled || declined.has(document.uri.toString())) {
    return undefined;
  }
  const syntax = syntaxOf(document);
  const canAddLine = (syntax === 'latex' && document.getText().includes('\\end{document}')) || syntax === 'typst';
  const createWithLine = syntax === 'typst' ? vscode.l10n.t('Create references.bib and add #bibliography') : vscode.l10n.t('Create references.bib and add \\bibliography');
  const create = vscode.l10n.t('Create references.bib');
  const without = vscode.l10n.t('Cite Without Bibliography');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('This document names no bibliography. Create references.bib beside it for the BibTeX entries?'),
    ...(canAddLine ? [createWithLine, create, without] : [create, without]),
  );
  if (answer !== create && answer !== createWithLine) {
    declined.add(document.uri.toString());
    return undefined;
  }
  return { uri: vscode.Uri.joinPath(document.uri, '..', 'references.bib'), searched: [], addBibliographyLine: answer === createWithLine };
}
