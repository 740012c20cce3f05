// Hostile dataset text through every surface the core builds (hover Markdown, details and timeline data, the
// webview shell): text stays text, with no markup, script or link but our own.
import * as assert from 'assert';
import type { AtlasModel } from '../../src/core/atlas/atlas';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { serializeSvg, type SvgNode } from '../../src/core/diagram/svgTree';
import { hoverCardMarkdown, type HoverCardLabels } from '../../src/core/presentation/hoverCard';
import { escapeMarkdown } from '../../src/core/presentation/markdown';
import { toModelDetails } from '../../src/core/presentation/modelDetails';
import { PAPER_TYPES } from '../../src/core/presentation/cardLabels';
import { webviewDocument } from '../../src/core/presentation/webviewDocument';
import { toTimelineModel } from '../../src/core/timeline/timelineModel';
import { readAtlasFile } from '../../src/core/userAtlas/atlasFile';
import { mergeAtlas } from '../../src/core/userAtlas/mergeAtlas';
import { generatedValidator } from '../support/generatedValidator';
import { hostile, markdownProblems, oneLine, unescapeMarkdown, webviewHtmlProblems } from '../support/hostile';
import { realModels } from '../support/realAtlas';

const LABELS: HoverCardLabels = {
  architecture: 'Architecture',
  buildsOn: 'Builds on',
  builtOnBy: 'Built on by',
  openPaper: 'Open Paper',
  code: 'Code',
  project: 'Project Page',
  visionOnly: 'vision-only model',
  unfinished: 'not finished',
  paperTypes: PAPER_TYPES.en,
  commands: { 'modelAtlas.insertCitation': 'Insert Citation', 'modelAtlas.showDetails': 'Show Details' },
};

/** The real atlas with the hostile entry loaded the way the extension loads a user's file. */
function hostileAtlas(): { atlas: AtlasIndex; model: AtlasModel } {
  const merged = mergeAtlas(realModels(), [{ name: hostile.FILE, file: readAtlasFile(hostile.atlasYaml()) }], { validate: generatedValidator() });
  assert.deepStrictEqual(merged.problems.map((p) => p.message), [], 'the hostile fixture must be a valid entry, or the extension would skip it');
  const atlas = new AtlasIndex(merged.models);
  return { atlas, model: atlas.get(hostile.ID) };
}

/** Every piece of dataset text the entry holds, as a reader should see it. */
function datasetTexts(model: AtlasModel): string[] {
  return [model.name, model.paper.title, model.summary.en, model.architecture.summary, model.paper.venue ?? '', ...model.organizations];
}

