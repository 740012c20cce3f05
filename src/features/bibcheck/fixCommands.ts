// The fixes beyond one field: keeping one key of a duplicated paper (citations changed in one edit, entries deleted
// once the user agrees), the published version under a new key, citing the named paper, the Zotero advice.
import * as vscode from 'vscode';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { matchEntry } from '../../core/bibtex/atlasEntries';
import { openEntryAtEnd, planAppend } from '../../core/bibtex/append';
import { venueEntry, withKey } from '../../core/bibtex/render';
import { authorsAsCorrected, deleteEntryEdit } from '../../core/bibcheck/entryFixes';
import type { BibFinding } from '../../core/bibcheck/findings';
import type { BibEntry } from '../../core/bibtex/parse';
import { applyEdits } from '../../core/bibcheck/textEdits';
import { freeKey } from '../../core/citations/citationKeys';
import type { AtlasService } from '../../shared/atlasService';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { openBibliography, parsedBib } from '../../shared/bibliography/parsedBibs';
import { citeEdit, findingEdits } from './bibEdits';
import { checkBibDocument, checkDocument } from './checkRuns';
import { zoteroAdvice } from './findingMessages';
import { renameCitationsInWorkspace } from './workspaceCitations';

export const FIX_COMMANDS = {
  keepKey: 'modelAtlas.internal.keepDuplicateKey',
  keepFirstKeys: 'modelAtlas.internal.keepFirstDuplicateKeys',
  addPublished: 'modelAtlas.internal.addPublishedVersion',
  citeNamed: 'modelAtlas.internal.citeNamedPaper',
  fixAllMismatches: 'modelAtlas.internal.fixAllCitationMismatches',
  copyCorrected: 'modelAtlas.internal.copyCorrectedEntry',
  zotero: 'modelAtlas.internal.showZoteroFix',
} as const;

interface KeyPlace {
  key: string;
  uri: string;
}

/** Tests and other extensions answer the deletion question in advance: true deletes, false keeps the entries. */
interface DeleteOptions {
  deleteEntries?: boolean;
}

async function confirmDelete(keys: readonly string[], options: DeleteOptions | undefined): Promise<boolean> {
  if (options?.deleteEntries !== undefined) {
    return options.deleteEntries;
  }
  const remove = vscode.l10n.t('Delete');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('The citations now use the key kept. Delete the entries {0} from the bibliography as well?', keys.join(', ')),
    { modal: true },
    remove,
  );
  return answer === remove;
}

/** Deletes the entries named, each from its file, in one edit. */
async function deleteEntries(places: readonly KeyPlace[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const place of places) {
    const document = await openBibliography(vscode.Uri.parse(place.uri));
    const entry = document && parsedBib(document).entries.find((e) => e.key === place.key);
    if (document && entry) {
      const remove = deleteEntryEdit(document.getText(), entry);
      edit.delete(document.uri, new vscode.Range(document.positionAt(remove.start), document.positionAt(remove.end)));
    }
  }
  return edit.size > 0 && vscode.workspace.applyEdit(edit);
}

/** Cites `keep` wherever one of `others` is cited (one edit), then deletes their entries if the user agrees. */
async function keepKeys(groups: ReadonlyArray<{ keep: KeyPlace; others: KeyPlace[] }>, options?: DeleteOptions): Promise<{ changed: number; deleted: boolean }> {
  const edit = new vscode.WorkspaceEdit();
  const changed = new Set<string>();
  for (const { keep, others } of groups) {
    const bibUris = [keep, ...others].map((p) => vscode.Uri.parse(p.uri));
    for (const uri of await renameCitationsInWorkspace(edit, bibUris, others.map((o) => o.key), keep.key)) {
      changed.add(uri.toString());
    }
  }
  if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The citations could not be changed.'));
    return { changed: 0, deleted: false };
  }
  const others = groups.flatMap((g) => g.others);
  const deleted = (await confirmDelete(others.map((o) => o.key), options)) && (await deleteEntries(others));
  return { changed: changed.size, deleted };
}

async function findingAt(service: AtlasService, bibUri: vscode.Uri, code: string, start: number) {
  const document = await vscode.workspace.openTextDocument(bibUri);
  const run = await checkBibDocument(service, document);
  const finding = run.check.findings.find((f) => f.code === code && f.start === start);
  return finding && { document, run, finding };
}

/** The entry as the fix would leave it. */
function correctedEntry(text: string, entryStart: number, entryEnd: number, edits: ReturnType<typeof findingEdits>): string {
  const entryText = text.slice(entryStart, entryEnd);
  return applyEdits(entryText, (edits ?? []).map((e) => ({ ...e, start: e.start - entryStart, end: e.end - entryStart })));
}

