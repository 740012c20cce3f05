// Seeded synthetic atlases, documents and .bib files for the bench, with names shaped like the real ones
// (hyphens, versions, spaces, mixed case, shared prefixes as in BLIP / BLIP-2 / InstructBLIP).
'use strict';

function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const SYLLABLES = ['vi', 'lu', 'mo', 'ka', 'ze', 'ra', 'tor', 'nex', 'om', 'pix', 'lan', 'vis', 'gen', 'sy', 'qua', 'bel', 'dri', 'fa', 'gro', 'hel', 'io', 'jun', 'ki', 'lyn', 'mer', 'no', 'pa', 'ri', 'sol', 'tu'];
const REAL_STEMS = ['BLIP', 'LLaVA', 'Flamingo', 'CLIP', 'ALIGN', 'BEiT', 'Kosmos', 'PaLI', 'CoCa', 'SigLIP', 'MiniGPT', 'Qwen-VL', 'InternVL', 'CogVLM', 'Emu', 'Idefics', 'Fuyu', 'Otter', 'mPLUG-Owl', 'ViLT', 'ALBEF', 'OFA', 'Unified-IO', 'GIT', 'SimVLM', 'Florence', 'DINO', 'SAM', 'EVA', 'VL-BEiT'];
const VARIANTS = ['', '-2', '-Diffusion', '-1.5', ' v2', '-Large', 'Instruct', '-7B', '-3', '-Video', '-Next', ' 2.5', '-Med', '-X'];
const ORGS = ['Salesforce Research', 'Google DeepMind', 'Microsoft Research', 'Meta AI', 'OpenAI', 'Tsinghua University', 'Alibaba', 'Shanghai AI Lab', 'Allen Institute for AI', 'Apple', 'NVIDIA', 'Stanford University', 'UC Berkeley', 'ByteDance', 'Baidu', 'Hugging Face', 'Adept', 'Zhipu AI', 'Peking University', 'KAIST'];
const SURNAMES = ['Li', 'Wang', 'Zhang', 'Chen', 'Liu', 'Radford', 'Alayrac', 'Bao', 'Peng', 'Huang', 'Smith', 'Kim', 'Singh', 'Garcia', 'Müller', 'Rossi', 'Dubois', 'Tanaka', 'Nguyen', 'Ivanova'];
const TITLE_WORDS = ['Bootstrapping', 'Language-Image', 'Pre-training', 'Frozen', 'Encoders', 'Large', 'Language', 'Models', 'Visual', 'Instruction', 'Tuning', 'Scaling', 'Contrastive', 'Captioners', 'Unified', 'Vision', 'Multimodal', 'Learning', 'Few-Shot', 'Grounding', 'Generalist', 'Transformers', 'Efficient', 'Open'];

/** One shared architecture: the index never reads it, and sharing keeps generating 100,000 models quick. */
const ARCHITECTURE = {
  type: 'multimodal-llm',
  summary: 'ViT → projector → LLM',
  components: [
    { id: 'vit', name: 'ViT-L/14', role: 'vision-encoder', trainable: false },
    { id: 'proj', name: 'Projector', role: 'connector', trainable: true },
    { id: 'llm', name: 'LLM', role: 'language-model', trainable: false },
  ],
  connections: [{ from: 'vit', to: 'proj' }, { from: 'proj', to: 'llm' }],
};

function capitalize(s) {
  return s[0].toUpperCase() + s.slice(1);
}

