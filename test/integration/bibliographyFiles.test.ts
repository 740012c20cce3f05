// Insert Citation against broken or out-of-reach .bib files: appended after the last byte where safe, refused with
// the document unchanged where not; every byte of every .bib compared before and after.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, closeAll, waitFor, workspaceUri } from './helpers';

const DIR = 'bib-robustness';
const TEX = '\\documentclass{article}\n\\begin{document}\nKosmos-2 grounds text.\n\\bibliography{refs}\n\\end{document}\n';
let counter = 0;

interface Case {
  tex: vscode.Uri;
  bib: vscode.Uri;
  before: Buffer;
}

/** A folder of its own per test: a paper citing refs.bib, holding `bytes`. */
async function setUp(bytes: Buffer): Promise<Case> {
  const folder = `${DIR}/case-${++counter}`;
  const tex = workspaceUri(`${folder}/paper.tex`);
  const bib = workspaceUri(`${folder}/refs.bib`);
  await vscode.workspace.fs.writeFile(tex, new TextEncoder().encode(TEX));
  await vscode.workspace.fs.writeFile(bib, bytes);
  return { tex, bib, before: bytes };
}

/** Runs Insert Citation for Kosmos-2 after "Kosmos-2" in the paper; returns its result and the paper's text. */
async function cite(c: Case): Promise<{ result: unknown; text: string }> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(c.tex));
  const at = editor.document.positionAt(TEX.indexOf('Kosmos-2') + 'Kosmos-2'.length);
  editor.selection = new vscode.Selection(at, at);
  const result = await vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2');
  return { result, text: editor.document.getText() };
}

const bytesOf = (c: Case): Buffer => fs.readFileSync(c.bib.fsPath);

/**
 * Makes a file read-only on disk in a way that holds for the user the tests run as: mode 0444, and for root
 * (who may write any mode) the immutable attribute as well. Returns the undo.
 */
function makeReadOnly(file: string): () => void {
  fs.chmodSync(file, 0o444);
  const root = process.getuid?.() === 0;
  if (root) {
    execFileSync('chattr', ['+i', file]);
  }
  return () => {
    if (root) {
      execFileSync('chattr', ['-i', file]);
    }
    fs.chmodSync(file, 0o644);
  };
}

