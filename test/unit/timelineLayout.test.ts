// The timeline's layout: non-overlapping nodes, each at its date and inside its lane, and lineage
// arrows that start on the model and end on the model it builds on.
import * as assert from 'assert';
import type { AtlasModel } from '../../src/core/atlas/atlas';
import { facetsOf, filterModels } from '../../src/core/timeline/filter';
import type { LaidOutNode } from '../../src/core/timeline/geometry';
import { dayOf, laneKeyOf, layoutTimeline, OTHER_LANE, xOfDay, type LaneBy, type TimelineLayout } from '../../src/core/timeline/layout';
import { neighbour } from '../../src/core/timeline/navigation';
import { colourScheme, OTHER_SLOT, PALETTE_SIZE } from '../../src/core/timeline/palette';
import { toTimelineModel, type TimelineModel } from '../../src/core/timeline/timelineModel';
import { fakeModel } from '../support/fakeModel';
import { realModels } from '../support/realAtlas';

function model(id: string, date: string, overrides: Partial<AtlasModel> = {}): TimelineModel {
  return toTimelineModel(fakeModel(id, { date, ...overrides }), 'en');
}

/** A dense synthetic atlas: many models in few lanes, a few days apart, each building on earlier ones. */
function syntheticAtlas(count: number): TimelineModel[] {
  const families = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
  const orgs = ['Org A', 'Org B', 'Org C', 'Org D', 'Org E', 'Org F', 'Org G', 'Org H'];
  const models: TimelineModel[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2019, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10);
    const buildsOn = [i - 1, i - 7, i - 40].filter((j) => j >= 0 && (i + j) % 3 !== 0).map((j) => `m${j}`);
    models.push(
      model(`m${i}`, day, {
        name: `Model ${i}${'x'.repeat(i % 9)}`,
        family: families[(i * 7) % families.length],
        organizations: [orgs[(i * 5) % orgs.length]],
        kind: i % 11 === 0 ? 'vision' : 'multimodal',
        lineage: { buildsOn },
      }),
    );
  }
  return models;
}

const widthOf = (m: TimelineModel) => 20 + m.name.length * 7;

function overlaps(a: LaidOutNode, b: LaidOutNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function onBoundary(node: LaidOutNode, p: { x: number; y: number }): boolean {
  const eps = 1e-6;
  const insideX = p.x >= node.x - eps && p.x <= node.x + node.width + eps;
  const insideY = p.y >= node.y - eps && p.y <= node.y + node.height + eps;
  const onVertical = Math.abs(p.x - node.x) < eps || Math.abs(p.x - (node.x + node.width)) < eps;
  const onHorizontal = Math.abs(p.y - node.y) < eps || Math.abs(p.y - (node.y + node.height)) < eps;
  return insideX && insideY && (onVertical || onHorizontal);
}

function checkLayout(models: TimelineModel[], layout: TimelineLayout, laneBy: LaneBy): void {
  assert.strictEqual(layout.nodes.length, models.length);
  // No two nodes overlap (sweep by x so that thousands of nodes stay quick).
  const byX = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < byX.length; i++) {
    for (let j = i + 1; j < byX.length && byX[j].x < byX[i].x + byX[i].width; j++) {
      assert.ok(!overlaps(byX[i], byX[j]), `${byX[i].model.id} overlaps ${byX[j].model.id}`);
    }
  }
  // Every node sits at its date and inside its lane, and its lane is the one its family/organization names,
  // or the shared lane when no other shown model has that family/organization.
  const perKey = new Map<string, number>();
  models.forEach((m) => perKey.set(laneKeyOf(m, laneBy), (perKey.get(laneKeyOf(m, laneBy)) ?? 0) + 1));
  for (const node of layout.nodes) {
    assert.ok(Math.abs(node.x - xOfDay(layout, dayOf(node.model.date))) < 1e-9, `${node.model.id} is not at its date`);
    const lane = layout.lanes[node.lane];
    const key = laneKeyOf(node.model, laneBy);
    assert.strictEqual(lane.key, lane.key === OTHER_LANE && perKey.get(key) === 1 ? OTHER_LANE : key);
    assert.ok(node.y >= lane.y && node.y + node.height <= lane.y + lane.height, `${node.model.id} leaves its lane`);
    assert.ok(node.x >= 0 && node.x + node.width <= layout.width, `${node.model.id} is outside the axis`);
  }
  // Lanes do not overlap and stack from the top.
  layout.lanes.forEach((lane, i) => {
    assert.strictEqual(lane.y, i === 0 ? 0 : layout.lanes[i - 1].y + layout.lanes[i - 1].height);
  });
  // One arrow per lineage link between two shown models, from the model to the one it builds on.
  const shown = new Set(models.map((m) => m.id));
  const expected = models.flatMap((m) => m.buildsOn.filter((p) => shown.has(p)).map((p) => `${m.id}->${p}`)).sort();
  assert.deepStrictEqual(layout.edges.map((e) => `${e.from}->${e.to}`).sort(), expected);
  for (const edge of layout.edges) {
    const from = layout.byId.get(edge.from)!;
    const to = layout.byId.get(edge.to)!;
    assert.ok(edge.points.length >= 2);
    assert.ok(onBoundary(from, edge.points[0]), `${edge.from}->${edge.to} does not start on ${edge.from}`);
    assert.ok(onBoundary(to, edge.points[edge.points.length - 1]), `${edge.from}->${edge.to} does not end on ${edge.to}`);
    // Orthogonal segments only, so arrows stay readable where lanes are dense.
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1];
      const b = edge.points[i];
      assert.ok(Math.abs(a.x - b.x) < 1e-9 || Math.abs(a.y - b.y) < 1e-9, `${edge.from}->${edge.to} has a diagonal segment`);
    }
  }
}

