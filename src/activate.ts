// The one activation shared by the Node and browser entry points. Each feature registers itself; nothing
// here reads the atlas (a data file read on first use), so activation costs no more than the registrations.
import * as vscode from 'vscode';
import { registerCitationDiagnostics } from './features/citations/citationDiagnostics';
import { registerCitationQuickFixes } from './features/citations/citationQuickFixes';
import { registerExportBibtex } from './features/citations/exportBibtex';
import { registerInsertCitation } from './features/citations/insertCitation';
import { registerCompletion } from './features/completion/completion';
import { DetailsPanel, registerDetailsPanel } from './features/details/detailsPanel';
import { registerHover } from './features/hover/hover';
import { registerCopyCommands } from './features/modelActions/copyCommands';
import { registerLinkCommands } from './features/modelActions/linkCommands';
import { registerSidebar, type SidebarTrees } from './features/models/sidebar';
import { markdownItPlugin } from './features/preview/markdownPreview';
import { registerTimeline } from './features/timeline/timelinePanel';
import { registerAtlasEntryCommands } from './features/userAtlas/atlasEntryCommands';
import { registerUserDatasets } from './features/userAtlas/registerUserDatasets';
import { registerInsertComparisonTable } from './features/writing/insertComparisonTable';
import { registerInsertRelatedWorkOutline } from './features/writing/insertRelatedWorkOutline';
import { AtlasService } from './shared/atlasService';
import { bundledAtlasReader } from './shared/bundledAtlasFile';
import { documentSelector } from './shared/documentLanguages';
import { RecentModels } from './shared/recentModels';
import type { LoadUserAtlasTools } from './userAtlasToolsLoader';

/** What the extension exports, for the integration tests and for other extensions. */
export interface ModelAtlasApi {
  readonly service: AtlasService;
  /** Called by VS Code's Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt: ReturnType<typeof markdownItPlugin>;
  /** The sidebar trees and the details page, for the integration tests. */
  readonly sidebar: SidebarTrees & { detailsModelId(): string | undefined };
}

export function activateShared(context: vscode.ExtensionContext, loadUserAtlasTools: LoadUserAtlasTools): ModelAtlasApi {
  const service = new AtlasService(bundledAtlasReader(context.extensionUri));
  const recent = new RecentModels(context.workspaceState);
  const sidebar = registerSidebar(context, service);
  const userDatasets = registerUserDatasets(service, loadUserAtlasTools);
  context.subscriptions.push(
    registerCopyCommands(service),
    registerLinkCommands(service),
    registerDetailsPanel(context, service),
    registerHover(service),
    registerCompletion(service, recent),
    registerInsertCitation(service, recent),
    registerInsertComparisonTable(service, context.workspaceState),
    registerInsertRelatedWorkOutline(service, context.workspaceState),
    registerExportBibtex(service),
    registerCitationDiagnostics(service),
    registerCitationQuickFixes(service, documentSelector()),
    registerTimeline(context, service),
    sidebar,
    userDatasets,
    registerAtlasEntryCommands(service, userDatasets.datasets, loadUserAtlasTools),
  );
  const detailsModelId = () => DetailsPanel.current?.modelId;
  return { service, extendMarkdownIt: markdownItPlugin(service), sidebar: { ...sidebar.trees, detailsModelId } };
}
