// The Models view: the atlas grouped by year, family, organization or architecture type, narrowed by a
// filter. The grouping is remembered in workspaceState; each model item opens its details page.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { filterModels, matchesFilter } from '../../core/atlas/modelFilter';
import { groupModels, isGroupBy, type GroupBy } from '../../core/atlas/modelGroups';
import type { AtlasService } from '../../shared/atlasService';
import { architectureTypeLabels } from '../../shared/labels/detailsLabels';
import { resolveModel } from '../../shared/modelArguments';
import { affectsSettings } from '../../shared/settings';
import { modelTreeItem } from './modelTreeItem';

export const MODELS_VIEW_ID = 'modelAtlas.models';
const GROUP_BY_KEY = 'modelAtlas.models.groupBy';

export interface GroupNode {
  kind: 'group';
  key: string;
  label: string;
  models: AtlasModel[];
}

export interface ModelNode {
  kind: 'model';
  /** Read by the shared commands (resolveModel) when they run from this item's menu. */
  modelId: string;
  parent: GroupNode;
}

export type ModelsNode = GroupNode | ModelNode;

export class ModelsTreeProvider implements vscode.TreeDataProvider<ModelsNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groupByMode: GroupBy;
  private query = '';
  private groups: GroupNode[] | undefined;
  private readonly modelNodes = new Map<GroupNode, ModelNode[]>();

  constructor(
    private readonly service: AtlasService,
    private readonly memento: vscode.Memento,
  ) {
    const saved = memento.get<unknown>(GROUP_BY_KEY);
    this.groupByMode = isGroupBy(saved) ? saved : 'year';
  }

  get groupBy(): GroupBy {
    return this.groupByMode;
  }

  async setGroupBy(mode: GroupBy): Promise<void> {
    this.groupByMode = mode;
    await this.memento.update(GROUP_BY_KEY, mode);
    this.refresh();
  }

  get filter(): string {
    return this.query;
  }

  setFilter(query: string): void {
    this.query = query.trim();
    this.refresh();
  }

  /** The models the view shows now, oldest first, each once. */
  visibleModels(): AtlasModel[] {
    return filterModels(this.service.atlas.models, this.query);
  }

  refresh(): void {
    this.groups = undefined;
    this.modelNodes.clear();
    this.changed.fire();
  }

  getTreeItem(node: ModelsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.groupByMode}:${node.key}`;
      item.description = String(node.models.length);
      item.contextValue = 'group';
      return item;
    }
    const model = this.service.atlas.get(node.modelId);
    const item = modelTreeItem(model);
    item.id = `model:${this.groupByMode}:${node.parent.key}:${model.id}`;
    item.command = { command: 'modelAtlas.showDetails', title: vscode.l10n.t('Show Details'), arguments: [model.id] };
    return item;
  }

  getChildren(node?: ModelsNode): ModelsNode[] {
    if (!node) {
      return this.currentGroups();
    }
    return node.kind === 'group' ? this.childrenOf(node) : [];
  }

  getParent(node: ModelsNode): ModelsNode | undefined {
    return node.kind === 'model' ? node.parent : undefined;
  }

  /** The first place the model appears, clearing a filter that hides it. */
  nodeFor(modelId: string): ModelNode | undefined {
    const model = this.service.atlas.byIdOrUndefined(modelId);
    if (!model) {
      return undefined;
    }
    if (!matchesFilter(model, this.query)) {
      this.setFilter('');
    }
    for (const group of this.currentGroups()) {
      const found = this.childrenOf(group).find((n) => n.modelId === modelId);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  private currentGroups(): GroupNode[] {
    this.groups ??= groupModels(this.visibleModels(), this.groupByMode).map((g) => ({ kind: 'group', key: g.key, label: this.groupLabel(g.key), models: g.models }));
    return this.groups;
  }

  private childrenOf(group: GroupNode): ModelNode[] {
    let nodes = this.modelNodes.get(group);
    if (!nodes) {
      nodes = group.models.map((m) => ({ kind: 'model', modelId: m.id, parent: group }));
      this.modelNodes.set(group, nodes);
    }
    return nodes;
  }

  private groupLabel(key: string): string {
    switch (this.groupByMode) {
      case 'family':
        return vscode.l10n.t('{0} line', this.service.atlas.familyName(key));
      case 'architecture':
        return architectureTypeLabels()[key] ?? key;
      case 'organization':
        return key || vscode.l10n.t('Unknown organization');
      default:
        return key;
    }
  }
}

const GROUP_COMMANDS: Record<GroupBy, string> = {
  year: 'modelAtlas.models.groupByYear',
  family: 'modelAtlas.models.groupByFamily',
  organization: 'modelAtlas.models.groupByOrganization',
  architecture: 'modelAtlas.models.groupByArchitecture',
};

export function registerModelsTree(service: AtlasService, memento: vscode.Memento, provider = new ModelsTreeProvider(service, memento)): vscode.Disposable {
  // Several models can be selected, for the writing aids (a table or outline of the selection).
  const view = vscode.window.createTreeView(MODELS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const updateView = () => {
    void vscode.commands.executeCommand('setContext', 'modelAtlas.models.groupBy', provider.groupBy);
    void vscode.commands.executeCommand('setContext', 'modelAtlas.models.filtered', provider.filter !== '');
    view.description = provider.filter ? vscode.l10n.t('Filter: {0}', provider.filter) : undefined;
    view.message =
      provider.filter && provider.visibleModels().length === 0
        ? vscode.l10n.t('No models match "{0}". Use Clear Filter in the title bar to show them all.', provider.filter)
        : undefined;
  };
  updateView();

  return vscode.Disposable.from(
    view,
    provider.onDidChangeTreeData(updateView),
    service.onDidChange(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'displayLanguage')) {
        provider.refresh();
      }
    }),
    ...Object.entries(GROUP_COMMANDS).map(([mode, command]) => vscode.commands.registerCommand(command, () => provider.setGroupBy(mode as GroupBy))),
    // The optional argument sets the filter without the input box, for scripts and tests.
    vscode.commands.registerCommand('modelAtlas.models.filter', async (query?: unknown) => {
      const value =
        typeof query === 'string'
          ? query
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Filter Models'),
              prompt: vscode.l10n.t('Name, alias, title, author, organization or tag'),
              value: provider.filter,
            });
      if (value !== undefined) {
        provider.setFilter(value);
      }
    }),
    vscode.commands.registerCommand('modelAtlas.models.clearFilter', () => provider.setFilter('')),
    vscode.commands.registerCommand('modelAtlas.revealInTree', async (arg?: unknown) => {
      const model = await resolveModel(service, arg);
      const node = model && provider.nodeFor(model.id);
      if (node) {
        await view.reveal(node, { select: true, focus: true, expand: true });
      }
    }),
  );
}
