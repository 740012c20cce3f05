// Keeping a bibliography in step: the keys to cite, then the missing entries appended as one undoable
// WorkspaceEdit that never changes an existing byte, in the file's own format (BibTeX, CSL-JSON, CSL-YAML,
// Hayagriva, front matter references), refused with the reason where it could not be.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { formatOfPath, frontMatter, type AppendRefusal, type BibliographyFormat } from '../../core/bibliographies/bibliographyFormat';
import { cslItemOf } from '../../core/bibliographies/cslItems';
import { planCslJsonAppend } from '../../core/bibliographies/cslJson';
import { hayagrivaEntryOf } from '../../core/bibliographies/hayagrivaEntries';
import { openEntryAtEnd, planAppend, type Insertion } from '../../core/bibtex/append';
import { citationKeyFor } from '../../core/bibtex/keyStyle';
import type { BibFile } from '../../core/bibtex/parse';
import { renderBibtex, withKey, type BibtexFlavour } from '../../core/bibtex/render';
import { freeKey, keyInAny } from '../../core/citations/citationKeys';
import type { CitationSyntax } from '../../core/documents/syntax';
import { syntaxOf } from '../documentLanguages';
import { settings } from '../settings';
import { yamlTools } from '../yamlTools';
import { usesBiblatex } from './bibliographyLocator';
import { isLocked } from './fileLocks';
import { openBibliography, readBibliography } from './parsedBibs';

export interface BibliographyPlan {
  /** The key to cite for each model, in the order given. */
  keys: string[];
  /** Models whose entry will be appended, and the keys their entries get. */
  added: AtlasModel[];
  addedKeys: string[];
  /**
   * The text to append at `offset`, or undefined when every model is already there. `basis` is the file's
   * text the offset was worked out on: the append is refused if the file has changed since.
   */
  append: { offset: number; text: string; createFile: boolean; basis: string } | undefined;
  bibUri: vscode.Uri;
  format: BibliographyFormat;
  /** Why the entries cannot be appended (the file's format or syntax), when they cannot. */
  refusal?: string;
}

export interface PlanOptions {
  /** The document the citation is for: its syntax reads a .yml file, its packages choose the BibTeX flavour. */
  citing?: vscode.TextDocument;
  /** Models whose new entry keeps the atlas key (the key the document already cites) instead of the key style's. */
  keepAtlasKey?: (model: AtlasModel) => boolean;
}

/**
 * Works out the keys to cite and the append that puts the missing entries into `bibUri`. A paper that any
 * of `searched` (the document's other bibliographies, in order) already holds is cited by the key it has
 * there; a new entry gets the key modelAtlas.bibtex.keyStyle gives it, with a letter added on a clash.
 */
export async function planBibliography(bibUri: vscode.Uri, models: readonly AtlasModel[], searched: readonly vscode.Uri[] = [], options: PlanOptions = {}): Promise<BibliographyPlan> {
  const citing: CitationSyntax = options.citing ? syntaxOf(options.citing) : 'latex';
  const read = async (document: vscode.TextDocument | undefined) => (document ? readBibliography(document, citing).catch(() => undefined) : undefined);
  const document = bibUri.toString() === options.citing?.uri.toString() ? options.citing : await openBibliography(bibUri);
  const target = await read(document);
  const others = await Promise.all(searched.filter((uri) => uri.toString() !== bibUri.toString()).map(async (uri) => (await read(await openBibliography(uri)))?.bib));
  const bibs = [target?.bib, ...others].filter((bib): bib is BibFile => bib !== undefined);
  const format = target?.format ?? formatOfPath(bibUri.path, citing);
  const keys: string[] = [];
  const added: AtlasModel[] = [];
  const addedKeys: string[] = [];
  const style = settings.bibtexKeyStyle(bibUri);
  for (const model of models) {
    const again = added.findIndex((m) => m.id === model.id);
    const existing = again >= 0 ? addedKeys[again] : keyInAny(bibs, model);
    if (existing) {
      keys.push(existing);
      continue;
    }
    const key = freeKey(options.keepAtlasKey?.(model) ? model.bibtex.key : styledKey(model, style), bibs, addedKeys);
    keys.push(key);
    added.push(model);
    addedKeys.push(key);
  }
  if (added.length === 0) {
    return { keys, added, addedKeys, append: undefined, bibUri, format };
  }
  const basis = document?.getText() ?? '';
  const flavour = await flavourFor(bibUri, options.citing);
  const planned = await planAppendIn(format, basis, added.map((model, i) => ({ model, key: addedKeys[i] })), flavour);
  if (!planned.ok) {
    return { keys, added, addedKeys, append: undefined, bibUri, format, refusal: refusalMessage(bibUri, format, planned) };
  }
  return { keys, added, addedKeys, append: { ...planned.insertion, createFile: !document, basis }, bibUri, format };
}

