// Check Bibliography: the command (also in the Models view) and its report webview, one panel restored after a
// reload. "Apply all safe fixes" shows a diff and writes them, as one undoable edit, once Apply is pressed.
import * as vscode from 'vscode';
import { reportMarkdown, type ReportView } from '../../core/bibcheck/reportView';
import { applyEdits } from '../../core/bibcheck/textEdits';
import type { AtlasService } from '../../shared/atlasService';
import { uriFromArgument } from '../../shared/modelArguments';
import { editorToInsertInto } from '../../shared/targetEditor';
import { listenToPanel, webviewHtml, webviewOptions } from '../../shared/webviewHtml';
import { isWebviewToHost, type HostToWebview, type ReportInitialData, type ReportViewState, type WebviewToHost } from '../../webview/bibcheck/protocol';
import { addToWorkspaceEdit } from './bibEdits';
import { isBibDocument } from './checkRuns';
import { reportLabels } from './reportLabels';
import { buildReport, type Report } from './reportModel';

export const REPORT_VIEW_TYPE = 'modelAtlas.bibliographyCheck';
const PROPOSED_SCHEME = 'model-atlas-proposed';
const REFRESH_MS = 500;

interface ReportDeps {
  extensionUri: vscode.Uri;
  service: AtlasService;
  proposed: Map<string, string>;
}

export class ReportPanel {
  static current: ReportPanel | undefined;
  private ready = false;
  private report: Report | undefined;
  /** The safe fixes shown in the diff editor, with the texts they were planned on. */
  private pendingSafe: Array<{ uri: vscode.Uri; basis: string; edits: Report['safeFixes'][number]['edits'] }> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  static createOrShow(deps: ReportDeps, subject: vscode.Uri): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.subject = subject;
      ReportPanel.current.panel.reveal();
      void ReportPanel.current.refresh();
      return ReportPanel.current;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('Bibliography check'), column, webviewOptions(deps.extensionUri));
    ReportPanel.current = new ReportPanel(panel, deps, subject);
    return ReportPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, deps: ReportDeps, state: unknown): void {
    const subject = (state as Partial<ReportViewState> | undefined)?.subject;
    if (typeof subject !== 'string') {
      panel.dispose();
      return;
    }
    ReportPanel.current?.dispose();
    ReportPanel.current = new ReportPanel(panel, deps, vscode.Uri.parse(subject));
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ReportDeps,
    private subject: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    const initialData: ReportInitialData = { labels: reportLabels(), loading: vscode.l10n.t('Checking the bibliography...') };
    panel.webview.html = webviewHtml({
      webview: panel.webview,
      extensionUri: deps.extensionUri,
      script: 'bibcheck.js',
      style: 'bibcheck.css',
      title: vscode.l10n.t('Bibliography check'),
      initialData,
      language: vscode.env.language,
    });
    const later = () => {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_MS);
    };
    this.disposables.push(
      ...listenToPanel(panel, {
        isMessage: isWebviewToHost,
        onMessage: (message) => void this.onMessage(message),
        onHidden: () => (this.ready = false),
        onDispose: () => this.dispose(),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && e.document.uri.scheme !== PROPOSED_SCHEME && later()),
      deps.service.onDidChange(later),
      { dispose: () => clearTimeout(this.refreshTimer) },
    );
  }

  get subjectUri(): vscode.Uri {
    return this.subject;
  }

  get lastView(): ReportView | undefined {
    return this.report?.view;
  }

  dispose(): void {
    if (ReportPanel.current === this) {
      ReportPanel.current = undefined;
    }
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }

  /** Checks the subject again and shows the result; returns the report. */
  async refresh(): Promise<Report | undefined> {
    const document = await vscode.workspace.openTextDocument(this.subject).then((d) => d, () => undefined);
    if (!document) {
      return undefined;
    }
    this.report = await buildReport(this.deps.service, document);
    this.post({ type: 'show', view: this.report.view, subjectUri: this.subject.toString() });
    return this.report;
  }

  private post(message: HostToWebview): void {
    if (this.ready) {
      void this.panel.webview.postMessage(message);
    }
  }

  /** Opens a diff of each .bib with its safe fixes applied, and keeps them to apply once confirmed. */
  async previewSafeFixes(): Promise<number> {
    const report = await this.refresh();
    if (!report || report.safeFixes.length === 0) {
      return 0;
    }
    this.pendingSafe = report.safeFixes.map((s) => ({ uri: s.bib.uri, basis: s.bib.document.getText(), edits: s.edits }));
    for (const [i, pending] of this.pendingSafe.entries()) {
      const proposed = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: pending.uri.path, query: `${Date.now()}-${i}` });
      this.deps.proposed.set(proposed.toString(), applyEdits(pending.basis, pending.edits));
      const name = vscode.workspace.asRelativePath(pending.uri, false);
      // Beside the report, so the page with its Apply button stays in view.
      const viewColumn = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      await vscode.commands.executeCommand('vscode.diff', pending.uri, proposed, vscode.l10n.t('{0} with the safe fixes', name), { preview: true, preserveFocus: true, viewColumn });
    }
    const count = report.safeFixes.reduce((n, s) => n + s.count, 0);
    this.post({ type: 'confirmSafeFixes', count });
    return count;
  }

  /** Writes the safe fixes previewed, in one edit, unless a .bib changed since the preview. */
  async applySafeFixes(): Promise<boolean> {
    const pending = this.pendingSafe;
    this.pendingSafe = undefined;
    if (!pending) {
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const p of pending) {
      const document = await vscode.workspace.openTextDocument(p.uri);
      if (document.getText() !== p.basis) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed after the diff was shown, so no fix was applied. Check again, then apply.', vscode.workspace.asRelativePath(p.uri, false)));
        return false;
      }
      addToWorkspaceEdit(edit, document, p.edits);
    }
    await this.closeDiffs();
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Applied the safe fixes to {0}. Save to keep them; Undo in that file takes them back.', pending.map((p) => vscode.workspace.asRelativePath(p.uri, false)).join(', ')),
      );
    }
    await this.refresh();
    return applied;
  }

  private async closeDiffs(): Promise<void> {
    const diffs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === PROPOSED_SCHEME);
    await vscode.window.tabGroups.close(diffs);
    this.deps.proposed.clear();
  }

  /** Writes the report as Markdown to `target`, or where the user chooses. */
  async exportMarkdown(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const report = await this.refresh();
    if (!report) {
      return undefined;
    }
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export the bibliography check'),
        defaultUri: this.subject.with({ path: this.subject.path.replace(/\.[^./]+$/, '') + '.bibcheck.md' }),
        filters: { Markdown: ['md'] },
      }));
    if (!uri) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(reportMarkdown(report.view)));
    return uri;
  }

  private async onMessage(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.refresh();
        break;
      case 'refresh':
        await this.refresh();
        break;
      case 'fix': {
        const fix = this.report?.fixes.get(message.problemId);
        if (fix) {
          this.post({ type: 'busy', busy: true });
          await Promise.resolve(fix()).then(undefined, (e: unknown) => vscode.window.showErrorMessage(String(e)));
          this.post({ type: 'busy', busy: false });
          await this.refresh();
        }
        break;
      }
      case 'reveal': {
        const place = this.report?.places.get(message.problemId);
        if (place) {
          const editor = await vscode.window.showTextDocument(place.uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(place.range.start, place.range.start) });
          editor.revealRange(place.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
        break;
      }
      case 'previewSafeFixes':
        await this.previewSafeFixes();
        break;
      case 'applySafeFixes':
        await this.applySafeFixes();
        break;
      case 'cancelSafeFixes':
        this.pendingSafe = undefined;
        await this.closeDiffs();
        await this.refresh();
        break;
      case 'exportMarkdown': {
        const uri = await this.exportMarkdown();
        if (uri) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Exported the bibliography check to {0}.', vscode.workspace.asRelativePath(uri, false)));
        }
        break;
      }
    }
  }
}

