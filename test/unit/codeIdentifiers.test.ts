import * as assert from 'assert';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import { codeModelAt } from '../../src/core/code/codeHover';
import { proseRangesInCode, type CodeLanguage } from '../../src/core/code/codeProse';
import { identifierAt, modelOfIdentifier } from '../../src/core/code/recordedIdentifiers';
import { hoverModelAt } from '../../src/core/citations/hoverLookup';
import { fakeModel } from '../support/fakeModel';
import { realIndex } from '../support/realAtlas';

const atlas = new AtlasIndex([
  fakeModel('blip-2', { name: 'BLIP-2', checkpoints: { huggingface: ['Salesforce/blip2-opt-2.7b'], transformers: ['Blip2ForConditionalGeneration', 'AutoModelForVision2Seq'] } }),
  fakeModel('pali', { name: 'PaLI-X', date: '2022-09-01', checkpoints: { transformers: ['PaliModel'] } }),
  fakeModel('pali-2', { name: 'PaLI-Y', date: '2024-01-01', checkpoints: { transformers: ['PaliModel'] } }),
  fakeModel('clip', { name: 'CLIP' }),
]);

/** The model a hover in code at the "|" of `marked` shows, or undefined. */
function hoverIn(marked: string, language: CodeLanguage): string | undefined {
  const text = marked.replace('|', '');
  const at = marked.indexOf('|');
  const lineOffset = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  return codeModelAt({ lineText: text.slice(lineOffset, lineEnd), line: 0, character: at - lineOffset, lineOffset, prose: proseRangesInCode(text, language), atlas })?.model.id;
}

