// The Check Bibliography report for a document (with the LaTeX files it \input-s) or a .bib: one row per atlas
// paper cited, its status and problems in the display language, and what each fix button does.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { FileCheck } from '../../core/bibcheck/bibliographyCheck';
import { findCitationMismatches } from '../../core/bibcheck/citationMismatch';
import { isSafeFix, type BibFinding, type CitationMismatch } from '../../core/bibcheck/findings';
import { rowStatus, type ReportProblem, type ReportRow, type ReportStatus, type ReportView } from '../../core/bibcheck/reportView';
import { combineEdits, type TextEdit } from '../../core/bibcheck/textEdits';
import { findCitationKeys } from '../../core/citations/citationContext';
import { keyInAny } from '../../core/citations/citationKeys';
import { renameCitations } from '../../core/citations/citationRenames';
import { isInside } from '../../core/documents/ranges';
import { yearOf } from '../../core/atlas/atlas';
import type { AtlasService } from '../../shared/atlasService';
import { applyBibliographyPlan, planBibliography } from '../../shared/bibliography/bibliographyWrites';
import { withIncludedFiles } from '../../shared/bibliography/texIncludes';
import { namesAsWrittenOf, nonProseOf } from '../../shared/documentAnalysis';
import { syntaxOf } from '../../shared/documentLanguages';
import { settings } from '../../shared/settings';
import { addToWorkspaceEdit, findingEdits, refusal } from './bibEdits';
import { checkBibDocument, checkDocument, isBibDocument, type LoadedBib } from './checkRuns';
import { FIX_COMMANDS } from './fixCommands';
import { autoExportNote, bibFindingMessage, mismatchMessage } from './findingMessages';
import { reportLabels } from './reportLabels';

export type ReportAction = () => Thenable<unknown>;

export interface Report {
  view: ReportView;
  /** What each problem's fix button does, by problem id. */
  fixes: Map<string, ReportAction>;
  /** Where each problem is, by problem id. */
  places: Map<string, vscode.Location>;
  /** The safe fixes, per .bib: published-version rewrites and braces for titles. */
  safeFixes: Array<{ bib: LoadedBib; edits: TextEdit[]; count: number }>;
}

function locationText(document: vscode.TextDocument, offset: number): string {
  return `${vscode.workspace.asRelativePath(document.uri, false)}:${document.positionAt(offset).line + 1}`;
}

interface RowDraft {
  model: AtlasModel;
  keys: Set<string>;
  statuses: ReportStatus[];
  problems: ReportProblem[];
}

function statusOf(code: BibFinding['code']): ReportStatus {
  switch (code) {
    case 'published-version':
      return 'published-since';
    case 'duplicate-paper':
      return 'duplicate';
    case 'title-unprotected':
      return 'unprotected';
    default:
      return 'mismatch';
  }
}

