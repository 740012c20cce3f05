import * as vscode from 'vscode';
import type { DisplayLanguage } from '../core/atlas/atlas';

/** The language of summaries: the modelAtlas.displayLanguage setting, or VS Code's display language. */
export function displayLanguage(): DisplayLanguage {
  const setting = vscode.workspace.getConfiguration('modelAtlas').get<string>('displayLanguage', 'auto');
  const language = setting === 'auto' ? vscode.env.language : setting;
  return language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
