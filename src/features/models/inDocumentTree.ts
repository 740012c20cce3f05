// The "In This Document" view: the atlas models the active Markdown or LaTeX editor (or every cell of its
// notebook) mentions or cites outside code, comments and verbatim, how often, and where. It follows the active editor.
import * as vscode from 'vscode';
import { citedModelOf } from '../../core/citations/citationKeys';
import { listOccurrences, type ModelReference, type Occurrence } from '../../core/mentions/occurrences';
import type { AtlasService } from '../../shared/atlasService';
import { bibliographiesToRead } from '../../shared/bibliography/parsedBibs';
import { citationsOf, documentMentionsOf, nonProseOf } from '../../shared/documentAnalysis';
import { isServed } from '../../shared/documentLanguages';
import type { MentionArgument } from '../../shared/modelArguments';
import { activeDocument, partsOf } from '../../shared/notebookCells';
import { affectsSettings } from '../../shared/settings';
import { modelTreeItem } from './modelTreeItem';

export const IN_DOCUMENT_VIEW_ID = 'modelAtlas.inDocument';
const DEBOUNCE_MS = 300;

export interface MentionedModelNode {
  kind: 'model';
  /** Read by the shared commands (resolveModel) when they run from this item's menu. */
  modelId: string;
  occurrences: OccurrenceNode[];
}

export interface OccurrenceNode {
  kind: 'occurrence';
  modelId: string;
  uri: vscode.Uri;
  /** The notebook cell (1-based) it is in, when the document is a notebook's. */
  cell?: number;
  occurrence: Occurrence;
  parent: MentionedModelNode;
  /** Read by Insert Citation (mentionOf) when it runs from this item's menu: it cites this mention. */
  mention: MentionArgument;
}

export type InDocumentNode = MentionedModelNode | OccurrenceNode;

export class InDocumentTreeProvider implements vscode.TreeDataProvider<InDocumentNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private models: MentionedModelNode[] = [];
  private shown: vscode.TextDocument | undefined;
  /** Bumped by each update, so an older analysis that finishes late is dropped. */
  private updates = 0;
  /** The latest update while it runs: the view's first request for its items waits for it. */
  private updating: Promise<void> | undefined;

  constructor(private readonly service: AtlasService) {}

  /** The document the view lists, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.shown;
  }

  get mentionedModels(): readonly MentionedModelNode[] {
    return this.models;
  }

  /** Lists the mentions in `document`, or clears the view when it is not a served document. */
  update(document: vscode.TextDocument | undefined): Promise<void> {
    const update = ++this.updates;
    const shown = document && isServed(document) ? document : undefined;
    const done: Promise<void> = (shown ? this.analyse(shown) : Promise.resolve([]))
      .then((models) => {
        if (update === this.updates) {
          this.shown = shown;
          this.models = models;
          this.changed.fire();
        }
      })
      .finally(() => {
        if (this.updating === done) {
          this.updating = undefined;
        }
      });
    this.updating = done;
    return done;
  }

  async getTreeItem(node: InDocumentNode): Promise<vscode.TreeItem> {
    if (node.kind === 'model') {
      const model = (await this.service.atlas()).byIdOrUndefined(node.modelId);
      if (!model) {
        return new vscode.TreeItem(node.modelId); // left the atlas; the view is being refreshed
      }
      const item = modelTreeItem(model, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `mentioned:${model.id}`;
      item.description = countLabel(node.occurrences);
      return item;
    }
    const { occurrence } = node;
    const item = new vscode.TreeItem({ label: occurrence.snippet, highlights: [occurrence.highlight] }, vscode.TreeItemCollapsibleState.None);
    item.id = `mention:${node.modelId}:${node.cell ?? 0}:${occurrence.start}`;
    const line = occurrence.line + 1;
    item.description = node.cell
      ? occurrence.citation
        ? vscode.l10n.t('cell {0}, line {1}, cited', node.cell, line)
        : vscode.l10n.t('cell {0}, line {1}', node.cell, line)
      : occurrence.citation
        ? vscode.l10n.t('line {0}, cited', line)
        : vscode.l10n.t('line {0}', line);
    item.tooltip = vscode.l10n.t('Go to line {0}, column {1}', occurrence.line + 1, occurrence.character + 1);
    item.contextValue = occurrence.citation ? 'occurrence citation' : 'occurrence mention';
    item.command = { command: 'modelAtlas.inDocument.goTo', title: vscode.l10n.t('Go to Mention'), arguments: [node] };
    return item;
  }

  async getChildren(node?: InDocumentNode): Promise<InDocumentNode[]> {
    if (!node) {
      // Answered once the analysis under way is done: the workbench may drop the refresh that would follow an
      // empty first answer (seen in code-server when the view was shown while the analysis ran).
      for (let pending = this.updating; pending; pending = this.updating === pending ? undefined : this.updating) {
        await pending.catch(() => undefined);
      }
      return this.models;
    }
    return node.kind === 'model' ? node.occurrences : [];
  }

  getParent(node: InDocumentNode): InDocumentNode | undefined {
    return node.kind === 'occurrence' ? node.parent : undefined;
  }

  /** Whether an edit of `document` changes what the view lists. */
  lists(document: vscode.TextDocument): boolean {
    return this.shown !== undefined && partsOf(this.shown, isServed).some((part) => part.document === document);
  }

  /**
   * The mentions as the hover decides them (mentionContext) and the citations, code, markup and comments left
   * out, in the document or every served cell of its notebook.
   */
  private async analyse(document: vscode.TextDocument): Promise<MentionedModelNode[]> {
    const atlas = (await this.service.atlas());
    const byModel = new Map<string, MentionedModelNode>();
    for (const { document: part, cell } of partsOf(document, isServed)) {
      const { mentions } = await documentMentionsOf(part, atlas);
      const citations = citationsOf(part);
      // A cited key means what the document's .bib says (liu2023visual is LLaVA): read only when there are keys.
      const bibs = citations.length > 0 ? await bibliographiesToRead(part) : [];
      const cited: ModelReference[] = [];
      for (const citation of citations) {
        const modelId = citedModelOf(atlas, bibs, citation.key);
        if (modelId) {
          cited.push({ modelId, start: citation.start, end: citation.end });
        }
      }
      const text = part.getText();
      for (const m of listOccurrences(text, mentions, nonProseOf(part), cited)) {
        if (!atlas.byIdOrUndefined(m.modelId)) {
          continue;
        }
        let parent = byModel.get(m.modelId);
        if (!parent) {
          parent = { kind: 'model', modelId: m.modelId, occurrences: [] };
          byModel.set(m.modelId, parent);
        }
        const node = parent;
        node.occurrences.push(
          ...m.occurrences.map((occurrence): OccurrenceNode => {
            const end = occurrence.character + occurrence.end - occurrence.start;
            const mention = { uri: part.uri.toString(), line: occurrence.line, start: occurrence.character, end, text: text.slice(occurrence.start, occurrence.end) };
            return { kind: 'occurrence', modelId: m.modelId, uri: part.uri, cell, occurrence, parent: node, mention };
          }),
        );
      }
    }
    return [...byModel.values()];
  }
}

