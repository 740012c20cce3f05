// Keeping a .bib in step: reuse the key of an entry that is already there (same key, arXiv id or
// title), otherwise append the atlas entry at the end through a WorkspaceEdit, so an open unsaved
// editor is respected and the append is undoable. Existing bytes are never touched.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas';
import { planAppend } from '../../core/bibtex/append';
import { findExistingEntry } from '../../core/bibtex/match';
import { parseBibtex, type BibFile } from '../../core/bibtex/parse';
import { renderBibtex } from '../../core/bibtex/render';
import { bibtexFlavour } from '../../commands/copyCommands';

export interface BibliographyPlan {
  /** The key to cite for each model, in the order given. */
  keys: string[];
  /** Models whose entry will be appended. */
  added: AtlasModel[];
  /** The text to append at `offset`, or undefined when every model is already there. */
  append: { offset: number; text: string; createFile: boolean } | undefined;
  bibUri: vscode.Uri;
}

// Parsing a large .bib costs milliseconds; diagnostics and hovers ask often, so cache per version.
const parsed = new WeakMap<vscode.TextDocument, { version: number; bib: BibFile }>();

export function parsedBib(document: vscode.TextDocument): BibFile {
  const hit = parsed.get(document);
  if (hit && hit.version === document.version) {
    return hit.bib;
  }
  const bib = parseBibtex(document.getText());
  parsed.set(document, { version: document.version, bib });
  return bib;
}

export async function openBibliography(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

export function existingKey(bib: BibFile, model: AtlasModel): string | undefined {
  return findExistingEntry(bib, { key: model.bibtex.key, arxiv: model.paper.arxiv, title: model.paper.title })?.key;
}

/** Works out the keys to cite and the append that puts the missing entries into `bibUri`. */
export async function planBibliography(bibUri: vscode.Uri, models: readonly AtlasModel[]): Promise<BibliographyPlan> {
  const document = await openBibliography(bibUri);
  const bib = document ? parsedBib(document) : parseBibtex('');
  const keys: string[] = [];
  const added: AtlasModel[] = [];
  for (const model of models) {
    const existing = existingKey(bib, model) ?? added.find((m) => m.id === model.id)?.bibtex.key;
    if (existing) {
      keys.push(existing);
    } else {
      keys.push(model.bibtex.key);
      added.push(model);
    }
  }
  if (added.length === 0) {
    return { keys, added, append: undefined, bibUri };
  }
  const flavour = bibtexFlavour();
  const entries = added.map((m) => renderBibtex(m, flavour)).join('\n\n');
  const append = planAppend(document?.getText() ?? '', entries);
  return { keys, added, append: { ...append, createFile: !document }, bibUri };
}

/** Applies the append and saves the .bib if it had no unsaved changes before, so LaTeX sees it. */
export async function applyBibliographyPlan(plan: BibliographyPlan): Promise<boolean> {
  const append = plan.append;
  if (!append) {
    return true;
  }
  const edit = new vscode.WorkspaceEdit();
  if (append.createFile) {
    edit.createFile(plan.bibUri, { ignoreIfExists: true });
    edit.insert(plan.bibUri, new vscode.Position(0, 0), append.text);
    return (await vscode.workspace.applyEdit(edit)) && saveUnlessDirty(plan.bibUri, false);
  }
  const document = await vscode.workspace.openTextDocument(plan.bibUri);
  const wasDirty = document.isDirty;
  edit.insert(plan.bibUri, document.positionAt(append.offset), append.text);
  return (await vscode.workspace.applyEdit(edit)) && saveUnlessDirty(plan.bibUri, wasDirty);
}

/** Takes an applied append back (when the citation it was for could not be inserted). */
export async function revertBibliographyPlan(plan: BibliographyPlan): Promise<void> {
  const append = plan.append;
  if (!append) {
    return;
  }
  const document = await vscode.workspace.openTextDocument(plan.bibUri);
  const start = document.positionAt(append.offset);
  const end = document.positionAt(append.offset + append.text.length);
  if (document.getText(new vscode.Range(start, end)) === append.text) {
    const edit = new vscode.WorkspaceEdit();
    edit.delete(plan.bibUri, new vscode.Range(start, end));
    await vscode.workspace.applyEdit(edit);
  }
}

// LaTeX reads the .bib from disk: save our append unless the user had unsaved changes of their own.
async function saveUnlessDirty(uri: vscode.Uri, wasDirty: boolean): Promise<boolean> {
  if (!wasDirty) {
    const document = await vscode.workspace.openTextDocument(uri);
    await document.save();
  }
  return true;
}
