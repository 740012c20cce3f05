import * as assert from 'node:assert/strict';
import { escapeLatex } from '../../src/core/writing/latexEscape';
import { escapeMarkdownText } from '../../src/core/writing/markdownEscape';

describe('escapeLatex', () => {
  it('turns the special characters into the commands that print them', () => {
    assert.equal(escapeLatex('R&D 100% a_b #1'), 'R\\&D 100\\% a\\_b \\#1');
    assert.equal(escapeLatex('$5 {x} ~ ^ \\'), '\\$5 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    assert.equal(escapeLatex('a<b>c|d'), 'a\\textless{}b\\textgreater{}c\\textbar{}d');
  });

  it('spells accented letters with accent commands, on a dotless i', () => {
    assert.equal(escapeLatex('Université de Montréal'), "Universit\\'{e} de Montr\\'{e}al");
    assert.equal(escapeLatex('Zoë Ünï Çelik Dvořák'), 'Zo\\"{e} \\"{U}n\\"{\\i} \\c{C}elik Dvo\\v{r}\\\'{a}k');
    assert.equal(escapeLatex('Łukasz Øster Straße'), '\\L{}ukasz \\O{}ster Stra\\ss{}e');
  });

  it('reads decomposed input (e + combining acute) like the composed letter', () => {
    assert.equal(escapeLatex('Jose\u0301'), "Jos\\'{e}");
  });

  it('writes dashes, quotes and the atlas symbols in ASCII', () => {
    assert.equal(escapeLatex('Wisconsin–Madison — “quoted” ‘x’ 32×32 a→b ~1…'), "Wisconsin--Madison --- ``quoted'' `x' 32$\\times$32 a$\\rightarrow$b \\textasciitilde{}1\\ldots{}");
  });

  it('keeps ASCII pairs that TeX would join apart: --, two quotes, ?` and !`', () => {
    assert.equal(escapeLatex("X--Y ''a'' ?` !` ,,"), "X-{}-Y '{}'a'{}' ?{}` !{}` ,{},");
    assert.equal(escapeLatex('a–-b -—'), 'a--{}-b -{}---', 'a hyphen beside a dash stays a hyphen');
    assert.equal(escapeLatex('BLIP-2, LLaVA-1.5'), 'BLIP-2, LLaVA-1.5');
  });

  it('keeps characters with no ASCII spelling, and turns line breaks into spaces', () => {
    assert.equal(escapeLatex('视觉\r\n  编码器'), '视觉 编码器');
  });

  it('folds a lone CR and the Unicode line and paragraph separators too', () => {
    assert.equal(escapeLatex('a\r# b'), 'a \\# b');
    assert.equal(escapeLatex('a\u2028b'), 'a b');
    assert.equal(escapeLatex('a \u2029 b'), 'a b');
  });

  it('writes " and the ogonek in forms that compile in OT1 as in T1 (no \\textquotedbl or \\k of its own)', () => {
    assert.equal(escapeLatex('a "b"'), 'a \\UseTextSymbol{T1}{\\textquotedbl}b\\UseTextSymbol{T1}{\\textquotedbl}');
    assert.equal(escapeLatex('Mądry Į'), 'M\\UseTextAccent{T1}{\\k}{a}dry \\UseTextAccent{T1}{\\k}{I}');
    assert.equal(escapeLatex('į'), '\\UseTextAccent{T1}{\\k}{i}', 'an ogonek keeps the dot of i');
  });
});

describe('escapeMarkdownText', () => {
  it('escapes what could become inline markup, a table cell break or a Pandoc citation', () => {
    assert.equal(escapeMarkdownText('a|b *c* _d_ `e` [f](g) <h> $i$ ~j^ @k & \\'), 'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\$i\\$ \\~j\\^ \\@k \\& \\\\');
  });

  it('leaves ordinary punctuation alone so the source stays readable', () => {
    assert.equal(escapeMarkdownText('ViT-B/16 (base) #1, 8.7% + 2!'), 'ViT-B/16 (base) #1, 8.7% + 2!');
  });
});
