// One name per organisation: entries keep their affiliations as the paper writes them ("Microsoft Research
// Asia (MSRA)"), and grouping, timeline lanes, colours and filters use the canonical organisation behind them.
import type { AtlasModel, DisplayLanguage } from './atlas';

export interface Organization {
  id: string;
  /** The name it goes by, in English and Simplified Chinese. */
  name: string;
  zh: string;
  /** Every way an atlas entry writes it. */
  spellings: string[];
}

// A lab inside a company or university is filed under its parent (DeepMind under Google, FAIR under Meta,
// DAMO Academy under Alibaba); the entry itself still names the lab.
const ORGANIZATIONS: Organization[] = [
  org('ai2', 'Ai2', '艾伦人工智能研究所', ['Allen Institute for AI', 'Allen Institute for AI (Ai2)', 'Allen Institute for AI (AI2)', 'Allen Institute for Artificial Intelligence']),
  org('alibaba', 'Alibaba', '阿里巴巴', [
    'Alibaba Cloud', 'Alibaba Cloud (Qwen Team)', 'Alibaba Group', 'Alibaba Group (AIDC-AI)', 'Alibaba Group (DAMO Academy)',
    'Alibaba Group (Qwen Team)', 'Alibaba International Digital Commerce Group (AIDC-AI)', 'DAMO Academy', 'Hupan Lab',
  ]),
  org('apple', 'Apple', '苹果', ['Apple', 'Apple AI/ML']),
  org('baai', 'BAAI', '北京智源人工智能研究院', ['BAAI', 'Beijing Academy of Artificial Intelligence (BAAI)']),
  org('bytedance', 'ByteDance', '字节跳动', ['ByteDance', 'ByteDance AI Lab', 'ByteDance Research', 'ByteDance Seed']),
  org('cas', 'Chinese Academy of Sciences', '中国科学院', ['Chinese Academy of Sciences', 'Shenzhen Institutes of Advanced Technology']),
  org('deepseek', 'DeepSeek', '深度求索', ['DeepSeek-AI', 'DeepSeek']),
  org('cuhk', 'CUHK', '香港中文大学', ['The Chinese University of Hong Kong', 'The Chinese University of Hong Kong (CUHK)', 'The Chinese University of Hong Kong (MMLab)', 'CUHK MMLab']),
  org('google', 'Google', '谷歌', ['Google', 'Google Brain', 'Google DeepMind', 'Google Research', 'Google Research (Brain Team)', 'Robotics at Google', 'DeepMind']),
  org('hit', 'Harbin Institute of Technology', '哈尔滨工业大学', ['Harbin Institute of Technology', 'Harbin Institute of Technology (Shenzhen)']),
  org('hkust', 'HKUST', '香港科技大学', ['Hong Kong University of Science and Technology', 'The Hong Kong University of Science and Technology', 'HKUST (Guangzhou)']),
  org('hust', 'HUST', '华中科技大学', ['Huazhong University of Science and Technology', 'Huazhong University of Science and Technology (HUST)']),
  org('kuaishou', 'Kuaishou', '快手', ['Kuaishou', 'Kuaishou (Kwai Keye Team)']),
  org('kakao', 'Kakao', 'Kakao', ['Kakao Brain', 'Kakao Enterprise']),
  org('kaust', 'KAUST', '阿卜杜拉国王科技大学', ['King Abdullah University of Science and Technology (KAUST)']),
  org('megvii', 'MEGVII', '旷视科技', ['MEGVII Technology', 'MEGVII']),
  org('mbzuai', 'MBZUAI', '穆罕默德·本·扎耶德人工智能大学', ['Mohamed bin Zayed University of Artificial Intelligence (MBZUAI)']),
  org('meta', 'Meta', 'Meta', ['Meta', 'Meta AI', 'Meta AI (FAIR)', 'Meta FAIR', 'Meta FAIR (Chameleon Team)', 'Meta GenAI', 'Facebook AI Research', 'FAIR']),
  org('microsoft', 'Microsoft', '微软', [
    'Microsoft', 'Microsoft Corporation', 'Microsoft Dynamics 365 AI Research', 'Microsoft Research', 'Microsoft Research Asia', 'Microsoft Research Asia (MSRA)',
  ]),
  org('moonshot', 'Moonshot AI', '月之暗面', ['Moonshot AI', 'Moonshot AI (Kimi Team)']),
  org('nvidia', 'NVIDIA', '英伟达', ['NVIDIA']),
  org('ntu', 'Nanyang Technological University', '南洋理工大学', ['Nanyang Technological University', 'S-Lab', 'S-Lab, Nanyang Technological University']),
  org('nus', 'National University of Singapore', '新加坡国立大学', [
    'National University of Singapore', 'National University of Singapore (NExT++ Research Center)', 'Show Lab (National University of Singapore)',
  ]),
  org('pku', 'Peking University', '北京大学', ['Peking University', 'Peking University Shenzhen Graduate School']),
  org('salesforce', 'Salesforce', 'Salesforce', ['Salesforce Research', 'Salesforce AI Research']),
  org('sensetime', 'SenseTime', '商汤科技', ['SenseTime Group', 'SenseTime Research']),
  org('shanghai-ai-lab', 'Shanghai AI Laboratory', '上海人工智能实验室', [
    'Shanghai AI Laboratory', 'Shanghai AI Laboratory (InternVL-U Team)', 'Shanghai AI Laboratory (OpenGVLab)', 'Shanghai Artificial Intelligence Laboratory',
  ]),
  org('skywork', 'Skywork AI', '昆仑万维天工', ['Skywork AI', 'Kunlun Inc.']),
  org('stepfun', 'StepFun', '阶跃星辰', ['StepFun']),
  org('tencent', 'Tencent', '腾讯', ['Tencent AI Lab', 'ARC Lab (Tencent PCG)']),
  org('tsinghua', 'Tsinghua University', '清华大学', ['Tsinghua University', 'Tsinghua University (THUDM)', 'Tsinghua University (THUNLP)']),
  org('ucla', 'UCLA', '加州大学洛杉矶分校', ['UCLA', 'University of California, Los Angeles']),
  org('uw-madison', 'University of Wisconsin–Madison', '威斯康星大学麦迪逊分校', ['University of Wisconsin-Madison', 'University of Wisconsin–Madison']),
  org('xiaomi', 'Xiaomi', '小米', ['Xiaomi', 'Xiaomi (LLM-Core Team)']),
  org('zhipu', 'Zhipu AI', '智谱', ['Zhipu AI']),
];