/** The key a paper none of `bibs` holds gets when appended: the key style's, with a letter on a clash. */
export function newEntryKey(model: AtlasModel, bibs: readonly BibFile[], scope: vscode.Uri): string {
  return freeKey(styledKey(model, settings.bibtexKeyStyle(scope)), bibs, []);
}

/** The key style's key, or the atlas key (and a warning, once per formula) when the formula is wrong. */
const reportedStyles = new Set<string>();
function styledKey(model: AtlasModel, style: string): string {
  const key = citationKeyFor(model, style);
  if (key.ok) {
    return key.key;
  }
  if (!reportedStyles.has(style)) {
    reportedStyles.add(style);
    void vscode.window.showWarningMessage(vscode.l10n.t('modelAtlas.bibtex.keyStyle: {0}. New entries get the atlas key instead.', key.message));
  }
  return model.bibtex.key;
}

/** The flavour someone set; else biblatex's for a document that loads biblatex; else the authors' entry. */
async function flavourFor(bibUri: vscode.Uri, citing: vscode.TextDocument | undefined): Promise<BibtexFlavour> {
  const set = settings.bibtexFlavourSet(bibUri);
  if (set) {
    return set;
  }
  return citing && (await usesBiblatex(citing)) ? 'biblatex' : settings.bibtexFlavour(bibUri);
}

type Planned = { ok: true; insertion: Insertion } | AppendRefusal;

async function planAppendIn(format: BibliographyFormat, text: string, entries: Array<{ model: AtlasModel; key: string }>, flavour: BibtexFlavour): Promise<Planned> {
  switch (format) {
    case 'bibtex':
      return { ok: true, insertion: planAppend(text, entries.map((e) => withKey(renderBibtex(e.model, flavour), e.key)).join('\n\n')) };
    case 'csl-json':
      return planCslJsonAppend(text, entries.map((e) => cslItemOf(e.model, e.key)));
    case 'hayagriva':
      return (await yamlTools()).planYamlAppend(text, 'hayagriva', entries.map((e) => ({ key: e.key, value: hayagrivaEntryOf(e.model) })));
    default: {
      const items = entries.map((e) => ({ key: e.key, value: cslItemOf(e.model, e.key) }));
      const yaml = format === 'front-matter' ? frontMatter(text) : { text, offset: 0 };
      if (!yaml) {
        return { ok: false, reason: 'shape', detail: 'no front matter' };
      }
      return (await yamlTools()).planYamlAppend(yaml.text, 'csl-yaml', items, yaml.offset);
    }
  }
}

const FORMAT_NAMES: Record<BibliographyFormat, string> = {
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  'csl-yaml': 'CSL-YAML',
  hayagriva: 'Hayagriva',
  'front-matter': 'YAML',
  'citation-cff': 'Citation File Format',
  'readme-citation': 'Markdown',
};

function refusalMessage(uri: vscode.Uri, format: BibliographyFormat, refusal: AppendRefusal): string {
  const name = vscode.workspace.asRelativePath(uri);
  switch (refusal.reason) {
    case 'syntax':
      return vscode.l10n.t('{0} does not read as {1} ({2}), so the entries were not added to it. Fix it, then try again.', name, FORMAT_NAMES[format], refusal.detail);
    case 'flow':
      return vscode.l10n.t('{0} writes its references list in flow style ([...]), which cannot take an entry without being rewritten, so the entries were not added to it.', name);
    default:
      return vscode.l10n.t('{0} is not a bibliography an entry can be appended to ({1}), so the entries were not added to it.', name, refusal.detail);
  }
}

export type BibliographyWrite = { ok: true } | { ok: false; message: string };

/**
 * writeBibliographyPlan, showing why when it refuses; returns whether the entries are in the .bib. A .bib that
 * does not exist yet is created only when the user chose it (`chosen`) or agrees when asked, with its path shown.
 * One that exists but could not be opened as text (binary) is not asked about: the write refuses it, saying why.
 */
