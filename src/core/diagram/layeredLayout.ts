// A small deterministic layered (Sugiyama-style) layout, left to right: cycles broken, longest-path layers,
// long edges through reserved slots, layers ordered by barycentres.

export interface LayoutInput {
  nodes: Array<{ id: string; height: number }>;
  edges: Array<{ from: string; to: string }>;
  columnWidth: number;
  columnGap: number;
  rowGap: number;
}

export interface PlacedNode {
  id: string;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoutedEdge {
  /** Index into LayoutInput.edges. */
  index: number;
  /** Points from the source's side to the target's side, through the slots of crossed layers. */
  points: Array<{ x: number; y: number }>;
  /** True when the edge was drawn against the flow to break a cycle. */
  reversed: boolean;
}

export interface LayeredLayout {
  nodes: PlacedNode[];
  edges: RoutedEdge[];
  layerCount: number;
  /** Bounding box of the nodes (edges stay inside it). */
  width: number;
  height: number;
}

/** Height reserved for a long edge passing through a layer. */
const SLOT_HEIGHT = 6;
const SWEEPS = 4;

interface Slot {
  key: string;
  height: number;
  /** A real node's id, or undefined for a long edge's slot. */
  nodeId?: string;
}

function breakCycles(ids: string[], edges: LayoutInput['edges']): boolean[] {
  const out = new Map<string, number[]>(ids.map((id) => [id, []]));
  edges.forEach((e, i) => out.get(e.from)?.push(i));
  const state = new Map<string, 'open' | 'done'>();
  const reversed = edges.map(() => false);
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const i of out.get(id) ?? []) {
      const next = edges[i].to;
      if (state.get(next) === 'open') {
        reversed[i] = true;
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    state.set(id, 'done');
  };
  ids.forEach((id) => state.has(id) || visit(id));
  return reversed;
}

function longestPathLayers(ids: string[], arcs: Array<{ from: string; to: string }>): Map<string, number> {
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  // Relaxing |V| times is enough on an acyclic graph and keeps this simple for a dozen boxes.
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const arc of arcs) {
      const next = (layer.get(arc.from) ?? 0) + 1;
      if (next > (layer.get(arc.to) ?? 0)) {
        layer.set(arc.to, next);
        changed = true;
      }
    }
    if (!changed) {
      break;
    }
  }
  return layer;
}

function barycentreOrder(layers: Slot[][], neighbours: Map<string, string[]>, reference: (key: string) => number | undefined, layerIndex: number): void {
  const slots = layers[layerIndex];
  const keyed = slots.map((slot, index) => {
    const positions = (neighbours.get(slot.key) ?? []).map(reference).filter((p): p is number => p !== undefined);
    const centre = positions.length > 0 ? positions.reduce((a, b) => a + b, 0) / positions.length : index;
    return { slot, centre, index };
  });
  keyed.sort((a, b) => a.centre - b.centre || a.index - b.index);
  layers[layerIndex] = keyed.map((k) => k.slot);
}

