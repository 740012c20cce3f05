// Check Bibliography: diagnostics in .bib files and documents, their quick fixes and commands, the note in
// the hover over a cited key, and the report.
import * as vscode from 'vscode';
import type { AtlasService } from '../../shared/atlasService';
import { registerBibDiagnostics } from './bibDiagnostics';
import { registerBibHover } from './bibHover';
import { registerBibQuickFixes } from './bibQuickFixes';
import { registerFixCommands } from './fixCommands';
import { registerReportPanel } from './reportPanel';

export function registerBibCheck(context: vscode.ExtensionContext, service: AtlasService): vscode.Disposable {
  return vscode.Disposable.from(
    registerBibDiagnostics(service),
    registerBibQuickFixes(service),
    registerFixCommands(service),
    registerBibHover(service),
    registerReportPanel(context, service),
  );
}
