// The everyday citing flows (issue 19, and 18.7/18.9's completion): what completion offers and in which order,
// where Insert Citation cites, what it says, and the .bib it keeps in step, each in a folder of its own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, closeAll, labelOf, positionOf, scratch, setText, waitFor, waitForAsync, withMessages, workspaceUri, type ShownMessage } from './helpers';

const DIR = 'citing-flows';
let counter = 0;

/** A folder of its own holding `files`; returns the Uri of each. */
async function folderWith(files: Record<string, string>): Promise<Record<string, vscode.Uri>> {
  const folder = `${DIR}/case-${++counter}`;
  const uris: Record<string, vscode.Uri> = {};
  for (const [name, text] of Object.entries(files)) {
    uris[name] = workspaceUri(`${folder}/${name}`);
    await vscode.workspace.fs.writeFile(uris[name], new TextEncoder().encode(text));
  }
  return uris;
}

const read = (uri: vscode.Uri) => fs.readFileSync(uri.fsPath, 'utf8');

async function editorOn(uri: vscode.Uri, needle?: string, delta = 0): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  if (needle !== undefined) {
    const at = positionOf(editor.document, needle, delta);
    editor.selection = new vscode.Selection(at, at);
  }
  return editor;
}

async function completionList(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionList> {
  return (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger)) ?? new vscode.CompletionList([]);
}

/** Our items (not the Markdown extension's snippets) in the order VS Code shows them when all filter equally: by sortText. */
const inOrder = (items: readonly vscode.CompletionItem[]) => items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).sort((a, b) => ((a.sortText ?? labelOf(a)) < (b.sortText ?? labelOf(b)) ? -1 : 1));

/** The completion at the "|" of `text` in a new untitled document of `language`. */
async function completeIn(language: string, text: string, trigger?: string) {
  const editor = await scratch(language, text.replace('|', ''));
  const position = editor.document.positionAt(text.indexOf('|'));
  const list = await completionList(editor.document, position, trigger);
  return { editor, position, list, items: inOrder(list.items) };
}

const LLAVA_AS_LIU = (arxiv: string) =>
  `@inproceedings{liu2023visual,\n  title = {Visual Instruction Tuning},\n  author = {Liu, Haotian and Li, Chunyuan},\n  eprint = {${arxiv}},\n  year = {2023},\n}\n\n` +
  '@article{vaswani2017attention,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish and Shazeer, Noam},\n  year = {2017},\n}\n';

const PAPER = (body: string) => `\\documentclass{article}\n\\begin{document}\n${body}\n\\bibliography{refs}\n\\end{document}\n`;

