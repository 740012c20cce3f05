// The timeline webview panel: one panel, reused, restored after a reload by a serializer. The extension sends
// the models after the webview's "ready", runs the commands a node's actions ask for, and saves its exports.
import * as vscode from 'vscode';
import { organizationNames, toTimelineModel } from '../../core/timeline/timelineModel';
import type { AtlasService } from '../../shared/atlasService';
import { resolveModel, uriFromArgument } from '../../shared/modelArguments';
import { affectsSettings, settings } from '../../shared/settings';
import { listenToPanel, webviewHtml, webviewOptions } from '../../shared/webviewHtml';
import {
  isWebviewToHost,
  type ExportFormat,
  type HostToWebview,
  type TimelineAction,
  type TimelineInitialData,
  type WebviewToHost,
} from '../../webview/timeline/protocol';
import { timelineLabels, timelineTitle } from './timelineLabels';

export const TIMELINE_VIEW_TYPE = 'modelAtlas.timeline';

const ACTION_COMMANDS: Record<TimelineAction, string> = {
  showDetails: 'modelAtlas.showDetails',
  insertCitation: 'modelAtlas.insertCitation',
  copyBibtex: 'modelAtlas.copyBibtex',
  openPaper: 'modelAtlas.openPaper',
  revealInTree: 'modelAtlas.revealInTree',
};

const EXPORT_TIMEOUT_MS = 30_000;

interface ExportRequest {
  format: ExportFormat;
  settle(answer: { data?: string; error?: string }): void;
}

interface TimelineDeps {
  extensionUri: vscode.Uri;
  service: AtlasService;
}

export class TimelinePanel {
  static current: TimelinePanel | undefined;
  private ready = false;
  private pending: HostToWebview[] = [];
  private nextRequestId = 1;
  private readonly exportRequests = new Map<number, ExportRequest>();
  private readonly disposables: vscode.Disposable[] = [];

  static createOrShow(deps: TimelineDeps): TimelinePanel {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal();
      return TimelinePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, timelineTitle(), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    TimelinePanel.current = new TimelinePanel(panel, deps);
    return TimelinePanel.current;
  }

  static revive(panel: vscode.WebviewPanel, deps: TimelineDeps): TimelinePanel {
    TimelinePanel.current?.dispose();
    TimelinePanel.current = new TimelinePanel(panel, deps);
    return TimelinePanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: TimelineDeps,
  ) {
    panel.title = timelineTitle();
    panel.webview.options = webviewOptions(deps.extensionUri);
    const initialData: TimelineInitialData = { labels: timelineLabels(), language: vscode.env.language };
    panel.webview.html = webviewHtml({
      webview: panel.webview,
      extensionUri: deps.extensionUri,
      script: 'timeline.js',
      style: 'timeline.css',
      title: timelineTitle(),
      initialData,
      language: vscode.env.language,
    });
    this.disposables.push(
      ...listenToPanel(panel, {
        isMessage: isWebviewToHost,
        onMessage: (message) =>
          this.onMessage(message).catch((error: unknown) => {
            void vscode.window.showErrorMessage(vscode.l10n.t('Model Atlas timeline: {0}', error instanceof Error ? error.message : String(error)));
          }),
        onHidden: () => (this.ready = false),
        onDispose: () => this.dispose(),
      }),
      deps.service.onDidChange(() => void this.sendModels()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, 'displayLanguage')) {
          void this.sendModels();
        }
      }),
    );
  }

  /** Selects a model on the timeline and scrolls to it. */
  select(modelId: string): void {
    this.post({ type: 'select', modelId });
  }

  /** The whole chart with its legend, from the webview: a self-contained SVG document, or a PNG in base64. */
  requestExport(format: ExportFormat): Promise<string> {
    if (!this.panel.visible) {
      this.panel.reveal(undefined, true); // a hidden webview is not running and cannot answer
    }
    const requestId = this.nextRequestId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.exportRequests.delete(requestId);
        reject(new Error(vscode.l10n.t('The timeline did not answer the export request.')));
      }, EXPORT_TIMEOUT_MS);
      this.exportRequests.set(requestId, {
        format,
        settle: ({ data, error }) => {
          clearTimeout(timer);
          this.exportRequests.delete(requestId);
          if (data !== undefined) {
            resolve(data);
          } else {
            reject(new Error(error ?? ''));
          }
        },
      });
      this.post({ type: 'requestExport', requestId, format });
    });
  }

  dispose(): void {
    if (TimelinePanel.current === this) {
      TimelinePanel.current = undefined;
    }
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }

  private post(message: HostToWebview): void {
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    } else {
      this.pending.push(message);
    }
  }

  /** Sent on 'ready' and on every atlas change; until the webview is ready there is no one to send to. */
  private async sendModels(): Promise<void> {
    const atlas = await this.deps.service.atlas();
    if (!this.ready) {
      return;
    }
    const language = settings.displayLanguage();
    const models = atlas.models.map((m) => toTimelineModel(m, language));
    const familyNames = Object.fromEntries([...new Set(models.map((m) => m.family))].map((f) => [f, atlas.familyName(f)]));
    void this.panel.webview.postMessage({ type: 'models', models, familyNames, organizationNames: organizationNames(atlas.models, language) } satisfies HostToWebview);
  }

  private async onMessage(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        await this.sendModels();
        const queued = this.pending;
        this.pending = [];
        queued.forEach((m) => this.post(m));
        // A webview that reloaded (hidden, then shown) lost any request posted before it said "ready" again.
        for (const [requestId, { format }] of this.exportRequests) {
          if (!queued.some((m) => m.type === 'requestExport' && m.requestId === requestId)) {
            this.post({ type: 'requestExport', requestId, format });
          }
        }
        break;
      }
      case 'action':
        await runAction(message.action, message.modelId);
        break;
      case 'export':
        if (message.data === undefined) {
          throw new Error(message.error ?? '');
        }
        await saveExport(message.format, message.data);
        break;
      case 'exported':
        this.exportRequests.get(message.requestId)?.settle(message);
        break;
    }
  }
}

