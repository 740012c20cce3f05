import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { nonProseRanges } from '../../src/core/documents/documentRegions';
import type { CitationSyntax } from '../../src/core/documents/syntax';
import { documentMentions, mentionRules } from '../../src/core/mentions/documentMentions';
import { versionForms } from '../../src/core/mentions/mentionSpellings';
import { fakeModel } from '../support/fakeModel';
import { realIndex, realNames } from '../support/realAtlas';

// A small atlas in the shapes the real one has, with the real names data (data/names.yaml).
const models = [
  fakeModel('clip', { name: 'CLIP', matchCase: true }),
  fakeModel('blip-2', { name: 'BLIP-2', aliases: ['BLIP2'] }),
  fakeModel('beit-v2', { name: 'BEiT v2', aliases: ['BEIT V2'] }),
  fakeModel('emu', { name: 'Emu', aliases: ['Emu1'], matchCase: true }),
  fakeModel('flamingo', { name: 'Flamingo' }),
  fakeModel('llava', { name: 'LLaVA' }),
  fakeModel('llava-1-5', { name: 'LLaVA-1.5', aliases: ['LLaVA 1.5'] }),
  fakeModel('internvl', { name: 'InternVL', aliases: ['InternVL 1.0'] }),
  fakeModel('monkey', { name: 'Monkey', matchCase: true }),
];
const atlas = new AtlasIndex(models, realNames());
const found = (text: string, index = atlas) => index.matcher.find(text).map((m) => `${m.modelId}:${m.text}`);

describe('mention spellings: names inside other names, versions, checkpoints, case', () => {
  it('derives the version forms writers use from a versioned spelling', () => {
    assert.deepStrictEqual(versionForms('BEiT v2').sort(), ['BEiT 2', 'BEiT V2', 'BEiT-2', 'BEiT-V2', 'BEiT-v2', 'BEiT2', 'BEiTv2'].sort());
    assert.ok(versionForms('Emu1').includes('Emu-1'));
    assert.deepStrictEqual(versionForms('Fuyu-8B'), []);
    assert.deepStrictEqual(found('BEiT-2 and BEiT2, then Emu-1 and Emu 1'), ['beit-v2:BEiT-2', 'beit-v2:BEiT2', 'emu:Emu-1', 'emu:Emu 1']);
  });

  it('never takes a name inside a known other model for the atlas one', () => {
    assert.deepStrictEqual(found('Audio Flamingo, Med-Flamingo, LLaVA-Med, ALLaVA, EVA-CLIP, Chinese CLIP, 中文CLIP, MedCLIP, TextMonkey'), []);
    assert.deepStrictEqual(found('Emu2 and Emu 2 and Emu-2 differ from Emu.'), ['emu:Emu']);
    assert.deepStrictEqual(found('基于中文CLIP模型, then CLIP模型'), ['clip:CLIP']);
  });

  it('shows the longer model where the atlas has it, never the shorter one', () => {
    const withMed = new AtlasIndex([...models, fakeModel('llava-med', { name: 'LLaVA-Med' }), fakeModel('audio-flamingo', { name: 'Audio Flamingo' })], realNames());
    assert.deepStrictEqual(found('LLaVA-Med and Audio Flamingo beside LLaVA', withMed), ['llava-med:LLaVA-Med', 'audio-flamingo:Audio Flamingo', 'llava:LLaVA']);
  });

  it('reads a version after a name that lacks it as another release', () => {
    assert.deepStrictEqual(found('InternVL 2.5 builds on InternVL 2.0 and InternVL 1.0; LLaVA 1.6 on LLaVA 1.5.'), ['internvl:InternVL 1.0', 'llava-1-5:LLaVA 1.5']);
    assert.deepStrictEqual(found('LLaVA 2021 results, LLaVA 13B'), ['llava:LLaVA', 'llava:LLaVA 13B']);
  });

  it('takes checkpoint names as the model: CLIP-L, CLIP ViT-L/14, LLaVA-1.5-7B, Flamingo80B', () => {
    assert.deepStrictEqual(found('CLIP-L, CLIP ViT-L/14, CLIP-ViT-B/16 and CLIP RN50x4'), ['clip:CLIP-L', 'clip:CLIP ViT-L/14', 'clip:CLIP-ViT-B/16', 'clip:CLIP RN50x4']);
    assert.deepStrictEqual(found('BLIP-2 ViT-g OPT2.7B beats Flamingo80B; LLaVA-1.5-7B-hf too'), ['blip-2:BLIP-2 ViT-g OPT2.7B', 'flamingo:Flamingo80B', 'llava-1-5:LLaVA-1.5-7B-hf']);
  });

  it('does not take derived names or data sets for the model', () => {
    assert.deepStrictEqual(found('LLaVA-Bench, LLaVA-Instruct-158K, LLaVA-mix-665K, LLaVA-158K, BLIP-Diffusion'), []);
    assert.deepStrictEqual(found('a LLaVA-based and BLIP-2-style model'), ['llava:LLaVA', 'blip-2:BLIP-2']);
  });

  it('accepts case variants glued to CJK text, and only there', () => {
    assert.deepStrictEqual(found('Clip模型 和 llava的结构; 用blip2'), ['clip:Clip', 'llava:llava', 'blip-2:blip2']);
    assert.deepStrictEqual(found('a video clip, llava and Clip art'), ['clip:Clip'], 'only a strict candidate: mentionContext wants its citation beside it');
    assert.deepStrictEqual(found('Llava and BLIP2 and Blip2'), ['llava:Llava', 'blip-2:BLIP2', 'blip-2:Blip2']);
  });

  it('keeps an ordinary word out of CJK case variants: "monkey" stays a word', () => {
    assert.deepStrictEqual(found('用monkey patch修补'), []);
    assert.deepStrictEqual(found('Monkey模型'), ['monkey:Monkey']);
  });
});