describe('hostile dataset text', () => {
  it('escapes each hostile string into Markdown that reads back as the same text', () => {
    for (const [name, text] of Object.entries(hostile.strings)) {
      const markdown = escapeMarkdown(text);
      assert.deepStrictEqual(markdownProblems(markdown), [], name);
      assert.strictEqual(unescapeMarkdown(markdown), oneLine(text), name);
    }
  });

  it('keeps the hover card inert: text as text, links only ours, commands only ours', () => {
    const { atlas, model } = hostileAtlas();
    const card = hoverCardMarkdown(model, atlas, { language: 'en', labels: LABELS });
    assert.deepStrictEqual(markdownProblems(card), []);
    const shown = unescapeMarkdown(card);
    for (const text of datasetTexts(model)) {
      assert.ok(shown.includes(oneLine(text)), `the card does not show ${JSON.stringify(text.slice(0, 40))}`);
    }
    const targets = [...card.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(targets.length > 0);
    for (const target of targets) {
      assert.match(target, /^(https:\/\/atlas-test\.invalid\/code|command:modelAtlas\.(insertCitation|showDetails)\?%5B%22hostile-net%22%5D)$/);
    }
  });

  it('keeps completion documentation (the card without actions) free of any link', () => {
    const { atlas, model } = hostileAtlas();
    const documentation = hoverCardMarkdown(model, atlas, { language: 'en', labels: LABELS, withActions: false });
    assert.deepStrictEqual(markdownProblems(documentation), []);
    assert.ok(!/\]\(/.test(documentation.replace(/\\./g, '')), documentation.slice(0, 200));
    assert.ok(unescapeMarkdown(documentation).includes(oneLine(model.summary.en)));
  });

  it('names the hostile model inertly on the card of the model it builds on', () => {
    const { atlas } = hostileAtlas();
    const card = hoverCardMarkdown(atlas.get('blip-2'), atlas, { language: 'en', labels: LABELS });
    assert.deepStrictEqual(markdownProblems(card), []);
    assert.ok(unescapeMarkdown(card).includes(atlas.get(hostile.ID).name));
  });

  it('sends the details page its text unchanged, https links only, and a diagram of text nodes', () => {
    const { atlas, model } = hostileAtlas();
    const details = toModelDetails(model, atlas, {
      language: 'en',
      bibtex: model.bibtex.entry,
      diagramLabels: { frozen: 'frozen', trained: 'trained', objectives: 'Objectives', title: `Architecture of ${model.name}` },
      linkTexts: { arxiv: 'arXiv', paper: 'Open Paper', code: 'Code', project: 'Project' },
      architectureTypes: {},
    });
    // The page puts these in with textContent, so they must arrive exactly as written.
    assert.strictEqual(details.name, model.name);
    assert.strictEqual(details.summary, model.summary.en);
    assert.deepStrictEqual(details.authors, model.paper.authors);
    assert.ok(details.links.every((l) => /^https:\/\//.test(l.url)), JSON.stringify(details.links));

    const texts: string[] = [];
    const walk = (node: SvgNode) => {
      for (const [name, value] of Object.entries(node.attrs)) {
        assert.ok(!/^on/i.test(name) && !/href$/i.test(name), `attribute ${name} on <${node.tag}>`);
        assert.ok(!/[<>]/.test(String(value)) || name === 'aria-label', `markup in ${name}="${String(value)}"`);
      }
      if (node.text !== undefined) {
        texts.push(node.text);
      }
      node.children?.forEach(walk);
    };
    walk(details.diagram);
    assert.ok(texts.some((t) => t.includes('<img')), 'component names are shown, as text');
    const svg = serializeSvg(details.diagram);
    assert.ok(!/<(script|img|a|foreignObject)\b/i.test(svg), svg.slice(0, 300));
    for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
      assert.ok(!/\son[a-z]+=/i.test(tag.replace(/"[^"]*"/g, '""')), `an event handler in ${tag.slice(0, 80)}`);
    }
  });

  it('sends the timeline its text unchanged and no address at all', () => {
    const { model } = hostileAtlas();
    const node = toTimelineModel(model, 'en');
    assert.strictEqual(node.name, model.name);
    assert.strictEqual(node.title, model.paper.title);
    assert.strictEqual(node.summary, model.summary.en);
    assert.ok(!JSON.stringify(node).includes(model.links?.code ?? '?'), 'the timeline is sent no link to open');
    assert.deepStrictEqual(JSON.parse(JSON.stringify(node)), node, 'plain JSON, as postMessage sends it');
  });

  it('builds a webview page with a strict CSP whose title and data cannot break out', () => {
    const { model } = hostileAtlas();
    const html = webviewDocument({
      cspSource: 'https://webview.test',
      nonce: 'abcdefghijklmnopqrstuvwxyz012345',
      scriptUri: 'https://webview.test/dist/webview/details.js',
      styleUri: 'https://webview.test/media/details.css',
      title: model.name,
      initialData: { labels: { loading: hostile.all.join(' ') } },
      language: 'en"><script>alert(1)</script>',
    });
    assert.deepStrictEqual(webviewHtmlProblems(html), []);
    const decode = (s: string) => s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.strictEqual(decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''), model.name);
    const data = JSON.parse(decode(/data-initial="([^"]*)"/.exec(html)?.[1] ?? '')) as { labels: { loading: string } };
    assert.strictEqual(data.labels.loading, hostile.all.join(' '));
  });

  it('flags a page that lets markup through (the check itself can fail)', () => {
    const page = webviewDocument({ cspSource: 'x', nonce: 'abcdefghijklmnopqrstuvwxyz012345', scriptUri: 's', styleUri: 'c', title: 't', initialData: {}, language: 'en' });
    assert.deepStrictEqual(webviewHtmlProblems(page), []);
    assert.notDeepStrictEqual(webviewHtmlProblems(page.replace('<title>t', `<title>${hostile.strings.img}`)), []);
    assert.notDeepStrictEqual(webviewHtmlProblems(page.replace("default-src 'none'", 'default-src *')), []);
    assert.notDeepStrictEqual(webviewHtmlProblems(page.replace("; base-uri 'none'", '')), []);
    assert.notDeepStrictEqual(markdownProblems(`**${hostile.strings.commandLink}**`), []);
    assert.notDeepStrictEqual(markdownProblems('a\rb'), []);
  });
});