/** The report on `subject`: a Markdown or LaTeX document, or a .bib on its own. */
export async function buildReport(service: AtlasService, subject: vscode.TextDocument): Promise<Report> {
  const atlas = (await service.atlas());
  const labels = reportLabels();
  const rows = new Map<string, RowDraft>();
  const fixes = new Map<string, ReportAction>();
  const places = new Map<string, vscode.Location>();
  const notes: string[] = [];
  const row = (model: AtlasModel) => {
    let draft = rows.get(model.id);
    if (!draft) {
      draft = { model, keys: new Set(), statuses: [], problems: [] };
      rows.set(model.id, draft);
    }
    return draft;
  };
  let problemCount = 0;
  const addProblem = (draft: RowDraft, status: ReportStatus, problem: Omit<ReportProblem, 'id'>, place: vscode.Location, fix?: ReportAction) => {
    const id = `p${problemCount++}`;
    draft.statuses.push(status);
    draft.problems.push({ id, ...problem });
    places.set(id, place);
    if (fix) {
      fixes.set(id, fix);
    }
  };

  // The .bib files and their findings.
  let bibs: Array<LoadedBib & { check: FileCheck }>;
  let documents: vscode.TextDocument[] = [];
  const duplicatePlaces = new Map<string, Array<{ key: string; uri: vscode.Uri }>>();
  if (isBibDocument(subject)) {
    const run = await checkBibDocument(service, subject);
    bibs = [{ ...run.bib, check: run.check }];
    for (const [entryIndex, others] of run.duplicates) {
      duplicatePlaces.set(`0:${entryIndex}`, others.map((o) => ({ key: o.key, uri: o.location.uri })));
    }
    for (const [entryIndex, modelId] of run.check.papers) {
      row(atlas.get(modelId)).keys.add(run.bib.bib.entries[entryIndex].key);
    }
  } else {
    const run = await checkDocument(service, subject);
    bibs = run.bibs;
    documents = await withIncludedFiles(subject);
    for (const uri of run.unreadable) {
      notes.push(vscode.l10n.t('{0} could not be read.', vscode.workspace.asRelativePath(uri, false)));
    }
    if (run.bibs.length === 0 && run.unreadable.length === 0) {
      notes.push(vscode.l10n.t('This document names no .bib file: only the citations and names in it were checked.'));
    }
  }
  const parsed = bibs.map((b) => b.bib);
  for (const bib of bibs) {
    if (bib.check.autoExportedBy) {
      notes.push(`${vscode.workspace.asRelativePath(bib.uri, false)}: ${autoExportNote(bib.check.autoExportedBy)}`);
    }
  }

  // Which atlas paper each cited key is, and the names followed by other papers' citations.
  const entryOf = new Map<string, { file: number; entryIndex: number }>();
  bibs.forEach((b, file) =>
    b.bib.entries.forEach((e, entryIndex) => {
      if (!entryOf.has(e.key.toLowerCase())) {
        entryOf.set(e.key.toLowerCase(), { file, entryIndex });
      }
    }),
  );
  const citedEntries = new Set<string>();
  const missingReported = new Set<string>();
  const mismatchesOn = settings.checkEnabled('citation-mismatch', subject.uri);
  for (const document of documents) {
    const skip = nonProseOf(document);
    const text = document.getText();
    for (const cited of findCitationKeys(text, syntaxOf(document))) {
      if (isInside(skip, cited.start)) {
        continue;
      }
      const place = entryOf.get(cited.key.toLowerCase());
      if (place) {
        citedEntries.add(`${place.file}:${place.entryIndex}`);
        const modelId = bibs[place.file].check.papers.get(place.entryIndex);
        if (modelId) {
          row(atlas.get(modelId)).keys.add(bibs[place.file].bib.entries[place.entryIndex].key);
        }
        continue;
      }
      const model = atlas.byCitationKey(cited.key);
      if (!model) {
        continue;
      }
      const draft = row(model);
      draft.keys.add(cited.key);
      if (bibs.length === 0 || missingReported.has(cited.key.toLowerCase())) {
        continue;
      }
      missingReported.add(cited.key.toLowerCase());
      const stored = keyInAny(parsed, model);
      const location = new vscode.Location(document.uri, document.positionAt(cited.start));
      if (stored) {
        addProblem(draft, 'missing-entry', {
          code: 'stored-under-other-key',
          message: vscode.l10n.t('{0} is cited as {1}, but the bibliography holds it under {2}.', model.name, cited.key, stored),
          location: locationText(document, cited.start),
          fixLabel: vscode.l10n.t('Use {0}', stored),
          safe: false,
        }, location, () => {
          const edit = new vscode.WorkspaceEdit();
          for (const e of renameCitations(document.getText(), syntaxOf(document), [cited.key], stored)) {
            edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
          }
          return vscode.workspace.applyEdit(edit);
        });
      } else {
        addProblem(draft, 'missing-entry', {
          code: 'missing-entry',
          message: vscode.l10n.t('{0} ({1}) has no entry in {2}.', cited.key, model.name, vscode.workspace.asRelativePath(bibs[0].uri, false)),
          location: locationText(document, cited.start),
          fixLabel: vscode.l10n.t('Add its entry'),
          safe: false,
        }, location, async () => applyBibliographyPlan(await planBibliography(bibs[0].uri, [model], bibs.map((b) => b.uri))));
      }
    }
    if (!mismatchesOn || syntaxOf(document) === 'plain') {
      continue;
    }
    const mismatches: CitationMismatch[] = findCitationMismatches({ text, syntax: syntaxOf(document), nonProse: skip, atlas, mentions: await namesAsWrittenOf(document, atlas), bibs: parsed });
    for (const mismatch of mismatches) {
      const named = atlas.get(mismatch.modelId);
      const citedModels = mismatch.cited.flatMap((c) => (c.modelId ? [atlas.get(c.modelId)] : []));
      const targets = citedModels.length > 0 ? citedModels : [named];
      for (const model of targets) {
        addProblem(row(model), 'wrong-name', {
          code: mismatch.code,
          message: mismatchMessage(mismatch, atlas),
          location: locationText(document, mismatch.start),
          fixLabel: vscode.l10n.t("Cite {0}'s paper", named.name),
          safe: false,
        }, new vscode.Location(document.uri, document.positionAt(mismatch.start)), () => vscode.commands.executeCommand(FIX_COMMANDS.citeNamed, document.uri, mismatch.start, mismatch.end));
      }
    }
  }

  // The findings in the .bib files, on the rows of the papers cited (or, for a .bib alone, all of them).
  const safeFixes: Report['safeFixes'] = [];
  bibs.forEach((bib, file) => {
    const safe: TextEdit[][] = [];
    for (const finding of bib.check.findings) {
      const key = `${file}:${finding.entryIndex}`;
      const model = atlas.byIdOrUndefined(finding.modelId);
      if (!model || (!isBibDocument(subject) && !citedEntries.has(key))) {
        continue; // the report on a document is about the papers it cites
      }
      const draft = row(model);
      const edits = bib.check.autoExportedBy ? undefined : findingEdits(bib, finding, atlas);
      const refused = edits && refusal(bib.document, edits);
      let fix: ReportAction | undefined;
      let fixLabel: string | undefined;
      if (finding.code === 'duplicate-paper' && !bib.check.autoExportedBy) {
        const others = finding.others.map((o) => ({ key: o.key, uri: (isBibDocument(subject) ? duplicatePlaces.get(`0:${finding.entryIndex}`)?.find((p) => p.key === o.key)?.uri : bibs[o.file]?.uri) ?? bib.uri }));
        fixLabel = vscode.l10n.t('Keep {0}', finding.key);
        fix = () => vscode.commands.executeCommand(FIX_COMMANDS.keepKey, { key: finding.key, uri: bib.uri.toString() }, others.map((o) => ({ key: o.key, uri: o.uri.toString() })));
      } else if (bib.check.autoExportedBy) {
        fixLabel = vscode.l10n.t('How to fix this in Zotero');
        fix = () => vscode.commands.executeCommand(FIX_COMMANDS.zotero, bib.uri, finding.code, finding.start);
      } else if (edits && !refused) {
        fixLabel = vscode.l10n.t('Fix');
        fix = () => vscode.workspace.applyEdit(addToWorkspaceEdit(new vscode.WorkspaceEdit(), bib.document, edits));
        if (isSafeFix(finding.code)) {
          safe.push(edits);
        }
      }
      addProblem(draft, statusOf(finding.code), {
        code: finding.code,
        message: bibFindingMessage(finding, atlas),
        location: locationText(bib.document, finding.start),
        fixLabel,
        safe: isSafeFix(finding.code),
      }, new vscode.Location(bib.uri, bib.document.positionAt(finding.start)), fix);
    }
    const edits = combineEdits(safe);
    if (edits.length > 0) {
      safeFixes.push({ bib, edits, count: safe.length });
    }
  });

  const reportRows: ReportRow[] = [...rows.values()]
    .map((d) => ({
      modelId: d.model.id,
      name: d.model.name,
      year: String(yearOf(d.model)),
      venue: d.model.paper.venue,
      keys: [...d.keys],
      status: rowStatus(d.statuses),
      problems: d.problems,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const verified = reportRows.filter((r) => r.status === 'verified').length;
  const view: ReportView = {
    subject: vscode.workspace.asRelativePath(subject.uri, false),
    bibFiles: bibs.map((b) => vscode.workspace.asRelativePath(b.uri, false)),
    summary: vscode.l10n.t('{0} atlas papers: {1} verified, {2} to look at.', reportRows.length, verified, reportRows.length - verified),
    notes,
    rows: reportRows,
    safeFixes: safeFixes.reduce((n, s) => n + s.count, 0),
    labels,
  };
  return { view, fixes, places, safeFixes };
}