export async function applyBibliographyPlan(plan: BibliographyPlan, options: { chosen?: boolean } = {}): Promise<boolean> {
  if (plan.append?.createFile && !options.chosen && !(await existsOnDisk(plan.bibUri)) && !(await agreesToCreate(plan.bibUri))) {
    return false;
  }
  const written = await writeBibliographyPlan(plan);
  if (!written.ok) {
    void vscode.window.showErrorMessage(written.message);
  }
  return written.ok;
}

function existsOnDisk(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

async function agreesToCreate(uri: vscode.Uri): Promise<boolean> {
  const create = vscode.l10n.t('Create {0}', uri.path.split('/').pop() ?? '');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} does not exist. Create it at {1} for the BibTeX entries?', vscode.workspace.asRelativePath(uri, false), uri.fsPath || uri.path),
    create,
  );
  return answer === create;
}

/**
 * Applies the append and saves the .bib if it had no unsaved changes before, so LaTeX sees it. Refuses,
 * with a message saying why, whenever that could change a byte the file already holds or cannot be done:
 * a file that is read-only, gone from disk while still open, unreadable as text, one whose text would not
 * save back to the same bytes (invalid UTF-8, mixed line endings), one read in an encoding that cannot hold
 * the new entries, or one ending inside an unclosed entry that BibTeX would read the append into.
 */