describe('recorded identifiers in code', () => {
  it('finds checkpoint ids in strings, paths and URLs, only as recorded', () => {
    assert.strictEqual(hoverIn('m = from_pretrained("Salesforce/blip|2-opt-2.7b")', 'python'), 'blip-2');
    assert.strictEqual(hoverIn('base_model: Salesforce/blip2-opt-2.7b|', 'yaml'), 'blip-2');
    assert.strictEqual(hoverIn('url = "https://huggingface.co/Sales|force/blip2-opt-2.7b/tree/main"', 'toml'), 'blip-2');
    assert.strictEqual(hoverIn('{"model": "Salesforce/blip2-opt-6.7|b"}', 'json'), undefined, 'an id the atlas does not record');
    assert.strictEqual(hoverIn('m = "salesforce/blip2-opt-2.7|b"', 'python'), undefined, 'not as recorded');
    assert.strictEqual(hoverIn('see Salesforce/blip2-opt-2.7b|.', 'yaml'), 'blip-2', "the sentence's full stop is not part of it");
  });

  it('finds whole class names, never generic Auto classes or parts of longer names', () => {
    assert.strictEqual(hoverIn('model = Blip2For|ConditionalGeneration.from_pretrained(x)', 'python'), 'blip-2');
    assert.strictEqual(hoverIn('model = MyBlip2For|ConditionalGeneration()', 'python'), undefined);
    assert.strictEqual(hoverIn('model = AutoModelFor|Vision2Seq()', 'python'), undefined);
    assert.strictEqual(modelOfIdentifier(atlas, 'PaliModel')?.id, 'pali', 'a class several models record names the oldest');
    assert.deepStrictEqual(identifierAt(atlas, 'x = Blip2ForConditionalGeneration', 6), { modelId: 'blip-2', kind: 'class', start: 4, end: 33 });
  });

  it('reads model names in comments and docstrings only', () => {
    assert.strictEqual(hoverIn('clip = load()  # as in CL|IP', 'python'), 'clip');
    assert.strictEqual(hoverIn('CL|IP = load()', 'python'), undefined, 'a variable is not a mention');
    assert.strictEqual(hoverIn('def f():\n    """Fine-tunes CL|IP."""\n', 'python'), 'clip');
    assert.strictEqual(hoverIn('x = "CL|IP"', 'python'), undefined, 'a string in an expression is not a docstring');
    assert.strictEqual(hoverIn('name: CL|IP  # the model', 'yaml'), undefined);
    assert.strictEqual(hoverIn('name: x  # the CL|IP model', 'yaml'), 'clip');
    assert.strictEqual(hoverIn('// CL|IP here\n{"a": 1}', 'jsonc'), 'clip');
    assert.strictEqual(hoverIn('{"a": "CL|IP"}', 'json'), undefined);
  });

  it('finds comments and docstrings as Python, YAML and TOML write them', () => {
    const python = 'x = "# not a comment"  # a comment\ny = f("""not a docstring""")\n"""a docstring"""\n    r\'\'\'indented raw\'\'\'\n';
    assert.deepStrictEqual(
      proseRangesInCode(python, 'python').map((r) => python.slice(r.start, r.end)),
      ['# a comment', 'a docstring', 'indented raw'],
    );
    const yaml = 'a: "# quoted" # real\nb: |\n  # inside a block\nc: 1 # after\n';
    assert.deepStrictEqual(proseRangesInCode(yaml, 'yaml').map((r) => yaml.slice(r.start, r.end)), ['# real', '# after']);
    const toml = 'a = "# no" # yes\nb = """\n# no\n"""\n';
    assert.deepStrictEqual(proseRangesInCode(toml, 'toml').map((r) => toml.slice(r.start, r.end)), ['# yes']);
  });

  it('hovers recorded identifiers in prose documents too, code blocks included', async () => {
    const line = 'Load `Blip2ForConditionalGeneration` first.';
    const hit = await hoverModelAt({
      lines: { lineCount: 1, lineText: () => line },
      line: 0,
      character: 12,
      offset: 12,
      syntax: 'pandoc',
      nonProse: [{ start: 5, end: 36 }],
      atlas,
      bibliographies: async () => [],
      supportedModels: async () => new Set(),
    });
    assert.strictEqual(hit?.model.id, 'blip-2');
  });

  it('shows no card in prose for a checkpoint id at the end of a link or URL, as for any name in one; code keeps it', async () => {
    const hoverAt = async (line: string, marker: string, nonProse: Array<{ start: number; end: number }>) => {
      const character = line.indexOf(marker) + 3;
      const lines = { lineCount: 1, lineText: () => line };
      const hit = await hoverModelAt({ lines, line: 0, character, offset: character, syntax: 'pandoc', nonProse, atlas, bibliographies: async () => [], supportedModels: async () => new Set() });
      return hit?.model.id;
    };
    const linked = '[![HF](https://img.shields.io/badge/x.svg)](https://huggingface.co/Salesforce/blip2-opt-2.7b)';
    assert.strictEqual(await hoverAt(linked, 'blip2-opt', [{ start: 4, end: linked.length }]), undefined);
    const bare = 'Weights: huggingface.co/Salesforce/blip2-opt-2.7b';
    assert.strictEqual(await hoverAt(bare, 'blip2-opt', [{ start: 9, end: bare.length }]), undefined);
    const code = 'Load `Salesforce/blip2-opt-2.7b` first.';
    assert.strictEqual(await hoverAt(code, 'blip2-opt', [{ start: 5, end: 32 }]), 'blip-2', 'the id itself, in a code span');
    assert.strictEqual(identifierAt(atlas, linked, linked.indexOf('blip2-opt'))?.inUrl, true);
    assert.strictEqual(hoverIn('url = "https://huggingface.co/Sales|force/blip2-opt-2.7b/tree/main"', 'toml'), 'blip-2', 'in code');
  });

  it('knows the real atlas checkpoints of the issue', () => {
    const real = realIndex();
    assert.strictEqual(modelOfIdentifier(real, 'Qwen/Qwen2.5-VL-7B-Instruct')?.name, 'Qwen2.5-VL');
    assert.strictEqual(modelOfIdentifier(real, 'llava-hf/llava-1.5-7b-hf')?.id, 'llava-1-5');
    assert.strictEqual(modelOfIdentifier(real, 'Salesforce/blip2-opt-2.7b')?.id, 'blip-2');
    assert.strictEqual(modelOfIdentifier(real, 'Blip2ForConditionalGeneration')?.id, 'blip-2');
    assert.strictEqual(modelOfIdentifier(real, 'Qwen2_5_VLForConditionalGeneration')?.name, 'Qwen2.5-VL');
    assert.strictEqual(modelOfIdentifier(real, 'AutoModelForCausalLM'), undefined);
  });
});
