// Insert Citation in the real editor: the citation in the document's syntax, the .bib kept in step
// (entry added once, an existing entry's key reused), and undo restoring both files.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, restoreFixtures, snapshotFixtures, openFixture, positionOf, workspaceUri } from './helpers';

const FILES = ['paper.tex', 'notes.md', 'refs.bib'];

suite('Insert Citation', () => {
  let api: ModelAtlasApi;
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await activateExtension();
    originals = await snapshotFixtures(FILES);
  });

  // Put every fixture back byte for byte, on disk and in open editors.
  teardown(() => restoreFixtures(originals));

  async function bibText(): Promise<string> {
    return (await vscode.workspace.openTextDocument(workspaceUri('refs.bib'))).getText();
  }

  async function citeAt(file: string, needle: string, delta: number, ids: string | string[]): Promise<vscode.TextEditor> {
    const editor = await openFixture(file);
    const position = positionOf(editor.document, needle, delta);
    editor.selection = new vscode.Selection(position, position);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', ids), true);
    return editor;
  }

  test('cites in LaTeX and appends the entry to refs.bib once', async () => {
    const kosmos2 = api.service.atlas.get('kosmos-2');
    const before = await bibText();
    const editor = await citeAt('paper.tex', 'Kosmos-2, while', 8, 'kosmos-2');
    assert.ok(editor.document.getText().includes(`Kosmos-2\\cite{${kosmos2.bibtex.key}}, while`), editor.document.getText());
    const after = await bibText();
    assert.ok(after.startsWith(before), 'an existing byte of refs.bib changed');
    assert.strictEqual(after.split(`{${kosmos2.bibtex.key},`).length - 1, 1, after);

    await citeAt('paper.tex', 'Kosmos-2\\cite', 8, 'kosmos-2');
    assert.strictEqual(await bibText(), after, 'citing again changed refs.bib');
  });

  test('reuses the key of an entry already in the .bib (BLIP-2 as blip2paper)', async () => {
    const before = await bibText();
    const editor = await citeAt('paper.tex', 'through a small', 7, 'blip-2');
    assert.ok(editor.document.getText().includes('through\\cite{blip2paper} a small'), editor.document.getText());
    assert.strictEqual(await bibText(), before);
  });

  test('adds keys to the citation around the cursor', async () => {
    const editor = await citeAt('paper.tex', 'li2022blip}', 10, 'albef');
    const albef = api.service.atlas.get('albef');
    assert.ok(editor.document.getText().includes(`\\cite{li2022blip,${albef.bibtex.key}}`), editor.document.getText());
  });

  test('cites in Pandoc Markdown using the front matter bibliography', async () => {
    const flamingo = api.service.atlas.get('flamingo');
    const editor = await citeAt('notes.md', 'Flamingo interleaves', 8, ['flamingo', 'coca']);
    const coca = api.service.atlas.get('coca');
    assert.ok(editor.document.getText().includes(`Flamingo [@${flamingo.bibtex.key}; @${coca.bibtex.key}] interleaves`) ||
      editor.document.getText().includes(`Flamingo[@${flamingo.bibtex.key}; @${coca.bibtex.key}] interleaves`), editor.document.getText());
    const bib = await bibText();
    assert.ok(bib.includes(`{${flamingo.bibtex.key},`) && bib.includes(`{${coca.bibtex.key},`), bib);
  });

  test('undo restores both the document and the .bib', async () => {
    const bibBefore = await bibText();
    const editor = await citeAt('paper.tex', 'Kosmos-2, while', 8, 'kosmos-2');
    const texBefore = originals.get('paper.tex');
    assert.notStrictEqual(editor.document.getText(), texBefore);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), texBefore);

    const bibEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('refs.bib')));
    assert.notStrictEqual(bibEditor.document.getText(), bibBefore);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(bibEditor.document.getText(), bibBefore);
  });
});
