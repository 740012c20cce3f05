// The Models view: the atlas grouped by year, family, organisation or architecture type, a long group split
// into sub-groups, narrowed by a filter. The grouping is remembered in workspaceState; a model opens its details.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { filterModels, matchesFilter } from '../../core/atlas/modelFilter';
import { groupContents, groupModels, isGroupBy, type GroupBy, type ModelGroup } from '../../core/atlas/modelGroups';
import { organizationName, organizationWithId } from '../../core/atlas/organizations';
import type { AtlasService } from '../../shared/atlasService';
import { architectureTypeLabels } from '../../shared/labels/detailsLabels';
import { resolveModel } from '../../shared/modelArguments';
import { affectsSettings, settings } from '../../shared/settings';
import { modelTreeItem } from './modelTreeItem';

export const MODELS_VIEW_ID = 'modelAtlas.models';
const GROUP_BY_KEY = 'modelAtlas.models.groupBy';

export interface GroupNode {
  kind: 'group';
  /** How this level is grouped: the view's grouping at the top, the sub-grouping below. */
  by: GroupBy;
  key: string;
  label: string;
  models: AtlasModel[];
  /** The group this one splits, for a sub-group. */
  parent?: GroupNode;
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
  private readonly children = new Map<GroupNode, ModelsNode[]>();

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
  async visibleModels(): Promise<AtlasModel[]> {
    return filterModels((await this.service.atlas()).models, this.query);
  }

  refresh(): void {
    this.groups = undefined;
    this.children.clear();
    this.changed.fire();
  }

  async getTreeItem(node: ModelsNode): Promise<vscode.TreeItem> {
    if (node.kind === 'group') {
      // Top-level groups open; sub-groups (a family within a long year, say) stay closed until asked for.
      const item = new vscode.TreeItem(node.label, node.parent ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.groupByMode}:${groupPath(node)}`;
      item.description = String(node.models.length);
      item.contextValue = 'group';
      return item;
    }
    const model = (await this.service.atlas()).get(node.modelId);
    const item = modelTreeItem(model);
    item.id = `model:${this.groupByMode}:${groupPath(node.parent)}:${model.id}`;
    item.command = { command: 'modelAtlas.showDetails', title: vscode.l10n.t('Show Details'), arguments: [model.id] };
    return item;
  }

  async getChildren(node?: ModelsNode): Promise<ModelsNode[]> {
    if (!node) {
      return this.currentGroups();
    }
    return node.kind === 'group' ? this.childrenOf(node, await this.service.atlas()) : [];
  }

  getParent(node: ModelsNode): ModelsNode | undefined {
    return node.parent;
  }

  /** The first place the model appears, clearing a filter that hides it. */
  async nodeFor(modelId: string): Promise<ModelNode | undefined> {
    const atlas = await this.service.atlas();
    const model = atlas.byIdOrUndefined(modelId);
    if (!model) {
      return undefined;
    }
    if (!matchesFilter(model, this.query)) {
      this.setFilter('');
    }
    const search = (nodes: readonly ModelsNode[]): ModelNode | undefined => {
      for (const node of nodes) {
        if (node.kind === 'model' && node.modelId === modelId) {
          return node;
        }
        if (node.kind === 'group' && node.models.includes(model)) {
          const found = search(this.childrenOf(node, atlas));
          if (found) {
            return found;
          }
        }
      }
      return undefined;
    };
    return search(await this.currentGroups());
  }

  private async currentGroups(): Promise<GroupNode[]> {
    if (!this.groups) {
      const atlas = await this.service.atlas();
      const visible = filterModels(atlas.models, this.query);
      this.groups = groupModels(visible, this.groupByMode).map((g) => this.groupNode(g, this.groupByMode, atlas));
    }
    return this.groups;
  }

  private childrenOf(group: GroupNode, atlas: AtlasIndex): ModelsNode[] {
    let nodes = this.children.get(group);
    if (!nodes) {
      const contents = groupContents(group, group.by);
      const subgroups = contents.subgroupBy ? contents.subgroups.map((g) => this.groupNode(g, contents.subgroupBy!, atlas, group)) : [];
      nodes = [...subgroups, ...contents.models.map((m): ModelNode => ({ kind: 'model', modelId: m.id, parent: group }))];
      this.children.set(group, nodes);
    }
    return nodes;
  }

  private groupNode(group: ModelGroup, by: GroupBy, atlas: AtlasIndex, parent?: GroupNode): GroupNode {
    return { kind: 'group', by, key: group.key, label: groupLabel(by, group, atlas), models: group.models, parent };
  }
}

function groupPath(group: GroupNode): string {
  return group.parent ? `${groupPath(group.parent)}/${group.key}` : group.key;
}

function groupLabel(by: GroupBy, { key, models }: ModelGroup, atlas: AtlasIndex): string {
  switch (by) {
    case 'family':
      return vscode.l10n.t('{0} line', atlas.familyName(key));
    case 'architecture':
      return architectureTypeLabels()[key] ?? key;
    case 'organization':
      return key ? organizationName(organizationWithId(models, key), settings.displayLanguage()) : vscode.l10n.t('Unknown organization');
    default:
      return key;
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
  const updateView = async () => {
    void vscode.commands.executeCommand('setContext', 'modelAtlas.models.groupBy', provider.groupBy);
    void vscode.commands.executeCommand('setContext', 'modelAtlas.models.filtered', provider.filter !== '');
    view.description = provider.filter ? vscode.l10n.t('Filter: {0}', provider.filter) : undefined;
    view.message =
      provider.filter && (await provider.visibleModels()).length === 0
        ? vscode.l10n.t('No models match "{0}". Use Clear Filter in the title bar to show them all.', provider.filter)
        : undefined;
  };
  void updateView();

  return vscode.Disposable.from(
    view,
    provider.onDidChangeTreeData(() => void updateView()),
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
      const node = model && (await provider.nodeFor(model.id));
      if (node) {
        await view.reveal(node, { select: true, focus: true, expand: true });
      }
    }),
  );
}
