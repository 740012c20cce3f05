// Insert Citation in the real editor: the citation in the document's syntax, the .bib kept in step, undo
// restoring both files, and the append taken back when the citation cannot go in.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { planBibliography, revertBibliographyPlan, writeBibliographyPlan } from '../../src/shared/bibliography/bibliographyWrites';
import { activateExtension, atlasHoverAt, bibText, editorAt, positionOf, restoreFixtures, snapshotFixtures, waitFor, waitForAsync, workspaceUri } from './helpers';

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

  async function citeAt(file: string, needle: string, delta: number, ids: string | string[]): Promise<vscode.TextEditor> {
    const editor = await editorAt(file, needle, delta);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', ids), true);
    return editor;
  }

  // paper.tex cites with \citep twice and \cite once, each set off by a space: new citations follow it.
  test('cites in LaTeX as the paper does, and appends the entry to refs.bib once', async () => {
    const kosmos2 = (await api.service.atlas()).get('kosmos-2');
    const before = await bibText();
    const editor = await citeAt('paper.tex', 'Kosmos-2, while', 8, 'kosmos-2');
    assert.ok(editor.document.getText().includes(`Kosmos-2 \\citep{${kosmos2.bibtex.key}}, while`), editor.document.getText());
    const after = await bibText();
    assert.ok(after.startsWith(before), 'an existing byte of refs.bib changed');
    assert.strictEqual(after.split(`{${kosmos2.bibtex.key},`).length - 1, 1, after);

    await citeAt('paper.tex', 'Kosmos-2 \\citep', 8, 'kosmos-2');
    assert.strictEqual(await bibText(), after, 'citing again changed refs.bib');
    assert.strictEqual(editor.document.getText().split(kosmos2.bibtex.key).length - 1, 1, 'cited twice');
  });

  test('reuses the key of an entry already in the .bib (BLIP-2 as blip2paper)', async () => {
    const before = await bibText();
    const editor = await citeAt('paper.tex', 'through a small', 7, 'blip-2');
    assert.ok(editor.document.getText().includes('through \\citep{blip2paper} a small'), editor.document.getText());
    assert.strictEqual(await bibText(), before);
  });

  test('adds keys to the citation around the cursor', async () => {
    const editor = await citeAt('paper.tex', 'li2022blip}', 10, 'albef');
    const albef = (await api.service.atlas()).get('albef');
    assert.ok(editor.document.getText().includes(`\\cite{li2022blip,${albef.bibtex.key}}`), editor.document.getText());
  });

  test('cites in Pandoc Markdown using the front matter bibliography', async () => {
    const flamingo = (await api.service.atlas()).get('flamingo');
    const editor = await citeAt('notes.md', 'Flamingo interleaves', 8, ['flamingo', 'coca']);
    const coca = (await api.service.atlas()).get('coca');
    assert.ok(editor.document.getText().includes(`Flamingo [@${flamingo.bibtex.key}; @${coca.bibtex.key}] interleaves`) ||
      editor.document.getText().includes(`Flamingo[@${flamingo.bibtex.key}; @${coca.bibtex.key}] interleaves`), editor.document.getText());
    const bib = await bibText();
    assert.ok(bib.includes(`{${flamingo.bibtex.key},`) && bib.includes(`{${coca.bibtex.key},`), bib);
  });

  test('undo of the citation takes the appended entry back too, on disk as well, and redo puts it back', async () => {
    const bibBefore = await bibText();
    const editor = await citeAt('paper.tex', 'Kosmos-2, while', 8, 'kosmos-2');
    const texBefore = originals.get('paper.tex');
    const texAfter = editor.document.getText();
    const bibAfter = await bibText();
    assert.notStrictEqual(texAfter, texBefore);
    assert.notStrictEqual(bibAfter, bibBefore);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), texBefore);
    await waitForAsync('the append taken back', async () => (await bibText()) === bibBefore);
    await waitForAsync('the take-back saved', async () => (await diskText(workspaceUri('refs.bib'))) === bibBefore);

    await vscode.commands.executeCommand('redo');
    assert.strictEqual(editor.document.getText(), texAfter);
    await waitForAsync('the append put back', async () => (await bibText()) === bibAfter);
  });

  test('undo of a citation leaves the appended entry when the document still cites its key elsewhere', async () => {
    const kosmos2 = (await api.service.atlas()).get('kosmos-2');
    const coca = (await api.service.atlas()).get('coca');
    const editor = await editorAt('paper.tex', 'contrastive captioners', 'contrastive captioners'.length);
    // The paper already cites Kosmos-2's key, but refs.bib lacks its entry (a missing-entry warning).
    assert.ok(await editor.edit((b) => b.insert(editor.selection.active, ` \\citep{${kosmos2.bibtex.key}}`)));
    const bibBefore = await bibText();
    await citeAt('paper.tex', 'CoCa', 4, 'coca');
    const withCoca = await bibText();
    await citeAt('paper.tex', 'Kosmos-2, while', 8, 'kosmos-2');
    const withBoth = await bibText();
    assert.ok(withCoca !== bibBefore && withBoth !== withCoca, 'an entry was not appended');
    await vscode.commands.executeCommand('undo'); // Kosmos-2's citation: the key is still cited, the entry stays
    await vscode.commands.executeCommand('undo'); // CoCa's: its entry goes
    // Undos are handled in order, so once CoCa's entry is gone, Kosmos-2's undo has been handled too.
    const after = await waitForAsync('the CoCa entry taken back', async () => {
      const text = await bibText();
      return !text.includes(`{${coca.bibtex.key},`) && text;
    });
    assert.ok(after.includes(`{${kosmos2.bibtex.key},`), 'the entry the other citation needs was taken back');
  });

  const diskText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

  async function closeTab(uri: vscode.Uri): Promise<void> {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.ok(tab, `no tab shows ${uri.path}`);
    await vscode.window.tabGroups.close(tab);
  }

  test('when the editor is gone once the .bib is saved, the append is taken back and that saved too', async () => {
    const editor = await editorAt('paper.tex', 'Kosmos-2, while', 8);
    const paper = editor.document;
    const bibUri = workspaceUri('refs.bib');
    let closing: Promise<unknown> | undefined;
    // Holds the save of the append until the paper's tab is closed: its TextEditor is then disposed.
    const listener = vscode.workspace.onWillSaveTextDocument((event) => {
      if (!closing && event.document.uri.toString() === bibUri.toString()) {
        closing = closeTab(paper.uri).then(() => waitFor('the editor to be disposed', () => !vscode.window.visibleTextEditors.includes(editor)));
        event.waitUntil(closing);
      }
    });
    try {
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2'), false);
    } finally {
      listener.dispose();
    }
    assert.ok(closing, 'refs.bib was never saved');
    const bib = await vscode.workspace.openTextDocument(bibUri);
    assert.strictEqual(bib.getText(), originals.get('refs.bib'), 'the append is still in refs.bib');
    assert.strictEqual(bib.isDirty, false, 'the take-back was not saved');
    assert.strictEqual(await diskText(bibUri), originals.get('refs.bib'), 'the append is still on disk');
    assert.strictEqual(paper.getText(), originals.get('paper.tex'));
  });

  test('with the .bib itself in front, nothing is inserted into it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const bib = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('refs.bib')));
    bib.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2'), false);
    assert.strictEqual(bib.document.getText(), originals.get('refs.bib'));
    assert.strictEqual(await bibText(), originals.get('refs.bib'));
  });

  suite('with files of its own', () => {
    const dir = workspaceUri('citing-edits');
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), new TextEncoder().encode(text));
    suiteTeardown(() => vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false }));

    /** first.bib without Flamingo, and second.bib holding it as flamingoHere. */
    async function writeTwoBibs(): Promise<{ first: string; second: string }> {
      const first = '@misc{other, title = {Something else}}\n';
      const second = `@inproceedings{flamingoHere,\n  title = {Flamingo},\n  eprint = {${(await api.service.atlas()).get('flamingo').paper.arxiv}},\n}\n`;
      await write('first.bib', first);
      await write('second.bib', second);
      return { first, second };
    }

    test('a paper the second of two .bib files holds is cited by its key there, and appended to neither', async () => {
      const { first, second } = await writeTwoBibs();
      await write('notes.md', '---\nbibliography: [first.bib, second.bib]\n---\n\nFlamingo interleaves images and text.\n');
      const editor = await editorAt('citing-edits/notes.md', 'Flamingo', 'Flamingo'.length);
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'flamingo'), true);
      assert.ok(editor.document.getText().includes('[@flamingoHere]'), editor.document.getText());
      assert.strictEqual(await diskText(vscode.Uri.joinPath(dir, 'first.bib')), first, 'the entry was appended to first.bib');
      assert.strictEqual(await diskText(vscode.Uri.joinPath(dir, 'second.bib')), second);
      assert.ok(await editor.document.save()); // no unsaved document left behind for the deleted folder
    });

    test('an accepted completion of a paper the second .bib holds appends it to neither', async () => {
      const { first, second } = await writeTwoBibs();
      await write('accepted.md', '---\nbibliography: [first.bib, second.bib]\n---\n\nFlamingo [@flamingoHere] interleaves images and text.\n');
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'accepted.md'));
      // What accepting a citation completion runs (its item's command).
      await vscode.commands.executeCommand('modelAtlas.internal.citationAccepted', 'flamingo', document.uri.toString(), true);
      assert.strictEqual(await diskText(vscode.Uri.joinPath(dir, 'first.bib')), first, 'the entry was appended to first.bib');
      assert.strictEqual(await diskText(vscode.Uri.joinPath(dir, 'second.bib')), second);
      assert.strictEqual((await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'first.bib'))).getText(), first, 'first.bib has an unsaved append');
    });

    test('a .bib that uses the atlas key for another paper gets the entry under a free key, and the key keeps its meaning', async () => {
      const kosmos2 = (await api.service.atlas()).get('kosmos-2');
      const key = kosmos2.bibtex.key;
      const other = `@misc{${key},\n  title = {Someone Else's Paper on Grounding},\n  year = {2020},\n}\n`;
      await write('taken.bib', other);
      await write('taken.md', `---\nbibliography: taken.bib\n---\n\nKosmos-2 grounds text. See [@${key}].\n`);
      const editor = await editorAt('citing-edits/taken.md', 'Kosmos-2', 'Kosmos-2'.length);
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2'), true);
      assert.ok(editor.document.getText().includes(`Kosmos-2 [@${key}a]`), editor.document.getText());
      const bib = await diskText(vscode.Uri.joinPath(dir, 'taken.bib'));
      assert.ok(bib.startsWith(other), 'an existing byte of taken.bib changed');
      assert.match(bib.slice(other.length), new RegExp(`^\\s*@\\w+\\{${key}a,`));
      // The user's own key is their paper: no Kosmos-2 card on it.
      const card = await atlasHoverAt(editor.document, positionOf(editor.document, `@${key}]`, 2));
      assert.strictEqual(card?.value, undefined);
      // ...while the key it was cited under now shows Kosmos-2.
      assert.match((await atlasHoverAt(editor.document, positionOf(editor.document, `@${key}a]`, 2)))?.value ?? '', /Kosmos/);
      assert.ok(await editor.document.save());
    });

    test('an append is refused, writing nothing, when the .bib changed after it was planned', async () => {
      const uri = vscode.Uri.joinPath(dir, 'moving.bib');
      const text = '@misc{other, title = {Something else}}\n';
      await write('moving.bib', text);
      const plan = await planBibliography(uri, [(await api.service.atlas()).get('kosmos-2')]);
      assert.ok(plan.append, 'nothing to append');
      const bib = await vscode.workspace.openTextDocument(uri);
      const typed = new vscode.WorkspaceEdit();
      typed.insert(uri, bib.positionAt(text.length), '% typed meanwhile\n');
      assert.ok(await vscode.workspace.applyEdit(typed));
      const written = await writeBibliographyPlan(plan);
      assert.strictEqual(written.ok, false, 'the append went in at a stale offset');
      assert.strictEqual(bib.getText(), `${text}% typed meanwhile\n`);
      assert.strictEqual(await diskText(uri), text);
      assert.ok(await bib.save());
    });

    test('taking back the append that created a .bib deletes the file again, whatever files.eol makes its line breaks', async () => {
      const files = vscode.workspace.getConfiguration('files');
      try {
        for (const eol of ['\n', '\r\n']) {
          await files.update('eol', eol, vscode.ConfigurationTarget.Workspace);
          const uri = vscode.Uri.joinPath(dir, `created-${eol.length}.bib`);
          const plan = await planBibliography(uri, [(await api.service.atlas()).get('kosmos-2')]);
          assert.ok(plan.append?.createFile, 'the plan does not create the file');
          assert.deepStrictEqual(await writeBibliographyPlan(plan), { ok: true });
          assert.match(await diskText(uri), /^@\w+\{/);
          await revertBibliographyPlan(plan);
          await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri)), `the created file is still there (files.eol ${JSON.stringify(eol)})`);
        }
      } finally {
        await files.update('eol', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
});
