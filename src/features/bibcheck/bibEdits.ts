// The fixes of Check Bibliography as VS Code edits: a finding's TextEdits in one WorkspaceEdit, the fixes
// of one kind in a file together, and the refusals that keep a file's bytes safe.
import * as vscode from 'vscode';
import type { FileCheck } from '../../core/bibcheck/bibliographyCheck';
import { fixEdits } from '../../core/bibcheck/entryFixes';
import type { BibCheckCode, BibFinding, CitationMismatch } from '../../core/bibcheck/findings';
import { combineEdits, type TextEdit } from '../../core/bibcheck/textEdits';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import type { LoadedBib } from './checkRuns';

/** The edits of one finding in its .bib, or undefined when it has none there. */
export function findingEdits(bib: LoadedBib, finding: BibFinding, atlas: AtlasIndex): TextEdit[] | undefined {
  const entry = bib.bib.entries[finding.entryIndex];
  const model = atlas.byIdOrUndefined(finding.modelId);
  if (!entry || !model) {
    return undefined;
  }
  const edits = fixEdits(bib.document.getText(), entry, finding, model);
  return edits && edits.length > 0 ? edits : undefined;
}

/** The edits of every finding of `code` in a file, less any that would overlap another's. */
export function editsOfKind(bib: LoadedBib, check: FileCheck, code: BibCheckCode, atlas: AtlasIndex): TextEdit[] {
  return combineEdits(check.findings.filter((f) => f.code === code).map((f) => findingEdits(bib, f, atlas) ?? []));
}

export function addToWorkspaceEdit(edit: vscode.WorkspaceEdit, document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  for (const e of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  }
  return edit;
}

/**
 * Why edits must not be written to this document, or undefined when they may: a file read in an encoding
 * that cannot hold their non-ASCII letters would get them changed on saving.
 */
export function refusal(document: vscode.TextDocument, edits: readonly TextEdit[]): string | undefined {
  if (!/^utf(8|16)/.test(document.encoding) && edits.some((e) => /[^\x00-\x7f]/.test(e.text))) {
    return vscode.l10n.t('{0} is open in the {1} encoding, which could change the non-ASCII letters of this fix. Reopen it with UTF-8 encoding first.', vscode.workspace.asRelativePath(document.uri), document.encoding);
  }
  return undefined;
}

/** Citing `key` where a name is followed by other papers: instead of the one key cited, or before the others. */
export function citeEdit(document: vscode.TextDocument, mismatch: CitationMismatch, key: string, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  const range = new vscode.Range(document.positionAt(mismatch.start), document.positionAt(mismatch.end));
  if (mismatch.keys.length === 1) {
    edit.replace(document.uri, range, key);
  } else {
    const pandoc = document.getText().charAt(mismatch.start - 1) === '@';
    edit.insert(document.uri, range.start, pandoc ? `${key}; @` : `${key},`);
  }
  return edit;
}
