// Citing another key everywhere a .bib is used: every Markdown and LaTeX file in the workspace whose
// bibliography includes the .bib, as edits added to one WorkspaceEdit.
import * as vscode from 'vscode';
import { renameCitations } from '../../core/citations/citationRenames';
import { citationSyntaxFor, type CitationSyntax } from '../../core/documents/syntax';
import { bibliographiesFor } from '../../shared/bibliography/bibliographyLocator';
import { workspaceText } from '../../shared/workspaceText';

const DOCUMENTS = '**/*.{tex,ltx,md,markdown,qmd,rmd,Rmd}';
const MAX_FILES = 2000;

function syntaxOfFile(document: vscode.TextDocument): CitationSyntax {
  const byLanguage = citationSyntaxFor(document.languageId);
  if (byLanguage !== 'plain') {
    return byLanguage;
  }
  return /\.(tex|ltx)$/i.test(document.uri.path) ? 'latex' : 'pandoc';
}


/**
 * Adds to `edit` the renames of citations of `from` to `to` in every document that uses one of `bibUris`;
 * returns the documents changed.
 */
export async function renameCitationsInWorkspace(edit: vscode.WorkspaceEdit, bibUris: readonly vscode.Uri[], from: readonly string[], to: string): Promise<vscode.Uri[]> {
  const wanted = new Set(bibUris.map(String));
  const lowered = from.map((k) => k.toLowerCase());
  const candidates = new Map<string, vscode.Uri>();
  for (const uri of await vscode.workspace.findFiles(DOCUMENTS, '**/node_modules/**', MAX_FILES)) {
    candidates.set(uri.toString(), uri);
  }
  for (const document of vscode.workspace.textDocuments) {
    if (/\.(tex|ltx|md|markdown|qmd|rmd)$/i.test(document.uri.path)) {
      candidates.set(document.uri.toString(), document.uri);
    }
  }
  const changed: vscode.Uri[] = [];
  for (const uri of candidates.values()) {
    const text = await workspaceText(uri);
    if (!text || !lowered.some((key) => text.toLowerCase().includes(key))) {
      continue;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const uses = (await bibliographiesFor(document)).some((u) => wanted.has(u.toString()));
    if (!uses) {
      continue;
    }
    const edits = renameCitations(document.getText(), syntaxOfFile(document), from, to);
    for (const e of edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
    }
    if (edits.length > 0) {
      changed.push(uri);
    }
  }
  return changed;
}
