// The providers' whole decisions as pure functions: the hover (hoverModelAt) and the citation diagnostics
// (findCitationProblems), with the .bib behind a port, as the bench runs them.
import * as assert from 'assert';
import { parseBibtex } from '../../src/core/bibtex/parse';
import { findCitationProblems, type CitationCheckInput } from '../../src/core/citations/citationFindings';
import { atlasModelOfBibKey, freeKey, keyToCite } from '../../src/core/citations/citationKeys';
import { hoverModelAt } from '../../src/core/citations/hoverLookup';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import { realIndex } from '../support/realAtlas';

const atlas = realIndex();
const blip2 = atlas.get('blip-2');
const userBib = parseBibtex(`@inproceedings{blip2paper,\n  title = {${blip2.paper.title}},\n  eprint = {${blip2.paper.arxiv}}\n}\n@misc{li2023blip2,\n  title = {Some Other Paper}\n}\n`);

function lines(text: string) {
  const all = text.split('\n');
  return { lineCount: all.length, lineText: (n: number) => all[n] };
}

describe('hoverModelAt', () => {
  const text = 'BLIP-2 works.\n% BLIP-2 in a comment\nSee \\cite{blip2paper} and \\cite{li2023blip2}.';
  const at = (line: number, character: number, bibs = [userBib], source = text, supported: string[] = []) => {
    const offset = source.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
    let asked = 0;
    const hit = hoverModelAt({
      lines: lines(source),
      line,
      character,
      offset,
      syntax: 'latex',
      nonProse: nonProseRanges(source, 'latex'),
      atlas,
      bibliographies: async () => (asked++, bibs),
      supportedModels: async () => (asked++, new Set(supported)),
    });
    return hit.then((h) => ({ id: h?.model.id, start: h?.start, asked }));
  };

  it('names the mentioned model without reading the .bib', async () => {
    assert.deepStrictEqual(await at(0, 2), { id: 'blip-2', start: 0, asked: 0 });
  });

  it('skips comments', async () => {
    assert.deepStrictEqual((await at(1, 4)).id, undefined);
  });

  it('reads a cited key as the .bib says: the atlas paper under the user key, another paper under the atlas key', async () => {
    assert.deepStrictEqual(await at(2, 12), { id: 'blip-2', start: 10, asked: 1 });
    assert.strictEqual((await at(2, 36)).id, undefined);
    assert.strictEqual((await at(2, 36, [])).id, 'blip-2', 'without a .bib the atlas key means the atlas paper');
  });

  it('decides an ordinary word as the document scan does: its line first, then the document\'s support', async () => {
    const source = 'Florence, Italy hosted it.\nFlorence~\\cite{yuan2021florence} scales.\nFlorence beats CLIP.';
    assert.deepStrictEqual(await at(0, 2, [], source, ['florence']), { id: undefined, start: undefined, asked: 0 });
    assert.deepStrictEqual(await at(1, 2, [], source), { id: 'florence', start: 0, asked: 1 });
    assert.deepStrictEqual(await at(2, 2, [], source, []), { id: undefined, start: undefined, asked: 1 });
    assert.deepStrictEqual(await at(2, 2, [], source, ['florence']), { id: 'florence', start: 0, asked: 1 });
    assert.strictEqual((await at(0, 2, [], 'Monkey patching the loader fixed it.', ['monkey'])).id, undefined);
  });

  it('lets the cited paper win over the name', async () => {
    const other = parseBibtex('@misc{lu2024chameleon,\n  title = {Chameleon: Plug-and-Play Compositional Reasoning}\n}');
    assert.strictEqual((await at(0, 2, [other], 'BLIP-2~\\citep{lu2024chameleon} composes tools.')).id, undefined);
    assert.strictEqual((await at(0, 2, [userBib], 'BLIP-2~\\citep{blip2paper} bridges.')).id, 'blip-2');
  });
});

describe('findCitationProblems', () => {
  const run = (text: string, bibs: ReturnType<typeof parseBibtex>[] | undefined[], hints = false) => {
    const input: CitationCheckInput = {
      text,
      syntax: 'latex',
      nonProse: nonProseRanges(text, 'latex'),
      atlas,
      uncitedMentionHints: hints,
      mentions: () => atlas.matcher.find(text),
      bibliographies: async () => bibs,
    };
    return findCitationProblems(input).then((found) => found.map((f) => `${f.code} ${text.slice(f.start, f.end)}${'storedKey' in f ? ` → ${f.storedKey}` : ''}`));
  };

  it('flags an atlas key the .bib lacks, and one whose paper it holds under another key', async () => {
    const clip = atlas.get('clip');
    assert.deepStrictEqual(await run(`\\cite{${clip.bibtex.key}} \\cite{li2023blip2x}`, [userBib]), [`missing-bib-entry ${clip.bibtex.key}`]);
    const flan = parseBibtex(`@misc{mine,\n  title = {${clip.paper.title}}\n}`);
    assert.deepStrictEqual(await run(`\\cite{${clip.bibtex.key}}`, [flan]), [`stored-under-other-key ${clip.bibtex.key} → mine`]);
  });

  it('says nothing about keys when the document names no .bib, and hints at uncited mentions when asked', async () => {
    assert.deepStrictEqual(await run('\\cite{li2023blip2}', []), []);
    assert.deepStrictEqual(await run('BLIP-2 and CLIP~\\cite{blip2paper}, BLIP-2 again', [userBib], true), ['uncited-mention CLIP']);
  });

  it('skips citations in comments', async () => {
    assert.deepStrictEqual(await run('% \\cite{li2023blip2}', [parseBibtex('')]), []);
  });
});

describe('citation keys', () => {
  it('cite the key the .bib holds, else the atlas key or its first free letter', () => {
    assert.strictEqual(keyToCite([userBib], blip2), 'blip2paper');
    const other = parseBibtex('@misc{li2023blip2,\n  title = {Unrelated}\n}\n@misc{li2023blip2a,\n  title = {Also unrelated}\n}');
    assert.strictEqual(keyToCite([other], blip2), 'li2023blip2b');
    assert.strictEqual(freeKey('k', [], ['k', 'ka']), 'kb');
    assert.strictEqual(atlasModelOfBibKey(atlas, [userBib], 'blip2paper')?.id, 'blip-2');
  });
});