describe('timeline layout', () => {
  it('places a small atlas at its dates, in lanes by family, with an arrow per lineage link', () => {
    const models = [
      model('clip', '2021-02-26', { family: 'clip', lineage: { buildsOn: [] } }),
      model('albef', '2021-07-16', { family: 'blip', lineage: { buildsOn: ['clip'] } }),
      model('blip', '2022-01-28', { family: 'blip', lineage: { buildsOn: ['albef'] } }),
      model('blip-2', '2023-01-30', { family: 'blip', lineage: { buildsOn: ['blip', 'clip', 'missing'] } }),
      model('vit', '2020-10-22', { family: 'vit', kind: 'vision', lineage: { buildsOn: [] } }),
    ];
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 0.5, nodeWidth: widthOf });
    checkLayout(models, layout, 'family');
    // ViT and CLIP are alone in their families: they share the last lane.
    assert.deepStrictEqual(
      layout.lanes.map((l) => [l.key, l.count]),
      [['blip', 3], [OTHER_LANE, 2]],
    );
    assert.ok(layout.byId.get('blip')!.x > layout.byId.get('albef')!.x);
    assert.strictEqual(layout.edges.length, 4, 'the link to an unknown model is left out');
  });

  it('packs models of the same lane that are close in time into separate rows', () => {
    const models = ['a', 'b', 'c'].map((id, i) => model(id, `2023-01-0${i + 1}`, { family: 'same', name: 'A long model name' }));
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 1, nodeWidth: widthOf });
    checkLayout(models, layout, 'family');
    assert.deepStrictEqual(layout.nodes.map((n) => n.row), [0, 1, 2]);
    assert.strictEqual(layout.lanes[0].rows, 3);
  });

  it('reuses a row once the earlier node has ended', () => {
    const models = [model('a', '2020-01-01', { family: 'f' }), model('b', '2021-01-01', { family: 'f' })];
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 1, nodeWidth: () => 50 });
    assert.deepStrictEqual(layout.nodes.map((n) => n.row), [0, 0]);
  });

  for (const laneBy of ['family', 'organization'] as const) {
    for (const pixelsPerDay of [0.05, 0.4, 3]) {
      it(`keeps 2,000 dense models apart in lanes by ${laneBy} at ${pixelsPerDay} px/day`, () => {
        const models = syntheticAtlas(2000);
        const layout = layoutTimeline(models, { laneBy, pixelsPerDay, nodeWidth: widthOf });
        checkLayout(models, layout, laneBy);
      });
    }
  }

  it('routes arrows between models in the same row, in different rows and in different lanes', () => {
    const models = [
      model('p', '2022-01-01', { family: 'f', name: 'Parent with a long name' }),
      model('c1', '2022-01-03', { family: 'f', lineage: { buildsOn: ['p'] } }),
      model('c2', '2022-06-01', { family: 'f', lineage: { buildsOn: ['p'] } }),
      model('c3', '2022-01-02', { family: 'g', lineage: { buildsOn: ['p', 'c1'] } }),
      model('late', '2021-01-01', { family: 'h', lineage: { buildsOn: ['c2'] } }),
    ];
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 1, nodeWidth: widthOf });
    checkLayout(models, layout, 'family');
  });

  it('lays out the real atlas without overlaps', function () {
    const real = realModels();
    if (real.length === 0) {
      this.skip();
    }
    const models = real.map((m) => toTimelineModel(m, 'en'));
    for (const laneBy of ['family', 'organization'] as const) {
      checkLayout(models, layoutTimeline(models, { laneBy, pixelsPerDay: 0.6, nodeWidth: widthOf }), laneBy);
    }
  });

  it('routes, for a viewport, every arrow that passes through it', () => {
    const models = syntheticAtlas(600);
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 2, nodeWidth: widthOf });
    const all = layout.edges;
    for (const box of [
      { left: 0, right: 900, top: 0, bottom: 500 },
      { left: 1500, right: 2400, top: 200, bottom: 700 },
      { left: layout.width - 800, right: layout.width, top: layout.height - 400, bottom: layout.height },
    ]) {
      const crossing = all.filter((edge) => edge.points.some((p, i) => i > 0 && segmentMeetsBox(edge.points[i - 1], p, box)));
      const within = new Set(layout.edgesWithin(box));
      assert.ok(crossing.length > 0, 'the box crosses some arrows');
      crossing.forEach((edge) => assert.ok(within.has(edge), `${edge.from}->${edge.to} crosses the box but was not routed for it`));
      assert.ok(within.size < all.length, 'a viewport routes fewer than all arrows');
    }
  });

  it('keeps a lone model in its own lane when it is the only one alone', () => {
    const models = [model('a', '2020-01-01', { family: 'f' }), model('b', '2021-01-01', { family: 'f' }), model('c', '2021-06-01', { family: 'g' })];
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 1, nodeWidth: widthOf });
    assert.deepStrictEqual(layout.lanes.map((l) => l.key), ['f', 'g']);
  });

  it('draws a collapsed lane as marks: narrow nodes, fewer rows, the other lanes unchanged', () => {
    const models = syntheticAtlas(300);
    const open = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 0.4, nodeWidth: widthOf });
    const collapsed = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 0.4, nodeWidth: widthOf, collapsed: new Set(['alpha']), markWidth: 12 });
    checkLayout(models, collapsed, 'family');
    const alpha = (l: TimelineLayout) => l.lanes.find((lane) => lane.key === 'alpha')!;
    assert.ok(alpha(collapsed).collapsed && !alpha(open).collapsed);
    assert.ok(alpha(collapsed).rows < alpha(open).rows, `${alpha(collapsed).rows} rows collapsed, ${alpha(open).rows} open`);
    for (const node of collapsed.nodes) {
      const inAlpha = node.model.family === 'alpha';
      assert.strictEqual(node.compact === true, inAlpha, node.model.id);
      assert.strictEqual(node.width, inAlpha ? 12 : widthOf(node.model), node.model.id);
    }
    assert.strictEqual(collapsed.edges.length, open.edges.length, 'every arrow is still drawn');
  });

  it("draws the real atlas's lineage of the new generations, and keeps its lanes few", function () {
    const real = realModels();
    const ids = new Set(real.map((m) => m.id));
    const chains = [
      ['llava', 'llava-1-5', 'llava-next', 'llava-onevision'],
      ['qwen-vl', 'qwen2-vl', 'qwen2-5-vl', 'qwen3-vl'],
      ['internvl', 'internvl-1-5', 'internvl2', 'internvl-2-5', 'internvl3', 'internvl3-5'],
      ['blip', 'blip-2', 'instructblip', 'xgen-mm'],
    ];
    if (!chains.flat().every((id) => ids.has(id))) {
      this.skip(); // the atlas of this checkout predates these generations
    }
    const models = real.map((m) => toTimelineModel(m, 'en'));
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 0.4, nodeWidth: widthOf });
    const arrows = new Set(layout.edges.map((e) => `${e.from}->${e.to}`));
    for (const chain of chains) {
      chain.slice(1).forEach((child, i) => assert.ok(arrows.has(`${child}->${chain[i]}`), `no arrow ${child} -> ${chain[i]}`));
      const lanes = new Set(chain.map((id) => layout.byId.get(id)!.lane));
      assert.strictEqual(lanes.size, 1, `${chain[0]}'s generations share a lane`);
    }
    const families = new Set(models.map((m) => m.family)).size;
    assert.ok(layout.lanes.length < families / 2, `${layout.lanes.length} lanes for ${families} families`);
    assert.strictEqual(layout.lanes[layout.lanes.length - 1].key, OTHER_LANE);
  });

  it('lays out an empty atlas', () => {
    const layout = layoutTimeline([], { laneBy: 'family', pixelsPerDay: 1, nodeWidth: widthOf });
    assert.strictEqual(layout.nodes.length, 0);
    assert.ok(layout.ticks.length > 0);
  });

  it('gives the axis a tick per month', () => {
    const layout = layoutTimeline([model('a', '2022-03-15'), model('b', '2023-03-15')], { laneBy: 'family', pixelsPerDay: 1, nodeWidth: widthOf });
    assert.deepStrictEqual(layout.ticks[0], { x: 0, year: 2022, month: 1 });
    const months = layout.ticks.map((t) => t.year * 12 + t.month);
    months.forEach((m, i) => i > 0 && assert.strictEqual(m, months[i - 1] + 1));
    assert.ok(layout.ticks.some((t) => t.year === 2023 && t.month === 3));
  });
});

