// The extension's Output channel ("Model Atlas"), created on first use: which LaTeX root and .bib files a
// document reads, and why, are logged there when they change.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function outputLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Model Atlas', { log: true });
  return channel;
}

export function disposeOutputLog(): void {
  channel?.dispose();
  channel = undefined;
}
