// The model details webview: one panel, reused for whichever model is shown, titled with its name, and
// restored after a reload by a serializer from the model id the page keeps in its state.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { renderBibtex } from '../../core/bibtex/render';
import { linkUrl, toModelDetails } from '../../core/presentation/modelDetails';
import type { AtlasService } from '../../shared/atlasService';
import { architectureTypeLabels, detailsLabels, diagramLabels, linkTexts } from '../../shared/labels/detailsLabels';
import { resolveModel } from '../../shared/modelArguments';
import { affectsSettings, settings } from '../../shared/settings';
import { editorToInsertInto } from '../../shared/targetEditor';
import { listenToPanel, webviewHtml, webviewOptions } from '../../shared/webviewHtml';
import { isWebviewToHost, type DetailsAction, type DetailsInitialData, type DetailsViewState, type HostToWebview, type WebviewToHost } from '../../webview/details/protocol';

export const DETAILS_VIEW_TYPE = 'modelAtlas.details';

const ACTION_COMMANDS: Record<DetailsAction, string> = {
  copyBibtex: 'modelAtlas.copyBibtex',
  insertCitation: 'modelAtlas.insertCitation',
  showOnTimeline: 'modelAtlas.showOnTimeline',
  revealInTree: 'modelAtlas.revealInTree',
};

interface DetailsDeps {
  extensionUri: vscode.Uri;
  service: AtlasService;
}

export class DetailsPanel {
  static current: DetailsPanel | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  static createOrShow(deps: DetailsDeps, model: AtlasModel): DetailsPanel {
    if (DetailsPanel.current) {
      DetailsPanel.current.show(model.id);
      DetailsPanel.current.panel.reveal();
      return DetailsPanel.current;
    }
    // Beside the document being written, so the paper and the details stay side by side.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, model.name, column, webviewOptions(deps.extensionUri));
    DetailsPanel.current = new DetailsPanel(panel, deps, model.id);
    return DetailsPanel.current;
  }

  static async revive(panel: vscode.WebviewPanel, deps: DetailsDeps, state: unknown): Promise<void> {
    const modelId = (state as Partial<DetailsViewState> | undefined)?.modelId;
    const model = typeof modelId === 'string' ? (await deps.service.atlas()).byIdOrUndefined(modelId) : undefined;
    if (!model) {
      panel.dispose(); // the model left the atlas: nothing to restore
      return;
    }
    DetailsPanel.current?.dispose();
    DetailsPanel.current = new DetailsPanel(panel, deps, model.id);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: DetailsDeps,
    private shownId: string,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    const initialData: DetailsInitialData = { labels: detailsLabels() };
    panel.webview.html = webviewHtml({
      webview: panel.webview,
      extensionUri: deps.extensionUri,
      script: 'details.js',
      style: 'details.css',
      title: this.model()?.name ?? '',
      initialData,
      language: vscode.env.language,
    });
    panel.title = this.model()?.name ?? panel.title;
    this.disposables.push(
      ...listenToPanel(panel, {
        isMessage: isWebviewToHost,
        onMessage: (message) => void this.onMessage(message),
        onHidden: () => (this.ready = false),
        onDispose: () => this.dispose(),
      }),
      deps.service.onDidChange(() => void this.send()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, 'displayLanguage', 'bibtex.flavour')) {
          void this.send();
        }
      }),
    );
  }

  get modelId(): string {
    return this.shownId;
  }

  show(modelId: string): void {
    this.shownId = modelId;
    this.panel.title = this.model()?.name ?? modelId;
    void this.send();
  }

  dispose(): void {
    if (DetailsPanel.current === this) {
      DetailsPanel.current = undefined;
    }
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }

  /** The shown model; the atlas is loaded before a panel is made (createOrShow and revive come after a lookup). */
  private model(): AtlasModel | undefined {
    return this.deps.service.loaded?.byIdOrUndefined(this.shownId);
  }

  private async send(): Promise<void> {
    const atlas = await this.deps.service.atlas();
    const model = atlas.byIdOrUndefined(this.shownId);
    if (!this.ready || !model) {
      return;
    }
    const details = toModelDetails(model, atlas, {
      language: settings.displayLanguage(),
      bibtex: renderBibtex(model, settings.bibtexFlavour()),
      diagramLabels: diagramLabels(model.name),
      linkTexts: linkTexts(),
      architectureTypes: architectureTypeLabels(),
    });
    void this.panel.webview.postMessage({ type: 'show', details } satisfies HostToWebview);
  }

  private async onMessage(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.send();
        break;
      case 'openModel':
        if ((await this.deps.service.atlas()).byIdOrUndefined(message.modelId)) {
          this.show(message.modelId);
        }
        break;
      case 'openLink': {
        const model = (await this.deps.service.atlas()).byIdOrUndefined(message.modelId);
        const url = model && linkUrl(model, message.link);
        if (url) {
          await vscode.env.openExternal(vscode.Uri.parse(url));
        }
        break;
      }
      case 'action':
        await runAction(message.action, message.modelId);
        break;
    }
  }
}

async function runAction(action: DetailsAction, modelId: string): Promise<void> {
  const command = ACTION_COMMANDS[action];
  if (action === 'insertCitation' && !vscode.window.activeTextEditor) {
    // The webview has focus, so no text editor is active: go back to the one beside it first.
    const editor = editorToInsertInto();
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to insert a citation into.'));
      return;
    }
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  }
  await vscode.commands.executeCommand(command, modelId);
}

export function registerDetailsPanel(context: vscode.ExtensionContext, service: AtlasService): vscode.Disposable {
  const deps: DetailsDeps = { extensionUri: context.extensionUri, service };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.showDetails', async (arg?: unknown) => {
      const model = await resolveModel(service, arg);
      if (model) {
        DetailsPanel.createOrShow(deps, model);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        await DetailsPanel.revive(panel, deps, state);
      },
    }),
    { dispose: () => DetailsPanel.current?.dispose() },
  );
}