/** A made-up model stem: CamelCase, ALLCAPS or a leading lower-case letter ("mPLUG"). */
function stemOf(r) {
  const parts = [r.pick(SYLLABLES), r.pick(SYLLABLES), ...(r.next() < 0.4 ? [r.pick(SYLLABLES)] : [])];
  const style = r.int(4);
  if (style === 0) {
    return parts.join('').toUpperCase();
  }
  if (style === 1) {
    return parts[0][0] + parts.slice(1).join('').toUpperCase();
  }
  return parts.map(capitalize).join(style === 3 && parts.length > 2 ? '-' : '');
}

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** `count` synthetic models; the first n of a larger call are the same as a smaller call's. */
function syntheticModels(count, seed = 1) {
  const r = random(seed);
  const models = [];
  const ids = new Set();
  const names = new Set();
  /** Stems whose variants are not all used yet, each with the variants left. */
  const open = [];
  while (models.length < count) {
    // Families share a stem: most new models extend an open family, as real lines do.
    let family;
    if (open.length > 0 && r.next() < 0.6) {
      const at = r.int(open.length);
      family = open[at];
      if (family.left.length === 1) {
        open[at] = open[open.length - 1];
        open.pop();
      }
    } else {
      const stem = r.next() < 0.05 ? r.pick(REAL_STEMS) + r.pick(['', 'Pro', 'Lite', 'Max']) : stemOf(r);
      if (ids.has(slug(stem))) {
        continue; // a family already has this stem
      }
      family = { stem, left: VARIANTS.filter((v) => v !== '') };
      open.push(family);
      family.left.unshift(''); // the plain stem first
    }
    const stem = family.stem;
    const variant = family.left.splice(family.left[0] === '' ? 0 : r.int(family.left.length), 1)[0];
    const name = variant === 'Instruct' ? `Instruct${stem}` : `${stem}${variant}`;
    const id = slug(name);
    if (ids.has(id) || names.has(name.toLowerCase())) {
      continue;
    }
    ids.add(id);
    names.add(name.toLowerCase());
    const aliases = [];
    if (/[- ]/.test(name)) {
      aliases.push(name.replace(/[- ]/g, '')); // "BLIP2"
    }
    if (/-\d/.test(name)) {
      aliases.push(name.replace(/-(\d)/, ' $1')); // "BLIP 2"
    }
    const year = 2015 + r.int(11);
    const date = `${year}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
    const authors = [`${capitalize(r.pick(SYLLABLES))} ${r.pick(SURNAMES)}`, `${capitalize(r.pick(SYLLABLES))} ${r.pick(SURNAMES)}`, `${capitalize(r.pick(SYLLABLES))} ${r.pick(SURNAMES)}`];
    const title = `${name}: ${Array.from({ length: 5 + r.int(5) }, () => r.pick(TITLE_WORDS)).join(' ')}`;
    const key = `${authors[0].split(' ')[1].toLowerCase().replace(/[^a-z]/g, '')}${year}${id.replace(/-/g, '')}`;
    const arxiv = `${String(year).slice(2)}${String(1 + r.int(12)).padStart(2, '0')}.${String(r.int(30000)).padStart(5, '0')}`;
    models.push({
      id,
      name,
      aliases,
      kind: r.next() < 0.9 ? 'multimodal' : 'vision',
      family: slug(stem),
      organizations: [r.pick(ORGS)],
      tags: ['synthetic'],
      paper: { title, authors, arxiv, date },
      links: { arxiv: `https://arxiv.org/abs/${arxiv}` },
      summary: { en: `${name} is a synthetic model for the bench.`, 'zh-cn': `${name} 是基准测试用的合成模型。` },
      architecture: ARCHITECTURE,
      lineage: { buildsOn: models.length > 0 && r.next() < 0.5 ? [models[r.int(models.length)].id] : [] },
      bibtex: { key, origin: 'composed', entry: `@article{${key},\n  title = {${title}},\n  author = {${authors.join(' and ')}},\n  journal = {arXiv preprint arXiv:${arxiv}},\n  year = {${year}}\n}` },
      sources: [{ url: `https://arxiv.org/abs/${arxiv}`, facts: ['title', 'authors', 'date'] }],
    });
  }
  return models;
}