/** "3 mentions", "1 mention, 2 citations", "1 citation". */
function countLabel(occurrences: readonly OccurrenceNode[]): string {
  const citations = occurrences.filter((o) => o.occurrence.citation).length;
  const mentions = occurrences.length - citations;
  const mentionText = mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', mentions);
  const citationText = citations === 1 ? vscode.l10n.t('1 citation') : vscode.l10n.t('{0} citations', citations);
  return citations === 0 ? mentionText : mentions === 0 ? citationText : vscode.l10n.t('{0}, {1}', mentionText, citationText);
}

async function goTo(node: unknown): Promise<void> {
  const target = node as Partial<OccurrenceNode> | undefined;
  if (!target?.uri || !target.occurrence) {
    return;
  }
  const { line, character, start, end } = target.occurrence;
  const position = new vscode.Position(line, character);
  const selection = new vscode.Range(position, position.translate(0, end - start));
  const editor = await vscode.window.showTextDocument(target.uri, { selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerInDocumentTree(service: AtlasService, provider = new InDocumentTreeProvider(service)): vscode.Disposable {
  const view = vscode.window.createTreeView(IN_DOCUMENT_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A hidden view is not kept up to date (nor is the atlas loaded for it); it catches up when shown.
  let stale = false;
  const updateNow = () => {
    clearTimeout(timer);
    timer = undefined;
    stale = !view.visible;
    if (!stale) {
      void provider.update(activeDocument(isServed) ?? provider.document);
    }
  };
  const updateSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(updateNow, DEBOUNCE_MS);
  };
  const updateView = () => {
    const document = provider.document;
    view.description = document ? document.uri.path.split('/').pop() : undefined;
    view.message = !document
      ? vscode.l10n.t('Open a Markdown, LaTeX or Typst document to see the atlas models it mentions.')
      : provider.mentionedModels.length === 0
        ? vscode.l10n.t('This document mentions no atlas models.')
        : undefined;
  };
  const disposables = vscode.Disposable.from(
    view,
    provider.onDidChangeTreeData(updateView),
    view.onDidChangeVisibility(() => {
      if (view.visible && stale) {
        updateNow();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Focus moving to a webview or panel leaves no active editor; keep listing the last document.
      if (editor) {
        updateNow();
      }
    }),
    vscode.window.onDidChangeActiveNotebookEditor((editor) => {
      if (editor) {
        updateNow();
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (provider.lists(e.document) || e.document === vscode.window.activeTextEditor?.document) {
        updateSoon();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === provider.document) {
        void provider.update(undefined);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'languages')) {
        updateNow();
      }
    }),
    service.onDidChange(updateNow),
    vscode.commands.registerCommand('modelAtlas.inDocument.goTo', goTo),
    { dispose: () => clearTimeout(timer) },
  );
  updateView();
  updateNow();
  return disposables;
}
