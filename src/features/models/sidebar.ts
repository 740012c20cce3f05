// The Model Atlas view container: the Models tree, the In This Document tree, the details page and
// the link commands their items offer. The providers are returned for the integration tests.
import * as vscode from 'vscode';
import type { AtlasService } from '../../shared/atlasService';
import { registerLinkCommands } from '../modelActions/linkCommands';
import { DetailsPanel, registerDetailsPanel } from '../details/detailsPanel';
import { InDocumentTreeProvider, registerInDocumentTree } from './inDocumentTree';
import { ModelsTreeProvider, registerModelsTree } from './modelsTree';

export interface SidebarApi {
  readonly models: ModelsTreeProvider;
  readonly inDocument: InDocumentTreeProvider;
  /** The model the details page shows, if it is open. */
  detailsModelId(): string | undefined;
}

export function registerSidebar(context: vscode.ExtensionContext, service: AtlasService): vscode.Disposable & { api: SidebarApi } {
  const models = new ModelsTreeProvider(service, context.workspaceState);
  const inDocument = new InDocumentTreeProvider(service);
  const disposable = vscode.Disposable.from(
    registerModelsTree(service, context.workspaceState, models),
    registerInDocumentTree(service, inDocument),
    registerDetailsPanel(context, service),
    registerLinkCommands(service),
  );
  return Object.assign(disposable, { api: { models, inDocument, detailsModelId: () => DetailsPanel.current?.modelId } });
}
