// Check Bibliography in a real VS Code on test/fixtures/workspace/bibcheck: diagnostics and ranges in every file,
// each quick fix byte for byte and undone in one step, the report with its diff, safe fixes and Markdown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReportView } from '../../src/core/bibcheck/reportView';
import { activateExtension, atlasHoverAt, positionOf, restoreFixtures, snapshotFixtures, waitFor, workspaceUri } from './helpers';

const DIR = 'bibcheck';
const FILES = ['paper.tex', 'notes.md', 'refs.bib', 'more.bib', 'zotero.bib'].map((f) => `${DIR}/${f}`);
const uri = (file: string) => workspaceUri(`${DIR}/${file}`);
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const CHECK_CODES = ['author-mismatch', 'title-mismatch', 'title-unprotected', 'year-mismatch', 'arxiv-mismatch', 'published-version', 'duplicate-paper', 'citation-mismatch'];

function ours(file: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri(file)).filter((d) => d.source === 'Model Atlas' && CHECK_CODES.includes(codeOf(d)));
}

/** Waits until the file's Check Bibliography diagnostics are exactly `codes` (in order), and returns them. */
function diagnosticsAre(file: string, codes: string[]): Promise<vscode.Diagnostic[]> {
  return waitFor(`${file}: ${codes.join(', ')} (have ${ours(file).map(codeOf).join(', ')})`, () => {
    const found = ours(file);
    return found.map(codeOf).join() === codes.join() && found;
  }, 20_000);
}

async function open(file: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri(file)));
}

async function actionsFor(file: string, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(file), diagnostic.range)) ?? [];
}

