// Add Paper from arXiv and New Model Entry against a local arXiv stand-in (test/support/arxivServer.ts): a good
// answer writes a valid entry that joins the atlas; every failure is reported and writes nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ModelAtlasApi } from '../../src/activate';
import type { EntryCommandResult } from '../../src/features/userAtlas/atlasEntryCommands';
import { ARXIV_IDS, closedPortUrl, startArxivServer, type ArxivServer } from '../support/arxivServer';
import { activateExtension, closeAll, workspaceUri } from './helpers';

const FILE = 'imported.atlas.yaml';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds: the dataset watcher reloads shortly after a file changes. */
async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function addPaper(id: string, name?: string): Thenable<EntryCommandResult> {
  return vscode.commands.executeCommand<EntryCommandResult>('modelAtlas.addPaperFromArxiv', { id, name, file: FILE });
}

suite('Add Paper from arXiv', () => {
  let api: ModelAtlasApi;
  let server: ArxivServer;
  const config = () => vscode.workspace.getConfiguration('modelAtlas');

  suiteSetup(async () => {
    api = await activateExtension();
    server = await startArxivServer();
    await config().update('arxiv.apiUrl', server.apiUrl, vscode.ConfigurationTarget.Workspace);
    await config().update('arxiv.timeoutSeconds', 1, vscode.ConfigurationTarget.Workspace);
  });
  suiteTeardown(async () => {
    await config().update('arxiv.apiUrl', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('arxiv.timeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    await server.close();
  });
  teardown(async () => {
    await closeAll();
    try {
      await vscode.workspace.fs.delete(workspaceUri(FILE), { useTrash: false });
    } catch {
      // nothing was written
    }
    await waitUntil('the imported model to leave', async () => !(await api.service.atlas()).byIdOrUndefined('lumen-vl'));
  });

  test('writes a valid imported entry that joins the atlas and opens it', async () => {
    const result = await addPaper(`https://arxiv.org/abs/${ARXIV_IDS.paper}v2`, 'Lumen-VL');
    assert.deepStrictEqual(result, { ok: true, modelId: 'lumen-vl', file: workspaceUri(FILE).toString() });
    assert.deepStrictEqual(server.requests.slice(-1), [ARXIV_IDS.paper]);

    const entries = parse(await textOf(workspaceUri(FILE))) as Array<Record<string, any>>;
    assert.strictEqual(entries.length, 1);
    const [entry] = entries;
    assert.strictEqual(entry.paper.title, 'Lumen-VL: Grounded Visual Instruction Tuning with Region-Aware Connectors');
    assert.deepStrictEqual(entry.paper.authors, ['Mei Zhang', 'Jörg Müller', 'Ana Lima']);
    assert.strictEqual(entry.paper.date, '2024-01-03');
    assert.strictEqual(entry.imported.from, 'arxiv');
    assert.strictEqual(entry.imported.primaryCategory, 'cs.CV');
    assert.match(entry.bibtex.entry, /^@misc\{zhang2024lumen,/);

    const model = (await api.service.atlas()).byIdOrUndefined('lumen-vl');
    assert.ok(model, 'the imported entry is valid and in the atlas');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(workspaceUri(FILE)), []);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(FILE).toString());

    const again = await addPaper(ARXIV_IDS.paper, 'Lumen-VL');
    assert.strictEqual(again.ok ? 'ok' : again.reason, 'already-present');
  });

  const failures: Array<[string, () => Promise<string>, string, RegExp]> = [
    ['a malformed id', async () => 'lumen-vl', 'malformed-id', /not an arXiv id/],
    ['an unknown id', async () => ARXIV_IDS.notFound, 'not-found', /no paper with id 2401\.99999/],
    ['an unknown id (old answer form)', async () => ARXIV_IDS.notFoundEmptyEntry, 'not-found', /no paper/],
    ['an API error', async () => ARXIV_IDS.apiError, 'api-error', /incorrect id format/],
    ['rate limiting', async () => ARXIV_IDS.rateLimited, 'rate-limited', /30 seconds/],
    ['a server error', async () => ARXIV_IDS.serverError, 'http-error', /500/],
    ['an answer that is not Atom', async () => ARXIV_IDS.notAtom, 'bad-response', /could not be read/],
    ['a slow answer', async () => ARXIV_IDS.slow, 'timeout', /within 1 seconds/],
  ];
  for (const [title, id, reason, message] of failures) {
    test(`reports ${title} and writes nothing`, async () => {
      const sent = server.requests.length;
      const result = await addPaper(await id(), 'Anything');
      assert.strictEqual(result.ok ? 'ok' : result.reason, reason);
      assert.match(result.ok ? '' : result.message, message);
      assert.strictEqual(await exists(workspaceUri(FILE)), false, 'nothing is written');
      assert.strictEqual(server.requests.length, reason === 'malformed-id' ? sent : sent + 1);
    });
  }

  test('reports a network failure and writes nothing', async () => {
    await config().update('arxiv.apiUrl', await closedPortUrl(), vscode.ConfigurationTarget.Workspace);
    try {
      const result = await addPaper(ARXIV_IDS.paper, 'Lumen-VL');
      assert.strictEqual(result.ok ? 'ok' : result.reason, 'network');
      assert.match(result.ok ? '' : result.message, /Could not reach arXiv/);
      assert.strictEqual(await exists(workspaceUri(FILE)), false);
    } finally {
      await config().update('arxiv.apiUrl', server.apiUrl, vscode.ConfigurationTarget.Workspace);
    }
  });
});

suite('New Model Entry', () => {
  let api: ModelAtlasApi;
  suiteSetup(async () => (api = await activateExtension()));
  teardown(async () => {
    await closeAll();
    try {
      await vscode.workspace.fs.delete(workspaceUri(FILE), { useTrash: false });
    } catch {
      // nothing was written
    }
    await waitUntil('the new models to leave', async () => !(await api.service.atlas()).byIdOrUndefined('our-model'));
  });

  test('scaffolds a valid entry that joins the atlas, appending to an existing file', async () => {
    const first = await vscode.commands.executeCommand<EntryCommandResult>('modelAtlas.newModelEntry', { name: 'Our Model', file: FILE });
    assert.ok(first.ok && first.modelId === 'our-model', JSON.stringify(first));
    const second = await vscode.commands.executeCommand<EntryCommandResult>('modelAtlas.newModelEntry', { name: 'Our-Model', file: FILE });
    assert.ok(second.ok && second.modelId === 'our-model-2', JSON.stringify(second));
    const ids = (parse(await textOf(workspaceUri(FILE))) as Array<{ id: string }>).map((e) => e.id);
    assert.deepStrictEqual(ids, ['our-model', 'our-model-2']);
    assert.ok((await api.service.atlas()).byIdOrUndefined('our-model') && (await api.service.atlas()).byIdOrUndefined('our-model-2'));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(workspaceUri(FILE)), []);
  });
});
