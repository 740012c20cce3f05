// The Models and In This Document trees of the Model Atlas view container; the providers are returned for tests.
import * as vscode from 'vscode';
import type { AtlasService } from '../../shared/atlasService';
import { InDocumentTreeProvider, registerInDocumentTree } from './inDocumentTree';
import { ModelsTreeProvider, registerModelsTree } from './modelsTree';

export interface SidebarTrees {
  readonly models: ModelsTreeProvider;
  readonly inDocument: InDocumentTreeProvider;
}

export function registerSidebar(context: vscode.ExtensionContext, service: AtlasService): vscode.Disposable & { trees: SidebarTrees } {
  const models = new ModelsTreeProvider(service, context.workspaceState);
  const inDocument = new InDocumentTreeProvider(service);
  const disposable = vscode.Disposable.from(registerModelsTree(service, context.workspaceState, models), registerInDocumentTree(service, inDocument));
  return Object.assign(disposable, { trees: { models, inDocument } });
}
