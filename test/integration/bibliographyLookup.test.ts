// Which .bib a document reads and writes, in the real editor: a chapter whose root is missing (read-only
// fallback, the status in the hover, asking before writing), a chapter's \bibliography read from the root's
// folder, a missing .bib created only when the user agrees, Quarto's _quarto.yml and bookdown's index.Rmd.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, closeAll, positionOf, restoreFixtures, snapshotFixtures, workspaceUri } from './helpers';

async function open(relative: string, language?: string): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  if (language && document.languageId !== language) {
    document = await vscode.languages.setTextDocumentLanguage(document, language);
  }
  return vscode.window.showTextDocument(document);
}

/** The hover's Markdown at `delta` into `needle`, with Markdown escapes removed. */
async function hoverText(document: vscode.TextDocument, needle: string, delta: number): Promise<string | undefined> {
  return (await atlasHoverAt(document, positionOf(document, needle, delta)))?.value.replace(/\\(.)/g, '$1');
}

/**
 * Runs `command` and answers the notification it raises as a person would: with its first button (`accept`),
 * or by closing it; returns the command's result.
 */
async function answering<T>(run: () => Thenable<T>, accept: boolean): Promise<T> {
  await vscode.commands.executeCommand('notifications.clearAll'); // so that the question is the only one
  let settled = false;
  const result = Promise.resolve(run()).finally(() => (settled = true));
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (settled) {
      break;
    }
    if (accept) {
      await vscode.commands.executeCommand('notifications.focusFirstToast');
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    } else {
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  }
  return result;
}

async function exists(relative: string): Promise<boolean> {
  return vscode.workspace.fs.stat(workspaceUri(relative)).then(
    () => true,
    () => false,
  );
}

suite('Bibliography lookup', () => {
  let api: ModelAtlasApi;
  const touched = ['thesis/chapters/intro.tex', 'thesis/shared/refs.bib', 'book/chapters/ch9.tex'];
  let before: Map<string, string>;

  suiteSetup(async () => {
    api = await activateExtension();
    before = await snapshotFixtures(touched);
  });
  teardown(closeAll);
  suiteTeardown(async () => {
    await restoreFixtures(before);
    await vscode.workspace.fs.delete(workspaceUri('book/missing'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('a chapter whose % !TEX root is missing reads the workspace\'s .bib files and says so in the hover and the log', async () => {
    const { document } = await open('thesis/chapters/intro.tex');
    const card = await hoverText(document, 'Radford2021', 3);
    assert.ok(card, 'no card on \\cite{Radford2021}');
    assert.match(card, /^\*\*CLIP\*\*/);
    assert.match(card, /thesis\.tex/);
    assert.match(card, /thesis\/shared\/refs\.bib/);
    assert.match((await hoverText(document, 'alayrac2022flamingo', 3)) ?? '', /^\*\*Flamingo\*\*/);

    const resolution = await api.bibliographiesOf(document);
    assert.deepStrictEqual(resolution.named, []);
    assert.ok(resolution.namesRoot);
    assert.strictEqual(resolution.missingRoot?.written, '../thesis.tex');
    assert.ok(resolution.fallback.some((uri) => uri.path.endsWith('thesis/shared/refs.bib')));
    assert.match(resolution.why, /\.\.\/thesis\.tex.*not found/);
    assert.match(resolution.why, /thesis\/shared\/refs\.bib/);
  });

  test('citing there asks first, writes to the .bib found in the workspace, and never adds \\bibliography to the chapter', async () => {
    const editor = await open('thesis/chapters/intro.tex');
    const bib = await vscode.workspace.openTextDocument(workspaceUri('thesis/shared/refs.bib'));
    const bibBefore = bib.getText();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.strictEqual(await answering(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'blip-2'), true), true);
    assert.ok(bib.getText().startsWith(bibBefore), 'an existing byte of the .bib changed');
    assert.match(bib.getText().slice(bibBefore.length), /@\w+\{li2023blip2,/);
    assert.ok(editor.document.getText().includes('\\cite{li2023blip2}'), editor.document.getText());
    assert.ok(!editor.document.getText().includes('\\bibliography'), 'a chapter that names its root got a \\bibliography');
    assert.ok(!(await exists('thesis/chapters/references.bib')), 'a new references.bib was made instead');
  });

  test('a chapter\'s \\bibliography{chapter8/refs} is read from its root\'s folder', async () => {
    const { document } = await open('book/chapters/ch8.tex');
    assert.match((await hoverText(document, 'peng2023grounding', 3)) ?? '', /^\*\*Kosmos-2\*\*/);
    const resolution = await api.bibliographiesOf(document);
    assert.deepStrictEqual(resolution.named.map((uri) => vscode.workspace.asRelativePath(uri, false)), ['book/chapter8/refs.bib']);
    assert.match(resolution.why, /book\/main\.tex/);
  });

  test('a .bib the document names that does not exist is created only when the user agrees, at the path shown', async () => {
    const editor = await open('book/chapters/ch9.tex');
    const textBefore = editor.document.getText();
    const at = positionOf(editor.document, 'came next', 'came next'.length);
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await answering(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), false), false);
    assert.strictEqual(editor.document.getText(), textBefore);
    assert.ok(!(await exists('book/missing/refs.bib')), 'created without asking');

    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await answering(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), true), true);
    assert.ok(await exists('book/missing/refs.bib'), 'not created after agreeing');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('book/missing/refs.bib'))), /@\w+\{liu2023llava,/);
  });

  test('Quarto: the bibliography of _quarto.yml is found, and @fig-, @tbl-, @sec- and @eq- labels are no citations', async () => {
    const { document } = await open('quarto/chapters/intro.qmd', 'markdown');
    assert.match((await hoverText(document, 'blip2-quarto', 3)) ?? '', /^\*\*BLIP-2\*\*/);
    for (const label of ['@fig-qformer', '@tbl-results', '@sec-intro for', '@eq-loss']) {
      assert.strictEqual(await hoverText(document, label, 3), undefined, label);
    }
    const resolution = await api.bibliographiesOf(document);
    assert.deepStrictEqual(resolution.named.map((uri) => vscode.workspace.asRelativePath(uri, false)), ['quarto/refs/quarto.bib']);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the diagnostics pass is debounced
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Model Atlas'), []);
  });

  test('bookdown: a chapter reads the bibliography list of the book\'s index.Rmd; \\@ref and (ref:) labels are not prose', async () => {
    const { document } = await open('bookdown/02-chapter.Rmd', 'markdown');
    assert.match((await hoverText(document, 'radford-book', 3)) ?? '', /^\*\*CLIP\*\*/);
    assert.strictEqual(await hoverText(document, '\\@ref(fig:clip-arch)', 4), undefined);
    assert.match((await hoverText(document, 'architecture of CLIP', 'architecture of '.length + 1)) ?? '', /^\*\*CLIP\*\*/);
    const resolution = await api.bibliographiesOf(document);
    assert.deepStrictEqual(resolution.named.map((uri) => vscode.workspace.asRelativePath(uri, false)), ['bookdown/book.bib', 'bookdown/packages.bib']);
  });
});
