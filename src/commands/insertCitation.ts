// Model Atlas: Insert Citation... — cite one or more models at the cursor in the document's syntax and
// make sure each has an entry in the document's bibliography. Two undoable steps at most: the .bib
// append, then the citation; if the citation cannot be inserted, the append is taken back.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas';
import { type LatexCiteCommand } from '../core/citation';
import { planCitationInsertion } from '../core/citationInsertion';
import type { AtlasService } from '../atlasService';
import { bibliographiesFor } from '../features/citations/bibliographyLocator';
import { applyBibliographyPlan, planBibliography, revertBibliographyPlan, type BibliographyPlan } from '../features/citations/bibliographyEdits';
import { isServed, syntaxOf } from '../features/documentLanguages';
import type { RecentModels } from '../features/recentModels';
import { pickModels } from './pickModels';

export function registerInsertCitation(service: AtlasService, recent: RecentModels): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.insertCitation', async (arg?: unknown) => {
    // From a webview (details page, timeline) no text editor is active: cite into the visible one.
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => isServed(e.document));
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown or LaTeX document to insert a citation.'));
      return false;
    }
    const models = await modelsFrom(service, arg);
    if (models.length === 0) {
      return false;
    }
    const inserted = await insertCitation(editor, models);
    if (inserted) {
      for (const model of models) {
        await recent.add(model.id);
      }
    }
    return inserted;
  });
}

async function modelsFrom(service: AtlasService, arg: unknown): Promise<AtlasModel[]> {
  const ids = Array.isArray(arg) ? arg : arg === undefined ? [] : [arg];
  const fromArgs = ids
    .map((a) => (typeof a === 'string' ? a : (a as { modelId?: unknown })?.modelId))
    .filter((id): id is string => typeof id === 'string')
    .map((id) => service.atlas.byIdOrUndefined(id))
    .filter((m): m is AtlasModel => m !== undefined);
  return fromArgs.length > 0 ? fromArgs : pickModels(service.atlas, vscode.l10n.t('Insert Citation'));
}

export interface CitationOptions {
  /** Put before a new citation, e.g. "~" after a model name in LaTeX. */
  lead?: string;
}

/** Cites `models` at the editor's cursor; returns whether the citation was inserted. */
export async function insertCitation(editor: vscode.TextEditor, models: readonly AtlasModel[], options: CitationOptions = {}): Promise<boolean> {
  const document = editor.document;
  const choice = await chooseBibliography(document);
  const plan: BibliographyPlan | undefined = choice ? await planBibliography(choice.uri, models) : undefined;
  const keys = plan?.keys ?? models.map((m) => m.bibtex.key);
  if (plan && !(await applyBibliographyPlan(plan))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not add the BibTeX entries to {0}.', vscode.workspace.asRelativePath(plan.bibUri)));
    return false;
  }
  const command = vscode.workspace.getConfiguration('modelAtlas', document.uri).get<LatexCiteCommand>('citation.command', '\\cite');
  const offset = document.offsetAt(editor.selection.active);
  const text = document.getText();
  const insertion = planCitationInsertion(text, offset, syntaxOf(document), keys, command);
  if (!insertion) {
    return true; // every key is already cited here
  }
  const isNew = insertion.text.startsWith('\\') || insertion.text.startsWith('[');
  const bibliographyLine = choice?.addBibliographyLine ? bibliographyLineInsertion(text) : undefined;
  const ok = await editor.edit((builder) => {
    builder.insert(document.positionAt(insertion.offset), (isNew ? options.lead ?? '' : '') + insertion.text);
    if (bibliographyLine) {
      builder.insert(document.positionAt(bibliographyLine.offset), bibliographyLine.text);
    }
  });
  if (!ok && plan) {
    await revertBibliographyPlan(plan); // never leave the .bib changed without its citation
  }
  return ok;
}

/** `\bibliography{references}` before `\end{document}`, when the document has one. */
function bibliographyLineInsertion(text: string): { offset: number; text: string } | undefined {
  const end = text.lastIndexOf('\\end{document}');
  return end < 0 ? undefined : { offset: end, text: '\\bibliography{references}\n' };
}

// Asked once per document: a researcher who declines does not want the question at every citation.
const declined = new Set<string>();

/** The .bib to keep in step: the first one the document names, or a new references.bib if the user agrees. */
async function chooseBibliography(document: vscode.TextDocument): Promise<{ uri: vscode.Uri; addBibliographyLine: boolean } | undefined> {
  const found = await bibliographiesFor(document);
  if (found.length > 0) {
    return { uri: found[0], addBibliographyLine: false };
  }
  if (syntaxOf(document) === 'plain' || document.isUntitled || declined.has(document.uri.toString())) {
    return undefined;
  }
  const isLatex = syntaxOf(document) === 'latex' && document.getText().includes('\\end{document}');
  const createWithLine = vscode.l10n.t('Create references.bib and add \\bibliography');
  const create = vscode.l10n.t('Create references.bib');
  const without = vscode.l10n.t('Cite Without Bibliography');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('This document names no bibliography. Create references.bib beside it for the BibTeX entries?'),
    ...(isLatex ? [createWithLine, create, without] : [create, without]),
  );
  if (answer !== create && answer !== createWithLine) {
    declined.add(document.uri.toString());
    return undefined;
  }
  return { uri: vscode.Uri.joinPath(document.uri, '..', 'references.bib'), addBibliographyLine: answer === createWithLine };
}