function org(id: string, name: string, zh: string, spellings: string[]): Organization {
  return { id, name, zh, spellings };
}

/** Case, spacing and dash variants of a spelling look the same ("Wisconsin–Madison", "wisconsin-madison"). */
function spellingKey(name: string): string {
  return name.toLowerCase().replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

const BY_SPELLING = new Map<string, Organization>(ORGANIZATIONS.flatMap((o) => [o.name, ...o.spellings].map((s) => [spellingKey(s), o] as [string, Organization])));

/** The canonical organisation an affiliation belongs to, if the table knows it (also with a lab in brackets dropped). */
export function knownOrganization(affiliation: string): Organization | undefined {
  const key = spellingKey(affiliation);
  return BY_SPELLING.get(key) ?? BY_SPELLING.get(key.replace(/\s*\([^)]*\)$/, ''));
}

/** The canonical organisation of an affiliation; one the table does not know stands for itself, less a team in brackets. */
export function organizationOf(affiliation: string): Organization {
  const known = knownOrganization(affiliation);
  if (known) {
    return known;
  }
  const name = affiliation.trim().replace(/\s*\([^)]*\)$/, '') || affiliation.trim();
  return { id: spellingKey(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || name, name, zh: name, spellings: [name] };
}

/** A model's canonical organisations, each once, in the order of its affiliations. */
export function organizationsOf(model: Pick<AtlasModel, 'organizations'>): Organization[] {
  const seen = new Map<string, Organization>();
  for (const affiliation of model.organizations) {
    const found = organizationOf(affiliation);
    if (!seen.has(found.id)) {
      seen.set(found.id, found);
    }
  }
  return [...seen.values()];
}

/** The organisation with this canonical id among the models' (a group's key back to its organisation). */
export function organizationWithId(models: readonly Pick<AtlasModel, 'organizations'>[], id: string): Organization {
  for (const model of models) {
    const found = organizationsOf(model).find((o) => o.id === id);
    if (found) {
      return found;
    }
  }
  return organizationOf(id);
}

export function organizationName(organization: Organization, language: DisplayLanguage): string {
  return language === 'zh-cn' ? organization.zh : organization.name;
}
