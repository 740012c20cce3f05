// Completion and hovers with real-sized bibliographies, timed in the real editor: the round trips are printed
// for the person running the suite (the budgets live in npm run bench), and only the answers are asserted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, atlasHoverAt, closeAll, completionsAt, workspaceUri } from './helpers';
import { log } from './log';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const realBookBib = path.join(repoRoot, '..', 'shared', 'realworld', 'lmu-multimodal-dl', 'book.bib');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { syntheticBib } = require(path.join(repoRoot, 'scripts', 'bench', 'synthetic.js')) as { syntheticBib(count: number): string };

async function timed<T>(run: () => Thenable<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

suite('Citation speed with real-sized .bib files', () => {
  const folder = 'speed';
  suiteSetup(activateExtension);
  teardown(closeAll);
  suiteTeardown(() => vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false }).then(undefined, () => undefined));

  async function measure(label: string, bibText: string): Promise<void> {
    const name = label.replace(/\W+/g, '-');
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/${name}.bib`), new TextEncoder().encode(bibText));
    const tex = `\\documentclass{article}\n\\begin{document}\nAs \\cite{li2023blip2} showed, see \\cite{}.\n\\bibliography{${name}}\n\\end{document}\n`;
    await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/${name}.tex`), new TextEncoder().encode(tex));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(`${folder}/${name}.tex`)));
    const inCite = editor.document.positionAt(tex.indexOf('\\cite{}') + '\\cite{'.length);
    const onKey = editor.document.positionAt(tex.indexOf('li2023blip2') + 3);

    const first = await timed(() => completionsAt(editor.document, inCite, '{'));
    assert.ok(first.value.length > 10, `only ${first.value.length} completion items`);
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) {
      warm.push((await timed(() => completionsAt(editor.document, inCite))).ms);
    }
    const hovers: number[] = [];
    for (let i = 0; i < 7; i++) {
      const hover = await timed(() => atlasHoverAt(editor.document, onKey));
      assert.match(hover.value?.value ?? '', /^\*\*BLIP\\-2\*\*/);
      hovers.push(hover.ms);
    }
    log(`      ${label} (${(bibText.length / 1024).toFixed(0)} KB): completion in \\cite{ first ${first.ms.toFixed(0)} ms, then median ${median(warm).toFixed(0)} ms; hover on a cited key median ${median(hovers).toFixed(0)} ms`);
  }

  test('a 10,000-entry .bib: completion inside \\cite{ and a hover on a cited key (round trips printed)', async () => {
    await measure('10,000 entries', syntheticBib(10_000));
  });

  test('the real 399-entry book.bib of ../shared/realworld (skipped when absent)', async function () {
    if (!fs.existsSync(realBookBib)) {
      this.skip();
    }
    await measure('lmu book.bib', fs.readFileSync(realBookBib, 'utf8'));
  });
});
