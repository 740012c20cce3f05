// The one place that reads modelAtlas.* settings: typed, with their defaults, and for the resource a
// setting is scoped to (a folder of a multi-root workspace may set its own).
import * as vscode from 'vscode';
import type { DisplayLanguage } from '../core/atlas/atlas';
import type { BibtexFlavour } from '../core/bibtex/render';
import { SETTING_DEFAULTS, type SettingName } from './settingDefaults';

export const SETTINGS_SECTION = 'modelAtlas';

function read<K extends SettingName>(name: K, scope?: vscode.Uri): (typeof SETTING_DEFAULTS)[K] {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get(name, SETTING_DEFAULTS[name]);
}

export const settings = {
  languages: () => read('languages'),
  /** The language of summaries and inserted text: the setting, or VS Code's display language. */
  displayLanguage(): DisplayLanguage {
    const setting = read('displayLanguage');
    const language = setting === 'auto' ? vscode.env.language : setting;
    return language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
  },
  citationCommand: (scope?: vscode.Uri) => read('citation.command', scope),
  bibtexFlavour: (scope?: vscode.Uri) => read('bibtex.flavour', scope),
  /** The flavour when someone set it (in any settings file), else undefined: the document then decides. */
  bibtexFlavourSet(scope?: vscode.Uri): BibtexFlavour | undefined {
    const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).inspect<BibtexFlavour>('bibtex.flavour');
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  },
  bibtexKeyStyle: (scope?: vscode.Uri) => read('bibtex.keyStyle', scope).trim() || SETTING_DEFAULTS['bibtex.keyStyle'],
  bibliographyFile: (scope?: vscode.Uri) => read('bibliography.file', scope).trim(),
  previewMentions: () => read('preview.mentions'),
  datasets: () => read('datasets'),
  hiddenModels: () => read('hiddenModels'),
  arxivApiUrl: () => read('arxiv.apiUrl') || SETTING_DEFAULTS['arxiv.apiUrl'],
  arxivTimeoutMs: () => Math.max(1, read('arxiv.timeoutSeconds')) * 1000,
  uncitedMentions: (scope?: vscode.Uri) => read('diagnostics.uncitedMentions', scope),
};

/** Whether a configuration change touches the named settings (all of ours when none is named). */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, ...names: SettingName[]): boolean {
  return names.length === 0 ? event.affectsConfiguration(SETTINGS_SECTION) : names.some((name) => event.affectsConfiguration(`${SETTINGS_SECTION}.${name}`));
}