suite('Citing flows', () => {
  let api: ModelAtlasApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });
  teardown(closeAll);
  suiteTeardown(async () => {
    if (!fs.existsSync(workspaceUri(DIR).fsPath)) {
      return;
    }
    for (const file of fs.readdirSync(workspaceUri(DIR).fsPath, { recursive: true }) as string[]) {
      fs.chmodSync(`${workspaceUri(DIR).fsPath}/${file}`, 0o755); // a read-only file must not stop the cleanup
    }
    await vscode.workspace.fs.delete(workspaceUri(DIR), { recursive: true, useTrash: false });
  });

  suite('completion', () => {
    test('offers nothing for Quarto and pandoc-crossref cross-references, bookdown \\@ref, or a word no model matches', async () => {
      const editor = await scratch('markdown', '');
      for (const text of ['See @fig-a|', 'See @fig-|', 'In @tbl-results|', 'see @sec-intro|', 'by @eq-loss|', 'in @lst-code|', 'by @thm-main|', 'See @fig:arch|', 'Figure \\@ref(fig:x|)', '- [ ] Ask @haotian|', 'See [@zzzq|]']) {
        await setText(editor, text.replace('|', ''));
        const items = inOrder((await completionList(editor.document, editor.document.positionAt(text.indexOf('|')))).items);
        assert.deepStrictEqual(items.map(labelOf), [], text);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      const { items } = await completeIn('markdown', 'See @|', '@');
      assert.ok(items.length > 10, 'a bare @ still offers the atlas');
    });

    test('leaves VS Code no fuzzy matching to do: every item filters on exactly what was typed, and the list is asked again on each keystroke', async () => {
      for (const [language, text, typed] of [
        ['latex', '\\cite{bl|}', 'bl'],
        ['markdown', 'See [@al|]', 'al'],
        ['latex', 'We use BL|', 'BL'],
      ]) {
        const { list, items } = await completeIn(language, text);
        assert.ok(items.length > 0, text);
        assert.strictEqual(list.isIncomplete, true, text);
        assert.deepStrictEqual([...new Set(items.map((i) => i.filterText))], [typed], text);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });

    test('ranks the model typed first inside \\cite{ and preselects it (clip, align, blip, llava, vilt)', async () => {
      const atlas = (await api.service.atlas());
      for (const [typed, id] of [['clip', 'clip'], ['align', 'align'], ['blip', 'blip'], ['llava', 'llava'], ['vilt', 'vilt']]) {
        const { items } = await completeIn('latex', `\\cite{${typed}|}`);
        assert.strictEqual(labelOf(items[0]), atlas.get(id).bibtex.key, `${typed}: ${items.slice(0, 4).map(labelOf).join(', ')}`);
        assert.deepStrictEqual(items.filter((i) => i.preselect).map(labelOf), [atlas.get(id).bibtex.key], typed);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      const { items } = await completeIn('latex', '\\cite{blip|}');
      assert.strictEqual(labelOf(items[1]), atlas.get('blip-2').bibtex.key, 'BLIP-2 right after BLIP');
    });

    test('in prose, offers a name only for what it starts, never for a lower-case word, and preselects the exact name', async () => {
      const { items } = await completeIn('latex', 'Like BLIP|');
      const names = items.filter((i) => i.kind === vscode.CompletionItemKind.Value);
      assert.strictEqual(labelOf(names[0]), 'BLIP');
      assert.ok(names[0].preselect);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      for (const text of ['a video clip|', 'we align|', 'the visual|']) {
        const lower = await completeIn('latex', text);
        assert.deepStrictEqual(lower.items.map(labelOf), [], text);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });

    test('ranks the models the document cites, by the key its .bib holds them under, and offers its own .bib keys after the atlas', async () => {
      const llava = (await api.service.atlas()).get('llava');
      const files = await folderWith({ 'refs.bib': LLAVA_AS_LIU(llava.paper.arxiv!), 'paper.tex': PAPER('As \\cite{liu2023visual} shows, and \\cite{}.') });
      const editor = await editorOn(files['paper.tex'], 'and \\cite{', 'and \\cite{'.length);
      const all = inOrder((await completionList(editor.document, editor.selection.active, '{')).items);
      assert.strictEqual(labelOf(all[0]), 'liu2023visual', all.slice(0, 3).map(labelOf).join(', '));
      assert.ok(!all.some((i) => labelOf(i) === llava.bibtex.key), 'LLaVA offered under the atlas key as well');
      const own = all.findIndex((i) => labelOf(i) === 'vaswani2017attention');
      assert.ok(own > 0, 'the .bib key of a paper the atlas lacks is not offered');
      assert.ok(all.slice(own).every((i) => i.kind === vscode.CompletionItemKind.Reference && !(i.label as vscode.CompletionItemLabel).description?.match(/^(BLIP|CLIP|LLaVA)$/)), 'an atlas item after the .bib keys');
      assert.strictEqual((all[own].label as vscode.CompletionItemLabel).description, 'Attention Is All You Need');
      assert.strictEqual(all[own].command, undefined, 'accepting a key the .bib holds appends nothing');

      assert.ok(await editor.edit((b) => b.insert(editor.selection.active, 'vas')));
      const typed = inOrder((await completionList(editor.document, editor.selection.active)).items);
      // The atlas's own key that "vas" starts (FastVLM's), then the .bib's.
      assert.deepStrictEqual(typed.map(labelOf), [(await api.service.atlas()).get('fastvlm').bibtex.key, 'vaswani2017attention']);
      assert.ok(typed.every((i) => i.preselect === false || i.preselect === undefined));
      await editor.document.save();
    });

    test('a key typed right after a citation of the same kind joins it: \\cite{a}\\cite{b} becomes \\cite{a,b}', async () => {
      for (const [language, text, expected] of [
        ['latex', 'As \\cite{liu2023llava}\\cite{li2023bl|} shows', 'As \\cite{liu2023llava,li2023blip2} shows'],
        ['markdown', 'As [@liu2023llava][@li2023bl|] shows', 'As [@liu2023llava; @li2023blip2] shows'],
      ]) {
        const { editor, items } = await completeIn(language, text);
        const item = items.find((i) => labelOf(i) === 'li2023blip2');
        assert.ok(item, items.map(labelOf).join(', '));
        const edited = await editor.edit((b) => b.replace(item.range as vscode.Range, item.insertText as string));
        assert.ok(edited, `${JSON.stringify(item.range)} ${JSON.stringify(item.insertText)} active=${vscode.window.activeTextEditor === editor} v${editor.document.version}`);
        assert.strictEqual(editor.document.getText(), expected);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });

  suite('Insert Citation', () => {
    /** The arguments of the card's Insert Citation link over `needle`. */
    async function cardCiteArguments(document: vscode.TextDocument, needle: string): Promise<unknown[]> {
      const card = await atlasHoverAt(document, positionOf(document, needle, 2));
      const link = /\(command:modelAtlas\.insertCitation\?([^)\s]+)\)/.exec(card?.value ?? '');
      assert.ok(link, card?.value);
      return JSON.parse(decodeURIComponent(link[1]));
    }

    test('from a hover card cites that mention, set off as the paper does, says what it appended, and Undo takes both back', async () => {
      const files = await folderWith({ 'refs.bib': '@misc{other, title = {Other}}\n', 'paper.tex': PAPER('We use BLIP-2 and LLaVA here.') });
      const editor = await editorOn(files['paper.tex']);
      editor.selection = new vscode.Selection(0, 0, 0, 0); // a stray cursor, far from the mention
      const args = await cardCiteArguments(editor.document, 'LLaVA');
      const before = editor.document.getText();
      // The notification's Undo is pressed once the citation has been looked at.
      let pressUndo = () => {};
      const undoPressed = new Promise<string>((resolve) => (pressUndo = () => resolve('Undo')));
      const { result, shown } = await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', ...args), (m) => (m.text.startsWith('Added') ? undoPressed : undefined));
      assert.strictEqual(result, true);
      const key = (await api.service.atlas()).get('llava').bibtex.key;
      assert.ok(editor.document.getText().includes(`LLaVA~\\cite{${key}} here`), editor.document.getText());
      assert.deepStrictEqual(shown.map((m) => [m.kind, m.text, m.items]), [['information', `Added 1 entry to ${DIR}/case-${counter}/refs.bib`, ['Open', 'Undo']]]);
      pressUndo();
      await waitFor('the citation taken back', () => editor.document.getText() === before);
      await waitForAsync('the entry taken back', async () => read(files['refs.bib']) === '@misc{other, title = {Other}}\n');
    });

    test("LLaVA's default entry is the venue form, since the authors' own prints no venue", async () => {
      const files = await folderWith({ 'refs.bib': '', 'paper.tex': PAPER('We use LLaVA here.') });
      await editorOn(files['paper.tex'], 'LLaVA', 5);
      await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'));
      const bib = read(files['refs.bib']);
      assert.match(bib, /^% The venue form: [^@\n]*\n@inproceedings\{liu2023llava,/);
      assert.match(bib, /booktitle\s*= \{NeurIPS\}/);
    });

    test('from an In This Document occurrence cites that occurrence', async () => {
      const files = await folderWith({ 'refs.bib': '', 'paper.tex': PAPER('LLaVA is first. Later, LLaVA again.') });
      const editor = await editorOn(files['paper.tex']);
      await vscode.commands.executeCommand('modelAtlas.inDocument.focus');
      await waitFor('the view to list LLaVA', () => api.sidebar.inDocument.document === editor.document && api.sidebar.inDocument.mentionedModels.some((m) => m.modelId === 'llava'));
      const llava = api.sidebar.inDocument.mentionedModels.find((m) => m.modelId === 'llava')!;
      const second = llava.occurrences[1];
      assert.strictEqual((await api.sidebar.inDocument.getTreeItem(second)).contextValue, 'occurrence mention');
      await vscode.window.showTextDocument(editor.document);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      assert.strictEqual(await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', second)).then((r) => r.result), true);
      assert.ok(editor.document.getText().includes(`Later, LLaVA~\\cite{liu2023llava} again.`), editor.document.getText());
    });

    test('from elsewhere never splits a word, and refuses a cursor that is not in the text', async () => {
      const files = await folderWith({ 'refs.bib': '', 'paper.tex': PAPER('We use BLIP-2 and LLaVA-1.5 here.') });
      const editor = await editorOn(files['paper.tex'], 'BLIP-2', 2);
      await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'blip-2'));
      editor.selection = new vscode.Selection(positionOf(editor.document, 'LLaVA-1.5', 3), positionOf(editor.document, 'LLaVA-1.5', 3));
      await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava-1-5'));
      const atlas = (await api.service.atlas());
      assert.ok(editor.document.getText().includes(`BLIP-2~\\cite{${atlas.get('blip-2').bibtex.key}} and LLaVA-1.5~\\cite{${atlas.get('llava-1-5').bibtex.key}} here`), editor.document.getText());

      const text = editor.document.getText();
      editor.selection = new vscode.Selection(0, 0, 0, 0); // before \documentclass
      const { result, shown } = await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'clip'));
      assert.strictEqual(result, false);
      assert.strictEqual(editor.document.getText(), text);
      assert.match(shown.map((m) => m.text).join('\n'), /is not in the text \(line 1, column 1\)/);
    });

    test('right after a citation adds to it; several models picked at once are cited in the order given', async () => {
      const { editor } = await completeIn('latex', 'As \\cite{liu2023llava}| shows');
      editor.selection = new vscode.Selection(positionOf(editor.document, ' shows', 0), positionOf(editor.document, ' shows', 0));
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', ['clip', 'blip-2', 'albef']), true);
      const atlas = (await api.service.atlas());
      const keys = ['clip', 'blip-2', 'albef'].map((id) => atlas.get(id).bibtex.key);
      assert.strictEqual(editor.document.getText(), `As \\cite{liu2023llava,${keys.join(',')}} shows`);
    });

    test('a read-only (Locked) .bib is refused with the reason before anything is written', async () => {
      const files = await folderWith({ 'refs.bib': '@misc{other, title = {Other}}\n', 'paper.tex': PAPER('Kosmos-2 grounds text.') });
      fs.chmodSync(files['refs.bib'].fsPath, 0o444); // VS Code reports this as FilePermission.Locked
      const editor = await editorOn(files['paper.tex'], 'Kosmos-2', 8);
      const saves: string[] = [];
      const listener = vscode.workspace.onWillSaveTextDocument((e) => saves.push(e.document.uri.path));
      try {
        const { result, shown } = await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'kosmos-2'));
        assert.strictEqual(result, false);
        assert.deepStrictEqual(shown.map((m) => [m.kind, m.text]), [['error', `${DIR}/case-${counter}/refs.bib is read-only, so the BibTeX entries were not added to it.`]]);
      } finally {
        listener.dispose();
      }
      assert.deepStrictEqual(saves, [], 'a save was attempted');
      assert.strictEqual(read(files['refs.bib']), '@misc{other, title = {Other}}\n');
      const bib = vscode.workspace.textDocuments.find((d) => d.uri.toString() === files['refs.bib'].toString());
      assert.ok(!bib || (!bib.isDirty && bib.version === 1), 'the .bib was edited in memory');
      assert.ok(!editor.document.getText().includes('\\cite'));
    });

    test('a Markdown note without front matter gets bibliography: with its new references.bib, and is not asked again', async () => {
      const files = await folderWith({ 'note.md': '# Note\n\nLLaVA and BLIP-2 are neat.\n' });
      const editor = await editorOn(files['note.md'], 'LLaVA', 5);
      const first = await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'llava'), (m) => (m.items.includes('Create references.bib') ? 'Create references.bib' : undefined));
      assert.strictEqual(first.result, true);
      assert.deepStrictEqual(first.shown[0].items, ['Create references.bib', 'Cite Without It']);
      const references = vscode.Uri.joinPath(files['note.md'], '..', 'references.bib');
      assert.strictEqual(editor.document.getText(), '---\nbibliography: references.bib\n---\n\n# Note\n\nLLaVA [@liu2023llava] and BLIP-2 are neat.\n');
      editor.selection = new vscode.Selection(positionOf(editor.document, 'BLIP-2', 6), positionOf(editor.document, 'BLIP-2', 6));
      const second = await withMessages(() => vscode.commands.executeCommand('modelAtlas.insertCitation', 'blip-2'));
      assert.strictEqual(second.result, true);
      assert.ok(!second.shown.some((m: ShownMessage) => /names no bibliography/.test(m.text)), 'asked again');
      const bib = read(references);
      assert.ok(bib.includes('{liu2023llava,') && bib.includes('{li2023blip2,'), bib);
      await editor.document.save();
    });

    test("Copy Citation Key copies the key the document's .bib holds the paper under", async () => {
      const llava = (await api.service.atlas()).get('llava');
      const files = await folderWith({ 'refs.bib': LLAVA_AS_LIU(llava.paper.arxiv!), 'paper.tex': PAPER('LLaVA.') });
      await editorOn(files['paper.tex']);
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.copyCitationKey', 'llava'), 'liu2023visual');
      assert.strictEqual(await vscode.env.clipboard.readText(), 'liu2023visual');
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.copyCitationKey', 'blip-2'), (await api.service.atlas()).get('blip-2').bibtex.key);
    });

    test('follows the citation command the document uses most, unless the setting names one', async () => {
      const { editor } = await completeIn('latex', 'See \\autocite{a} and \\autocite{b}, or \\cite{c}.\nBLIP-2| works. CLIP too.');
      editor.selection = new vscode.Selection(positionOf(editor.document, ' works', 0), positionOf(editor.document, ' works', 0));
      assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'blip-2'), true);
      assert.ok(editor.document.getText().includes('BLIP-2 \\autocite{li2023blip2} works.'), editor.document.getText());
      const config = vscode.workspace.getConfiguration('modelAtlas');
      await config.update('citation.command', '\\citep', vscode.ConfigurationTarget.Workspace);
      try {
        editor.selection = new vscode.Selection(positionOf(editor.document, 'CLIP', 4), positionOf(editor.document, 'CLIP', 4));
        assert.strictEqual(await vscode.commands.executeCommand('modelAtlas.insertCitation', 'clip'), true);
        assert.ok(editor.document.getText().endsWith(`CLIP \\citep{${(await api.service.atlas()).get('clip').bibtex.key}} too.`), editor.document.getText());
      } finally {
        await config.update('citation.command', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    test('Export BibTeX says what it wrote, and what was there already', async () => {
      const files = await folderWith({ 'paper.tex': PAPER('BLIP-2 and LLaVA.') });
      await editorOn(files['paper.tex']);
      const target = vscode.Uri.joinPath(files['paper.tex'], '..', 'exported.bib');
      const first = await withMessages(() => vscode.commands.executeCommand('modelAtlas.exportBibtex', target));
      assert.deepStrictEqual(first.shown.map((m) => [m.text, m.items]), [[`Added 2 entries to ${DIR}/case-${counter}/exported.bib`, ['Open']]]);
      const second = await withMessages(() => vscode.commands.executeCommand('modelAtlas.exportBibtex', target));
      assert.deepStrictEqual(second.shown.map((m) => m.text), [`All 2 entries were already in ${DIR}/case-${counter}/exported.bib.`]);
    });
  });

  suite('In This Document and Fix all', () => {
    test('counts a citation as a reference to its model, by the key the .bib holds it under', async () => {
      const llava = (await api.service.atlas()).get('llava');
      const files = await folderWith({ 'refs.bib': LLAVA_AS_LIU(llava.paper.arxiv!), 'paper.tex': PAPER('Visual instruction tuning \\cite{liu2023visual} works.') });
      const editor = await editorOn(files['paper.tex']);
      await vscode.commands.executeCommand('modelAtlas.inDocument.focus');
      const listed = await waitFor('the view to list LLaVA', () => {
        const models = api.sidebar.inDocument.document === editor.document ? api.sidebar.inDocument.mentionedModels : [];
        return models.find((m) => m.modelId === 'llava');
      });
      assert.strictEqual((await api.sidebar.inDocument.getTreeItem(listed)).description, '1 citation');
      const occurrence = listed.occurrences[0];
      assert.strictEqual((await api.sidebar.inDocument.getTreeItem(occurrence)).contextValue, 'occurrence citation');
    });

    test('"Fix all" appends every missing entry once and uses every key the .bib already holds, one undoable step each', async () => {
      const llava = (await api.service.atlas()).get('llava');
      const bibText = LLAVA_AS_LIU(llava.paper.arxiv!);
      const clip = (await api.service.atlas()).get('clip').bibtex.key;
      const files = await folderWith({ 'refs.bib': bibText, 'paper.tex': PAPER(`As \\cite{li2023blip2,liu2023llava} and \\cite{${clip}} and \\cite{liu2023llava} show.`) });
      const editor = await editorOn(files['paper.tex']);
      const ours = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Model Atlas');
      await waitFor('the four diagnostics', () => ours().length === 4);
      const at = positionOf(editor.document, 'li2023blip2', 2);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at));
      const fixAll = actions.find((a) => /^Fix all 4 citation problems/.test(a.title));
      assert.ok(fixAll?.command, actions.map((a) => a.title).join(' | '));
      await withMessages(() => vscode.commands.executeCommand(fixAll.command!.command, ...(fixAll.command!.arguments ?? [])));
      assert.ok(editor.document.getText().includes(`As \\cite{li2023blip2,liu2023visual} and \\cite{${clip}} and \\cite{liu2023visual} show.`), editor.document.getText());
      const bib = await waitForAsync('the entries in refs.bib', async () => {
        const text = read(files['refs.bib']);
        return text.length > bibText.length && text;
      });
      assert.ok(bib.startsWith(bibText), 'an existing byte changed');
      assert.deepStrictEqual([...bib.slice(bibText.length).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]), ['li2023blip2', clip]);
      await waitFor('no diagnostics left', () => ours().length === 0);
      await vscode.commands.executeCommand('undo');
      assert.ok(editor.document.getText().includes('\\cite{li2023blip2,liu2023llava}'), 'the key replacements are not one undoable step');
      await editor.document.save();
    });
  });

  suite('beside LaTeX Workshop', () => {
    // The last tests of the file: the stand-in stays active for the rest of the run.
    test('offers only the atlas items in LaTeX, leaving the .bib keys to it; Markdown keeps them', async () => {
      const llava = (await api.service.atlas()).get('llava');
      const files = await folderWith({ 'refs.bib': LLAVA_AS_LIU(llava.paper.arxiv!), 'paper.tex': PAPER('See \\cite{}.'), 'note.md': '---\nbibliography: refs.bib\n---\n\nSee [@].\n' });
      const latexWorkshop = vscode.extensions.getExtension('James-Yu.latex-workshop');
      assert.ok(latexWorkshop, 'the LaTeX Workshop stand-in is not installed (test/fixtures/extensions)');
      let editor = await editorOn(files['paper.tex'], '\\cite{', '\\cite{'.length);
      const before = (await completionList(editor.document, editor.selection.active, '{')).items.map(labelOf);
      assert.ok(before.includes('vaswani2017attention'), 'the .bib key is not offered without LaTeX Workshop');
      await latexWorkshop.activate();
      const beside = (await completionList(editor.document, editor.selection.active, '{')).items.map(labelOf);
      assert.ok(!beside.includes('vaswani2017attention'), 'the .bib key is offered twice beside LaTeX Workshop');
      assert.ok(beside.includes('liu2023visual') && beside.includes((await api.service.atlas()).get('clip').bibtex.key), beside.slice(0, 5).join(', '));
      editor = await editorOn(files['note.md'], '[@', 2);
      assert.ok((await completionList(editor.document, editor.selection.active, '@')).items.map(labelOf).includes('vaswani2017attention'));
    });
  });
});
