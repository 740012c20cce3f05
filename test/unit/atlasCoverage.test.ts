// Issue 17, point 1: every name the atlas issue asks for is in the atlas (by its name or an alias), or
// data/README.md says under "Left out" why it is not.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { realIndex, repoRoot } from '../support/realAtlas';

/** The names as the issue writes them; where it gives two spellings, either finds the model. */
const ASKED: Record<string, string[][]> = {
  '2023': [
    ['GPT-4'], ['GPT-4V', 'GPT-4V(ision)'], ['Gemini'], ['SigLIP'], ['EVA-CLIP'], ['Chinese-CLIP'], ['Florence-2'], ['Kosmos-2.5'],
    ['MiniGPT-v2'], ['ShareGPT4V'], ['SPHINX'], ['Ferret'], ['CogAgent'], ['Emu2'], ['VILA'], ['Video-LLaMA'], ['Video-ChatGPT'],
    ['VideoChat'], ['Video-LLaVA'], ['NExT-GPT'], ['SEED-LLaMA'], ['DreamLLM'], ['mPLUG-DocOwl'], ['LLaVA-Med'],
  ],
  '2024': [
    ['LLaVA-NeXT', 'LLaVA-1.6'], ['LLaVA-OneVision'], ['LLaVA-Video'], ['InternVL 1.5'], ['InternVL2'], ['InternVL 2.5'], ['Qwen2-VL'],
    ['MiniCPM-V'], ['DeepSeek-VL'], ['DeepSeek-VL2'], ['Idefics2'], ['Idefics3'], ['PaliGemma'], ['PaliGemma 2'], ['Chameleon'], ['Molmo'],
    ['Cambrian-1'], ['NVLM'], ['Pixtral 12B'], ['Llama 3.2 Vision'], ['Phi-3-vision'], ['CogVLM2'], ['Emu3'], ['Janus'], ['Show-o'],
    ['Transfusion'], ['Eagle'], ['Mini-Gemini'], ['Ovis'], ['Aria'], ['xGen-MM', 'BLIP-3'], ['MM1'], ['MM1.5'], ['GPT-4o'], ['Gemini 1.5'],
    ['Claude 3'], ['InternLM-XComposer2'], ['TinyLLaVA'], ['MoE-LLaVA'], ['LLaVA-UHD'], ['TextMonkey'], ['mPLUG-Owl3'], ['mPLUG-DocOwl 1.5'],
    ['NVILA'], ['InternVideo2'], ['LongVA'], ['Vary'],
  ],
  '2025–2026': [
    ['Qwen2.5-VL'], ['Qwen2.5-Omni'], ['Qwen3-VL'], ['InternVL3'], ['InternVL3.5'], ['Kimi-VL'], ['Gemma 3'], ['Llama 4'], ['Seed1.5-VL'],
    ['GLM-4.1V-Thinking', 'GLM-4.5V'], ['MiMo-VL'], ['Phi-4-multimodal'], ['SmolVLM'], ['Janus-Pro'], ['Gemini 2.5'], ['SigLIP 2'], ['Eagle 2'],
    ['PerceptionLM'], ['BAGEL'], ['BLIP3-o'], ['LLaVA-OneVision-1.5'], ['VideoLLaMA 3'],
  ],
};

/** The names data/README.md lists under "Left out", as its bold lead-ins write them. */
function leftOut(): string[] {
  const readme = fs.readFileSync(path.join(repoRoot, 'data', 'README.md'), 'utf8');
  const section = readme.split(/^## Left out\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]);
}

describe('atlas coverage of the issue 17 list', () => {
  it('finds every name asked for in the atlas, or its reason under "Left out" in data/README.md', function () {
    this.timeout(60_000); // reads data/models
    const atlas = realIndex();
    const explained = leftOut();
    const missing = Object.entries(ASKED).flatMap(([year, names]) =>
      names.filter((spellings) => !spellings.some((s) => atlas.lookup(s) || explained.includes(s))).map((spellings) => `${year}: ${spellings.join(' / ')}`),
    );
    assert.deepStrictEqual(missing, [], 'neither in the atlas nor under "Left out"');
  });

  it('holds at least 200 models', function () {
    this.timeout(60_000);
    assert.ok(realIndex().size >= 200, `the atlas holds ${realIndex().size} models`);
  });

  it('lists under "Left out" only names the atlas does not hold', function () {
    this.timeout(60_000);
    const atlas = realIndex();
    assert.deepStrictEqual(leftOut().filter((name) => atlas.lookup(name)), []);
  });
});
