import * as assert from 'assert';
import type { Architecture } from '../../src/core/atlas/atlas';
import { architectureSvg, layoutArchitecture, type Rect } from '../../src/core/diagram/architectureSvg';
import { realModels } from '../support/realAtlas';

const LABELS = { frozen: 'frozen', trained: 'trained', objectives: 'Objectives', title: 'Architecture' };

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(r: Rect, width: number, height: number): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= width && r.y + r.height <= height;
}

function assertClean(name: string, architecture: Architecture): void {
  const diagram = layoutArchitecture(architecture, LABELS);
  const rects: Array<Rect & { what: string }> = [
    ...diagram.boxes.map((b) => ({ ...b, what: `box ${b.id}` })),
    ...diagram.labels.map((l) => ({ ...l, what: `label "${l.text}"` })),
    { ...diagram.footer, what: 'footer' },
  ];
  assert.strictEqual(diagram.boxes.length, architecture.components.length, `${name}: one box per component`);
  for (const r of rects) {
    assert.ok(inside(r, diagram.width, diagram.height), `${name}: ${r.what} is clipped by the ${diagram.width}×${diagram.height} canvas`);
  }
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      assert.ok(!intersects(rects[i], rects[j]), `${name}: ${rects[i].what} overlaps ${rects[j].what}`);
    }
  }
}

const blip2Like: Architecture = {
  type: 'frozen-llm-adapter',
  summary: 'frozen ViT → Q-Former → frozen LLM',
  components: [
    { id: 'image', name: 'Image', role: 'input', trainable: false },
    { id: 'vit', name: 'ViT-g/14 image encoder', role: 'vision-encoder', trainable: false, note: 'EVA-CLIP' },
    { id: 'qformer', name: 'Q-Former <queries> & "more"', role: 'connector', trainable: true },
    { id: 'llm', name: 'OPT / FlanT5 LLM', role: 'language-model', trainable: false },
  ],
  connections: [
    { from: 'image', to: 'vit' },
    { from: 'vit', to: 'qformer', label: 'cross-attention' },
    { from: 'qformer', to: 'llm', label: 'soft visual prompts' },
    { from: 'image', to: 'llm', label: 'a long skip connection' },
  ],
  objectives: ['ITC', 'ITM', 'LM'],
};

describe('architecture diagram', () => {
  it('lays components out left to right along the connections', () => {
    const diagram = layoutArchitecture(blip2Like, LABELS);
    const x = (id: string) => diagram.boxes.find((b) => b.id === id)?.x ?? NaN;
    assert.ok(x('image') < x('vit') && x('vit') < x('qformer') && x('qformer') < x('llm'));
  });

  it('marks frozen components, but never inputs or outputs', () => {
    const diagram = layoutArchitecture(blip2Like, LABELS);
    assert.deepStrictEqual(diagram.boxes.filter((b) => b.frozen).map((b) => b.id), ['vit', 'llm']);
    const svg = architectureSvg(blip2Like, LABELS);
    assert.strictEqual((svg.match(/class="component role-[a-z-]+ frozen"/g) ?? []).length, 2);
    assert.match(svg, /❄ frozen/);
  });

  it('escapes dataset text and lists the objectives', () => {
    const svg = architectureSvg(blip2Like, LABELS);
    assert.ok(!svg.includes('<queries>'));
    assert.match(svg, /Q-Former &lt;queries&gt; &amp;/);
    assert.match(svg, /Objectives: ITC · ITM · LM/);
    assert.match(svg, />cross-attention</);
  });

  it('is deterministic', () => {
    assert.strictEqual(architectureSvg(blip2Like, LABELS), architectureSvg(blip2Like, LABELS));
  });

  it('survives cycles, self-loops and unknown ids', () => {
    const cyclic: Architecture = {
      ...blip2Like,
      connections: [...blip2Like.connections, { from: 'llm', to: 'vit', label: 'feedback' }, { from: 'vit', to: 'vit' }, { from: 'vit', to: 'ghost' }],
    };
    assertClean('cyclic', cyclic);
    assert.match(architectureSvg(cyclic, LABELS), /feedback/);
  });

  it('keeps wide fan-outs and long names apart', () => {
    const fan: Architecture = {
      type: 'mixture-of-experts',
      summary: 'fan',
      components: [
        { id: 'in', name: 'Input', role: 'input', trainable: false },
        ...Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, name: `Expert number ${i} with a rather long descriptive name indeed`, role: 'fusion' as const, trainable: i % 2 === 0 })),
        { id: 'out', name: 'Output', role: 'output', trainable: false },
      ],
      connections: [
        ...Array.from({ length: 6 }, (_, i) => ({ from: 'in', to: `e${i}`, label: `route ${i} tokens` })),
        ...Array.from({ length: 6 }, (_, i) => ({ from: `e${i}`, to: 'out', label: 'merge' })),
      ],
    };
    assertClean('fan', fan);
  });

  it('draws every real atlas model without overlap or clipping', () => {
    const models = realModels();
    assert.ok(models.length > 0);
    for (const model of models) {
      assertClean(model.id, model.architecture);
    }
  });
});
