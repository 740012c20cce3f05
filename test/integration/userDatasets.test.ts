// User atlas files in the real editor: a *.atlas.yaml adds a model everywhere, edits update it, and each broken
// entry shows its diagnostic in place while the bundled models keep working.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, labelOf, positionOf, scratch, waitFor, workspaceUri } from './helpers';

const FILE = 'lumen.atlas.yaml';
const BROKEN = '.atlas/broken.yaml';

function entry(name = 'Lumen-VL', extra = ''): string {
  return `id: lumen-vl
name: ${name}
aliases: [LumenVL]
kind: multimodal
family: lumen
organizations: [Example University]
paper:
  title: "Lumen-VL: Grounded Visual Instruction Tuning"
  authors: [Mei Zhang, Ana Lima]
  arxiv: "2401.01234"
  date: "2024-01-03"
summary:
  en: A fictional grounded model used by the integration tests.
architecture:
  type: multimodal-llm
  summary: frozen ViT → region connector → LLM
  components:
    - { id: vit, name: ViT, role: vision-encoder, trainable: false }
    - { id: llm, name: LLM, role: language-model, trainable: true }
  connections:
    - { from: vit, to: llm }
lineage:
  buildsOn: [llava]
bibtex:
  key: zhang2024lumen
  origin: composed
  entry: "@misc{zhang2024lumen,\\n  title = {Lumen-VL}\\n}"
sources:
  - url: https://arxiv.org/abs/2401.01234
    facts: [title, authors, date, arxiv]
${extra}`;
}

async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function remove(relative: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceUri(relative), { recursive: true, useTrash: false });
  } catch {
    // already gone
  }
}

async function treeModelIds(api: ModelAtlasApi): Promise<string[]> {
  const provider = api.sidebar.models;
  const walk = async (node?: unknown): Promise<string[]> => {
    const ids: string[] = [];
    for (const child of await provider.getChildren(node as never)) {
      const id = (child as { modelId?: string }).modelId;
      ids.push(...(id ? [id] : await walk(child)));
    }
    return ids;
  };
  return walk();
}