describe('mention spellings on the real atlas: names shared with tools and later releases', () => {
  /** The mentions as every feature counts them, on the bundled atlas and data/names.yaml. */
  function counted(text: string, syntax: CitationSyntax = 'plain'): string[] {
    const real = realIndex();
    const rules = mentionRules(real, syntax, []);
    return documentMentions(text, real.matcher.find(text), nonProseRanges(text, syntax), rules).mentions.map((m) => `${m.modelId}:${m.text}`);
  }

  it('never shows SPHINX for "Sphinx", the documentation tool or CMU\'s recogniser, cited or not', function () {
    this.timeout(60_000); // reads data/models
    assert.deepStrictEqual(counted('Docs are built with Sphinx [12], Sphinx (Brandl, 2008) and the Sphinx theme; CMU Sphinx and Sphinx-4 too.'), []);
    assert.deepStrictEqual(counted('Docs use Sphinx [@sphinxdoc].', 'pandoc'), []);
    assert.deepStrictEqual(counted('We compare with SPHINX, SPHINX-1K and Long-SPHINX.'), ['sphinx:SPHINX', 'sphinx:SPHINX-1K', 'sphinx:Long-SPHINX']);
  });

  it('shows no card for releases the atlas does not hold: SPHINX-V2, SPHINX-X, Pixtral Large and its checkpoints', function () {
    this.timeout(60_000);
    assert.deepStrictEqual(counted('SPHINX-V2, SPHINX-v2-1k, SPHINX-X and SPHINX-MoE.'), []);
    assert.deepStrictEqual(counted('Pixtral Large, Pixtral-Large, Pixtral-Large-Instruct-2411 and Pixtral-Large-2411 beside Pixtral-12B-2409.'), ['pixtral-12b:Pixtral-12B-2409']);
  });

  it('finds under the cursor what the full scan finds in a long chained checkpoint (fast-check counterexample)', function () {
    this.timeout(60_000);
    const real = realIndex();
    const text = 'SmolVLM2-500M-Video-InstructOvis-Clip-Llama3-8Bcogvlm2-llama3-chat-19B';
    const found = real.matcher.find(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const expected = found.find((m) => m.start <= offset && offset <= m.end);
      assert.deepStrictEqual(real.matcher.findAt(text, offset, 0, text.length), expected, `offset ${offset}`);
    }
  });
});
