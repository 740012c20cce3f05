// Where a code project keeps its references: from the code file's folder up to the workspace folder, the
// nearest folder with a CITATION.cff, a README with a Citation section, or a .bib (the bibliography.file
// setting first). Adding a model's paper there is one byte-preserving append, as for a document's .bib.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { BibliographyFormat } from '../../core/bibliographies/bibliographyFormat';
import { paperIdentity } from '../../core/bibtex/atlasEntries';
import { findExistingEntry } from '../../core/bibtex/match';
import { renderBibtex, withKey } from '../../core/bibtex/render';
import { cffReferenceOf } from '../../core/projectReferences/cffReference';
import { planReadmeAppend, readmeCitationSection } from '../../core/projectReferences/readmeCitation';
import { newEntryKey, planBibliography, writeBibliographyPlan, type BibliographyPlan, type BibliographyWrite } from '../../shared/bibliography/bibliographyWrites';
import { readBibliography } from '../../shared/bibliography/parsedBibs';
import { settings } from '../../shared/settings';
import { yamlTools } from '../../shared/yamlTools';

export interface ProjectReferences {
  uri: vscode.Uri;
  format: Extract<BibliographyFormat, 'bibtex' | 'citation-cff' | 'readme-citation'>;
}

const README = /^readme\.(md|markdown)$/i;

/** The references file for code at `origin`, or the choices when a folder holds several .bib files. */
export async function findProjectReferences(origin: vscode.Uri): Promise<ProjectReferences | vscode.Uri[] | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(origin);
  const configured = settings.bibliographyFile(origin);
  if (configured && folder) {
    return { uri: configured.startsWith('/') ? origin.with({ path: configured }) : vscode.Uri.joinPath(folder.uri, configured), format: 'bibtex' };
  }
  for (let dir = vscode.Uri.joinPath(origin, '..'); ; dir = vscode.Uri.joinPath(dir, '..')) {
    const names = (await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [])).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    const cff = names.find((name) => name === 'CITATION.cff');
    if (cff) {
      return { uri: vscode.Uri.joinPath(dir, cff), format: 'citation-cff' };
    }
    const readme = names.find((name) => README.test(name));
    if (readme && readmeCitationSection(await textOf(vscode.Uri.joinPath(dir, readme)))) {
      return { uri: vscode.Uri.joinPath(dir, readme), format: 'readme-citation' };
    }
    const bibs = names.filter((name) => /\.bib$/i.test(name)).sort();
    if (bibs.length === 1) {
      return { uri: vscode.Uri.joinPath(dir, bibs[0]), format: 'bibtex' };
    }
    if (bibs.length > 1) {
      return bibs.map((name) => vscode.Uri.joinPath(dir, name));
    }
    if (!folder || dir.path === folder.uri.path || dir.path === vscode.Uri.joinPath(dir, '..').path) {
      return undefined;
    }
  }
}

async function textOf(uri: vscode.Uri): Promise<string> {
  try {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    return '';
  }
}

export type CiteResult = { ok: true; added: boolean; key: string | undefined } | { ok: false; message: string };

/** Adds the model's paper to `target` unless it is there (under any key); says which key cites it. */
export async function citeInReferences(target: ProjectReferences, model: AtlasModel): Promise<CiteResult> {
  if (target.format === 'bibtex') {
    const plan = await planBibliography(target.uri, [model]);
    return finish(plan, await writeBibliographyPlan(plan), plan.keys[0]);
  }
  const document = await vscode.workspace.openTextDocument(target.uri);
  const text = document.getText();
  const { bib } = await readBibliography(document, 'plain', target.format);
  const existing = findExistingEntry(bib, paperIdentity(model));
  if (existing) {
    return { ok: true, added: false, key: target.format === 'readme-citation' ? existing.key : undefined };
  }
  if (target.format === 'citation-cff') {
    const planned = (await yamlTools()).planYamlAppend(text, 'citation-cff', [{ key: '', value: cffReferenceOf(model) }]);
    if (!planned.ok) {
      return { ok: false, message: vscode.l10n.t('{0} cannot take a new reference without being rewritten ({1}).', vscode.workspace.asRelativePath(target.uri), planned.detail) };
    }
    const plan = appendPlan(target, model, undefined, text, planned.insertion);
    return finish(plan, await writeBibliographyPlan(plan), undefined);
  }
  const section = readmeCitationSection(text);
  if (!section) {
    return { ok: false, message: vscode.l10n.t('{0} no longer has a Citation section.', vscode.workspace.asRelativePath(target.uri)) };
  }
  const key = newEntryKey(model, [section.bib], target.uri);
  // What readers copy to cite: the entry alone, without the note to the .bib's keeper on why it is the venue form.
  const insertion = planReadmeAppend(text, section, withKey(renderBibtex(model, settings.bibtexFlavour(target.uri), { venueNote: false }), key));
  const plan = appendPlan(target, model, key, text, insertion);
  return finish(plan, await writeBibliographyPlan(plan), key);
}

function appendPlan(target: ProjectReferences, model: AtlasModel, key: string | undefined, basis: string, insertion: { offset: number; text: string }): BibliographyPlan {
  return { keys: key ? [key] : [], added: [model], addedKeys: key ? [key] : [], append: { ...insertion, createFile: false, basis }, bibUri: target.uri, format: target.format };
}

function finish(plan: BibliographyPlan, written: BibliographyWrite, key: string | undefined): CiteResult {
  return written.ok ? { ok: true, added: plan.added.length > 0, key } : written;
}
