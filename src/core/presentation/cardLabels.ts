// The words a hover card puts around dataset text, in the display language like the summary they frame (a
// Chinese summary under English labels read as two languages), and the names of the kinds of paper.
import type { DisplayLanguage, PaperType } from '../atlas/atlas';
import type { HoverCardLabels } from './hoverCard';

export const PAPER_TYPES: Record<DisplayLanguage, Record<PaperType, string>> = {
  en: { paper: 'Paper', 'technical-report': 'Technical report', 'system-card': 'System card', 'model-card': 'Model card', 'blog-post': 'Blog post' },
  'zh-cn': { paper: '论文', 'technical-report': '技术报告', 'system-card': '系统卡', 'model-card': '模型卡', 'blog-post': '博客文章' },
};

const CARD_LABELS: Record<DisplayLanguage, Omit<HoverCardLabels, 'commands' | 'paperTypes'> & { commands: Record<string, string> }> = {
  en: {
    architecture: 'Architecture',
    buildsOn: 'Builds on',
    builtOnBy: 'Built on by',
    openPaper: 'Open Paper',
    code: 'Code',
    project: 'Project Page',
    visionOnly: 'vision-only model',
    unfinished: 'not finished: its atlas entry still holds TODO placeholders',
    commands: {
      'modelAtlas.insertCitation': 'Insert Citation',
      'modelAtlas.copyBibtex': 'Copy BibTeX',
      'modelAtlas.copyCitationKey': 'Copy Citation Key',
      'modelAtlas.showDetails': 'Show Details',
      'modelAtlas.showOnTimeline': 'Show on Timeline',
      'modelAtlas.citeInProject': 'Cite in Project',
    },
  },
  'zh-cn': {
    architecture: '架构',
    buildsOn: '基于',
    builtOnBy: '后续工作',
    openPaper: '打开论文',
    code: '代码',
    project: '项目主页',
    visionOnly: '纯视觉模型',
    unfinished: '尚未完成：其图谱条目仍含 TODO 占位内容',
    commands: {
      'modelAtlas.insertCitation': '插入引用',
      'modelAtlas.copyBibtex': '复制 BibTeX',
      'modelAtlas.copyCitationKey': '复制引用键',
      'modelAtlas.showDetails': '显示详情',
      'modelAtlas.showOnTimeline': '在时间线上显示',
      'modelAtlas.citeInProject': '在项目中引用',
    },
  },
};

/** The card's labels in `language`, with links for `commands` only (none: completion documentation). */
export function hoverCardLabelsIn(language: DisplayLanguage, commands: readonly string[]): HoverCardLabels {
  const labels = CARD_LABELS[language];
  const links = Object.fromEntries(commands.flatMap((command) => (labels.commands[command] ? [[command, labels.commands[command]]] : [])));
  return { ...labels, paperTypes: PAPER_TYPES[language], commands: links };
}

/** The name of a paper's kind, or undefined for a plain paper (the usual case says nothing). */
export function paperTypeLabel(type: PaperType | undefined, language: DisplayLanguage): string | undefined {
  return type && type !== 'paper' ? PAPER_TYPES[language][type] : undefined;
}