export function registerFixCommands(service: AtlasService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(FIX_COMMANDS.keepKey, (keep: KeyPlace, others: KeyPlace[], options?: DeleteOptions) => keepKeys([{ keep, others }], options)),

    vscode.commands.registerCommand(FIX_COMMANDS.keepFirstKeys, async (bibUri: vscode.Uri, options?: DeleteOptions) => {
      const document = await vscode.workspace.openTextDocument(bibUri);
      const { bib, check, duplicates } = await checkBibDocument(service, document);
      const groups: Array<{ keep: KeyPlace; others: KeyPlace[] }> = [];
      const handled = new Set<string>();
      for (const finding of check.findings) {
        if (finding.code !== 'duplicate-paper' || handled.has(finding.modelId)) {
          continue;
        }
        handled.add(finding.modelId);
        const others = (duplicates.get(finding.entryIndex) ?? []).map((p) => ({ key: p.key, uri: p.location.uri.toString() }));
        groups.push({ keep: { key: finding.key, uri: bib.uri.toString() }, others });
      }
      return keepKeys(groups, options);
    }),

    vscode.commands.registerCommand(FIX_COMMANDS.addPublished, async (bibUri: vscode.Uri, entryKey: string) => {
      const document = await vscode.workspace.openTextDocument(bibUri);
      const bib = parsedBib(document);
      const entry = bib.entries.find((e) => e.key === entryKey);
      const model = entry && matchEntry((await service.atlas()), entry)?.model;
      const venue = model && venueEntry(model);
      if (!model || !venue) {
        return undefined;
      }
      const text = document.getText();
      const open = openEntryAtEnd(text);
      if (open) {
        void vscode.window.showErrorMessage(vscode.l10n.t("{0} ends inside an entry that is not closed ('{1}', line {2}): BibTeX would read new entries as part of it, so they were not added. Close that entry, then try again.", vscode.workspace.asRelativePath(bibUri), open.key, open.line + 1));
        return undefined;
      }
      const key = freeKey(model.bibtex.key, [bib], []);
      const append = planAppend(text, withKey(venue, key));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(bibUri, document.positionAt(append.offset), append.text);
      const changed = await renameCitationsInWorkspace(edit, [bibUri], [entryKey], key);
      return (await vscode.workspace.applyEdit(edit)) ? { key, changed: changed.length } : undefined;
    }),

    vscode.commands.registerCommand(FIX_COMMANDS.citeNamed, async (documentUri: vscode.Uri, start?: number, end?: number) => {
      const document = await vscode.workspace.openTextDocument(documentUri);
      const run = await checkDocument(service, document);
      const mismatches = run.mismatches.filter((m) => start === undefined || (m.start === start && m.end === end));
      if (mismatches.length === 0) {
        return false;
      }
      if (run.bibs.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This document names no bibliography that could be read, so there is no entry to cite.'));
        return false;
      }
      const atlas = await service.atlas();
      const models = mismatches.map((m) => atlas.get(m.modelId));
      const plan = await planBibliography(run.bibs[0].uri, models, run.bibs.map((b) => b.uri));
      if (!(await applyBibliographyPlan(plan))) {
        return false; // it said why
      }
      const edit = new vscode.WorkspaceEdit();
      mismatches.forEach((m, i) => citeEdit(document, m, plan.keys[i], edit));
      return vscode.workspace.applyEdit(edit);
    }),

    vscode.commands.registerCommand(FIX_COMMANDS.fixAllMismatches, (documentUri: vscode.Uri) => vscode.commands.executeCommand(FIX_COMMANDS.citeNamed, documentUri)),

    vscode.commands.registerCommand(FIX_COMMANDS.copyCorrected, async (bibUri: vscode.Uri, code: string, start: number) => {
      const found = await findingAt(service, bibUri, code, start);
      if (!found) {
        return undefined;
      }
      const entry = found.run.bib.bib.entries[found.finding.entryIndex];
      const corrected = correctedEntry(found.document.getText(), entry.start, entry.end, findingEdits(found.run.bib, found.finding, (await service.atlas())));
      await vscode.env.clipboard.writeText(corrected);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied the corrected entry {0}: paste it into Zotero, or keep it until the item is fixed there.', entry.key));
      return corrected;
    }),

    vscode.commands.registerCommand(FIX_COMMANDS.zotero, async (bibUri: vscode.Uri, code: string, start: number) => {
      const found = await findingAt(service, bibUri, code, start);
      if (!found) {
        return undefined;
      }
      const atlas = await service.atlas();
      const advice = zoteroAdvice(found.finding, atlas, authorsToWrite(found.document.getText(), found.run.bib.bib.entries[found.finding.entryIndex], found.finding, atlas));
      const copy = vscode.l10n.t('Copy the corrected entry');
      const canCopy = found.finding.code !== 'duplicate-paper' && findingEdits(found.run.bib, found.finding, atlas) !== undefined;
      void vscode.window.showInformationMessage(advice, ...(canCopy ? [copy] : [])).then((answer) => {
        if (answer === copy) {
          void vscode.commands.executeCommand(FIX_COMMANDS.copyCorrected, bibUri, code, start);
        }
      });
      return advice;
    }),
  );
}

/** The author list the fix would write, as plain text for Zotero. */
function authorsToWrite(text: string, entry: BibEntry | undefined, finding: BibFinding, atlas: AtlasIndex): string | undefined {
  return finding.code === 'author-mismatch' && entry ? authorsAsCorrected(text, entry, atlas.get(finding.modelId)) : undefined;
}
