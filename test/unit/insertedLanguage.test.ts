import * as assert from 'node:assert/strict';
import { CJK_PACKAGE_NOTE, documentTextLanguage, insertedLanguage, latexTypesetsCjk, withLanguageNote } from '../../src/core/writing/insertedLanguage';

const ENGLISH_PAPER = [
  '\\documentclass{article}',
  '\\usepackage{booktabs}',
  '\\begin{document}',
  '\\section{Related work}',
  'Vision-language models connect a pretrained image encoder to a language model through a small module.',
  '\\end{document}',
].join('\n');
const CHINESE_PAPER = ENGLISH_PAPER.replace('\\documentclass{article}', '\\documentclass{ctexart}').replace(/Vision-language.*module\./, '视觉语言模型通过一个小模块把预训练的图像编码器连接到语言模型。');
const CHINESE_NOTE = '# 阅读笔记\n\nBLIP-2 冻结图像编码器和大语言模型，只训练 Q-Former，用少量参数连接两种模态。\n';

describe('the language of inserted text', () => {
  it('follows an English LaTeX paper under auto, even in a Chinese VS Code, with no Chinese to typeset', () => {
    assert.deepEqual(insertedLanguage('auto', 'zh-cn', ENGLISH_PAPER, 'latex'), { language: 'en', needsCjkPackage: false });
  });

  it('follows a Chinese document under auto, in an English VS Code', () => {
    assert.deepEqual(insertedLanguage('auto', 'en', CHINESE_PAPER, 'latex'), { language: 'zh-cn', needsCjkPackage: false });
    assert.deepEqual(insertedLanguage('auto', 'en', CHINESE_NOTE, 'markdown'), { language: 'zh-cn', needsCjkPackage: false });
  });

  it("falls back to VS Code's language when the text says nothing (a new file)", () => {
    assert.equal(insertedLanguage('auto', 'zh-cn', '\\documentclass{article}\n\\begin{document}\n\\end{document}\n', 'latex').language, 'zh-cn');
    assert.equal(insertedLanguage('auto', 'en', '', 'markdown').language, 'en');
  });

  it('uses a language set for the document, and asks for ctex where the LaTeX preamble cannot typeset Chinese', () => {
    assert.deepEqual(insertedLanguage('zh-cn', 'en', ENGLISH_PAPER, 'latex'), { language: 'zh-cn', needsCjkPackage: true });
    assert.deepEqual(insertedLanguage('zh-cn', 'en', CHINESE_PAPER, 'latex'), { language: 'zh-cn', needsCjkPackage: false });
    assert.deepEqual(insertedLanguage('zh-cn', 'en', ENGLISH_PAPER, 'markdown'), { language: 'zh-cn', needsCjkPackage: false });
    assert.deepEqual(insertedLanguage('en', 'zh-cn', CHINESE_NOTE, 'markdown'), { language: 'en', needsCjkPackage: false });
  });

  it('puts the comment naming the package above the block only where it is needed', () => {
    assert.equal(withLanguageNote('X', { language: 'zh-cn', needsCjkPackage: true }), `${CJK_PACKAGE_NOTE}\nX`);
    assert.equal(withLanguageNote('X', { language: 'zh-cn', needsCjkPackage: false }), 'X');
    assert.match(CJK_PACKAGE_NOTE, /^% .*\\usepackage\{ctex\}/);
  });
});

describe('latexTypesetsCjk and documentTextLanguage', () => {
  it('knows the packages and classes that typeset Chinese, but not in a comment', () => {
    for (const preamble of ['\\usepackage{ctex}', '\\usepackage[UTF8]{ctex}', '\\usepackage{xeCJK}', '\\usepackage{CJKutf8}', '\\documentclass[a4paper]{ctexbook}']) {
      assert.equal(latexTypesetsCjk(`${preamble}\n\\begin{document}`), true, preamble);
    }
    assert.equal(latexTypesetsCjk('% \\usepackage{ctex}\n\\usepackage{booktabs}'), false);
    assert.equal(latexTypesetsCjk(ENGLISH_PAPER), false);
  });

  it('counts Han characters against Latin words, leaving LaTeX commands out', () => {
    assert.equal(documentTextLanguage(ENGLISH_PAPER, 'latex'), 'en');
    assert.equal(documentTextLanguage('\\begin{document}\\section{引言}这是一篇关于多模态模型的中文论文，讨论视觉编码器。\\end{document}', 'latex'), 'zh-cn');
    assert.equal(documentTextLanguage('Some English with 几个汉字 mixed in, as notes often have when quoting a title.', 'markdown'), 'en');
    assert.equal(documentTextLanguage('BLIP-2', 'markdown'), undefined);
  });
});
