// The words the writing aids put into a document (headers, caption, group titles), in the display language
// like the summaries they quote, not VS Code's UI language.
import type { ArchitectureType, DisplayLanguage } from '../atlas/atlas';
import type { ComparisonTableLabels } from './comparisonTable';
import type { OutlineGrouping } from './relatedWorkOutline';

const TABLE_LABELS: Record<DisplayLanguage, ComparisonTableLabels> = {
  en: {
    model: 'Model',
    columns: {
      date: 'Date',
      organization: 'Organization',
      venue: 'Venue',
      visionEncoder: 'Vision encoder',
      languageModel: 'Language model',
      connector: 'Fusion / connector',
      trainable: 'Trainable parts',
      objectives: 'Pretraining objectives',
      parameters: 'Parameters',
    },
    allTrainable: 'all',
    noneTrainable: 'none (all frozen)',
    caption: 'Comparison of the models.',
    continuedCaption: 'Comparison of the models (continued).',
    packageNote: 'Needs {0} in the preamble.',
  },
  'zh-cn': {
    model: '模型',
    columns: {
      date: '日期',
      organization: '机构',
      venue: '发表于',
      visionEncoder: '视觉编码器',
      languageModel: '语言模型',
      connector: '融合 / 连接模块',
      trainable: '可训练部分',
      objectives: '预训练目标',
      parameters: '参数量',
    },
    allTrainable: '全部',
    noneTrainable: '无（全部冻结）',
    caption: '模型对比。',
    continuedCaption: '模型对比（续）。',
    packageNote: '需要在导言区加入 {0}。',
  },
};

const ARCHITECTURE_TYPES: Record<DisplayLanguage, Record<ArchitectureType, string>> = {
  en: {
    'dual-encoder': 'Dual encoder',
    'fusion-encoder': 'Fusion encoder',
    'encoder-decoder': 'Encoder\u2013decoder',
    'mixture-of-experts': 'Mixture of experts',
    'frozen-llm-adapter': 'Frozen LLM with adapter',
    'multimodal-llm': 'Multimodal LLM',
    'vision-only': 'Vision-only',
  },
  'zh-cn': {
    'dual-encoder': '双编码器',
    'fusion-encoder': '融合编码器',
    'encoder-decoder': '编码器\u2013解码器',
    'mixture-of-experts': '混合专家',
    'frozen-llm-adapter': '冻结 LLM 加适配器',
    'multimodal-llm': '多模态大语言模型',
    'vision-only': '纯视觉',
  },
};

export function comparisonTableLabels(language: DisplayLanguage): ComparisonTableLabels {
  return TABLE_LABELS[language];
}

/** The title of an outline group: "BLIP family" (the family's name from `familyName`), or the architecture type's name. */
export function outlineGroupTitle(grouping: OutlineGrouping, language: DisplayLanguage, familyName: (family: string) => string): (key: string) => string {
  if (grouping === 'architecture') {
    const names: Record<string, string> = ARCHITECTURE_TYPES[language];
    return (key) => names[key] ?? key;
  }
  return (key) => (language === 'zh-cn' ? `${familyName(key)} 家族` : `${familyName(key)} family`);
}
