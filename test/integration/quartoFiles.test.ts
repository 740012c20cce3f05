// .qmd and .Rmd files in a VS Code without the Quarto or R extensions (this test VS Code has neither): served
// by file name, with hovers and citations, instead of opening as plain text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, positionOf, workspaceUri } from './helpers';

const DIR = 'quarto-case';
const TEXT = '---\ntitle: Report\nbibliography: ../refs.bib\n---\n\nBLIP-2 keeps the encoders frozen [@blip2paper].\n';

suite('Quarto and R Markdown files without their extensions', () => {
  suiteSetup(activateExtension);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  for (const [file, language] of [['report.qmd', 'quarto'], ['chapter.Rmd', 'rmd']]) {
    test(`${file} opens as ${language} and gets hover cards, on the name and on the .bib's own key`, async () => {
      const uri = workspaceUri(`${DIR}/${file}`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      assert.strictEqual(editor.document.languageId, language);
      const onName = await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2 keeps', 2));
      assert.match(onName?.value ?? '', /^\*\*BLIP\\-2\*\*/);
      const onKey = await atlasHoverAt(editor.document, positionOf(editor.document, 'blip2paper', 3));
      assert.match(onKey?.value ?? '', /^\*\*BLIP\\-2\*\*/, 'refs.bib holds BLIP-2 under blip2paper');
    });
  }
});
