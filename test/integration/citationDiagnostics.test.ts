// Citation diagnostics and their quick fixes on the fixture paper, and hovers over keys that only the .bib
// ties to an atlas paper.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, restoreFixtures, snapshotFixtures, atlasHoverAt, openFixture, positionOf, workspaceUri } from './helpers';

const FILES = ['paper.tex', 'refs.bib'];

async function diagnosticsFor(uri: vscode.Uri, predicate: (d: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic[]> {
  // Diagnostics are debounced: wait until the expected one appears (or time out).
  for (let i = 0; i < 50; i++) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Model Atlas' && predicate(d));
    if (found.length > 0) {
      return found;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

suite('Citation diagnostics and quick fixes', () => {
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(FILES);
  });

  teardown(() => restoreFixtures(originals));

  test('an atlas key stored under another key gets a hint whose fix uses the existing key', async () => {
    const editor = await openFixture('paper.tex');
    const [hint] = await diagnosticsFor(editor.document.uri, (d) => editor.document.getText(d.range) === 'li2023blip2');
    assert.ok(hint, 'no diagnostic on li2023blip2');
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Information);
    assert.match(hint.message, /BLIP-2 is in refs\.bib under the key blip2paper/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, hint.range);
    const fix = actions.find((a) => a.title === 'Use the existing key blip2paper');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes('\\citep[see][]{blip2paper,peng2022beitv2}'));
  });

  test('an atlas key missing from the .bib gets a warning whose fix appends the entry', async () => {
    const editor = await openFixture('paper.tex');
    const at = positionOf(editor.document, 'Grounding arrived', 0);
    assert.ok(await editor.edit((b) => b.insert(at, 'See \\cite{beit3}. ')));
    const [warning] = await diagnosticsFor(editor.document.uri, (d) => editor.document.getText(d.range) === 'beit3');
    assert.ok(warning, 'no diagnostic on beit3');
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);

    const bibBefore = originals.get('refs.bib')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, warning.range);
    const fix = actions.find((a) => a.title === 'Add BibTeX entry for BEiT-3 to refs.bib');
    assert.ok(fix?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const bibAfter = (await vscode.workspace.openTextDocument(workspaceUri('refs.bib'))).getText();
    assert.ok(bibAfter.startsWith(bibBefore), 'an existing byte of refs.bib changed');
    assert.match(bibAfter.slice(bibBefore.length), /@\w+\{beit3,/);
    const onBeit3 = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => editor.document.getText(d.range) === 'beit3');
    for (let i = 0; i < 50 && onBeit3().length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepStrictEqual(onBeit3(), [], 'the warning stayed after the fix');
  });

  test('a non-atlas key whose .bib entry is an atlas paper gets that paper\'s card', async () => {
    const editor = await openFixture('paper.tex');
    const hover = await atlasHoverAt(editor.document, positionOf(editor.document, 'blip2paper}', 3));
    assert.ok(hover, 'no hover over blip2paper');
    assert.match(hover.value, /^\*\*BLIP\\-2\*\*/);
  });
});

suite('Uncited mention hints (opt-in)', () => {
  let originals = new Map<string, string>();
  const config = () => vscode.workspace.getConfiguration('modelAtlas');

  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(['paper.tex', 'refs.bib']);
  });
  suiteTeardown(() => config().update('diagnostics.uncitedMentions', undefined, vscode.ConfigurationTarget.Workspace));
  teardown(() => restoreFixtures(originals));

  test('off by default; when on, hints at the first uncited mention and the fix cites it', async () => {
    const editor = await openFixture('paper.tex');
    await new Promise((r) => setTimeout(r, 1000));
    assert.ok(!vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.code === 'uncited-mention'), 'hints while the setting is off');

    await config().update('diagnostics.uncitedMentions', true, vscode.ConfigurationTarget.Workspace);
    const hints = await diagnosticsFor(editor.document.uri, (d) => d.code === 'uncited-mention');
    const names = hints.map((d) => editor.document.getText(d.range));
    assert.ok(names.includes('Kosmos-2'), names.join(', '));
    assert.ok(!names.includes('BLIP-2'), 'BLIP-2 is cited (as blip2paper and li2023blip2)');
    assert.ok(!names.includes('ALBEF') && !names.includes('Flamingo'), 'hints in a comment or verbatim');

    const kosmos = hints.find((d) => editor.document.getText(d.range) === 'Kosmos-2')!;
    assert.strictEqual(kosmos.severity, vscode.DiagnosticSeverity.Hint);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, kosmos.range);
    const fix = actions.find((a) => a.title === 'Cite Kosmos-2 after this mention');
    assert.ok(fix?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    // Set off and commanded as paper.tex cites (a space, \citep).
    assert.ok(editor.document.getText().includes('Kosmos-2 \\citep{kosmos-2}, while'), editor.document.getText());
  });
});
