// The details page's data for a model without an arXiv paper: its kind, and a link to the report, card or post.
import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { linkUrl, toModelDetails } from '../../src/core/presentation/modelDetails';
import { fakeModel } from '../support/fakeModel';

const inputs = (language: 'en' | 'zh-cn') => ({
  language,
  bibtex: '',
  diagramLabels: { frozen: 'frozen', trained: 'trained', objectives: 'Objectives', title: 'Architecture' },
  linkTexts: { arxiv: 'arXiv', paper: 'Open Paper', code: 'Code', project: 'Project Page' },
  architectureTypes: {},
});

describe('model details', () => {
  const blog = fakeModel('llava-next', {
    paper: { title: 'LLaVA-NeXT', authors: ['Haotian Liu'], date: '2024-01-30', type: 'blog-post', url: 'https://llava-vl.github.io/blog/2024-01-30-llava-next/' },
    links: { code: 'https://github.com/LLaVA-VL/LLaVA-NeXT' },
  });
  const both = fakeModel('gpt-4o', {
    paper: { title: 'GPT-4o System Card', authors: ['OpenAI'], date: '2024-10-25', arxiv: '2410.21276', type: 'system-card', url: 'https://openai.com/index/gpt-4o-system-card/' },
    links: { arxiv: 'https://arxiv.org/abs/2410.21276' },
  });
  const plain = fakeModel('blip-2', { paper: { title: 'BLIP-2', authors: ['Junnan Li'], date: '2023-01-30', arxiv: '2301.12597' } });
  const atlas = new AtlasIndex([blog, both, plain]);

  it('links a blog post as what it is, and gives no arXiv link where there is no arXiv paper', () => {
    const details = toModelDetails(blog, atlas, inputs('en'));
    assert.strictEqual(details.paperType, 'Blog post');
    assert.deepStrictEqual(details.links.map((l) => [l.link, l.text, l.url]), [
      ['paper', 'Blog post', 'https://llava-vl.github.io/blog/2024-01-30-llava-next/'],
      ['code', 'Code', 'https://github.com/LLaVA-VL/LLaVA-NeXT'],
    ]);
    assert.strictEqual(linkUrl(blog, 'arxiv'), undefined);
    assert.strictEqual(toModelDetails(blog, atlas, inputs('zh-cn')).paperType, '博客文章');
  });

  it('links both the arXiv listing and the card where a card is on both, and a plain paper by arXiv alone', () => {
    assert.deepStrictEqual(toModelDetails(both, atlas, inputs('en')).links.map((l) => `${l.link} ${l.text}`), ['arxiv arXiv 2410.21276', 'paper System card']);
    const details = toModelDetails(plain, atlas, inputs('en'));
    assert.strictEqual(details.paperType, undefined);
    assert.deepStrictEqual(details.links.map((l) => [l.link, l.url]), [['arxiv', 'https://arxiv.org/abs/2301.12597']]);
  });
});
