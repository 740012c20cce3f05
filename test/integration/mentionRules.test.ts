// Which text gets a card, in the real editor, on fixtures written after real documents' patterns: Markdown markup
// that is not prose, names inside other names, spellings writers use, ordinary words, and the cited paper winning;
// In This Document, Export BibTeX and the Markdown preview count what the hover shows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModelAtlasApi } from '../../src/activate';
import { activateExtension, atlasHoverAt, openFixture, positionOf, waitFor, workspaceUri } from './helpers';

/** The card's model name ("BLIP\-2" unescaped) at `delta` into the `occurrence`-th `needle`, or undefined. */
async function cardName(document: vscode.TextDocument, needle: string, delta = 1, occurrence = 0): Promise<string | undefined> {
  const hover = await atlasHoverAt(document, positionOf(document, needle, delta, occurrence));
  return hover && /^\*\*(.+?)\*\*/.exec(hover.value)?.[1].replace(/\\(.)/g, '$1');
}

async function cardsAt(file: string, cases: Array<[needle: string, expected: string | undefined, delta?: number, occurrence?: number]>): Promise<void> {
  const { document } = await openFixture(file);
  const wrong: string[] = [];
  for (const [needle, expected, delta, occurrence] of cases) {
    const shown = await cardName(document, needle, delta, occurrence);
    if (shown !== expected) {
      wrong.push(`'${needle}': ${shown ?? 'no card'} (expected ${expected ?? 'no card'})`);
    }
  }
  assert.deepStrictEqual(wrong, []);
}

