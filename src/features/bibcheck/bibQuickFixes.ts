// Quick fixes for Check Bibliography: one undoable WorkspaceEdit each, and "Fix all of this kind in this file";
// the fixes that change citations across the workspace run commands (fixCommands.ts).
import * as vscode from 'vscode';
import { BIB_CODES, type BibCheckCode, type CheckCode } from '../../core/bibcheck/findings';
import { keyInAny } from '../../core/citations/citationKeys';
import type { AtlasService } from '../../shared/atlasService';
import { registerForServedLanguages } from '../../shared/documentLanguages';
import { checkBibDocument, checkDocument, isBibDocument } from './checkRuns';
import { DIAGNOSTIC_SOURCE } from './bibDiagnostics';
import { addToWorkspaceEdit, citeEdit, editsOfKind, findingEdits, refusal } from './bibEdits';
import { FIX_COMMANDS } from './fixCommands';

export const BIB_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.bib' }, { language: 'bibtex' }, { language: 'biblatex' }];

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

const FIX_TITLES: Record<Exclude<BibCheckCode, 'duplicate-paper'>, () => string> = {
  'author-mismatch': () => vscode.l10n.t("Replace the authors with the paper's"),
  'title-mismatch': () => vscode.l10n.t("Replace the title with the paper's"),
  'title-unprotected': () => vscode.l10n.t('Brace the words that must keep their capitals'),
  'year-mismatch': () => vscode.l10n.t("Replace the year with the paper's"),
  'arxiv-mismatch': () => vscode.l10n.t("Replace the arXiv id with the paper's"),
  'published-version': () => vscode.l10n.t('Rewrite as the published version'),
};

function fixAllTitle(code: CheckCode): string {
  return vscode.l10n.t('Fix all {0} in this file', code);
}

export function registerBibQuickFixes(service: AtlasService): vscode.Disposable {
  const bibProvider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && (BIB_CODES as readonly string[]).includes(codeOf(d) ?? ''));
      if (ours.length === 0 || !isBibDocument(document)) {
        return [];
      }
      const { bib, check, duplicates } = await checkBibDocument(service, document);
      const atlas = (await service.atlas());
      const actions: vscode.CodeAction[] = [];
      const kinds = new Set<BibCheckCode>();
      for (const diagnostic of ours) {
        const finding = check.findings.find((f) => f.code === codeOf(diagnostic) && f.start === document.offsetAt(diagnostic.range.start) && f.end === document.offsetAt(diagnostic.range.end));
        if (!finding) {
          continue;
        }
        const fix = (title: string) => {
          const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          actions.push(action);
          return action;
        };
        if (check.autoExportedBy) {
          const args = [document.uri, finding.code, finding.start];
          if (finding.code !== 'duplicate-paper' && findingEdits(bib, finding, atlas)) {
            fix(vscode.l10n.t('Copy the corrected entry')).command = { title: '', command: FIX_COMMANDS.copyCorrected, arguments: args };
          }
          fix(vscode.l10n.t('How to fix this in Zotero')).command = { title: '', command: FIX_COMMANDS.zotero, arguments: args };
          continue;
        }
        if (finding.code === 'duplicate-paper') {
          const places = duplicates.get(finding.entryIndex) ?? [];
          const all = [{ key: finding.key, uri: document.uri }, ...places.map((p) => ({ key: p.key, uri: p.location.uri }))];
          for (const keep of all) {
            const others = all.filter((o) => o !== keep);
            fix(vscode.l10n.t('Keep {0} and cite it instead of {1}', keep.key, others.map((o) => o.key).join(', '))).command = {
              title: '',
              command: FIX_COMMANDS.keepKey,
              arguments: [{ key: keep.key, uri: keep.uri.toString() }, others.map((o) => ({ key: o.key, uri: o.uri.toString() }))],
            };
          }
        } else {
          const edits = findingEdits(bib, finding, atlas);
          if (edits) {
            const action = fix(finding.code === 'published-version' ? vscode.l10n.t('Rewrite as the published version ({0})', finding.venue) : FIX_TITLES[finding.code]());
            const refused = refusal(document, edits);
            if (refused) {
              action.disabled = { reason: refused };
            } else {
              action.edit = addToWorkspaceEdit(new vscode.WorkspaceEdit(), document, edits);
              action.isPreferred = true;
            }
          }
          if (finding.code === 'published-version') {
            fix(vscode.l10n.t('Add the published version under a new key and cite that')).command = { title: '', command: FIX_COMMANDS.addPublished, arguments: [document.uri, finding.key] };
          }
        }
        kinds.add(finding.code);
      }
      for (const code of kinds) {
        const count = check.findings.filter((f) => f.code === code).length;
        if (count < 2) {
          continue;
        }
        const action = new vscode.CodeAction(fixAllTitle(code), vscode.CodeActionKind.QuickFix);
        if (code === 'duplicate-paper') {
          action.command = { title: '', command: FIX_COMMANDS.keepFirstKeys, arguments: [document.uri] };
        } else {
          const edits = editsOfKind(bib, check, code, atlas);
          const refused = refusal(document, edits);
          if (edits.length === 0) {
            continue;
          }
          if (refused) {
            action.disabled = { reason: refused };
          } else {
            action.edit = addToWorkspaceEdit(new vscode.WorkspaceEdit(), document, edits);
          }
        }
        actions.push(action);
      }
      return actions;
    },
  };

  const documentProvider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'citation-mismatch');
      if (ours.length === 0) {
        return [];
      }
      const run = await checkDocument(service, document);
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of ours) {
        const mismatch = run.mismatches.find((m) => m.start === document.offsetAt(diagnostic.range.start) && m.end === document.offsetAt(diagnostic.range.end));
        if (!mismatch) {
          continue;
        }
        const model = (await service.atlas()).get(mismatch.modelId);
        const key = keyInAny(run.bibs.map((b) => b.bib), model);
        const action = new vscode.CodeAction(
          key ? vscode.l10n.t("Cite {0}'s paper ({1})", model.name, key) : vscode.l10n.t("Cite {0}'s paper (add its entry)", model.name),
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        if (key) {
          action.edit = citeEdit(document, mismatch, key);
        } else {
          action.command = { title: '', command: FIX_COMMANDS.citeNamed, arguments: [document.uri, mismatch.start, mismatch.end] };
        }
        actions.push(action);
      }
      if (run.mismatches.length >= 2) {
        const all = new vscode.CodeAction(fixAllTitle('citation-mismatch'), vscode.CodeActionKind.QuickFix);
        all.command = { title: '', command: FIX_COMMANDS.fixAllMismatches, arguments: [document.uri] };
        actions.push(all);
      }
      return actions;
    },
  };

  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(BIB_SELECTOR, bibProvider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    registerForServedLanguages((selector) => vscode.languages.registerCodeActionsProvider(selector, documentProvider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] })),
  );
}
