// The one activation shared by the Node and browser entry points. Each feature registers itself; nothing
// here reads the atlas (a data file read on first use), so activation costs no more than the registrations.
import * as vscode from 'vscode';
import { registerBibCheck } from './features/bibcheck/registerBibCheck';
import { registerAgentTools } from './features/agentTools/agentTools';
import { registerCitationDiagnostics } from './features/citations/citationDiagnostics';
import { registerCitationQuickFixes } from './features/citations/citationQuickFixes';
import { registerExportBibtex } from './features/citations/exportBibtex';
import { registerFixAllCitations } from './features/citations/fixAllCitations';
import { registerInsertCitation } from './features/citations/insertCitation';
import { registerCompletion } from './features/completion/completion';
import { DetailsPanel, registerDetailsPanel } from './features/details/detailsPanel';
import { registerCodeHover } from './features/hover/codeHover';
import { registerHover } from './features/hover/hover';
import { registerCopyCommands } from './features/modelActions/copyCommands';
import { registerLinkCommands } from './features/modelActions/linkCommands';
import { registerSidebar, type SidebarTrees } from './features/models/sidebar';
import { markdownItPlugin } from './features/preview/markdownPreview';
import { registerCiteInProject } from './features/projectCitation/citeInProject';
import { registerTimeline } from './features/timeline/timelinePanel';
import { registerAtlasEntryCommands } from './features/userAtlas/atlasEntryCommands';
import { registerUserDatasets } from './features/userAtlas/registerUserDatasets';
import { registerInsertComparisonTable } from './features/writing/insertComparisonTable';
import { registerInsertRelatedWorkOutline } from './features/writing/insertRelatedWorkOutline';
import { AtlasService } from './shared/atlasService';
import { resolveBibliographies, type BibliographyResolution } from './shared/bibliography/bibliographyLocator';
import { registerFileStamps } from './shared/bibliography/fileStamps';
import { registerTexIncludes } from './shared/bibliography/texIncludes';
import { disposeOutputLog } from './shared/outputLog';
import { bundledAtlasReader } from './shared/bundledAtlasFile';
import { RecentModels } from './shared/recentModels';
import { provideYamlTools } from './shared/yamlTools';
import type { LoadUserAtlasTools } from './userAtlasToolsLoader';

/** What the extension exports, for the integration tests and for other extensions. */
export interface ModelAtlasApi {
  readonly service: AtlasService;
  /** Called by VS Code's Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt: ReturnType<typeof markdownItPlugin>;
  /** The sidebar trees and the details page, for the integration tests. */
  readonly sidebar: SidebarTrees & { detailsModelId(): string | undefined };
  /** Which .bib files a document reads and writes, and why (as logged in the Output channel). */
  bibliographiesOf(document: vscode.TextDocument): Promise<BibliographyResolution>;
}

export function activateShared(context: vscode.ExtensionContext, loadUserAtlasTools: LoadUserAtlasTools): ModelAtlasApi {
  provideYamlTools(loadUserAtlasTools);
  const service = new AtlasService(bundledAtlasReader(context.extensionUri));
  const recent = new RecentModels(context.workspaceState);
  const sidebar = registerSidebar(context, service);
  const userDatasets = registerUserDatasets(service, loadUserAtlasTools);
  context.subscriptions.push(
    registerFileStamps(),
    registerTexIncludes(),
    { dispose: disposeOutputLog },
    registerCopyCommands(service),
    registerLinkCommands(service),
    registerDetailsPanel(context, service),
    registerHover(service),
    registerCodeHover(service),
    registerCiteInProject(service),
    registerAgentTools(service),
    registerCompletion(service, recent),
    registerInsertCitation(service, recent),
    registerInsertComparisonTable(service, context.workspaceState),
    registerInsertRelatedWorkOutline(service, context.workspaceState),
    registerExportBibtex(service),
    registerCitationDiagnostics(service),
    registerCitationQuickFixes(service),
    registerFixAllCitations(service),
    registerBibCheck(context, service),
    registerTimeline(context, service),
    sidebar,
    userDatasets,
    registerAtlasEntryCommands(service, userDatasets.datasets, loadUserAtlasTools),
  );
  const detailsModelId = () => DetailsPanel.current?.modelId;
  return { service, extendMarkdownIt: markdownItPlugin(service), sidebar: { ...sidebar.trees, detailsModelId }, bibliographiesOf: resolveBibliographies };
}
