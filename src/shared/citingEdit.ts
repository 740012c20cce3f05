// Inserting text that cites atlas models: the .bib is kept in step first (one undoable edit), then the text
// is inserted (a second); if the insertion fails, the append is taken back, and undoing it later does too.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import { bibliographyCommands, frontMatterBibliography } from '../core/citations/bibliographyCommands';
import type { TextInsertion } from '../core/citations/citationInsertion';
import { reportAppend } from './bibliography/appendReport';
import { trackCitation } from './bibliography/appendUndo';
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
  const plan: BibliographyPlan | undefined = choice ? await planBibliography(choice.uri, models, choice.searched) : undefined;
  const keys = plan?.keys ?? models.map((m) => m.bibtex.key);
  if (plan && !(await applyBibliographyPlan(plan))) {
    return false; // it said why; nothing is cited without its entry
  }
  const insertion = build(keys);
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
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** The .bib to keep in step: the first one the document names, or references.bib beside it if the user agrees. */
async function chooseBibliography(document: vscode.TextDocument): Promise<BibliographyChoice | undefined> {
  const found = await bibliographiesFor(document);
  if (found.length > 0) {
    return { uri: found[0], searched: found };
  }
  const key = document.uri.toString();
  const syntax = syntaxOf(document);
  if (syntax === 'plain' || document.isUntitled || declined.has(key)) {
    return undefined;
  }
  const earlier = createdFor.get(key);
  if (earlier && (await exists(earlier))) {
    return { uri: earlier, searched: [earlier] };
  }
  const uri = vscode.Uri.joinPath(document.uri, '..', 'references.bib');
  const there = await exists(uri);
  const latexRoot = syntax === 'latex' && document.getText().includes('\\end{document}');
  const nameIt = syntax === 'pandoc' ? frontMatterBibliography : latexRoot ? bibliographyCommands : undefined;
  const question = nameIt
    ? there
      ? vscode.l10n.t('This document names no bibliography. Use the references.bib beside it, and name it in the document?')
      : vscode.l10n.t('This document names no bibliography. Create references.bib beside it, and name it in the document?')
    : there
      ? vscode.l10n.t('This document names no bibliography. Add the BibTeX entries to the references.bib beside it?')
      : vscode.l10n.t('This document names no bibliography. Create references.bib beside it for the BibTeX entries?');
  const yes = there ? vscode.l10n.t('Use references.bib') : vscode.l10n.t('Create references.bib');
  const without = vscode.l10n.t('Cite Without It');
  if ((await vscode.window.showInformationMessage(question, yes, without)) !== yes) {
    declined.add(key);
    return undefined;
  }
  if (!nameIt) {
    createdFor.set(key, uri);
  }
  return { uri, searched: there ? [uri] : [], nameIt };
}
