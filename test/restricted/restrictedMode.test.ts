// Restricted Mode in a real VS Code (runIntegration.js --restricted): the bundled atlas works and the untrusted
// workspace's lumen.atlas.yaml is not read until the workspace is trusted.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, closeAll, EXTENSION_ID, openFixture, positionOf, scratch } from '../integration/helpers';

/** Long enough for a load the gate failed to stop: the reload is debounced by 150 ms and reads one small file. */
const SETTLE_MS = 4000;

suite('Restricted Mode', () => {
  teardown(closeAll);

  test('an untrusted workspace gets the bundled atlas but not its own atlas file', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner should open the workspace untrusted');
    const api = await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');

    const paper = await openFixture('paper.tex');
    const blip2 = await atlasHoverAt(paper.document, positionOf(paper.document, 'BLIP-2', 2));
    assert.match(blip2?.value ?? '', /^\*\*BLIP\\-2\*\*/, 'the bundled atlas works');

    const atlasFiles = await vscode.workspace.findFiles('*.atlas.yaml');
    assert.deepStrictEqual(atlasFiles.map((uri) => uri.path.split('/').pop()), ['lumen.atlas.yaml'], 'the runner put the atlas file there');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    assert.strictEqual((await api.service.atlas()).byIdOrUndefined('lumen-vl'), undefined, 'the atlas file was read');
    const editor = await scratch('latex', 'We build on BLIP-2 and Lumen-VL.');
    assert.strictEqual(await atlasHoverAt(editor.document, positionOf(editor.document, 'Lumen-VL', 2)), undefined, 'Lumen-VL has a hover');
  });

  test('New Model Entry and Add Paper from arXiv refuse, and write nothing, until the workspace is trusted', async () => {
    await activateExtension();
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'lumen.atlas.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const added = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('modelAtlas.newModelEntry', { name: 'Restricted-VL', file });
    const fetched = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('modelAtlas.addPaperFromArxiv', { id: '2401.00001', file });
    assert.deepStrictEqual([added?.reason, fetched?.reason], ['untrusted', 'untrusted']);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), before, 'the atlas file changed');
  });

  // Last: trust cannot be taken back here. The runner presses Trust in the editor this command opens.
  test('trusting the workspace loads its atlas file without a restart', async () => {
    const api = await activateExtension();
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    await vscode.commands.executeCommand('workbench.trust.manage');
    await granted;
    assert.strictEqual(vscode.workspace.isTrusted, true);
    const deadline = Date.now() + 10000;
    while (!(await api.service.atlas()).byIdOrUndefined('lumen-vl')) {
      assert.ok(Date.now() < deadline, 'Lumen-VL did not load after trust was granted');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const editor = await scratch('latex', 'We build on BLIP-2 and Lumen-VL.');
    assert.match((await atlasHoverAt(editor.document, positionOf(editor.document, 'Lumen-VL', 2)))?.value ?? '', /^\*\*Lumen\\-VL\*\*/);
  });
});