function messagesOf(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`)
    .sort();
}

suite('User datasets', () => {
  let api: ModelAtlasApi;
  suiteSetup(async () => (api = await activateExtension()));
  teardown(async () => {
    await closeAll();
    await remove(FILE);
    await remove('.atlas');
    await vscode.workspace.getConfiguration('modelAtlas').update('hiddenModels', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the user models to leave', async () => !(await api.service.atlas()).byIdOrUndefined('lumen-vl') && (await api.service.atlas()).byIdOrUndefined('vilbert'));
  });

  test('a workspace atlas file adds a model to the tree, hovers and completions; editing it updates them', async () => {
    const uri = await writeFile(FILE, entry());
    await waitFor('Lumen-VL in the atlas', async () => (await api.service.atlas()).byIdOrUndefined('lumen-vl'));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);
    assert.ok((await treeModelIds(api)).includes('lumen-vl'), 'the Models tree lists it');

    const editor = await scratch('markdown', 'Unlike BLIP-2, Lumen-VL grounds regions.\n\nWe use Lum');
    const hover = await atlasHoverAt(editor.document, positionOf(editor.document, 'Lumen-VL', 2));
    assert.ok(hover, 'no hover on Lumen-VL');
    assert.match(hover.value, /^\*\*Lumen\\-VL\*\*/);
    assert.match(hover.value, /fictional grounded model/);
    const labels = (await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length))).map(labelOf);
    assert.ok(labels.includes('Lumen-VL'), labels.join(', '));
    const blip2 = await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2', 2));
    assert.match(blip2?.value ?? '', /^\*\*BLIP\\-2\*\*/, 'bundled models still work');

    await writeFile(FILE, entry('Lumen-XL').replace('[LumenVL]', '[LumenXL]'));
    await waitFor('the new name', async () => (await api.service.atlas()).byIdOrUndefined('lumen-vl')?.name === 'Lumen-XL');
    const after = (await completionsAt(editor.document, editor.document.positionAt(editor.document.getText().length))).map(labelOf);
    assert.ok(after.includes('Lumen-XL') && !after.includes('Lumen-VL'), after.join(', '));
    const card = await atlasHoverAt(editor.document, positionOf(editor.document, 'Lumen-VL', 2));
    assert.strictEqual(card, undefined, 'the old name no longer has a card');
  });

  test('an entry with a bundled id overrides its fields; hiddenModels hides bundled ones', async () => {
    await writeFile(FILE, 'id: blip-2\nbibtex:\n  key: blip2ours\n');
    await waitFor('the overridden key', async () => (await api.service.atlas()).byIdOrUndefined('blip-2')?.bibtex.key === 'blip2ours');
    assert.match((await api.service.atlas()).get('blip-2').bibtex.entry, /^@\w+\{blip2ours,/);
    assert.strictEqual((await api.service.atlas()).get('blip-2').name, 'BLIP-2');

    await vscode.workspace.getConfiguration('modelAtlas').update('hiddenModels', ['vilbert'], vscode.ConfigurationTarget.Workspace);
    await waitFor('ViLBERT hidden', async () => !(await api.service.atlas()).byIdOrUndefined('vilbert'));
    assert.ok(!(await treeModelIds(api)).includes('vilbert'));
  });

  test('each kind of broken entry shows its diagnostic; the good entries, one linking to a model the atlas lacks, one without trainable, and bundled models keep working', async () => {
    const good = entry();
    const badSchema = entry('Bad Kind').replace('lumen-vl', 'bad-kind').replace('[LumenVL]', '[BadKind]').replace(/zhang2024lumen/g, 'bad2024kind')
      .replace('kind: multimodal', 'kind: audio');
    const dupAlias = entry('Dup Alias').replace('lumen-vl', 'dup-alias').replace('[LumenVL]', '[BLIP2]').replace(/zhang2024lumen/g, 'dup2024alias');
    const badLineage = entry('Bad Link').replace('lumen-vl', 'bad-link').replace('[LumenVL]', '[BadLink]').replace(/zhang2024lumen/g, 'bad2024link')
      .replace('buildsOn: [llava]', 'buildsOn: [llava, no-such-model]');
    const noTrainable = entry('No Flag').replace('lumen-vl', 'no-flag').replace('[LumenVL]', '[NoFlag]').replace(/zhang2024lumen/g, 'no2024flag')
      .replace(', role: language-model, trainable: true }', ', role: language-model }');
    const asItem = (text: string) => text.trim().split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n');
    const list = [good, badSchema, dupAlias, badLineage, good, noTrainable].map(asItem).join('\n') + '\n';
    const listUri = await writeFile('.atlas/models.yaml', list);
    const syntaxUri = await writeFile(BROKEN, 'id: broken\nname: a: b\n');

    await waitFor('diagnostics', () => messagesOf(listUri).length >= 4 && messagesOf(syntaxUri).length >= 1);
    const lines = list.split('\n');
    const lineOf = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
    const second = lineOf('- id: lumen-vl', 1);
    assert.deepStrictEqual(messagesOf(listUri), [
      `${lineOf('kind: audio')}:3 schema:enum`,
      `${lineOf('aliases: [BLIP2]')}:13 duplicate-name`,
      `${lineOf('no-such-model')}:23 unknown-lineage`,
      `${second}:3 duplicate-id`,
    ].sort());
    assert.deepStrictEqual(messagesOf(syntaxUri), ['2:7 yaml-syntax']);
    const lineage = vscode.languages.getDiagnostics(listUri).find((d) => d.code === 'unknown-lineage');
    assert.match(lineage?.message ?? '', /no-such-model/);
    assert.strictEqual(lineage?.severity, vscode.DiagnosticSeverity.Warning);

    assert.ok((await api.service.atlas()).byIdOrUndefined('lumen-vl'), 'the good entry loads');
    assert.deepStrictEqual((await api.service.atlas()).byIdOrUndefined('bad-link')?.lineage.buildsOn, ['llava'], 'kept, without the unknown link');
    assert.deepStrictEqual((await api.service.atlas()).byIdOrUndefined('no-flag')?.architecture.components.map((c) => c.trainable), [false, true]);
    for (const skipped of ['bad-kind', 'dup-alias', 'broken']) {
      assert.strictEqual((await api.service.atlas()).byIdOrUndefined(skipped), undefined, skipped);
    }
    const editor = await scratch('latex', 'We build on BLIP-2 and Lumen-VL.');
    assert.match((await atlasHoverAt(editor.document, positionOf(editor.document, 'BLIP-2', 2)))?.value ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.ok(await atlasHoverAt(editor.document, positionOf(editor.document, 'Lumen-VL', 2)));

    await remove('.atlas');
    await waitFor('diagnostics cleared', () => messagesOf(listUri).length === 0 && messagesOf(syntaxUri).length === 0);
  });
});
