// Every modelAtlas.* setting with its default, as package.json declares it (a unit test keeps the two in step).
import type { BibtexFlavour } from '../core/bibtex/render';
import type { LatexCiteCommand } from '../core/citations/citationSyntax';

export const DEFAULT_LANGUAGES = ['markdown', 'latex', 'tex', 'quarto', 'rmd', 'typst'];

export const SETTING_DEFAULTS = {
  languages: DEFAULT_LANGUAGES,
  displayLanguage: 'auto' as 'auto' | 'en' | 'zh-cn',
  'citation.command': '\\cite' as LatexCiteCommand,
  'bibtex.flavour': 'authors' as BibtexFlavour,
  'bibtex.keyStyle': 'authors',
  'bibliography.file': '',
  'preview.mentions': true,
  datasets: [] as string[],
  hiddenModels: [] as string[],
  'arxiv.apiUrl': 'https://export.arxiv.org/api/query',
  'arxiv.timeoutSeconds': 20,
  'diagnostics.uncitedMentions': false,
  'check.authorMismatch': true,
  'check.titleMismatch': true,
  'check.titleUnprotected': true,
  'check.yearMismatch': true,
  'check.arxivMismatch': true,
  'check.publishedVersion': true,
  'check.duplicatePaper': true,
  'check.citationMismatch': true,
};

export type SettingName = keyof typeof SETTING_DEFAULTS;
