// The writing aids in the real editor: table and outline in the document's syntax, cited with the .bib's keys,
// one undo, the LaTeX table compiling, and the models chosen by pick or from the Models view.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { TABLE_COLUMNS } from '../../src/core/writing/comparisonTable';
import { activateExtension, bibText, editorAt, restoreFixtures, snapshotFixtures, withMessages } from './helpers';

const FILES = ['paper.tex', 'notes.md', 'refs.bib'];

function hasPdflatex(): boolean {
  return spawnSync('pdflatex', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** pdflatex's exit status on `source`, and the first error in its log. */
function compile(source: string): { status: number | null; error: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-writing-'));
  try {
    fs.writeFileSync(path.join(dir, 'paper.tex'), source);
    const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const log = fs.existsSync(path.join(dir, 'paper.log')) ? fs.readFileSync(path.join(dir, 'paper.log'), 'latin1') : `${run.stdout}${run.stderr}`;
    const at = log.indexOf('\n!');
    return { status: run.status, error: at < 0 ? log.slice(-800) : log.slice(at, at + 600) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a command that shows quick picks, accepting each pick as it comes (what pressing Enter does). */
async function runAcceptingPicks(command: string, ...args: unknown[]): Promise<unknown> {
  let done = false;
  const result = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (done = true));
  for (let i = 0; i < 100 && !done; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (!done) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
  }
  return result;
}

suite('Writing aids: comparison table and related-work outline', () => {
  let api: ModelAtlasApi;
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    api = await activateExtension();
    await api.service.atlas();
    originals = await snapshotFixtures(FILES);
  });

  teardown(() => restoreFixtures(originals));

  const key = (id: string) => api.service.loaded!.get(id).bibtex.key; // the atlas is read by the time a test asks

  /** The new .bib keeps every old byte and holds each of `ids`'s atlas entries exactly once. */
  function assertAppended(before: string, after: string, ids: string[]): void {
    assert.ok(after.startsWith(before), 'an existing byte of refs.bib changed');
    for (const id of ids) {
      assert.strictEqual(after.split(`{${key(id)},`).length - 1, 1, `${id}'s entry is not in refs.bib once:\n${after}`);
    }
  }

  test('a LaTeX comparison table goes into paper.tex, refs.bib is kept in step, and one undo takes it back', async () => {
    const bibBefore = await bibText();
    const editor = await editorAt('paper.tex', '\\bibliographystyle', 0);
    const { result: ok, shown } = await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertComparisonTable', { models: ['blip-2', 'llava', 'vlmo', 'kosmos-2'], columns: TABLE_COLUMNS }));
    assert.strictEqual(ok, true, JSON.stringify(shown));
    const text = editor.document.getText();

    // On lines of its own before \bibliographystyle, with the package note and the booktabs rules.
    assert.ok(text.includes('\\end{verbatim}\n\n% Needs \\usepackage{booktabs} \\usepackage{tabularx} in the preamble.\n\\begin{table}[htbp]\n'), text);
    assert.ok(text.includes('\\end{table}\n\n\\bibliographystyle{plainnat}'), text);
    for (const rule of ['\\toprule', '\\midrule', '\\bottomrule']) {
      assert.ok(text.includes(rule), `no ${rule}`);
    }
    // Rows oldest first; BLIP-2 cited by the key refs.bib already holds, with \citep as paper.tex cites most;
    // the atlas text escaped.
    const rows = text.split('\n').filter((l) => /~\\citep\{/.test(l));
    assert.deepStrictEqual(rows.map((r) => r.trim().split('~')[0]), ['VLMo', 'BLIP-2', 'LLaVA', 'Kosmos-2']);
    assert.ok(rows[1].startsWith('    BLIP-2~\\citep{blip2paper} & 2023-01 & Salesforce Research & ICML 2023 &'), rows[1]);
    assert.ok(rows[2].includes(`LLaVA~\\citep{${key('llava')}} & 2023-04 & University of Wisconsin--Madison;`), rows[2]);
    assert.ok(rows[0].includes('167M (base\\_plus)'), rows[0]);

    const bibAfter = await bibText();
    assertAppended(bibBefore, bibAfter, ['llava', 'vlmo', 'kosmos-2']);
    assert.ok(!bibAfter.includes(`{${key('blip-2')},`), 'BLIP-2 was added again under the atlas key');

    // The document compiles once the package the note names is loaded.
    if (hasPdflatex() || process.env.CI === 'true') {
      const source = text.replace('\\usepackage{natbib}\n', '\\usepackage{natbib}\n\\usepackage{booktabs}\n\\usepackage{tabularx}\n');
      const { status, error } = compile(source);
      assert.strictEqual(status, 0, `pdflatex failed:\n${error}`);
    }

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), originals.get('paper.tex'), 'one undo did not take the table back');
  });

  test('a Markdown comparison table goes into notes.md with Pandoc citations', async () => {
    const bibBefore = await bibText();
    const editor = await editorAt('notes.md', 'interleaved data.', 17);
    const ok = await vscode.commands.executeCommand('modelAtlas.insertComparisonTable', { models: ['flamingo', 'blip-2'], columns: ['date', 'venue', 'parameters'] });
    assert.strictEqual(ok, true);
    const text = editor.document.getText();
    const table = [
      '| Model | Date | Venue | Parameters |',
      '| --- | --- | --- | --- |',
      `| Flamingo [@${key('flamingo')}] | 2022-04 | NeurIPS 2022 | 80B (largest; 3B and 9B variants) |`,
      '| BLIP-2 [@blip2paper] | 2023-01 | ICML 2023 | – |',
    ].join('\n');
    assert.ok(text.includes(`web-scale interleaved data.\n\n${table}\n\n\`\`\`python`), text);
    assertAppended(bibBefore, await bibText(), ['flamingo']);
  });

  test('a LaTeX related-work outline groups by family, oldest first, with what each model introduced', async () => {
    const bibBefore = await bibText();
    const editor = await editorAt('paper.tex', '\\bibliographystyle', 0);
    const ok = await vscode.commands.executeCommand('modelAtlas.insertRelatedWorkOutline', { models: ['instructblip', 'llava', 'blip-2', 'blip'], groupBy: 'family' });
    assert.strictEqual(ok, true);
    const text = editor.document.getText();
    assert.match(text, /\\end\{verbatim\}\n\n\\paragraph\{BLIP (family|家族)\}\n\\begin\{itemize\}\n {2}\\item BLIP~\\citep\{li2022blip\} \(2022\) --- /); // \citep, as paper.tex cites most
    const items = text.split('\n').filter((l) => l.startsWith('  \\item ')).map((l) => l.slice(8, l.indexOf('~')));
    assert.deepStrictEqual(items, ['BLIP', 'BLIP-2', 'InstructBLIP', 'LLaVA']);
    assert.ok(text.includes('\\item BLIP-2~\\citep{blip2paper} (2023) --- Q-Former: a lightweight Transformer') || text.includes('\\item BLIP-2~\\citep{blip2paper} (2023) --- Q-Former：'), text);
    assert.ok(text.includes('\\end{itemize}\n\n\\bibliographystyle{plainnat}'), text);
    assertAppended(bibBefore, await bibText(), ['instructblip', 'llava']);
  });

  test('a Markdown outline mid-section labels its groups in bold, so the rest of the section keeps its heading', async () => {
    const editor = await editorAt('notes.md', 'interleaved data.', 17);
    const ok = await vscode.commands.executeCommand('modelAtlas.insertRelatedWorkOutline', { models: ['llava', 'blip-2'], groupBy: 'architecture' });
    assert.strictEqual(ok, true);
    const text = editor.document.getText();
    assert.match(
      text,
      /interleaved data\.\n\n\*\*Frozen LLM with adapter\*\*\n\n- BLIP-2 \[@blip2paper\] \(2023\) — .+\n\n\*\*Multimodal LLM\*\*\n\n- LLaVA \[@liu2023llava\] \(2023\) — .+\n\n```python/,
    );
    // Every heading after the outline is one the note had: the code and the BEiT-3 paragraph stay under "# Reading notes".
    const headings = (t: string) => t.split('\n').filter((l) => /^#{1,6} /.test(l));
    assert.deepStrictEqual(headings(text), headings(originals.get('notes.md')!));
  });

  test('the outline follows the document: English in paper.tex with Chinese set for the user but English for LaTeX; Chinese with a comment naming ctex where set', async () => {
    const config = () => vscode.workspace.getConfiguration('modelAtlas', { languageId: 'latex' });
    await config().update('displayLanguage', 'zh-cn', vscode.ConfigurationTarget.Global);
    try {
      const editor = await editorAt('paper.tex', '\\bibliographystyle', 0);
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertRelatedWorkOutline', { models: ['blip-2'], groupBy: 'architecture' }), true);
      assert.ok(editor.document.getText().includes('\n\n% 以下中文需要在导言区加载 \\usepackage{ctex}，并用 XeLaTeX 或 LuaLaTeX 编译。\n\\paragraph{冻结 LLM 加适配器}\n'), editor.document.getText());
      await vscode.commands.executeCommand('undo');

      await config().update('displayLanguage', 'en', vscode.ConfigurationTarget.Workspace, true);
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertRelatedWorkOutline', { models: ['blip-2'], groupBy: 'architecture' }), true);
      const text = editor.document.getText();
      assert.ok(text.includes('\n\n\\paragraph{Frozen LLM with adapter}\n'), text);
      assert.ok(!/[\u4e00-\u9fff]/.test(text), 'Chinese in the English paper');
    } finally {
      await config().update('displayLanguage', undefined, vscode.ConfigurationTarget.Workspace, true);
      await config().update('displayLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('from the Models view, the selection is tabled and the column pick starts with the columns that fit a page', async () => {
    const editor = await editorAt('notes.md', 'interleaved data.', 17);
    const albef = await api.sidebar.models.nodeFor('albef');
    const blip = await api.sidebar.models.nodeFor('blip');
    assert.ok(albef && blip);
    assert.strictEqual(await runAcceptingPicks('modelAtlas.insertComparisonTable', blip, [albef, blip]), true);
    const lines = editor.document.getText().split('\n').filter((l) => l.startsWith('| '));
    assert.strictEqual(lines[0], '| Model | Date | Vision encoder | Language model | Fusion / connector |');
    assert.deepStrictEqual(lines.slice(2).map((l) => l.split(' [@')[0]), ['| ALBEF', '| BLIP']);
  });

  test('from the palette, the models the document mentions are ticked in the pick', async () => {
    const editor = await editorAt('notes.md', 'interleaved data.', 17);
    assert.strictEqual(await runAcceptingPicks('modelAtlas.insertRelatedWorkOutline'), true);
    const items = editor.document.getText().split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2, l.indexOf(' [@')));
    // notes.md mentions these in prose; BLIP only inside fenced code.
    assert.deepStrictEqual(items.sort(), ['BEiT-3', 'BLIP-2', 'Flamingo', 'Kosmos-1', 'VL-BEiT']);
  });
});
