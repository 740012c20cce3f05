// The "In This Document" view: the atlas models the active Markdown or LaTeX editor mentions (outside
// code, comments and verbatim), how often, and where. It follows the active editor and, debounced, its edits.
import * as vscode from 'vscode';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { listOccurrences, type Occurrence } from '../../core/mentions/occurrences';
import type { AtlasService } from '../../shared/atlasService';
import { mentionsOf, nonProseOf } from '../../shared/documentAnalysis';
import { isServed } from '../../shared/documentLanguages';
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
  occurrence: Occurrence;
  parent: MentionedModelNode;
}

export type InDocumentNode = MentionedModelNode | OccurrenceNode;

export class InDocumentTreeProvider implements vscode.TreeDataProvider<InDocumentNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private models: MentionedModelNode[] = [];
  private shown: vscode.TextDocument | undefined;
  private generation = 0;

  constructor(private readonly service: AtlasService) {}

  /** The document the view lists, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.shown;
  }

  get mentionedModels(): readonly MentionedModelNode[] {
    return this.models;
  }

  /** Lists the mentions in `document`, or clears the view when it is not a served document. */
  async update(document: vscode.TextDocument | undefined): Promise<void> {
    const mine = ++this.generation;
    const shown = document && isServed(document) ? document : undefined;
    const models = shown ? this.analyse(shown, await this.service.atlas()) : [];
    if (mine === this.generation) {
      this.shown = shown;
      this.models = models;
      this.changed.fire();
    }
  }

  async getTreeItem(node: InDocumentNode): Promise<vscode.TreeItem> {
    if (node.kind === 'model') {
      const model = (await this.service.atlas()).byIdOrUndefined(node.modelId);
      if (!model) {
        return new vscode.TreeItem(node.modelId); // left the atlas; the view is being refreshed
      }
      const item = modelTreeItem(model, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `mentioned:${model.id}`;
      const count = node.occurrences.length;
      item.description = count === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', count);
      return item;
    }
    const { occurrence } = node;
    const item = new vscode.TreeItem({ label: occurrence.snippet, highlights: [occurrence.highlight] }, vscode.TreeItemCollapsibleState.None);
    item.id = `mention:${node.modelId}:${occurrence.start}`;
    item.description = vscode.l10n.t('line {0}', occurrence.line + 1);
    item.tooltip = vscode.l10n.t('Go to line {0}, column {1}', occurrence.line + 1, occurrence.character + 1);
    item.contextValue = 'occurrence';
    item.command = { command: 'modelAtlas.inDocument.goTo', title: vscode.l10n.t('Go to Mention'), arguments: [node] };
    return item;
  }

  getChildren(node?: InDocumentNode): InDocumentNode[] {
    if (!node) {
      return this.models;
    }
    return node.kind === 'model' ? node.occurrences : [];
  }

  getParent(node: InDocumentNode): InDocumentNode | undefined {
    return node.kind === 'occurrence' ? node.parent : undefined;
  }

  private analyse(document: vscode.TextDocument, atlas: AtlasIndex): MentionedModelNode[] {
    const text = document.getText();
    return listOccurrences(text, mentionsOf(document, atlas.matcher), nonProseOf(document))
      .filter((m) => atlas.byIdOrUndefined(m.modelId))
      .map((m) => {
        const parent: MentionedModelNode = { kind: 'model', modelId: m.modelId, occurrences: [] };
        parent.occurrences = m.occurrences.map((occurrence) => ({ kind: 'occurrence', modelId: m.modelId, uri: document.uri, occurrence, parent }));
        return parent;
      });
  }
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
      void provider.update(vscode.window.activeTextEditor?.document ?? provider.document);
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
      ? vscode.l10n.t('Open a Markdown or LaTeX document to see the atlas models it mentions.')
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
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === provider.document || e.document === vscode.window.activeTextEditor?.document) {
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
