// Export BibTeX: the atlas models a document cites or mentions (not those in code), merged without duplicates.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, workspaceUri } from './helpers';

suite('Export BibTeX', () => {
  const target = workspaceUri('exported-test.bib');

  suiteSetup(activateExtension);
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(target, { useTrash: false }).then(undefined, () => undefined);
  });

  test('exports the models of notes.md once, and nothing more the second time', async () => {
    await openFixture('notes.md');
    const added = await vscode.commands.executeCommand<number>('modelAtlas.exportBibtex', target);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const keys = [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort();
    assert.deepStrictEqual(keys, ['alayrac2022flamingo', 'bao2022vlbeit', 'beit3', 'kosmos-1', 'li2023blip2'].sort());
    assert.strictEqual(added, 5);

    await openFixture('notes.md');
    assert.strictEqual(await vscode.commands.executeCommand<number>('modelAtlas.exportBibtex', target), 0);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), text);
  });
});
