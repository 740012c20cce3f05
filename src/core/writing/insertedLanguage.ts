// The language of what the writing aids insert: the document's own, and Chinese in LaTeX only where the
// preamble can typeset it, or with a comment saying what to load.
import type { DisplayLanguage } from '../atlas/atlas';
import { loadsLatexPackage, withoutLatexComments } from '../documents/latexSource';

export type LanguageSetting = 'auto' | DisplayLanguage;

export interface InsertedLanguage {
  language: DisplayLanguage;
  /** LaTeX only: the Chinese text needs a package the preamble does not load (a comment says which). */
  needsCjkPackage: boolean;
}

/** Packages that let LaTeX typeset Chinese; the ctex classes count too. */
const CJK_PACKAGES = ['ctex', 'xeCJK', 'CJKutf8', 'CJK', 'luatexja', 'zxjatype'];
const CJK_CLASS = /\\documentclass\s*(?:\[[^\]]*\])?\s*\{\s*ctex(?:art|rep|book|beamer)\s*\}/;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu;
/** Words of the text, LaTeX commands left out ("\begin" is not English). */
const LATIN_WORD = /(?<![\\\p{L}])\p{Script=Latin}{2,}/gu;
/** Below this many Han characters or Latin words, a text says nothing about its language. */
const ENOUGH = 12;

/** Whether the preamble loads a package (or uses a class) that typesets Chinese. */
export function latexTypesetsCjk(text: string): boolean {
  return CJK_CLASS.test(withoutLatexComments(text)) || CJK_PACKAGES.some((name) => loadsLatexPackage(text, name));
}

/**
 * The language of the document's text: Chinese when it holds more Han characters than Latin words (or is a LaTeX
 * document set up for Chinese), English when it holds enough Latin words, else undefined (nothing to go by).
 */
export function documentTextLanguage(text: string, syntax: 'latex' | 'markdown' | 'typst'): DisplayLanguage | undefined {
  const source = syntax === 'latex' ? withoutLatexComments(text) : text;
  if (syntax === 'latex' && latexTypesetsCjk(source)) {
    return 'zh-cn';
  }
  const han = source.match(HAN)?.length ?? 0;
  const latin = source.match(LATIN_WORD)?.length ?? 0;
  if (han >= ENOUGH && han > latin) {
    return 'zh-cn';
  }
  return latin >= ENOUGH ? 'en' : undefined;
}

/**
 * `auto` follows the document's text, else `fallback` (VS Code's language); a language set for the document
 * (modelAtlas.displayLanguage, per folder or per language) is used as set.
 */
export function insertedLanguage(setting: LanguageSetting, fallback: DisplayLanguage, text: string, syntax: 'latex' | 'markdown' | 'typst'): InsertedLanguage {
  const language = setting === 'auto' ? documentTextLanguage(text, syntax) ?? fallback : setting;
  return { language, needsCjkPackage: language === 'zh-cn' && syntax === 'latex' && !latexTypesetsCjk(text) };
}

/** The comment above Chinese text in a LaTeX document whose preamble cannot typeset it. */
export const CJK_PACKAGE_NOTE = '% 以下中文需要在导言区加载 \\usepackage{ctex}，并用 XeLaTeX 或 LuaLaTeX 编译。';

/** `block` with the CJK_PACKAGE_NOTE above it where the language needs one. */
export function withLanguageNote(block: string, inserted: InsertedLanguage): string {
  return inserted.needsCjkPackage ? `${CJK_PACKAGE_NOTE}\n${block}` : block;
}
