// The display language in the real editor (issue 19.16): with modelAtlas.displayLanguage set to zh-cn, the hover
// card's labels and actions are Chinese like its summary, whatever VS Code's own language.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, closeAll, openFixture, positionOf } from './helpers';

suite('Display language of the hover card', () => {
  const config = () => vscode.workspace.getConfiguration('modelAtlas');
  suiteSetup(activateExtension);
  suiteTeardown(async () => {
    await config().update('displayLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  async function blip2Card(): Promise<string> {
    const editor = await openFixture('paper.tex');
    const card = await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2 connects', 2));
    assert.ok(card, 'no card over BLIP-2');
    return card.value;
  }

  test('zh-cn: Chinese labels and actions around the Chinese summary; en: English throughout', async () => {
    await config().update('displayLanguage', 'zh-cn', vscode.ConfigurationTarget.Workspace);
    const zh = await blip2Card();
    for (const label of ['*架构:*', '*基于:*', '*后续工作:*', '[打开论文]', '[插入引用]', '[复制 BibTeX]', '[显示详情]']) {
      assert.ok(zh.includes(label), `no ${label} in\n${zh}`);
    }
    assert.ok(!/Architecture:|Builds on:|Built on by:|\[Open Paper\]|\[Insert Citation\]/.test(zh), zh);

    await config().update('displayLanguage', 'en', vscode.ConfigurationTarget.Workspace);
    const en = await blip2Card();
    for (const label of ['*Architecture:*', '*Builds on:*', '[Open Paper]', '[Insert Citation]']) {
      assert.ok(en.includes(label), `no ${label} in\n${en}`);
    }
    assert.ok(!/[架基插]/.test(en), en);
  });
});
