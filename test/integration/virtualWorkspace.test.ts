// A paper and its .bib on an in-memory file system of the test's own (scheme atlasmem): hovers, completion and
// Insert Citation work as on disk, and the append leaves every existing byte.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, labelOf, positionOf } from './helpers';

const SCHEME = 'atlasmem';
const TEX = '\\documentclass{article}\n\\begin{document}\nWe build on BLIP-2 and Kosmos-2 here.\nAs in \\cite{li2023\n\\bibliography{refs}\n\\end{document}\n';
const BIB = '@misc{other,\n  title = {Another paper},\n}\n';

/** Files as bytes in a map; enough of a FileSystemProvider for documents, saves and stat. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  writes = 0;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.length };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existed = this.files.has(uri.path);
    this.files.set(uri.path, { data: content, mtime: Date.now() + this.writes++ });
    this.changes.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }
  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    const file = this.files.get(from.path);
    if (file) {
      this.files.delete(from.path);
      this.files.set(to.path, file);
    }
  }
}

suite('Virtual workspace (a file system of its own)', () => {
  const memory = new MemoryFileSystem();
  let registration: vscode.Disposable;
  const uri = (path: string) => vscode.Uri.from({ scheme: SCHEME, path });

  suiteSetup(async () => {
    await activateExtension();
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory, { isCaseSensitive: true });
    memory.files.set('/paper.tex', { data: new TextEncoder().encode(TEX), mtime: 1 });
    memory.files.set('/refs.bib', { data: new TextEncoder().encode(BIB), mtime: 1 });
  });
  suiteTeardown(async () => {
    await closeAll();
    registration.dispose();
  });

  test('hover and completion in a .tex on the virtual file system', async () => {
    const document = await vscode.workspace.openTextDocument(uri('/paper.tex'));
    assert.strictEqual(document.languageId, 'latex');
    await vscode.window.showTextDocument(document);
    const hover = await atlasHoverAt(document, positionOf(document, 'BLIP-2', 2));
    assert.match(hover?.value ?? '', /^\*\*BLIP\\-2\*\*/);
    const items = await completionsAt(document, positionOf(document, 'li2023', 6));
    assert.ok(items.map(labelOf).includes('li2023blip2'), items.map(labelOf).join(', '));
  });

  test("Insert Citation cites there and appends to the virtual .bib, keeping its bytes", async () => {
    const document = await vscode.workspace.openTextDocument(uri('/paper.tex'));
    const editor = await vscode.window.showTextDocument(document);
    const at = positionOf(document, 'Kosmos-2 here', 8);
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2'), true);
    // Set off by a space, as the document's other citation is ("As in \cite{...").
    assert.match(document.getText(), /Kosmos-2 \\cite\{[^}]+\} here/);
    const bib = new TextDecoder().decode(memory.readFile(uri('/refs.bib')));
    assert.ok(bib.startsWith(BIB) && bib.length > BIB.length, bib);
    assert.match(bib.slice(BIB.length), /@\w+\{[^,\s]+,[\s\S]*Kosmos-2/);
  });
});