const FILLER = ['the', 'model', 'we', 'results', 'show', 'that', 'training', 'data', 'with', 'images', 'and', 'text', 'on', 'benchmark', 'accuracy', 'improves', 'for', 'captioning', 'retrieval', 'zero-shot', 'transfer', 'which', 'is', 'a', 'strong', 'baseline', 'while', 'our', 'encoder', 'uses', 'fewer', 'parameters', 'flamingo', 'blip', 'BLIP-based', 'pipeline'];

/**
 * A LaTeX ('latex') or Markdown ('pandoc') document of about `bytes` characters that mentions and cites
 * the given models, with comments, code and verbatim regions as real documents have them.
 */
function syntheticDocument(models, bytes, syntax, seed = 7) {
  const r = random(seed);
  const parts = [];
  let length = 0;
  const push = (s) => {
    parts.push(s);
    length += s.length;
  };
  const mention = () => {
    const m = r.pick(models);
    const spelling = m.aliases && m.aliases.length > 0 && r.next() < 0.3 ? r.pick(m.aliases) : m.name;
    if (r.next() < 0.4) {
      return syntax === 'latex' ? `${spelling}~\\cite{${m.bibtex.key}}` : `${spelling} [@${m.bibtex.key}]`;
    }
    return spelling;
  };
  const sentence = () => {
    const words = [];
    const n = 8 + r.int(14);
    for (let i = 0; i < n; i++) {
      words.push(r.next() < 0.08 ? mention() : r.pick(FILLER));
    }
    return `${capitalize(words.join(' '))}.`;
  };
  let section = 1;
  while (length < bytes) {
    const roll = r.next();
    if (roll < 0.05) {
      push(syntax === 'latex' ? `\\section{Section ${section++}: ${mention()}}\n\n` : `## Section ${section++}: ${mention()}\n\n`);
    } else if (roll < 0.08) {
      push(syntax === 'latex'
        ? `\\begin{verbatim}\nmodel = load("${r.pick(models).name}")\n\\end{verbatim}\n\n`
        : `\`\`\`python\nmodel = load("${r.pick(models).name}")\n\`\`\`\n\n`);
    } else {
      const sentences = Array.from({ length: 3 + r.int(6) }, sentence);
      if (syntax === 'latex' && r.next() < 0.2) {
        sentences.push(`% TODO: compare with ${r.pick(models).name}`);
      }
      if (syntax === 'pandoc' && r.next() < 0.2) {
        sentences.push(`The config sets \`${r.pick(models).name}\` as default.`);
      }
      // Half the paragraphs are one long line, as many LaTeX and Markdown writers keep them.
      push(r.next() < 0.5 ? `${sentences.join(' ')}\n\n` : `${wrap(sentences.join(' '), 90)}\n\n`);
    }
  }
  return parts.join('');
}

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** A .bib of `count` entries as Google Scholar, DBLP and arXiv export them, plus @string and comments. */
function syntheticBib(count, seed = 11) {
  const r = random(seed);
  const out = ['% Bibliography generated for the bench\n@string{cvpr = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition"}\n\n'];
  for (let i = 0; i < count; i++) {
    const surname = r.pick(SURNAMES);
    const year = 2000 + r.int(26);
    const key = `${surname.toLowerCase().replace(/[^a-z]/g, '')}${year}${r.pick(SYLLABLES)}${i}`;
    const title = Array.from({ length: 6 + r.int(6) }, () => r.pick(TITLE_WORDS)).join(' ');
    const authors = Array.from({ length: 2 + r.int(6) }, () => `${r.pick(SURNAMES)}, ${capitalize(r.pick(SYLLABLES))}`).join(' and ');
    const style = r.int(3);
    if (style === 0) {
      out.push(`@inproceedings{${key},\n  title={{${title}}},\n  author={${authors}},\n  booktitle=cvpr,\n  pages={${r.int(9000)}--${r.int(9000)}},\n  year={${year}}\n}\n\n`);
    } else if (style === 1) {
      out.push(`@article{${key},\n  author    = {${authors}},\n  title     = {${title}},\n  journal   = {CoRR},\n  volume    = {abs/${2000 + r.int(500)}.${String(r.int(99999)).padStart(5, '0')}},\n  year      = {${year}},\n  url       = {https://arxiv.org/abs/${2000 + r.int(500)}.${r.int(99999)}},\n  eprinttype = {arXiv},\n  timestamp = {Mon, 0${1 + r.int(9)} Jan ${year} 12:00:00 +0100},\n  biburl    = {https://dblp.org/rec/journals/corr/${key}.bib}\n}\n\n`);
    } else {
      out.push(`@misc{${key},\n      title={${title}}, \n      author={${authors}},\n      year={${year}},\n      eprint={${2000 + r.int(500)}.${String(r.int(99999)).padStart(5, '0')}},\n      archivePrefix={arXiv},\n      primaryClass={cs.CV}\n}\n\n`);
    }
  }
  return out.join('');
}