async function action(file: string, code: string, title: string | RegExp): Promise<vscode.CodeAction> {
  const diagnostic = ours(file).find((d) => codeOf(d) === code);
  assert.ok(diagnostic, `no ${code} in ${file}`);
  const actions = await actionsFor(file, diagnostic);
  const found = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(found, `no "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return found;
}

const REFS_CODES = ['author-mismatch', 'title-mismatch', 'title-unprotected', 'year-mismatch', 'arxiv-mismatch', 'published-version', 'duplicate-paper'];

suite('Check Bibliography', () => {
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(FILES);
  });

  setup(async () => {
    await open('paper.tex'); // names refs.bib and more.bib, so both get their diagnostics
    await diagnosticsAre('refs.bib', REFS_CODES);
  });

  teardown(() => restoreFixtures(originals));

  test('diagnostics with their ranges in the .bib files, the .tex and the .md', async () => {
    const refs = await vscode.workspace.openTextDocument(uri('refs.bib'));
    const found = await diagnosticsAre('refs.bib', REFS_CODES);
    const text = (d: vscode.Diagnostic) => refs.getText(d.range);
    assert.deepStrictEqual(found.map(text), [
      '{Kim, Wonjae and Son, Bokyung and Kim, Ildoo and Park, Minseo and Lee, Jaehyun and Choi, Soyeon and Jung, Hyunwoo and Kang, Dohyun}',
      '{Flamingo: a Visual Language Model for Many-Shot Learning}',
      'BLIP-2',
      '{2020}',
      '2310.03744',
      'dai2023instructblip',
      'li2022blip',
    ]);
    assert.deepStrictEqual(found.map((d) => d.severity), [0, 0, 2, 0, 0, 2, 0].map((s) => (s === 0 ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information)));
    assert.match(found[5].message, /^Published at NeurIPS 2023/);
    assert.match(found[0].message, /not in the paper: Minseo Park, Jaehyun Lee, Soyeon Choi, Hyunwoo Jung, Dohyun Kang/);
    assert.deepStrictEqual(found[6].relatedInformation?.map((r) => [vscode.workspace.asRelativePath(r.location.uri), r.location.range.start.line]), [[`${DIR}/more.bib`, 2]]);

    const [duplicate] = await diagnosticsAre('more.bib', ['duplicate-paper']);
    assert.strictEqual((await vscode.workspace.openTextDocument(uri('more.bib'))).getText(duplicate.range), 'DBLP:conf/icml/0001LXH22');

    const tex = await vscode.workspace.openTextDocument(uri('paper.tex'));
    const [mismatch] = await diagnosticsAre('paper.tex', ['citation-mismatch']);
    assert.strictEqual(tex.getText(mismatch.range), 'li2023blip2');
    assert.strictEqual(mismatch.range.start.line, 7, 'the Kosmos-2 citation, not the BLIP-2 one');
    assert.match(mismatch.message, /Kosmos-2 is followed by a citation of BLIP-2's paper/);

    await open('notes.md');
    const md = await vscode.workspace.openTextDocument(uri('notes.md'));
    const [inMarkdown] = await diagnosticsAre('notes.md', ['citation-mismatch']);
    assert.strictEqual(md.getText(inMarkdown.range), 'liu2023llava');
    assert.strictEqual(md.getText(new vscode.Range(inMarkdown.range.start.translate(0, -11), inMarkdown.range.end)), 'Flamingo [@liu2023llava');
  });

  test('each field fix changes only its bytes, and one undo restores the file', async () => {
    const editor = await open('refs.bib');
    const original = editor.document.getText();
    const fixes: Array<[string, string, [string, string]]> = [
      ['author-mismatch', "Replace the authors with the paper's", [' and Park, Minseo and Lee, Jaehyun and Choi, Soyeon and Jung, Hyunwoo and Kang, Dohyun}', '}']],
      ['title-mismatch', "Replace the title with the paper's", ['Many-Shot', 'Few-Shot']],
      ['title-unprotected', 'Brace the words that must keep their capitals', ['{BLIP-2: Bootstrapping', '{{BLIP-2}: Bootstrapping']],
      ['year-mismatch', "Replace the year with the paper's", ['{2020}', '{2021}']],
      ['arxiv-mismatch', "Replace the arXiv id with the paper's", ['2310.03744', '2304.08485']],
      ['published-version', 'Rewrite as the published version (NeurIPS 2023)', ['@misc{dai2023instructblip', '@inproceedings{dai2023instructblip']],
    ];
    for (const [code, title, [from, to]] of fixes) {
      const fix = await action('refs.bib', code, title);
      assert.ok(fix.edit, `${title} has no edit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      let expected = original.replace(from, to);
      if (code === 'published-version') {
        expected = expected.replace('  keywords      = {instruction tuning},\n', '  keywords      = {instruction tuning},\n  booktitle     = {NeurIPS},\n');
      }
      assert.strictEqual(editor.document.getText(), expected, `${code}: not only the intended bytes changed`);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(editor.document.getText(), original, `${code}: one undo did not restore refs.bib`);
      await diagnosticsAre('refs.bib', REFS_CODES);
    }
  });

  test('"Fix all" of one kind fixes every entry of that kind in the file, in one undoable edit', async () => {
    const editor = await open('refs.bib');
    const original = editor.document.getText();
    const extra = '\n@misc{vilt2,\n  title = {ViLT: Vision-and-Language Transformer Without Convolution or Region Supervision},\n}\n';
    assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(original.length), extra)));
    const withExtra = editor.document.getText();
    await waitFor('two title-unprotected', () => ours('refs.bib').filter((d) => codeOf(d) === 'title-unprotected').length === 2, 20_000);
    const all = await action('refs.bib', 'title-unprotected', 'Fix all title-unprotected in this file');
    assert.ok(all.edit && (await vscode.workspace.applyEdit(all.edit)));
    assert.strictEqual(editor.document.getText(), withExtra.replace('{BLIP-2: Bootstrapping', '{{BLIP-2}: Bootstrapping').replace('{ViLT: Vision', '{{ViLT}: Vision'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), withExtra);
  });

  test('the published version under a new key: appended, and the citations changed', async () => {
    const fix = await action('refs.bib', 'published-version', 'Add the published version under a new key and cite that');
    const result = await vscode.commands.executeCommand<{ key: string; changed: number }>(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.deepStrictEqual(result, { key: 'instructblip', changed: 1 });
    const refs = (await vscode.workspace.openTextDocument(uri('refs.bib'))).getText();
    const before = originals.get(`${DIR}/refs.bib`)!;
    assert.ok(refs.startsWith(before), 'an existing byte of refs.bib changed');
    assert.match(refs.slice(before.length), /^\n@inproceedings\{instructblip,\n  title {8}= \{\{InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning\}\},\n[\s\S]*booktitle {4}= \{NeurIPS\},\n  year {9}= \{2023\},\n  eprint {7}= \{2305\.06500\},\n  archivePrefix= \{arXiv\}\n\}\n$/);
    const tex = (await vscode.workspace.openTextDocument(uri('paper.tex'))).getText();
    assert.strictEqual(tex, originals.get(`${DIR}/paper.tex`)!.replace('InstructBLIP~\\citep{dai2023instructblip}', 'InstructBLIP~\\citep{instructblip}'));
  });

  test('a duplicate: the key kept is cited everywhere, the other entry deleted once the user agrees', async () => {
    const keep = await action('refs.bib', 'duplicate-paper', 'Keep li2022blip and cite it instead of DBLP:conf/icml/0001LXH22');
    // The question "delete the entries too?" answered in advance, as a person would answer the modal dialog.
    const result = await vscode.commands.executeCommand<{ changed: number; deleted: boolean }>(keep.command!.command, ...(keep.command!.arguments ?? []), { deleteEntries: true });
    assert.deepStrictEqual(result, { changed: 1, deleted: true });
    const tex = (await vscode.workspace.openTextDocument(uri('paper.tex'))).getText();
    assert.strictEqual(tex, originals.get(`${DIR}/paper.tex`)!.replace('\\citet{DBLP:conf/icml/0001LXH22}', '\\citet{li2022blip}'));
    const more = (await vscode.workspace.openTextDocument(uri('more.bib'))).getText();
    const moreBefore = originals.get(`${DIR}/more.bib`)!;
    const dblp = moreBefore.slice(moreBefore.indexOf('@inproceedings{DBLP'), moreBefore.indexOf('@article{doe2024'));
    assert.strictEqual(more, moreBefore.replace(dblp, '\n'), 'not just the entry, its line break and one blank line');
    assert.strictEqual((await vscode.workspace.openTextDocument(uri('refs.bib'))).getText(), originals.get(`${DIR}/refs.bib`), 'refs.bib changed');
    await diagnosticsAre('refs.bib', REFS_CODES.filter((c) => c !== 'duplicate-paper'));
  });

  test("citation-mismatch: the named model's paper cited, by its key or with its entry added", async () => {
    await open('notes.md');
    await diagnosticsAre('notes.md', ['citation-mismatch']);
    const byKey = await action('notes.md', 'citation-mismatch', "Cite Flamingo's paper (alayrac2022flamingo)");
    assert.ok(byKey.edit && (await vscode.workspace.applyEdit(byKey.edit)));
    const md = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri('notes.md')));
    assert.strictEqual(md.document.getText(), originals.get(`${DIR}/notes.md`)!.replace('Flamingo [@liu2023llava]', 'Flamingo [@alayrac2022flamingo]'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(md.document.getText(), originals.get(`${DIR}/notes.md`));

    await open('paper.tex');
    await diagnosticsAre('paper.tex', ['citation-mismatch']);
    const withEntry = await action('paper.tex', 'citation-mismatch', "Cite Kosmos-2's paper (add its entry)");
    assert.strictEqual(await vscode.commands.executeCommand(withEntry.command!.command, ...(withEntry.command!.arguments ?? [])), true);
    const tex = (await vscode.workspace.openTextDocument(uri('paper.tex'))).getText();
    assert.strictEqual(tex, originals.get(`${DIR}/paper.tex`)!.replace('Kosmos-2~\\citep{li2023blip2}', 'Kosmos-2~\\citep{kosmos-2}'));
    const refs = (await vscode.workspace.openTextDocument(uri('refs.bib'))).getText();
    assert.ok(refs.startsWith(originals.get(`${DIR}/refs.bib`)!) && /@article\{kosmos-2,/.test(refs), 'the Kosmos-2 entry is not appended');
  });

  test('the hover on a cited key says its entry has a finding', async () => {
    const editor = await open('paper.tex');
    const position = positionOf(editor.document, 'radford2021clip}', 3);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
    assert.match(text, /Check Bibliography: the entry radford2021clip in bibcheck\/refs\.bib/);
    assert.match(text, /The year 2020 is neither CLIP's arXiv year nor its venue's \(2021\)\. \(`year-mismatch`\)/);
    assert.ok(await atlasHoverAt(editor.document, position), 'the model card is still there');
  });

  test('a Zotero export gets the findings but no write fix: the corrected entry to copy, and the Zotero way', async () => {
    await open('zotero.bib');
    const [year] = await diagnosticsAre('zotero.bib', ['year-mismatch']);
    assert.match(year.message, /Better BibTeX writes this file on every export, so an edit here would be lost: fix it in Zotero\./);
    const actions = await actionsFor('zotero.bib', year);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Copy the corrected entry', 'How to fix this in Zotero']);
    assert.ok(actions.every((a) => !a.edit), 'an action edits the exported file');
    const copy = actions.find((a) => a.title === 'Copy the corrected entry')!;
    const corrected = await vscode.commands.executeCommand<string>(copy.command!.command, ...(copy.command!.arguments ?? []));
    assert.strictEqual(await vscode.env.clipboard.readText(), corrected);
    assert.match(corrected, /^@inproceedings\{radford2021learning,[\s\S]*year = \{2021\}\n\}$/);
    const zotero = actions.find((a) => a.title === 'How to fix this in Zotero')!;
    assert.strictEqual(await vscode.commands.executeCommand(zotero.command!.command, ...(zotero.command!.arguments ?? [])), "In Zotero, set the item's Date to 2021.");
    assert.strictEqual((await vscode.workspace.openTextDocument(uri('zotero.bib'))).getText(), originals.get(`${DIR}/zotero.bib`));
  });

  test('a modelAtlas.check.* setting turns its code off', async () => {
    const config = vscode.workspace.getConfiguration('modelAtlas');
    try {
      await config.update('check.publishedVersion', false, vscode.ConfigurationTarget.Workspace);
      await diagnosticsAre('refs.bib', REFS_CODES.filter((c) => c !== 'published-version'));
    } finally {
      await config.update('check.publishedVersion', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsAre('refs.bib', REFS_CODES);
  });

  test('Check Bibliography: the report, its safe fixes shown as a diff and applied in one edit, and its Markdown', async () => {
    const view = await vscode.commands.executeCommand<ReportView>('modelAtlas.checkBibliography', uri('paper.tex'));
    assert.ok(view, 'no report');
    const status = Object.fromEntries(view.rows.map((r) => [r.name, r.status]));
    assert.deepStrictEqual(status, {
      BLIP: 'duplicate',
      'BLIP-2': 'wrong-name',
      CLIP: 'mismatch',
      Flamingo: 'mismatch',
      InstructBLIP: 'published-since',
      LLaVA: 'mismatch',
      ViLT: 'mismatch',
    });
    assert.deepStrictEqual(view.bibFiles, [`${DIR}/refs.bib`, `${DIR}/more.bib`]);
    assert.strictEqual(view.safeFixes, 2);
    assert.ok(view.rows.every((r) => r.problems.every((p) => p.fixLabel)), 'a problem without a fix button');

    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.internal.previewSafeFixes'), 2);
    const diff = await waitFor('the diff of the safe fixes', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'model-atlas-proposed'),
    );
    const proposed = await vscode.workspace.openTextDocument((diff.input as vscode.TabInputTextDiff).modified);
    const refsBefore = originals.get(`${DIR}/refs.bib`)!;
    const expected = refsBefore
      .replace('{BLIP-2: Bootstrapping', '{{BLIP-2}: Bootstrapping')
      .replace('@misc{dai2023instructblip', '@inproceedings{dai2023instructblip')
      .replace('  keywords      = {instruction tuning},\n', '  keywords      = {instruction tuning},\n  booktitle     = {NeurIPS},\n');
    assert.strictEqual(proposed.getText(), expected);
    assert.strictEqual((await vscode.workspace.openTextDocument(uri('refs.bib'))).getText(), refsBefore, 'written before Apply');

    assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.internal.applySafeFixes'), true);
    const refs = await open('refs.bib');
    assert.strictEqual(refs.document.getText(), expected);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(refs.document.getText(), refsBefore, 'one undo did not take the safe fixes back');

    const target = uri('report.md');
    const exported = await vscode.commands.executeCommand<vscode.Uri>('modelAtlas.internal.exportBibliographyCheck', uri('paper.tex'), target);
    assert.strictEqual(exported?.toString(), target.toString());
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(markdown, /^# Bibliography check: bibcheck\/paper\.tex\n/);
    assert.match(markdown, /\| InstructBLIP \(2023\) \| `dai2023instructblip` \| published since \| bibcheck\/refs\.bib:41 `published-version`: Published at NeurIPS 2023/);
    await vscode.workspace.fs.delete(target);
  });
});
