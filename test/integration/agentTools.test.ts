// The Language Model tools in the real editor: listed in vscode.lm.tools, and run with vscode.lm.invokeTool
// as agent mode runs them. Appending asks first: the integration runner answers that dialog as a user would.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, bibText, restoreFixtures, snapshotFixtures, waitFor } from './helpers';

const TOOLS = ['modelAtlas_findModels', 'modelAtlas_getCitation', 'modelAtlas_checkBibliography'];

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

suite('Tools for AI agents', () => {
  let originals = new Map<string, string>();

  suiteSetup(async () => {
    await activateExtension();
    originals = await snapshotFixtures(['refs.bib']);
  });
  suiteTeardown(() => restoreFixtures(originals));

  test('vscode.lm.tools lists the tools with their schemas', async () => {
    const listed = await waitFor('the tools to be listed', () => TOOLS.every((name) => vscode.lm.tools.some((t) => t.name === name)) && vscode.lm.tools);
    const citation = listed.find((t) => t.name === 'modelAtlas_getCitation');
    assert.ok(citation && /verified citation/.test(citation.description), citation?.description);
    assert.deepStrictEqual((citation.inputSchema as { required: string[] }).required, ['model']);
  });

  test('modelAtlas_findModels finds models with their verified facts', async () => {
    const text = await invoke('modelAtlas_findModels', { query: 'BLIP-2' });
    assert.match(text, /^\d+ models? match/);
    assert.ok(text.includes('BLIP-2 (id: blip-2'), text);
    assert.ok(text.includes('Junnan Li, Dongxu Li, Silvio Savarese, Steven Hoi'), text);
    const filtered = await invoke('modelAtlas_findModels', { year: 2023, organization: 'Salesforce' });
    assert.ok(filtered.includes('InstructBLIP') && filtered.includes('BLIP-2'), filtered);
    assert.match(await invoke('modelAtlas_findModels', { query: 'no such model at all' }), /^No model in the Model Atlas/);
  });

  test('modelAtlas_getCitation gives the key the .bib already uses for BLIP-2, and its entry', async () => {
    const text = await invoke('modelAtlas_getCitation', { model: 'BLIP-2', document: 'paper.tex' });
    assert.ok(text.includes('Cite it as blip2paper: refs.bib already holds this paper under that key (not the atlas key li2023blip2).'), text);
    assert.ok(text.includes('In this document write: \\cite{blip2paper}'), text);
    assert.ok(text.includes('The entry in refs.bib:\n@article{blip2paper,\n  title         = {{BLIP-2}: Bootstrapping'), text);
    assert.ok(text.trimEnd().endsWith('archivePrefix = {arXiv},\n}'), text);
  });

  test('modelAtlas_getCitation reports a missing entry, and appends it after the user confirms', async () => {
    const before = await bibText();
    const report = await invoke('modelAtlas_getCitation', { model: 'Flamingo', document: 'notes.md' });
    assert.ok(report.includes('refs.bib does not hold this paper yet.'), report);
    assert.ok(report.includes('In this document write: [@alayrac2022flamingo]'), report);
    assert.strictEqual(await bibText(), before, 'reporting wrote to the .bib');
    const appended = await invoke('modelAtlas_getCitation', { model: 'flamingo', document: 'notes.md', append: true });
    assert.ok(appended.includes('Cite it as alayrac2022flamingo: the entry was appended to refs.bib.'), appended);
    const after = await bibText();
    assert.ok(after.startsWith(before), 'an existing byte of refs.bib changed');
    assert.ok(after.slice(before.length).includes('{alayrac2022flamingo,'), after.slice(before.length));
  });

  test('modelAtlas_checkBibliography reports the wrong author list of a .bib, with its place', async () => {
    const text = await invoke('modelAtlas_checkBibliography', { document: 'bibcheck/refs.bib' });
    assert.match(text, /^Checked \d+ entries of atlas papers in bibcheck\/refs\.bib against the Model Atlas/);
    // ViLT's entry lists authors the paper does not have (the fixture's author-mismatch case).
    assert.match(text, /\nbibcheck\/refs\.bib:\d+:\d+: author-mismatch \(kim2021vilt\): The authors differ from ViLT's paper: /);
    // With what to write there: the author line as the quick fix writes it.
    assert.ok(text.includes("not in the paper: Minseo Park, Jaehyun Lee, Soyeon Choi, Hyunwoo Jung, Dohyun Kang.\nFix: replace line 5 of bibcheck/refs.bib with:\n```bibtex\n  author    = {Kim, Wonjae and Son, Bokyung and Kim, Ildoo},\n```\n"), text);
    const forDocument = await invoke('modelAtlas_checkBibliography', { document: 'bibcheck/paper.tex' });
    assert.ok(forDocument.includes('author-mismatch (kim2021vilt)'), forDocument);
    // The document's own finding too: Kosmos-2 followed by BLIP-2's key, at the key.
    assert.ok(forDocument.includes("\nbibcheck/paper.tex:8:100: citation-mismatch (li2023blip2): Kosmos-2 is followed by a citation of BLIP-2's paper, not of Kosmos-2's paper.\nFix: cite Kosmos-2's paper"), forDocument);
    assert.match(await invoke('modelAtlas_checkBibliography', { document: 'nowhere.bib' }), /^Cannot open the document "nowhere.bib"/);
  });

  test('an unknown model or document is said plainly', async () => {
    assert.match(await invoke('modelAtlas_getCitation', { model: 'GPT-17' }), /^No model in the Model Atlas is named "GPT-17"/);
    assert.match(await invoke('modelAtlas_getCitation', { model: 'BLIP-2', document: 'nowhere.tex' }), /^Cannot open the document "nowhere.tex"/);
  });
});
