// The one place that reads modelAtlas.* settings: typed, with their defaults, and for the resource a
// setting is scoped to (a folder of a multi-root workspace may set its own).
import * as vscode from 'vscode';
import type { DisplayLanguage } from '../core/atlas/atlas';
import type { CheckCode } from '../core/bibcheck/findings';
import type { BibtexFlavour } from '../core/bibtex/render';
import { SETTING_DEFAULTS, type SettingName } from './settingDefaults';

export const SETTINGS_SECTION = 'modelAtlas';

function read<K extends SettingName>(name: K, scope?: vscode.ConfigurationScope): (typeof SETTING_DEFAULTS)[K] {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get(name, SETTING_DEFAULTS[name]);
}

export const settings = {
  languages: () => read('languages'),
  /** The language of summaries (for a document: as set for its folder or language), or VS Code's display language. */
  displayLanguage(scope?: vscode.ConfigurationScope): DisplayLanguage {
    const setting = read('displayLanguage', scope);
    return setting === 'auto' ? uiLanguage() : setting;
  },
  /** The citation command when the user set one (in any scope, for any language); undefined lets the document decide. */
  citationCommandIfSet(scope?: vscode.Uri): (typeof SETTING_DEFAULTS)['citation.command'] | undefined {
    const set = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).inspect<(typeof SETTING_DEFAULTS)['citation.command']>('citation.command');
    return set?.workspaceFolderLanguageValue ?? set?.workspaceLanguageValue ?? set?.globalLanguageValue ?? set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  },
  /** The setting as given for the document, `auto` included (the writing aids then follow the document's text). */
  displayLanguageSetting: (scope?: vscode.ConfigurationScope) => read('displayLanguage', scope),
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
  /** Whether Check Bibliography reports `code` (each modelAtlas.check.* setting turns one off). */
  checkEnabled: (code: CheckCode, scope?: vscode.Uri) => read(CHECK_SETTINGS[code], scope),
};

const CHECK_SETTINGS: Record<CheckCode, SettingName & `check.${string}`> = {
  'author-mismatch': 'check.authorMismatch',
  'title-mismatch': 'check.titleMismatch',
  'title-unprotected': 'check.titleUnprotected',
  'year-mismatch': 'check.yearMismatch',
  'arxiv-mismatch': 'check.arxivMismatch',
  'published-version': 'check.publishedVersion',
  'duplicate-paper': 'check.duplicatePaper',
  'citation-mismatch': 'check.citationMismatch',
};

/** VS Code's display language, as far as the atlas has texts in it. */
export function uiLanguage(): DisplayLanguage {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Whether a configuration change touches the named settings (all of ours when none is named). */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, ...names: SettingName[]): boolean {
  return names.length === 0 ? event.affectsConfiguration(SETTINGS_SECTION) : names.some((name) => event.affectsConfiguration(`${SETTINGS_SECTION}.${name}`));
}