describe('timeline filters, colours and keyboard navigation', () => {
  const models = syntheticAtlas(60);

  it('filters by organization, family, type, kind, years and text', () => {
    const orgA = filterModels(models, { organization: 'org-a' });
    assert.ok(orgA.length > 0 && orgA.every((m) => m.organizations.includes('Org A') && m.organizationIds[0] === 'org-a'));
    assert.ok(filterModels(models, { family: 'beta' }).every((m) => m.family === 'beta'));
    assert.deepStrictEqual(filterModels(models, { kind: 'vision' }).map((m) => m.id), models.filter((m) => m.kind === 'vision').map((m) => m.id));
    assert.deepStrictEqual(filterModels(models, { text: 'model 12x' }).map((m) => m.id), ['m12']);
    assert.ok(filterModels(models, { fromYear: 2019, toYear: 2019 }).every((m) => m.date.startsWith('2019')));
    assert.strictEqual(filterModels(models, { kind: 'all' }).length, 60);
    assert.deepStrictEqual(facetsOf(models).families, ['alpha', 'beta', 'delta', 'epsilon', 'gamma']);
  });

  it('gives the most frequent organizations their own colour and the rest the shared one', () => {
    const scheme = colourScheme(models, 'organization', 'Other');
    assert.strictEqual(scheme.legend.length, PALETTE_SIZE + 1);
    assert.strictEqual(scheme.legend[PALETTE_SIZE].slot, OTHER_SLOT);
    const slots = new Set(models.map((m) => scheme.slotOf(m)));
    assert.ok(slots.has(OTHER_SLOT) && slots.has(0) && slots.has(PALETTE_SIZE - 1));
    const byType = colourScheme([model('v', '2020-01-01', { kind: 'vision' })], 'architecture', 'Other');
    assert.deepStrictEqual(byType.legend.map((e) => e.label), ['fusion-encoder']);
  });

  it('colours and lanes by canonical organisation: VLMo and VL-BEiT (Microsoft), Flamingo and PaLI (Google) alike', () => {
    const spelled = [
      model('vlmo', '2021-11-03', { organizations: ['Microsoft', 'Harbin Institute of Technology'] }),
      model('vl-beit', '2022-06-02', { organizations: ['Microsoft Research'] }),
      model('flamingo', '2022-04-29', { organizations: ['DeepMind'] }),
      model('pali', '2022-09-14', { organizations: ['Google Research'] }),
    ];
    const scheme = colourScheme(spelled, 'organization', 'Other');
    assert.strictEqual(scheme.slotOf(spelled[0]), scheme.slotOf(spelled[1]));
    assert.strictEqual(scheme.slotOf(spelled[2]), scheme.slotOf(spelled[3]));
    assert.notStrictEqual(scheme.slotOf(spelled[0]), scheme.slotOf(spelled[2]));
    assert.deepStrictEqual(scheme.legend.map((e) => e.label).sort(), ['google', 'microsoft']);
    const layout = layoutTimeline(spelled, { laneBy: 'organization', pixelsPerDay: 0.5, nodeWidth: widthOf });
    assert.deepStrictEqual(layout.lanes.map((l) => l.key), ['microsoft', 'google']);
    assert.deepStrictEqual(facetsOf(spelled).organizations, ['google', 'hit', 'microsoft']);
    assert.deepStrictEqual(filterModels(spelled, { organization: 'google' }).map((m) => m.id), ['flamingo', 'pali']);
  });

  it('moves along a lane with left/right and across rows with up/down', () => {
    const layout = layoutTimeline(models, { laneBy: 'family', pixelsPerDay: 0.5, nodeWidth: widthOf });
    const first = neighbour(layout, undefined, 'first')!;
    assert.strictEqual(first.model.id, 'm0');
    const right = neighbour(layout, first.model.id, 'right')!;
    assert.strictEqual(right.lane, first.lane);
    assert.ok(right.x >= first.x);
    assert.strictEqual(neighbour(layout, right.model.id, 'left')!.model.id, first.model.id);
    const down = neighbour(layout, first.model.id, 'down')!;
    assert.ok(down.y > first.y);
    const top = layout.nodes.reduce((a, b) => (b.y < a.y ? b : a));
    assert.strictEqual(neighbour(layout, top.model.id, 'up'), undefined);
    assert.strictEqual(neighbour(layout, 'm0', 'last')!.x, Math.max(...layout.nodes.map((n) => n.x)));
  });
});

/** Whether an axis-parallel segment (arrows run horizontally or vertically) meets the box. */
function segmentMeetsBox(a: { x: number; y: number }, b: { x: number; y: number }, box: { left: number; right: number; top: number; bottom: number }): boolean {
  return Math.max(a.x, b.x) >= box.left && Math.min(a.x, b.x) <= box.right && Math.max(a.y, b.y) >= box.top && Math.min(a.y, b.y) <= box.bottom;
}
