// Undoing a citation takes its .bib append back too: when an undo brings the document back to its text before
// the citation and no appended key is cited any more, the append is reverted where its bytes are still as
// written; a redo puts it back where the .bib is still as it was.
import * as vscode from 'vscode';
import { findCitedKeys } from '../../core/citations/citationContext';
import type { TextInsertion } from '../../core/citations/citationInsertion';
import { syntaxOf } from '../documentLanguages';
import { revertBibliographyPlan, writeBibliographyPlan, type BibliographyPlan } from './bibliographyWrites';

interface TrackedCitation {
  document: vscode.TextDocument;
  /** The document's text before and after the citation's edit. */
  before: string;
  after: string;
  /** What the edit inserted, at offsets of `before`. */
  inserts: readonly TextInsertion[];
  plan: BibliographyPlan;
  takenBack: boolean;
}

/** The last few citations per document: undo reaches back further only through many edits. */
const KEPT_PER_DOCUMENT = 20;
const tracked = new Map<string, TrackedCitation[]>();
let listening: vscode.Disposable | undefined;
/** Undos and redos are handled one after another, each with the text it left, in the order they happened. */
let queue: Promise<void> = Promise.resolve();

/** Watches `document` for an undo of the citation just inserted (`before` was its text before); returns the Undo action for a notification. */
export function trackCitation(document: vscode.TextDocument, before: string, inserts: readonly TextInsertion[], plan: BibliographyPlan): () => Promise<boolean> {
  const entry: TrackedCitation = { document, before, after: document.getText(), inserts, plan, takenBack: false };
  const key = document.uri.toString();
  const list = (tracked.get(key) ?? []).concat(entry).slice(-KEPT_PER_DOCUMENT);
  tracked.set(key, list);
  listening ??= vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const list = e.reason === undefined ? undefined : tracked.get(e.document.uri.toString());
      if (list) {
        const text = e.document.getText();
        queue = queue.then(() => onUndoOrRedo(e.reason!, list, text));
      }
    }),
    vscode.workspace.onDidCloseTextDocument((d) => forget(d.uri.toString())),
  );
  return () => undoCitation(entry);
}

function forget(key: string): void {
  tracked.delete(key);
  if (tracked.size === 0) {
    listening?.dispose();
    listening = undefined;
  }
}

async function onUndoOrRedo(reason: vscode.TextDocumentChangeReason, list: readonly TrackedCitation[], text: string): Promise<void> {
  for (const entry of list) {
    if (reason === vscode.TextDocumentChangeReason.Undo && !entry.takenBack && text === entry.before) {
      await takeBack(entry);
    } else if (reason === vscode.TextDocumentChangeReason.Redo && entry.takenBack && text === entry.after) {
      entry.takenBack = !(await writeBibliographyPlan(entry.plan)).ok;
    }
  }
}

/** Reverts the append, unless the document (back at its text before the citation) still cites one of its keys elsewhere. */
async function takeBack(entry: TrackedCitation): Promise<boolean> {
  const cited = [...findCitedKeys(entry.before, syntaxOf(entry.document))].map((k) => k.toLowerCase());
  if (entry.plan.addedKeys.some((key) => cited.includes(key.toLowerCase()))) {
    return false;
  }
  entry.takenBack = await revertBibliographyPlan(entry.plan);
  return entry.takenBack;
}

/** The notification's Undo: removes the citation's text where the document is as the citation left it, then the append. */
async function undoCitation(entry: TrackedCitation): Promise<boolean> {
  const { document } = entry;
  if (entry.takenBack || document.isClosed || document.getText() !== entry.after) {
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  let shift = 0;
  for (const insert of [...entry.inserts].sort((a, b) => a.offset - b.offset)) {
    const start = insert.offset + shift;
    edit.delete(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + insert.text.length)));
    shift += insert.text.length;
  }
  if (!(await vscode.workspace.applyEdit(edit)) || document.getText() !== entry.before) {
    return false;
  }
  return takeBack(entry);
}
