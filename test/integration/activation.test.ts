// Activation, the exported API and the copy commands, run inside a real VS Code extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { log } from './log';

const EXTENSION_ID = 'model-atlas.multimodal-model-atlas';

suite('Activation', () => {
  let api: ModelAtlasApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<ModelAtlasApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in this VS Code`);
    // Logged rather than asserted: the figure depends on the machine. VS Code may have activated the
    // extension already (e.g. for the Markdown preview contribution); then this only measures the wait.
    const wasActive = extension.isActive;
    const started = performance.now();
    api = await extension.activate();
    log(`    activation took ${(performance.now() - started).toFixed(1)} ms${wasActive ? ' (was already active)' : ''}`);
  });

  test('the extension is active and exports the atlas', async () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.ok(api?.service, 'activate() returned no service');
    const models = (await api.service.atlas()).models;
    assert.ok(Array.isArray(models), 'atlas.models is not an array');
    assert.ok(models.length >= 0);
    log(`    the atlas holds ${models.length} models`);
  });

  test('the copy commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['modelAtlas.copyBibtex', 'modelAtlas.copyCitationKey']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  // Depends on the dataset: data/models/blip-2.yaml with the alias BLIP2.
  test("an alias finds BLIP-2 ('BLIP2' → blip-2)", async () => {
    assert.strictEqual((await api.service.atlas()).lookup('BLIP2')?.id, 'blip-2');
  });

  // The clipboard round trip goes extension host → workbench → the browser's clipboard under code-server,
  // so the UI runner grants Chromium clipboard permissions.
  test('Copy Citation Key puts li2023blip2 on the clipboard', async () => {
    await vscode.env.clipboard.writeText('(before)');
    await vscode.commands.executeCommand('modelAtlas.copyCitationKey', 'blip-2');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'li2023blip2');
  });
});
