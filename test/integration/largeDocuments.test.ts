// A 10 MB .tex ending in an unterminated \cite{ and a 1 MB single-line .tex in the real editor: hovers and
// completions come back. Time limits are loose freeze guards; the budgets are in `npm run bench`.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, labelOf, workspaceUri } from './helpers';

const DIR = 'large-documents';
const PARAGRAPH = [
  'We compare BLIP-2 \\cite{li2023blip2} with Flamingo~\\citep[p.~3]{alayrac2022flamingo} and LLaVA.',
  '% BLIP-2 in a comment \\cite{commented}',
  'Then {\\em nested {braces {deeper}}} and $x_{i}^{2}$ follow.',
  '',
].join('\n');

async function write(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = workspaceUri(`${DIR}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

async function timed<T>(limitMs: number, what: string, work: () => Thenable<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  const elapsed = Date.now() - started;
  assert.ok(elapsed < limitMs, `${what} took ${elapsed} ms (freeze guard ${limitMs} ms)`);
  return result;
}

const LIMIT_MS = 15_000;

suite('Large and malformed documents', () => {
  suiteSetup(() => activateExtension());
  teardown(() => closeAll());
  suiteTeardown(() => vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false }));

  test('a 10 MB .tex ending in an unterminated \\cite{: hover in the middle, completion at the end', async function () {
    this.timeout(120_000);
    const body = PARAGRAPH.repeat(Math.ceil((10 * 1024 * 1024) / PARAGRAPH.length));
    const document = await write('big.tex', `${body}As shown by \\cite{`);
    const middle = document.positionAt(body.indexOf('BLIP-2', body.length / 2) + 2);
    const hover = await timed(LIMIT_MS, 'the hover', () => atlasHoverAt(document, middle));
    assert.match(hover?.value ?? '', /^\*\*BLIP\\-2\*\*/);
    const end = document.positionAt(document.getText().length);
    const items = await timed(LIMIT_MS, 'the completion', () => completionsAt(document, end, '{'));
    assert.ok(items.map(labelOf).includes('li2023blip2'), items.map(labelOf).slice(0, 10).join(', '));
  });

  test('a single 1 MB line: hover in its middle, completion at its end', async function () {
    this.timeout(60_000);
    // One line: its "%" would make the rest of it a comment, so it is escaped here.
    const line = PARAGRAPH.replace(/\n/g, ' ').replace('% ', '\\% ').repeat(Math.ceil((1024 * 1024) / PARAGRAPH.length));
    const document = await write('one-line.tex', `${line}\\citep{li2023`);
    const middle = document.positionAt(line.indexOf('LLaVA', line.length / 2) + 1);
    const hover = await timed(LIMIT_MS, 'the hover', () => atlasHoverAt(document, middle));
    assert.match(hover?.value ?? '', /^\*\*LLaVA\*\*/);
    const items = await timed(LIMIT_MS, 'the completion', () => completionsAt(document, document.positionAt(document.getText().length)));
    assert.ok(items.map(labelOf).includes('li2023blip2'), items.map(labelOf).slice(0, 10).join(', '));
    // The extension host still answers at once.
    await timed(2_000, 'a command afterwards', () => vscode.commands.executeCommand('modelAtlas.models.groupByYear'));
  });
});