/** The document to check: the argument, the active editor's (a served document or a .bib), or a visible served one. */
function subjectOf(arg: unknown): vscode.Uri | undefined {
  const given = uriFromArgument(arg);
  if (given) {
    return given;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && isBibDocument(active)) {
    return active.uri;
  }
  return editorToInsertInto()?.document.uri;
}

export function registerReportPanel(context: vscode.ExtensionContext, service: AtlasService): vscode.Disposable {
  const proposed = new Map<string, string>();
  const deps: ReportDeps = { extensionUri: context.extensionUri, service, proposed };
  const panelFor = async (arg: unknown) => {
    const subject = arg === undefined && ReportPanel.current ? ReportPanel.current.subjectUri : subjectOf(arg);
    return subject && ReportPanel.createOrShow(deps, subject);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.checkBibliography', async (arg?: unknown) => {
      const subject = subjectOf(arg);
      if (!subject) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown or LaTeX document, or a .bib file, to check its bibliography.'));
        return undefined;
      }
      const panel = ReportPanel.createOrShow(deps, subject);
      return (await panel.refresh())?.view;
    }),
    // What the page's buttons do, as commands too: for tests and keybindings.
    vscode.commands.registerCommand('modelAtlas.internal.previewSafeFixes', async (arg?: unknown) => (await panelFor(arg))?.previewSafeFixes()),
    vscode.commands.registerCommand('modelAtlas.internal.applySafeFixes', async () => ReportPanel.current?.applySafeFixes() ?? false),
    vscode.commands.registerCommand('modelAtlas.internal.exportBibliographyCheck', async (arg?: unknown, target?: unknown) => (await panelFor(arg))?.exportMarkdown(uriFromArgument(target))),
    vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, { provideTextDocumentContent: (uri) => proposed.get(uri.toString()) ?? '' }),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => ReportPanel.revive(panel, deps, state),
    }),
    { dispose: () => ReportPanel.current?.dispose() },
  );
}