export async function writeBibliographyPlan(plan: BibliographyPlan): Promise<BibliographyWrite> {
  if (plan.refusal) {
    return { ok: false, message: plan.refusal };
  }
  const append = plan.append;
  if (!append) {
    return { ok: true };
  }
  const name = vscode.workspace.asRelativePath(plan.bibUri);
  const refuse = (message: string): BibliographyWrite => ({ ok: false, message });
  const stat = await vscode.workspace.fs.stat(plan.bibUri).then(
    (s) => s,
    () => undefined,
  );
  const edit = new vscode.WorkspaceEdit();
  if (append.createFile) {
    if (stat) {
      // It exists, yet could not be opened as text: binary, or unreadable.
      return refuse(vscode.l10n.t('{0} cannot be read as text, so the BibTeX entries were not added to it.', name));
    }
    // Without ignoreIfExists: a file that appeared since the plan fails the whole edit instead of getting the
    // entries inserted before its own first line. Written with its contents, not as an edited document then
    // saved: such a document, open in no editor, could be discarded by the workbench before the save reached it.
    const text = append.text.replace(/\r?\n/g, newFileEol(plan.bibUri));
    edit.createFile(plan.bibUri, { contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      return refuse(vscode.l10n.t('Could not add the BibTeX entries to {0}.', name));
    }
    return { ok: true };
  }
  if (!stat) {
    return refuse(vscode.l10n.t('{0} no longer exists on disk, so the BibTeX entries were not added to it.', name));
  }
  if ((stat.permissions ?? 0) & vscode.FilePermission.Readonly || (await isLocked(plan.bibUri))) {
    return refuse(vscode.l10n.t('{0} is read-only, so the BibTeX entries were not added to it.', name));
  }
  const document = await vscode.workspace.openTextDocument(plan.bibUri);
  // Non-ASCII text in a file read as Latin-1 (or a UTF-8 file mistaken for one) would be written in that
  // encoding, or as '?'; plain ASCII entries are the same bytes in every encoding VS Code offers for a .bib.
  if (!/^utf(8|16)/.test(document.encoding) && /[^\x00-\x7f]/.test(append.text)) {
    return refuse(vscode.l10n.t('{0} is open in the {1} encoding, which the new BibTeX entries (with non-ASCII letters) could change, so they were not added to it. Reopen it with UTF-8 encoding, or add the entries by hand.', name, document.encoding));
  }
  const wasDirty = document.isDirty;
  if (!wasDirty && !(await savesAsRead(document))) {
    return refuse(vscode.l10n.t('Saving {0} would change bytes it already holds (its encoding or line endings), so the BibTeX entries were not added to it.', name));
  }
  const open = plan.format === 'bibtex' ? openEntryAtEnd(append.basis) : undefined;
  if (open) {
    return refuse(vscode.l10n.t("{0} ends inside an entry that is not closed ('{1}', line {2}): BibTeX would read new entries as part of it, so they were not added. Close that entry, then try again.", name, open.key, open.line + 1));
  }
  // After the last await: applyEdit sends the document's version, so it fails on any later change.
  if (document.getText() !== append.basis) {
    return refuse(vscode.l10n.t('{0} changed while the BibTeX entries were being prepared, so they were not added to it. Try again.', name));
  }
  edit.insert(plan.bibUri, document.positionAt(append.offset), append.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    return refuse(vscode.l10n.t('Could not add the BibTeX entries to {0}.', name));
  }
  return saveUnlessDirty(plan, wasDirty, name);
}

/** The line break a new file gets: files.eol, or the extension host's platform's when that is auto. */
function newFileEol(uri: vscode.Uri): string {
  const eol = vscode.workspace.getConfiguration('files', uri).get<string>('eol');
  if (eol === '\n' || eol === '\r\n') {
    return eol;
  }
  return typeof process === 'object' && process.platform === 'win32' ? '\r\n' : '\n';
}

/** Whether saving the document unchanged would write back exactly the bytes on disk. */
async function savesAsRead(document: vscode.TextDocument): Promise<boolean> {
  try {
    const onDisk = await vscode.workspace.fs.readFile(document.uri);
    const saved = await vscode.workspace.encode(document.getText(), { encoding: document.encoding });
    const bom = hasBom(onDisk) && !hasBom(saved) ? 3 : 0;
    return onDisk.length - bom === saved.length && saved.every((byte, i) => byte === onDisk[i + bom]);
  } catch {
    return false;
  }
}

/**
 * Takes an applied append back (when the citation it was for could not be inserted, or was undone), and saves
 * that when the append had been saved: a .bib with no unsaved changes holds the append on disk too. A file the
 * append created is deleted. Returns whether the append was taken back: not when its text is no longer there.
 */
export async function revertBibliographyPlan(plan: BibliographyPlan): Promise<boolean> {
  const append = plan.append;
  if (!append) {
    return false;
  }
  const document = await vscode.workspace.openTextDocument(plan.bibUri);
  // The editor turns inserted line breaks into the document's own (a new file takes files.eol).
  const appended = append.text.replace(/\r?\n/g, document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
  const start = document.positionAt(append.offset);
  const end = document.positionAt(append.offset + appended.length);
  if (document.getText(new vscode.Range(start, end)) !== appended) {
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  if (append.createFile && document.getText() === appended) {
    edit.deleteFile(plan.bibUri, { ignoreIfNotExists: true });
    return vscode.workspace.applyEdit(edit);
  }
  const onDisk = !document.isDirty;
  edit.delete(plan.bibUri, new vscode.Range(start, end));
  if (!(await vscode.workspace.applyEdit(edit))) {
    return false;
  }
  return onDisk ? saveAsIs(document) : true;
}

// LaTeX reads the .bib from disk: save our append unless the user had unsaved changes of their own. A save
// that fails takes the append back out, so the document is as it was.
async function saveUnlessDirty(plan: BibliographyPlan, wasDirty: boolean, name: string): Promise<BibliographyWrite> {
  if (wasDirty) {
    return { ok: true };
  }
  const document = await vscode.workspace.openTextDocument(plan.bibUri);
  if (await saveAsIs(document, name)) {
    return { ok: true };
  }
  await revertBibliographyPlan(plan);
  return { ok: false, message: vscode.l10n.t('Could not save {0}, so the BibTeX entries were taken back out.', name) };
}

/**
 * Saves the document with exactly its text. Saving runs the user's save participants
 * (files.trimTrailingWhitespace, files.insertFinalNewline, editor.formatOnSave with a BibTeX formatter...)
 * over the whole file, and the API has no save without them: when they changed it, the file is written back
 * with the text it had, and VS Code reloads the saved document from disk.
 */
async function saveAsIs(document: vscode.TextDocument, name = vscode.workspace.asRelativePath(document.uri)): Promise<boolean> {
  const text = document.getText();
  // save() also answers false for a document with nothing left to save: files.autoSave (afterDelay, the web
  // workbench's default) may have saved it between the edit and here. Only one still dirty failed to save.
  if (!(await document.save()) && document.isDirty) {
    return false;
  }
  if (document.getText() === text) {
    return true;
  }
  const saved = await vscode.workspace.fs.readFile(document.uri);
  const encoded = await vscode.workspace.encode(text, { encoding: document.encoding });
  const keepBom = hasBom(saved) && !hasBom(encoded);
  await vscode.workspace.fs.writeFile(document.uri, keepBom ? new Uint8Array([0xef, 0xbb, 0xbf, ...encoded]) : encoded);
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Saving {0} also ran your save settings (such as trimming whitespace or formatting) over lines it already held; those lines were put back as they were.', name),
  );
  return true;
}

const hasBom = (bytes: Uint8Array): boolean => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
