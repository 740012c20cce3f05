// Citing from a Jupyter notebook's Markdown cells (vscode-notebook-cell: URIs): the bibliography beside the
// notebook file, its diagnostics, In This Document, Export BibTeX and the writing aids over the whole notebook.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import type { OccurrenceNode } from '../../src/features/models/inDocumentTree';
import { activateExtension, waitFor, withMessages, workspaceUri } from './helpers';

const DIR = 'notebook-case';

const NOTEBOOK = {
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Lab notes\n', '\n', 'We compare BLIP-2 with LLaVA here.'] },
    { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['model = "Flamingo"  # code, not prose'] },
    { cell_type: 'markdown', metadata: {}, source: ['Flamingo interleaves images and text.'] },
  ],
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

/**
 * Answers the "Create references.bib" question as a person would, and records it: the extension and this
 * suite share one `vscode` API object in the extension host.
 */
function answerBibliographyQuestion(answer: string): { asked: string[]; restore(): void } {
  const window = vscode.window as { showInformationMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showInformationMessage;
  const asked: string[] = [];
  window.showInformationMessage = (message: unknown, ...rest: unknown[]) => {
    if (typeof message === 'string' && rest.includes(answer)) {
      asked.push(message);
      return Promise.resolve(answer);
    }
    return original.call(vscode.window, message, ...rest);
  };
  return { asked, restore: () => (window.showInformationMessage = original) };
}

suite('Notebooks: citing from Markdown cells', () => {
  let api: ModelAtlasApi;
  let notebook: vscode.NotebookDocument;
  const bib = workspaceUri(`${DIR}/references.bib`);
  const bibText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(bib));
  const key = (id: string) => api.service.loaded!.get(id).bibtex.key;

  /** Focuses the `index`-th cell's editor, with the cursor after `needle`. */
  async function cellEditor(index: number, needle?: string): Promise<vscode.TextEditor> {
    const document = notebook.cellAt(index).document;
    // A Markdown cell shows its rendering until it is edited: select it, then edit it, as a person would.
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(index, index + 1)] });
    await vscode.commands.executeCommand('notebook.cell.edit');
    const editor = await waitFor(`the editor of cell ${index + 1}`, () => vscode.window.activeTextEditor?.document === document && vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.uri.scheme, 'vscode-notebook-cell');
    if (needle) {
      const at = document.positionAt(document.getText().indexOf(needle) + needle.length);
      editor.selection = new vscode.Selection(at, at);
    }
    return editor;
  }

  suiteSetup(async () => {
    api = await activateExtension();
    const uri = workspaceUri(`${DIR}/lab.ipynb`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(NOTEBOOK, null, 1)));
    notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  test('Create references.bib puts it beside the notebook file, and later citations find it there', async () => {
    const question = answerBibliographyQuestion('Create references.bib');
    try {
      const editor = await cellEditor(0, 'LLaVA');
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true);
      assert.strictEqual(question.asked.length, 1, 'the notebook names no bibliography, so it asks once');
      // (How the citation is set off after the name is the citing flow's business, not the notebook's.)
      assert.match(editor.document.getText(), new RegExp(`LLaVA ?\\[@${key('llava')}\\] here\\.`));
      // The new file holds LLaVA's entry alone (the default flavour's venue form, its note line above it).
      assert.match(await bibText(), new RegExp(`^(?:% The venue form: [^@\\n]*\\n)?@\\w+\\{${key('llava')},`));

      const second = await cellEditor(2, 'Flamingo');
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'flamingo'), true);
      assert.strictEqual(question.asked.length, 1, 'the second citation asked again instead of using references.bib');
      assert.match(second.document.getText(), new RegExp(`^Flamingo ?\\[@${key('flamingo')}\\] interleaves`));
      assert.ok((await bibText()).includes(`{${key('flamingo')},`));
    } finally {
      question.restore();
    }
  });

  test('a cell citing a key references.bib lacks gets the diagnostic, with the notebook file named', async () => {
    const editor = await cellEditor(2);
    const missing = key('blip-2');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, editor.document.lineAt(0).text.length), ` BLIP-2 [@${missing}] too.`)));
    const diagnostic = await waitFor('the missing-entry diagnostic on the cell', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'missing-bib-entry'),
    );
    assert.strictEqual(editor.document.getText(diagnostic.range), missing);
    assert.match(diagnostic.message, /references\.bib/);
  });

  test('In This Document lists the mentions of every Markdown cell, by cell and line', async () => {
    await cellEditor(0);
    await vscode.commands.executeCommand('modelAtlas.inDocument.focus');
    const listed = () => api.sidebar.inDocument.mentionedModels;
    await waitFor('the view to list the notebook', () => listed().some((m) => m.modelId === 'flamingo') && listed());
    const ids = listed().map((m) => m.modelId).sort();
    assert.deepStrictEqual(ids, ['blip-2', 'flamingo', 'llava'], 'Flamingo in the code cell is not prose; the third cell is');
    const flamingo = listed().find((m) => m.modelId === 'flamingo')!;
    const occurrence = flamingo.occurrences[0] as OccurrenceNode;
    assert.strictEqual(occurrence.uri.toString(), notebook.cellAt(2).document.uri.toString());
    assert.strictEqual((await api.sidebar.inDocument.getTreeItem(occurrence)).description, 'cell 3, line 1');
  });

  test('Export BibTeX from a cell exports the whole notebook', async () => {
    await cellEditor(0);
    const target = workspaceUri(`${DIR}/exported.bib`);
    const { result: added, shown } = await withMessages(() => vscode.commands.executeCommand<number>('modelAtlas.exportBibtex', target));
    assert.strictEqual(added, 3, JSON.stringify(shown));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const keys = [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort();
    assert.deepStrictEqual(keys, [key('blip-2'), key('flamingo'), key('llava')].sort());
  });

  test('a related-work outline in a cell cites into references.bib beside the notebook', async () => {
    const editor = await cellEditor(0, 'here.');
    const before = await bibText();
    const ok = await vscode.commands.executeCommand('modelAtlas.insertRelatedWorkOutline', { models: ['blip-2', 'instructblip'], groupBy: 'family' });
    assert.strictEqual(ok, true);
    assert.match(editor.document.getText(), new RegExp(`- InstructBLIP \\[@${key('instructblip')}\\] \\(2023\\)`));
    const after = await bibText();
    assert.ok(after.startsWith(before), 'an existing byte of references.bib changed');
    assert.ok(after.includes(`{${key('instructblip')},`) && after.includes(`{${key('blip-2')},`), after);
  });
});
