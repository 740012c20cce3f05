// The one activation shared by the Node and browser entry points. Each feature registers itself;
// nothing here reads the atlas, so activation costs no more than the registrations.
import * as vscode from 'vscode';
import { AtlasService } from './atlasService';
import { registerCopyCommands } from './commands/copyCommands';
import { registerCompletion } from './features/completion';
import { registerHover } from './features/hover';
import { RecentModels } from './features/recentModels';

/** What the extension exports, for the integration tests and for other extensions. */
export interface ModelAtlasApi {
  readonly service: AtlasService;
}

export function activateShared(context: vscode.ExtensionContext): ModelAtlasApi {
  const service = new AtlasService();
  const recent = new RecentModels(context.workspaceState);
  context.subscriptions.push(registerCopyCommands(service), registerHover(service), registerCompletion(service, recent));
  return { service };
}