async function runAction(action: TimelineAction, modelId: string): Promise<void> {
  await vscode.commands.executeCommand(ACTION_COMMANDS[action], modelId);
}

/**
 * Writes the export to `target`, or where the user chooses, and says where it went with an Open button (not
 * waited for); returns the file written, if any.
 */
async function saveExport(format: ExportFormat, data: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `model-atlas-timeline.${format}`) : undefined,
      filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
      title: format === 'svg' ? vscode.l10n.t('Export Timeline as SVG') : vscode.l10n.t('Export Timeline as PNG'),
    }));
  if (!uri) {
    return undefined;
  }
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
  await vscode.workspace.fs.writeFile(uri, bytes);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved the timeline to {0}.', vscode.workspace.asRelativePath(uri)), open).then((choice) => {
    if (choice === open) {
      void vscode.commands.executeCommand('vscode.open', uri);
    }
  });
  return uri;
}

/** Exports from the open timeline (opening it if needed); the optional target (a Uri or path) skips the save dialog. */
async function exportTimeline(deps: TimelineDeps, format: ExportFormat, target: unknown): Promise<vscode.Uri | undefined> {
  const panel = TimelinePanel.current ?? TimelinePanel.createOrShow(deps);
  const data = await panel.requestExport(format);
  return saveExport(format, data, uriFromArgument(target));
}

export function registerTimeline(context: vscode.ExtensionContext, service: AtlasService): vscode.Disposable {
  const deps: TimelineDeps = { extensionUri: context.extensionUri, service };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.showTimeline', () => {
      TimelinePanel.createOrShow(deps);
    }),
    vscode.commands.registerCommand('modelAtlas.showOnTimeline', async (arg?: unknown) => {
      const model = await resolveModel(service, arg);
      if (model) {
        TimelinePanel.createOrShow(deps).select(model.id);
      }
    }),
    vscode.commands.registerCommand('modelAtlas.exportTimelineSvg', (target?: unknown) => exportTimeline(deps, 'svg', target)),
    vscode.commands.registerCommand('modelAtlas.exportTimelinePng', (target?: unknown) => exportTimeline(deps, 'png', target)),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        TimelinePanel.revive(panel, deps);
      },
    }),
    { dispose: () => TimelinePanel.current?.dispose() },
  );
}