suite('Insert Citation and hostile .bib files', () => {
  suiteSetup(() => activateExtension());
  teardown(async () => {
    await closeAll();
  });
  suiteTeardown(async () => {
    for (const file of fs.readdirSync(workspaceUri(DIR).fsPath, { recursive: true }) as string[]) {
      fs.chmodSync(`${workspaceUri(DIR).fsPath}/${file}`, 0o755); // a read-only file must not stop the cleanup
    }
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  test('a malformed .bib keeps every byte and gets the entry after its last one', async () => {
    const broken = Buffer.from('@article{ok, title = {Fine}}\n\n@misc{broken title = }\n@string{x = "unterminated}\n@article{last, title = {Closed}}', 'utf8');
    const c = await setUp(broken);
    const { result, text } = await cite(c);
    assert.strictEqual(result, true);
    assert.ok(text.includes('Kosmos-2~\\cite{'), text); // the default set-off, in a paper that cites nothing yet
    const after = bytesOf(c);
    assert.ok(after.length > broken.length && after.subarray(0, broken.length).equals(broken), 'an existing byte changed');
    assert.match(after.subarray(broken.length).toString('utf8'), /^\s*@\w+\{[^,\s]+,/);
  });

  test('a .bib truncated inside an entry is refused: BibTeX would read the append into that entry', async () => {
    const c = await setUp(Buffer.from('@article{ok, title = {Fine}}\n\n@article{cut, title = {Half', 'utf8'));
    const { result, text } = await cite(c);
    assert.strictEqual(result, false);
    assert.strictEqual(text, TEX);
    assert.ok(bytesOf(c).equals(c.before), 'an existing byte changed');
  });

  test('a read-only .bib is refused and nothing changes', async () => {
    const c = await setUp(Buffer.from('@misc{other, title = {Other}}\n'));
    const unlock = makeReadOnly(c.bib.fsPath);
    try {
      const { result, text } = await cite(c);
      assert.strictEqual(result, false);
      assert.strictEqual(text, TEX, 'the paper changed');
      assert.ok(bytesOf(c).equals(c.before), 'the read-only .bib changed');
      // The save failed, so the append was taken back out of the open document too.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === c.bib.toString());
      assert.strictEqual(open?.getText() ?? c.before.toString('utf8'), c.before.toString('utf8'), 'the .bib was left edited in memory');
    } finally {
      unlock();
    }
  });

  test('a .bib deleted while open is refused, not recreated', async () => {
    const c = await setUp(Buffer.from('@misc{other, title = {Other}}\n'));
    await vscode.workspace.openTextDocument(c.bib);
    fs.unlinkSync(c.bib.fsPath);
    const { result, text } = await cite(c);
    assert.strictEqual(result, false);
    assert.strictEqual(text, TEX, 'the paper changed');
    assert.ok(!fs.existsSync(c.bib.fsPath), 'the deleted .bib was written again');
  });

  test('a binary .bib (NUL bytes) is refused and keeps its bytes', async () => {
    const c = await setUp(Buffer.concat([Buffer.from([0, 1, 2, 0, 0xff, 0xfe]), Buffer.from('@misc{a, title = {A}}\n')]));
    const { result, text } = await cite(c);
    assert.strictEqual(result, false);
    assert.strictEqual(text, TEX);
    assert.ok(bytesOf(c).equals(c.before));
  });

  test('a .bib that would not save back byte for byte (invalid UTF-8, mixed line endings) is refused', async () => {
    for (const bytes of [
      Buffer.concat([Buffer.from('@misc{a, title = {Caf'), Buffer.from([0xe9]), Buffer.from('}}\n')]),
      Buffer.from('@misc{a, title = {A}}\r\n@misc{b, title = {B}}\n@misc{c, title = {C}}\n'),
    ]) {
      const c = await setUp(bytes);
      const { result, text } = await cite(c);
      assert.strictEqual(result, false, JSON.stringify(bytes.toString('latin1')));
      assert.strictEqual(text, TEX);
      assert.ok(bytesOf(c).equals(c.before), 'an existing byte changed');
      await closeAll();
    }
  });

  test('saving the append does not let the save settings change lines the .bib already held', async () => {
    const files = vscode.workspace.getConfiguration('files');
    await files.update('trimTrailingWhitespace', true, vscode.ConfigurationTarget.Workspace);
    try {
      const c = await setUp(Buffer.from('@misc{other,   \n  title = {Other},\t\n}\n'));
      const { result } = await cite(c);
      assert.strictEqual(result, true);
      const after = await waitFor('the .bib written back', () => {
        const bytes = bytesOf(c);
        return bytes.subarray(0, c.before.length).equals(c.before) && bytes;
      });
      assert.match(after.subarray(c.before.length).toString('utf8'), /^\s*@\w+\{[^,\s]+,/);
    } finally {
      await files.update('trimTrailingWhitespace', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a .bib read as Latin-1 gets ASCII entries, and refuses entries with other letters', async () => {
    const c = await setUp(Buffer.from('@misc{other, title = {Caf\xe9}}\n', 'latin1'));
    await vscode.workspace.openTextDocument(c.bib, { encoding: 'iso88591' });
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(c.tex));
    const at = editor.document.positionAt(TEX.indexOf('Kosmos-2') + 'Kosmos-2'.length);
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'idefics'), false);
    assert.ok(bytesOf(c).equals(c.before), 'the Latin-1 .bib changed');
    assert.strictEqual(editor.document.getText(), TEX);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2'), true);
    const after = bytesOf(c);
    assert.ok(after.subarray(0, c.before.length).equals(c.before), 'an existing byte changed');
  });
});