export function layeredLayout(input: LayoutInput): LayeredLayout {
  const ids = input.nodes.map((n) => n.id);
  const known = new Set(ids);
  const edges = input.edges.map((e, index) => ({ ...e, index })).filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to);
  const reversedAt = breakCycles(ids, edges);
  const arcs = edges.map((e, i) => (reversedAt[i] ? { from: e.to, to: e.from } : { from: e.from, to: e.to }));
  const layerOf = longestPathLayers(ids, arcs);
  const layerCount = Math.max(0, ...layerOf.values()) + 1;

  // Each arc becomes a chain of slot keys, one per layer it spans.
  const layers: Slot[][] = Array.from({ length: layerCount }, () => []);
  for (const node of input.nodes) {
    layers[layerOf.get(node.id) ?? 0].push({ key: node.id, height: node.height, nodeId: node.id });
  }
  const down = new Map<string, string[]>();
  const up = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    down.set(a, [...(down.get(a) ?? []), b]);
    up.set(b, [...(up.get(b) ?? []), a]);
  };
  const chains = arcs.map((arc, i) => {
    const from = layerOf.get(arc.from) ?? 0;
    const to = layerOf.get(arc.to) ?? 0;
    const chain = [arc.from];
    for (let l = from + 1; l < to; l++) {
      const key = `\u0000edge${i}@${l}`;
      layers[l].push({ key, height: SLOT_HEIGHT });
      chain.push(key);
    }
    chain.push(arc.to);
    for (let k = 0; k + 1 < chain.length; k++) {
      link(chain[k], chain[k + 1]);
    }
    return chain;
  });

  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const position = new Map<string, number>();
    layers.forEach((slots) => slots.forEach((s, i) => position.set(s.key, i)));
    const at = (key: string) => position.get(key);
    if (sweep % 2 === 0) {
      for (let l = 1; l < layerCount; l++) {
        barycentreOrder(layers, up, at, l);
        layers[l].forEach((s, i) => position.set(s.key, i));
      }
    } else {
      for (let l = layerCount - 2; l >= 0; l--) {
        barycentreOrder(layers, down, at, l);
        layers[l].forEach((s, i) => position.set(s.key, i));
      }
    }
  }

  // Vertical placement: each slot aims at the mean centre of its predecessors, pushed down to avoid
  // overlap, then the whole column shifts back so that on average it sits where it aimed.
  const centre = new Map<string, number>();
  const top = new Map<string, number>();
  for (let l = 0; l < layerCount; l++) {
    let bottom = -Infinity;
    const aims: number[] = [];
    for (const slot of layers[l]) {
      const preds = (up.get(slot.key) ?? []).map((k) => centre.get(k)).filter((c): c is number => c !== undefined);
      const aim = preds.length > 0 ? preds.reduce((a, b) => a + b, 0) / preds.length - slot.height / 2 : Math.max(0, bottom + input.rowGap);
      const y = Math.max(aim, bottom === -Infinity ? aim : bottom + input.rowGap);
      top.set(slot.key, y);
      aims.push(y - aim);
      bottom = y + slot.height;
    }
    const shift = aims.length > 0 ? aims.reduce((a, b) => a + b, 0) / aims.length : 0;
    for (const slot of layers[l]) {
      const y = (top.get(slot.key) ?? 0) - shift;
      top.set(slot.key, y);
      centre.set(slot.key, y + slot.height / 2);
    }
  }
  const minTop = Math.min(0, ...top.values());
  const xOf = (l: number) => l * (input.columnWidth + input.columnGap);
  const nodes: PlacedNode[] = input.nodes.map((n) => {
    const layer = layerOf.get(n.id) ?? 0;
    return { id: n.id, layer, x: xOf(layer), y: (top.get(n.id) ?? 0) - minTop, width: input.columnWidth, height: n.height };
  });
  const yOf = (key: string) => (centre.get(key) ?? 0) - minTop;
  const routed: RoutedEdge[] = chains.map((chain, i) => {
    const points: Array<{ x: number; y: number }> = [];
    chain.forEach((key, k) => {
      const l = (layerOf.get(arcs[i].from) ?? 0) + k;
      const y = yOf(key);
      if (k === 0) {
        points.push({ x: xOf(l) + input.columnWidth, y });
      } else if (k === chain.length - 1) {
        points.push({ x: xOf(l), y });
      } else {
        points.push({ x: xOf(l), y }, { x: xOf(l) + input.columnWidth, y });
      }
    });
    return { index: edges[i].index, points: reversedAt[i] ? points.reverse() : points, reversed: reversedAt[i] };
  });
  const height = Math.max(0, ...nodes.map((n) => n.y + n.height), ...[...centre.values()].map((c) => c - minTop + SLOT_HEIGHT / 2));
  const width = layerCount > 0 ? xOf(layerCount - 1) + input.columnWidth : 0;
  return { nodes, edges: routed, layerCount, width, height };
}
