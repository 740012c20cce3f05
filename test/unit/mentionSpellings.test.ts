import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { versionForms } from '../../src/core/mentions/mentionSpellings';
import { fakeModel } from '../support/fakeModel';
import { realNames } from '../support/realAtlas';

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
