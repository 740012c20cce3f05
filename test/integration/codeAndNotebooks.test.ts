// Code and notebooks in the real editor: hovers on recorded checkpoint ids and class names in Python, a
// notebook's code and Markdown cells, YAML, JSON and TOML; names only in comments and docstrings; and
// "Cite this model in the project" writing to the .bib, a CITATION.cff or a README's Citation section.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, bibText, completionsAt, labelOf, positionOf, restoreFixtures, snapshotFixtures, workspaceUri } from './helpers';

const CHANGED = ['refs.bib', 'cff-project/CITATION.cff', 'readme-project/README.md'];

/** The card's first line (bold name) at `needle` + `delta` in a workspace file, or undefined. */
async function cardIn(file: string, needle: string, delta: number): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  return (await atlasHoverAt(document, positionOf(document, needle, delta)))?.value;
}

suite('Code and notebooks', () => {
  let originals = new Map<string, string>();
  let api: ModelAtlasApi;

  suiteSetup(async () => {
    api = await activateExtension();
    originals = await snapshotFixtures(CHANGED);
  });
  suiteTeardown(() => restoreFixtures(originals));

  test('a .py file: checkpoint ids and class names hover, with the code card actions', async () => {
    const card = await cardIn('code/train.py', '"Salesforce/blip2-opt-2.7b"', 12);
    assert.ok(card, 'no hover over the checkpoint id');
    assert.match(card, /^\*\*BLIP\\-2\*\*/);
    for (const action of ['[Open Paper](https://arxiv.org/abs/2301.12597)', '[Copy BibTeX](command:modelAtlas.copyBibtex?', '[Copy Citation Key](command:modelAtlas.copyCitationKey?', '[Show Details](command:modelAtlas.showDetails?', '[Cite in Project](command:modelAtlas.citeInProject?']) {
      assert.ok(card.includes(action), `${action} missing from ${card}`);
    }
    assert.ok(!card.includes('command:modelAtlas.insertCitation'), 'Insert Citation has no place in code');
    assert.match((await cardIn('code/train.py', 'model = Blip2ForConditionalGeneration', 20)) ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.match((await cardIn('code/train.py', 'Qwen/Qwen2.5-VL-7B-Instruct', 8)) ?? '', /^\*\*Qwen2\\\.5\\-VL\*\*/);
  });

  test('a .py file: names count in comments and docstrings, nowhere else', async () => {
    assert.match((await cardIn('code/train.py', 'BLIP-2 on our', 2)) ?? '', /^\*\*BLIP\\-2\*\*/, 'the docstring');
    assert.match((await cardIn('code/train.py', 'Qwen2.5-VL would', 2)) ?? '', /^\*\*Qwen2\\\.5\\-VL\*\*/, 'a comment');
    assert.match((await cardIn('code/train.py', 'CLIP\n', 1)) ?? '', /^\*\*CLIP\*\*/, 'CLIP in the comment');
    assert.strictEqual(await cardIn('code/train.py', 'clip = None', 1), undefined, 'a variable called clip');
    assert.strictEqual(await cardIn('code/train.py', 'Blip2Processor.from', 3), undefined, 'a class the atlas does not record');
    assert.strictEqual(await cardIn('code/train.py', 'blip2-opt-6.7b-coco', 3), undefined, 'a checkpoint the atlas does not record');
  });

  test('YAML, JSON and TOML: recorded identifiers, and names only in comments', async () => {
    assert.match((await cardIn('code/config.yaml', 'llava-hf/llava-1.5-7b-hf', 12)) ?? '', /^\*\*LLaVA\\-1\\\.5\*\*/);
    assert.match((await cardIn('code/config.yaml', 'LLaVA-1.5 as', 2)) ?? '', /^\*\*LLaVA\\-1\\\.5\*\*/);
    assert.strictEqual(await cardIn('code/config.yaml', 'CLIP features', 2), undefined, 'a YAML value is not prose');
    assert.match((await cardIn('code/model.json', 'Qwen/Qwen2.5-VL', 6)) ?? '', /^\*\*Qwen2\\\.5\\-VL\*\*/);
    assert.match((await cardIn('code/model.json', 'Qwen2_5_VLFor', 4)) ?? '', /^\*\*Qwen2\\\.5\\-VL\*\*/);
    assert.strictEqual(await cardIn('code/model.json', '"CLIP"', 2), undefined);
    assert.match((await cardIn('code/pyproject.toml', 'Salesforce/blip2', 4)) ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.match((await cardIn('code/pyproject.toml', 'BLIP-2 with', 2)) ?? '', /^\*\*BLIP\\-2\*\*/);
    assert.strictEqual(await cardIn('code/pyproject.toml', '"CLIP"', 2), undefined);
  });

  test("a notebook: hovers in its code cells, and the prose features in its Markdown cells", async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('code/finetune.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const markdown = notebook.cellAt(0).document;
    const code = notebook.cellAt(1).document;
    assert.strictEqual(code.languageId, 'python');
    assert.strictEqual(markdown.languageId, 'markdown');
    const hover = async (document: vscode.TextDocument, needle: string, delta: number) => (await atlasHoverAt(document, positionOf(document, needle, delta)))?.value;
    assert.match((await hover(code, 'Qwen/Qwen2-VL-7B-Instruct', 10)) ?? '', /^\*\*Qwen2\\-VL\*\*/, 'the checkpoint id');
    assert.match((await hover(code, 'model = Qwen2VLFor', 12)) ?? '', /^\*\*Qwen2\\-VL\*\*/, 'the class name');
    assert.match((await hover(code, "Qwen2-VL's", 2)) ?? '', /^\*\*Qwen2\\-VL\*\*/, 'the comment');
    assert.strictEqual(await hover(code, 'clip = None', 1), undefined);
    assert.match((await hover(markdown, 'BLIP-2 [@', 2)) ?? '', /^\*\*BLIP\\-2\*\*/, 'a name in the Markdown cell');
    assert.match((await hover(markdown, '@li2023blip2', 4)) ?? '', /^\*\*BLIP\\-2\*\*/, 'a citation key in the Markdown cell');
    assert.match((await hover(markdown, 'LLaVA-1.5 on', 2)) ?? '', /^\*\*LLaVA\\-1\\\.5\*\*/);
    const keys = (await completionsAt(markdown, positionOf(markdown, '@li2023blip2', 1), '@')).map(labelOf);
    assert.ok(keys.includes('li2023blip2') && keys.includes('liu2023llava'), `citation keys in the Markdown cell: ${keys.slice(0, 10).join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function citeActionAt(file: string, needle: string, delta: number): Promise<vscode.CodeAction> {
    const document = await vscode.workspace.openTextDocument(workspaceUri(file));
    const position = positionOf(document, needle, delta);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position))) ?? [];
    const cite = actions.find((a) => a.command?.command === 'modelAtlas.citeInProject');
    assert.ok(cite, `no Cite in Project action at ${needle}: ${actions.map((a) => a.title).join(' | ')}`);
    return cite;
  }

  test('"Cite this model in the project" appends to the nearest .bib, or says the paper is there', async () => {
    const before = await bibText();
    const qwen = await citeActionAt('code/train.py', 'Qwen/Qwen2.5-VL-7B', 3);
    assert.strictEqual(qwen.title, 'Cite Qwen2.5-VL in the project');
    const added = await vscode.commands.executeCommand<{ file: string; added: boolean; key: string }>(qwen.command!.command, ...(qwen.command!.arguments ?? []));
    assert.deepStrictEqual({ file: added.file, added: added.added }, { file: 'refs.bib', added: true });
    const after = await bibText();
    assert.ok(after.startsWith(before), 'an existing byte of refs.bib changed');
    assert.ok(after.slice(before.length).includes(`{${added.key},`), after.slice(before.length));
    assert.match(after.slice(before.length), /2502\.13923/);

    const blip2 = await citeActionAt('code/train.py', '"Salesforce/blip2-opt-2.7b"', 5);
    const again = await vscode.commands.executeCommand<{ file: string; added: boolean; key: string }>(blip2.command!.command, ...(blip2.command!.arguments ?? []));
    assert.deepStrictEqual(again, { file: 'refs.bib', added: false, key: 'blip2paper' }, 'refs.bib holds BLIP-2 as blip2paper');
    assert.strictEqual(await bibText(), after);
  });

  test('"Cite this model in the project" extends a CITATION.cff references list and a README Citation section', async () => {
    const cffUri = workspaceUri('cff-project/CITATION.cff');
    const cffBefore = originals.get('cff-project/CITATION.cff')!;
    const action = await citeActionAt('cff-project/load.py', 'Salesforce/blip2', 3);
    const result = await vscode.commands.executeCommand<{ file: string; added: boolean }>(action.command!.command, ...(action.command!.arguments ?? []));
    assert.deepStrictEqual(result, { file: 'cff-project/CITATION.cff', added: true });
    const cffText = (await vscode.workspace.openTextDocument(cffUri)).getText();
    assert.ok(cffText.startsWith(cffBefore), 'an existing byte of CITATION.cff changed');
    assert.strictEqual(cffText.slice(cffBefore.length).split('\n')[0], '  - type: conference-paper', cffText);
    assert.match(cffText, /title: "BLIP-2: Bootstrapping[^\n]*"\n    authors:\n      - family-names: Li\n        given-names: Junnan\n/);
    assert.match(cffText, /doi: 10\.48550\/arXiv\.2301\.12597/);

    const readmeBefore = originals.get('readme-project/README.md')!;
    const readmeAction = await citeActionAt('readme-project/demo.py', 'llava-hf/llava', 3);
    const readme = await vscode.commands.executeCommand<{ file: string; added: boolean; key: string }>(readmeAction.command!.command, ...(readmeAction.command!.arguments ?? []));
    const key = (await api.service.atlas()).get('llava-1-5').bibtex.key;
    assert.deepStrictEqual(readme, { file: 'readme-project/README.md', added: true, key });
    const readmeText = (await vscode.workspace.openTextDocument(workspaceUri('readme-project/README.md'))).getText();
    // Inserted inside the BibTeX block, before its closing fence: every other byte as it was.
    const closing = readmeBefore.indexOf('```\n\n## License');
    assert.strictEqual(readmeText.slice(0, closing), readmeBefore.slice(0, closing));
    assert.ok(readmeText.endsWith(readmeBefore.slice(closing)), readmeText);
    assert.ok(readmeText.slice(closing, readmeText.length - readmeBefore.length + closing).startsWith(`\n@`), readmeText);
    assert.ok(readmeText.includes(`{${key},`), readmeText);
  });
});
