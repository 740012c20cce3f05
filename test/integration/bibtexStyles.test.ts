// The BibTeX flavour and key style of appended entries in the real editor: biblatex's entry when the document
// loads biblatex, the flavour setting winning when set, and modelAtlas.bibtex.keyStyle for new keys only.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, editorAt, restoreFixtures, snapshotFixtures, waitFor, workspaceUri } from './helpers';

const FILES = ['biblatex/thesis.tex', 'biblatex/thesis.bib', 'paper.tex', 'refs.bib'];

suite('BibTeX flavour and key style', () => {
  let originals = new Map<string, string>();
  const config = () => vscode.workspace.getConfiguration('modelAtlas');

  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(FILES);
  });
  teardown(async () => {
    await config().update('bibtex.keyStyle', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('bibtex.flavour', undefined, vscode.ConfigurationTarget.Workspace);
    await restoreFixtures(originals);
  });

  const appended = async (file: string) => (await vscode.workspace.openTextDocument(workspaceUri(file))).getText().slice(originals.get(file)!.length);

  test('a document that loads biblatex gets @inproceedings with date and eprinttype', async () => {
    const editor = await editorAt('biblatex/thesis.tex', 'BLIP-2 and', 6);
    // The first editor of a fresh window may still be settling: cite into it once it is the active one.
    await waitFor('thesis.tex in front', () => vscode.window.activeTextEditor?.document === editor.document);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'blip-2'), true);
    // thesis.tex cites nothing yet: \cite, set off by the default "~".
    assert.ok(editor.document.getText().includes('BLIP-2~\\cite{li2023blip2} and'), editor.document.getText());
    const entry = await appended('biblatex/thesis.bib');
    assert.match(entry, /^\n@inproceedings\{li2023blip2,\n/);
    assert.match(entry, /\n {2}date {9}= \{2023\},\n/);
    assert.match(entry, /\n {2}eprinttype {3}= \{arxiv\}\n/);
  });

  test('the flavour setting, once set, wins over the document', async () => {
    await config().update('bibtex.flavour', 'arxiv', vscode.ConfigurationTarget.Workspace);
    await editorAt('biblatex/thesis.tex', 'LLaVA are', 5);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true);
    assert.match(await appended('biblatex/thesis.bib'), /^\n@misc\{liu2023llava,[\s\S]*archivePrefix\s*= \{arXiv\}/);
  });

  test('keyStyle google-scholar keys new entries only, with a letter on a clash', async () => {
    await config().update('bibtex.keyStyle', 'google-scholar', vscode.ConfigurationTarget.Workspace);
    // BLIP-2 is in refs.bib as blip2paper: that key stays. Kosmos-2 is not: it gets Scholar's key.
    const editor = await editorAt('paper.tex', 'Kosmos-2, while', 8);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', ['kosmos-2', 'blip-2']), true);
    // paper.tex cites with \citep most, set off by a space.
    assert.ok(editor.document.getText().includes('Kosmos-2 \\citep{peng2024kosmos,blip2paper}, while'), editor.document.getText());
    assert.match(await appended('refs.bib'), /^\n@\w+\{peng2024kosmos,/);
  });

  test('a formula with an error falls back to the atlas key (the message is unit-tested)', async () => {
    await config().update('bibtex.keyStyle', 'auth + nosuchfunction', vscode.ConfigurationTarget.Workspace);
    const editor = await editorAt('biblatex/thesis.tex', 'LLaVA are', 5);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true);
    assert.ok(editor.document.getText().includes('LLaVA~\\cite{liu2023llava} are'), editor.document.getText());
  });
});