suite('Mention rules in the editor', () => {
  let api: ModelAtlasApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Markdown: no card in link destinations, image paths, URLs, HTML comments, tags and attributes, math or front-matter tags', async function () {
    this.timeout(90_000); // twenty hovers, the first of which reads the atlas
    await cardsAt('rules/catalogue.md', [
      ['title: "A catalogue of LLaVA', 'LLaVA', 'title: "A catalogue of '.length + 1],
      ['"CLIP", "BLIP-2"', undefined, 2],
      ['Notes on BLIP-2', 'BLIP-2', 'Notes on '.length + 1],
      ['CLIP and InternVL sorted', undefined, 1],
      ['InternVL/overview', undefined, 2],
      ['InternVL overview', undefined, 2],
      ['InternVL details', 'InternVL', 2],
      ['[InternVL]', 'InternVL', 2],
      ['OpenGVLab/InternVL', undefined, 'OpenGVLab/'.length + 2],
      ['![InternVL diagram]', 'InternVL', 4],
      ['assets/InternVL', undefined, 'assets/'.length + 2],
      ['X-PLUG/mPLUG-Owl', undefined, 'X-PLUG/'.length + 2],
      ['salesforce/BLIP>', undefined, 'salesforce/'.length + 1],
      ['[the BLIP-2 repository]', 'BLIP-2', 6],
      ['blip2-repo]: https', undefined, 3],
      ['"BLIP-2 in LAVIS"', undefined, 2],
      ['L}_{CLIP}', undefined, 5],
      ['as in CLIP.', 'CLIP', 'as in '.length + 1],
    ]);
  });

  test('In This Document, Export BibTeX and the preview count only the prose mentions', async function () {
    this.timeout(90_000); // the view, an export and the preview, each waited for
    const editor = await openFixture('rules/catalogue.md');
    await vscode.commands.executeCommand('modelAtlas.inDocument.focus');
    const listed = () => api.sidebar.inDocument.mentionedModels.map((m) => `${m.modelId}×${m.occurrences.length}`);
    await waitFor('the view to follow catalogue.md', () => api.sidebar.inDocument.document === editor.document);
    await waitFor(`the prose mentions (listed: ${listed().join(', ')})`, () => listed().join() === 'llava×1,blip-2×3,internvl×4,clip×1');

    const target = workspaceUri('rules/catalogue-export.bib');
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('modelAtlas.exportBibtex', target), 4);
      const keys = [...new TextDecoder().decode(await vscode.workspace.fs.readFile(target)).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort();
      assert.deepStrictEqual(keys, ['chen2024internvl', 'li2023blip2', 'liu2023llava', 'radford2021clip']);
    } finally {
      await vscode.workspace.fs.delete(target, { useTrash: false }).then(undefined, () => undefined);
    }

    const html = await vscode.commands.executeCommand<string>('markdown.api.render', editor.document.getText());
    const linked = [...html.matchAll(/<a [^>]*class="model-atlas-mention"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    // Front matter, HTML blocks, link texts, images and math are not linked; prose is.
    assert.deepStrictEqual(linked, ['InternVL', 'BLIP-2', 'CLIP'], html);
    assert.ok(!/href="[^"]*<a /.test(html), 'a link inside a destination');
  });

  test('a name inside another model\'s name, or a later release, gets no card; checkpoints and writers\' spellings do', async function () {
    this.timeout(90_000); // thirty hovers
    await cardsAt('rules/names.md', [
      ['Audio Flamingo', undefined, 'Audio '.length + 2],
      ['Med-Flamingo', undefined, 'Med-'.length + 2],
      ['than Flamingo', 'Flamingo', 'than '.length + 2],
      ['LLaVA-Med', 'LLaVA-Med', 2],
      ['ALLaVA', undefined, 2],
      ['EVA-CLIP', 'EVA-CLIP', 'EVA-'.length + 1],
      ['Chinese CLIP', 'Chinese-CLIP', 'Chinese '.length + 1],
      ['MedCLIP', undefined, 4],
      ['中文CLIP', undefined, 3],
      ['TextMonkey', 'TextMonkey', 5],
      ['Emu2', 'Emu2', 1],
      ['Emu 2', 'Emu2', 1],
      ['follow Emu (Sun', 'Emu', 'follow '.length + 1],
      ['InternVL 2.5', 'InternVL 2.5', 2],
      ['LLaVA 1.6', 'LLaVA-NeXT', 2],
      ['than InternVL', 'InternVL', 'than '.length + 2],
      ['CLIP-L', 'CLIP', 5],
      ['CLIP ViT-L/14', 'CLIP', 'CLIP ViT'.length],
      ['LLaVA-1.5-7B', 'LLaVA-1.5', 'LLaVA-1.5-'.length + 1],
      ['BLIP-2 ViT-g', 'BLIP-2', 2],
      ['BEiT-2', 'BEiT v2', 2],
      ['Emu-1', 'Emu', 2],
      ['BLIP2,', 'BLIP-2', 2],
      ['Llava,', 'LLaVA', 2],
      ['Clip模型', 'CLIP', 2],
      ['llava的', 'LLaVA', 2],
      ['LLaVA-Bench', undefined, 2],
      ['LLaVA-Instruct', undefined, 2],
      ['LLaVA-mix', undefined, 2],
    ]);
  });

  test('ordinary words get no card, even capitalised, unless the text around says they name a model', async () => {
    await cardsAt('rules/ordinary.md', [
      ['Florence, Italy', undefined, 2],
      ['Monkey patching', undefined, 2],
      ['Oscar Wilde', undefined, 2],
      ['GIT LFS', undefined, 1],
      ['ALIGN THE', undefined, 2],
      ['Emu is a', undefined, 1],
      ['Otter populations', undefined, 2],
      ['Shikra is a bird', undefined, 2],
      ['video clip', undefined, 'video '.length + 1],
      ['align the', undefined, 2],
      ['frozen weights', undefined, 2],
      ['lynx in', undefined, 2],
      ['Monkey [@', 'Monkey', 2],
      ['Otter and LLaVA', 'Otter', 2],
      ['Shikra model', 'Shikra', 2],
      ['Monkey模型', 'Monkey', 2],
      ['OSCAR and GIT', 'Oscar', 2],
      ['GIT are', 'GIT', 1],
    ]);
  });

  test('the cited paper wins over the name before it; biblatex citation commands keep working', async () => {
    await cardsAt('rules/cited.tex', [
      ['Emu~\\citep{sun2023emu2}', 'Emu2', 1],
      ['Emu~\\citep{sun2023emu}', 'Emu', 1],
      ['Florence~\\cite', 'Florence', 2],
      ['Florence scales', 'Florence', 2],
      ['Florence;][]', 'Florence', 2],
      ['sun2023emu}', 'Emu', 2],
      ['[Florence;][]{yuan2021florence}', 'Florence', '[Florence;][]{'.length + 2],
      ['\\autocite{yuan2021florence}', 'Florence', '\\autocite{'.length + 2],
      ['\\textcite{li2023blip2}', 'BLIP-2', '\\textcite{'.length + 2],
      ['\\citeauthor{li2023blip2}', 'BLIP-2', '\\citeauthor{'.length + 2],
    ]);
  });
});