const ABSTRACT_WORDS = ['we', 'propose', 'a', 'model', 'that', 'learns', 'visual', 'representations', 'from', 'image-text', 'pairs', 'and', 'show', 'zero-shot', 'transfer', 'to', 'downstream', 'tasks', 'with', 'strong', 'results', 'on', 'benchmarks', 'such', 'as', 'VQAv2', 'COCO', 'captioning', 'retrieval', 'the', 'of', 'in', 'our', 'method', 'outperforms', 'prior', 'work', 'while', 'using', 'fewer', 'parameters', 'training', 'data', 'is', 'released'];
const ACCENTED = ['M{\\"u}ller', "Andr{\\'e}", 'Bj{\\"o}rn', 'Fran{\\c{c}}ois', "Jos{\\'e}", '{\\O}stergaard'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A .bib of `count` entries shaped as real libraries are (about 1 KB each, so 10,000 make about 10 MB): Zotero
 * and Better BibTeX exports with abstracts, keywords and file paths, Google Scholar's short entries, DBLP's,
 * arXiv's @misc, biblatex with UPPERCASE types and fields, accents, @string macros and comments; `papers`
 * ({ key, title, arxiv, authors, year }) are spread through it as a thesis's .bib holds the atlas's papers.
 */
function realShapedBib(count, papers = [], seed = 13) {
  const r = random(seed);
  const words = (n, list = ABSTRACT_WORDS) => Array.from({ length: n }, () => r.pick(list)).join(' ');
  const author = () => `${r.next() < 0.15 ? r.pick(ACCENTED) : r.pick(SURNAMES)}, ${capitalize(r.pick(SYLLABLES))}${r.next() < 0.3 ? ` ${capitalize(r.pick(SYLLABLES))[0]}.` : ''}`;
  const authors = () => Array.from({ length: 2 + r.int(9) }, author).join(' and ');
  const arxivId = () => `${String(15 + r.int(11))}${String(1 + r.int(12)).padStart(2, '0')}.${String(r.int(99999)).padStart(5, '0')}`;
  const out = [
    '% Encoding: UTF-8\n% Exported by a reference manager, edited by hand since.\n',
    '@string{cvpr = {Proceedings of the {IEEE/CVF} Conference on Computer Vision and Pattern Recognition}}\n@string{neurips = "Advances in Neural Information Processing Systems"}\n\n',
    '@comment{jabref-meta: databaseType:bibtex;}\n\n',
  ];
  const every = papers.length > 0 ? Math.max(1, Math.floor(count / papers.length)) : Infinity;
  let next = 0;
  for (let i = 0; i < count; i++) {
    if (i % every === 0 && next < papers.length) {
      const p = papers[next++];
      out.push(`@article{${p.key},\n  title = {${p.title}},\n  author = {${p.authors}},\n  journal = {arXiv preprint arXiv:${p.arxiv}},\n  year = {${p.year}}\n}\n\n`);
      continue;
    }
    const surname = r.pick(SURNAMES).toLowerCase().replace(/[^a-z]/g, '');
    const year = 2000 + r.int(26);
    const key = `${surname}${year}${r.pick(SYLLABLES)}${i}`;
    const title = `${r.pick(REAL_STEMS)}: ${words(6 + r.int(8), TITLE_WORDS)}`;
    const abstract = words(110 + r.int(60));
    const style = r.int(6);
    if (style === 0) {
      out.push(`@inproceedings{${key},\n\ttitle = {{${title}}},\n\tshorttitle = {${title.split(':')[0]}},\n\turl = {https://openaccess.thecvf.com/content/CVPR${year}/html/${key}.html},\n\tdoi = {10.1109/CVPR${year}.${String(r.int(99999)).padStart(5, '0')}},\n\tabstract = {${abstract}},\n\turldate = {2024-0${1 + r.int(9)}-1${r.int(9)}},\n\tbooktitle = cvpr,\n\tauthor = {${authors()}},\n\tmonth = ${r.pick(MONTHS)},\n\tyear = {${year}},\n\tpages = {${r.int(9000)}--${r.int(9000)}},\n\tkeywords = {Computer Science - Computer Vision and Pattern Recognition, Computer Science - Machine Learning},\n\tfile = {Full Text PDF:/home/user/Zotero/storage/${String(r.int(1e8)).padStart(8, '0')}/${key}.pdf:application/pdf},\n}\n\n`);
    } else if (style === 1) {
      out.push(`@article{${key},\n  title={${title}},\n  author={${authors()}},\n  journal={arXiv preprint arXiv:${arxivId()}},\n  year={${year}}\n}\n\n`);
    } else if (style === 2) {
      out.push(`@article{DBLP:journals/corr/abs-${arxivId().replace('.', '-')},\n  author       = {${authors()}},\n  title        = {${title}},\n  journal      = {CoRR},\n  volume       = {abs/${arxivId()}},\n  year         = {${year}},\n  url          = {https://doi.org/10.48550/arXiv.${arxivId()}},\n  eprinttype    = {arXiv},\n  eprint       = {${arxivId()}},\n  timestamp    = {Mon, 0${1 + r.int(9)} Jan ${year} 12:00:00 +0100},\n  biburl       = {https://dblp.org/rec/journals/corr/${key}.bib},\n  bibsource    = {dblp computer science bibliography, https://dblp.org}\n}\n\n`);
    } else if (style === 3) {
      out.push(`@misc{${key},\n      title={${title}}, \n      author={${authors()}},\n      year={${year}},\n      eprint={${arxivId()}},\n      archivePrefix={arXiv},\n      primaryClass={cs.CV},\n      abstract={${abstract}},\n      url={https://arxiv.org/abs/${arxivId()}}, \n}\n\n`);
    } else if (style === 4) {
      out.push(`@ARTICLE{${key},\n  AUTHOR = {${authors()}},\n  TITLE = {${title}},\n  JOURNALTITLE = {Transactions on Machine Learning Research},\n  DATE = {${year}-0${1 + r.int(9)}},\n  ABSTRACT = {${abstract}},\n  NOTE = {Published as a conference paper at ICLR ${year}; see also \\url{https://openreview.net/forum?id=${key}}},\n}\n\n`);
    } else {
      out.push(`@inproceedings{${key},\n  title = "${title}",\n  author = "${authors()}",\n  booktitle = neurips # " " # "${year}",\n  volume = {${r.int(40)}},\n  pages = {${r.int(30000)}--${r.int(30000)}},\n  publisher = {Curran Associates, Inc.},\n  abstract = {${abstract} $\\alpha$-{\\em scaled} {\\textsc{Results}}},\n  year = ${year}\n}\n\n`);
    }
    if (r.next() < 0.02) {
      out.push('% ---- section break ----\n\n');
    }
  }
  return out.join('');
}

module.exports = { random, syntheticModels, syntheticDocument, syntheticBib, realShapedBib };
