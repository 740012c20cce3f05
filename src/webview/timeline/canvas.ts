// The timeline's SVG renderer: lanes, month grid, lineage arrows, nodes, sticky axis and lane labels; only
// what lies near the viewport is in the DOM, so a large atlas stays cheap.
import type { Box, LaidOutNode, LineageEdge } from '../../core/timeline/geometry';
import type { TimelineLayout } from '../../core/timeline/layout';
import { slotClass, type ColourScheme } from '../../core/timeline/palette';
import { clear, format, svg } from './dom';
import type { ArrowsShown, TimelineLabels } from './protocol';

export const LABEL_COLUMN = 168;
export const AXIS_HEIGHT = 40;
/** Below this many nodes everything is rendered, so screen readers and tests see every node. */
const CULL_THRESHOLD = 400;
const OVERSCAN = 120;

export interface CanvasFrame {
  layout: TimelineLayout;
  scheme: ColourScheme;
  labels: TimelineLabels;
  scrollX: number;
  scrollY: number;
  selectedId?: string;
  focusId?: string;
  hoverId?: string;
  laneLabel: (key: string) => string;
  monthName: (month: number) => string;
  /** Render every node, not only those near the viewport (an export of the whole chart). */
  whole?: boolean;
  arrows: ArrowsShown;
}

export class TimelineCanvas {
  readonly svg: SVGSVGElement;
  private readonly background = svg('rect', { class: 'canvas-bg', x: 0, y: 0 });
  private readonly content = svg('g', { class: 'content' });
  private readonly bands = svg('g', { class: 'bands' });
  private readonly grid = svg('g', { class: 'grid' });
  private readonly edges = svg('g', { class: 'edges' });
  private readonly nodeLayer = svg('g', { class: 'nodes' });
  private readonly laneColumnBg = svg('rect', { class: 'lane-column-bg', x: 0, width: LABEL_COLUMN });
  private readonly laneLabels = svg('g', { class: 'lane-labels' });
  private readonly axisBg = svg('rect', { class: 'axis-bg', x: 0, y: 0, height: AXIS_HEIGHT });
  private readonly axis = svg('g', { class: 'axis' });
  private readonly corner = svg('rect', { class: 'corner-bg', x: 0, y: 0, width: LABEL_COLUMN, height: AXIS_HEIGHT });
  // All arrows in four paths (lines and heads, plain and highlighted) rather than one element each:
  // with thousands of links this keeps the DOM and each zoom step small.
  private readonly plainEdges = svg('path', { class: 'edge' });
  private readonly plainHeads = svg('path', { class: 'arrow-head' });
  private readonly litEdges = svg('path', { class: 'edge edge-hl' });
  private readonly litHeads = svg('path', { class: 'arrow-head arrow-head-hl' });
  private readonly focusRing = svg('rect', { class: 'focus-ring', rx: 6 });
  private readonly nodeElements = new Map<string, SVGGElement>();
  /** The lane label to focus again after a render re-creates it (its lane was toggled from the keyboard). */
  private refocusLane: string | undefined;

  /** `fixedSize`: a canvas of that size (an export), rather than one that follows its element's size on screen. */
  constructor(
    host: HTMLElement,
    label: string,
    private readonly toggleLane: (key: string) => void,
    fixedSize?: { width: number; height: number },
  ) {
    this.svg = svg('svg', { class: 'timeline-canvas', tabindex: 0, role: 'group', 'aria-label': label });
    this.edges.append(this.plainEdges, this.plainHeads, this.litEdges, this.litHeads);
    this.content.append(this.bands, this.grid, this.edges, this.nodeLayer, this.focusRing);
    this.svg.append(this.background, this.content, this.laneColumnBg, this.laneLabels, this.axisBg, this.axis, this.corner);
    host.appendChild(this.svg);
    if (fixedSize) {
      this.size = fixedSize;
      return;
    }
    // Sizes come from the observer: reading clientWidth after a render's DOM changes forces a layout.
    new ResizeObserver(([entry]) => (this.size = { width: entry.contentRect.width, height: entry.contentRect.height })).observe(this.svg);
    // A lane's name is a button that collapses or expands the lane.
    const laneOf = (event: Event) => (event.target as Element | null)?.closest?.('[data-lane]')?.getAttribute('data-lane') ?? undefined;
    this.laneLabels.addEventListener('pointerdown', (e) => e.stopPropagation()); // not the start of a drag
    this.laneLabels.addEventListener('click', (e) => {
      const key = laneOf(e);
      if (key !== undefined) {
        this.toggleLane(key);
      }
    });
    this.laneLabels.addEventListener('keydown', (e) => {
      const key = laneOf(e);
      if (key !== undefined && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        e.stopPropagation();
        this.refocusLane = key;
        this.toggleLane(key);
      }
    });
  }

  private size: { width: number; height: number } | undefined;

  private get measured(): { width: number; height: number } {
    this.size ??= { width: this.svg.clientWidth, height: this.svg.clientHeight };
    return this.size;
  }

  get viewportWidth(): number {
    return Math.max(0, this.measured.width - LABEL_COLUMN);
  }

  get viewportHeight(): number {
    return Math.max(0, this.measured.height - AXIS_HEIGHT);
  }

  /** Forgets the node elements, e.g. when the atlas changed and their labels may be stale. */
  reset(): void {
    this.nodeElements.forEach((element) => element.remove());
    this.nodeElements.clear();
  }

  nodeElement(id: string): SVGGElement | undefined {
    return this.nodeElements.get(id);
  }

  render(frame: CanvasFrame): void {
    const { width, height } = this.measured;
    const { layout, scrollX, scrollY } = frame;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    setSize(this.background, width, height);
    this.laneColumnBg.setAttribute('height', String(height));
    this.axisBg.setAttribute('width', String(width));
    this.content.setAttribute('transform', `translate(${LABEL_COLUMN - scrollX},${AXIS_HEIGHT - scrollY})`);

    const cull = !frame.whole && layout.nodes.length > CULL_THRESHOLD;
    const view = {
      left: cull ? scrollX - OVERSCAN : -Infinity,
      right: cull ? scrollX + width - LABEL_COLUMN + OVERSCAN : Infinity,
      top: cull ? scrollY - OVERSCAN : -Infinity,
      bottom: cull ? scrollY + height - AXIS_HEIGHT + OVERSCAN : Infinity,
    };
    this.renderBands(frame, width, height);
    this.renderGrid(frame, view, height);
    this.renderEdges(frame, view);
    this.renderNodes(frame, view);
    this.renderAxis(frame, width);
  }

  private renderBands(frame: CanvasFrame, width: number, height: number): void {
    const { layout, scrollX, scrollY } = frame;
    clear(this.bands);
    clear(this.laneLabels);
    this.laneLabels.setAttribute('transform', `translate(0,${AXIS_HEIGHT - scrollY})`);
    layout.lanes.forEach((lane, index) => {
      if (lane.y + lane.height < scrollY || lane.y > scrollY + height) {
        return;
      }
      this.bands.appendChild(
        svg('rect', { class: index % 2 ? 'band band-odd' : 'band', x: scrollX, y: lane.y, width, height: lane.height }),
      );
      this.laneLabels.appendChild(svg('line', { class: 'lane-rule', x1: 0, x2: LABEL_COLUMN, y1: lane.y, y2: lane.y }));
      const name = frame.laneLabel(lane.key);
      const full = lane.collapsed ? format(frame.labels.collapsedLane, name, lane.count) : name;
      const button = svg('g', { class: 'lane-toggle', role: 'button', tabindex: 0, 'aria-expanded': String(!lane.collapsed), 'aria-label': full, 'data-lane': lane.key });
      button.appendChild(svg('rect', { class: 'lane-toggle-bg', x: 0, y: lane.y, width: LABEL_COLUMN, height: Math.min(lane.height, 38) }));
      const text = svg('text', { class: 'lane-label', x: 8, y: lane.y + 8 + 15 }, `${lane.collapsed ? '▸' : '▾'} ${truncate(full, 21)}`);
      text.appendChild(svg('title', {}, full));
      button.appendChild(text);
      this.laneLabels.appendChild(button);
    });
    if (this.refocusLane !== undefined) {
      (this.laneLabels.querySelector(`[data-lane="${CSS.escape(this.refocusLane)}"]`) as SVGGElement | null)?.focus();
      this.refocusLane = undefined;
    }
  }

  private renderGrid(frame: CanvasFrame, view: Box, height: number): void {
    const { layout, scrollY } = frame;
    clear(this.grid);
    const bottom = Math.max(layout.height, scrollY + height);
    for (const tick of layout.ticks) {
      if (tick.x < view.left || tick.x > view.right) {
        continue;
      }
      const cls = tick.month === 0 ? 'grid-line grid-year' : 'grid-line';
      this.grid.appendChild(svg('line', { class: cls, x1: tick.x, x2: tick.x, y1: scrollY - AXIS_HEIGHT, y2: bottom }));
    }
  }

  private renderEdges(frame: CanvasFrame, view: Box): void {
    const highlighted = new Set([frame.selectedId, frame.hoverId, frame.focusId].filter((id): id is string => Boolean(id)));
    const plain: string[] = [];
    const plainHeads: string[] = [];
    const lit: string[] = [];
    const litHeads: string[] = [];
    const { byId, lanes } = frame.layout;
    // At 200+ models the arrows between lanes (most models build on CLIP) would hide those within them.
    const quiet = (edge: LineageEdge) => {
      const from = byId.get(edge.from)!;
      return frame.arrows !== 'all' && (from.lane !== byId.get(edge.to)!.lane || lanes[from.lane].collapsed);
    };
    for (const edge of frame.layout.edgesWithin(view)) {
      const hl = highlighted.has(edge.from) || highlighted.has(edge.to);
      if (!edgeVisible(edge, view) || (!hl && quiet(edge))) {
        continue;
      }
      const [line, head] = arrowPaths(edge, hl ? 9 : 7);
      (hl ? lit : plain).push(line);
      (hl ? litHeads : plainHeads).push(head);
    }
    this.plainEdges.setAttribute('d', plain.join(''));
    this.plainEdges.setAttribute('class', highlighted.size > 0 ? 'edge edge-dim' : 'edge');
    this.plainHeads.setAttribute('d', plainHeads.join(''));
    this.plainHeads.setAttribute('class', highlighted.size > 0 ? 'arrow-head arrow-head-dim' : 'arrow-head');
    this.litEdges.setAttribute('d', lit.join(''));
    this.litHeads.setAttribute('d', litHeads.join(''));
  }

  private renderNodes(frame: CanvasFrame, view: Box): void {
    const { layout, scheme, labels } = frame;
    const keep = new Set<string>();
    const tabStop = frame.focusId ?? frame.selectedId ?? layout.nodes[0]?.model.id;
    for (const node of layout.nodes) {
      const id = node.model.id;
      const inView = node.x + node.width >= view.left && node.x <= view.right && node.y + node.height >= view.top && node.y <= view.bottom;
      if (!inView && id !== frame.focusId) {
        continue;
      }
      keep.add(id);
      let element = this.nodeElements.get(id);
      if (!element) {
        element = createNode(node, labels, layout);
        this.nodeElements.set(id, element);
        this.nodeLayer.appendChild(element);
      }
      element.setAttribute('transform', `translate(${node.x},${node.y})`);
      const classes = ['node', slotClass(scheme.slotOf(node.model))];
      if (node.compact) classes.push('compact');
      if (node.model.kind === 'vision') classes.push('vision');
      if (id === frame.selectedId) classes.push('selected');
      if (id === frame.focusId) classes.push('focused');
      element.setAttribute('class', classes.join(' '));
      element.setAttribute('tabindex', id === tabStop ? '0' : '-1');
      element.setAttribute('aria-pressed', String(id === frame.selectedId));
    }
    for (const [id, element] of this.nodeElements) {
      if (!keep.has(id)) {
        element.remove();
        this.nodeElements.delete(id);
      }
    }
    const focused = frame.focusId ? layout.byId.get(frame.focusId) : undefined;
    this.focusRing.setAttribute('visibility', focused ? 'visible' : 'hidden');
    if (focused) {
      this.focusRing.setAttribute('x', String(focused.x - 3));
      this.focusRing.setAttribute('y', String(focused.y - 3));
      this.focusRing.setAttribute('width', String(focused.width + 6));
      this.focusRing.setAttribute('height', String(focused.height + 6));
    }
  }

  private renderAxis(frame: CanvasFrame, width: number): void {
    const { layout, scrollX } = frame;
    clear(this.axis);
    const ticksGroup = svg('g', { transform: `translate(${LABEL_COLUMN - scrollX},0)` });
    const monthWidth = layout.pixelsPerDay * 30.4;
    const left = scrollX - 60;
    const right = scrollX + width;
    for (const tick of layout.ticks) {
      if (tick.x < left || tick.x > right) {
        continue;
      }
      const isYear = tick.month === 0;
      ticksGroup.appendChild(svg('line', { class: isYear ? 'tick tick-year' : 'tick', x1: tick.x, x2: tick.x, y1: isYear ? 18 : 30, y2: AXIS_HEIGHT }));
      if (isYear) {
        ticksGroup.appendChild(svg('text', { class: 'year-label', x: tick.x + 4, y: 16 }, String(tick.year)));
      }
      if (monthWidth >= 34 && !(isYear && monthWidth < 60)) {
        ticksGroup.appendChild(svg('text', { class: 'month-label', x: tick.x + 3, y: 34 }, frame.monthName(tick.month)));
      }
    }
    this.axis.appendChild(ticksGroup);
    this.axis.appendChild(svg('line', { class: 'axis-rule', x1: 0, x2: width, y1: AXIS_HEIGHT - 0.5, y2: AXIS_HEIGHT - 0.5 }));
  }
}

function createNode(node: LaidOutNode, labels: TimelineLabels, layout: TimelineLayout): SVGGElement {
  const model = node.model;
  const parents = model.buildsOn.map((id) => layout.byId.get(id)?.model.name).filter((n): n is string => Boolean(n));
  const description = [
    model.name,
    model.date,
    model.organizations.join(', '),
    model.kind === 'vision' ? labels.visionOnlyModel : '',
    parents.length ? `${labels.buildsOn} ${parents.join(', ')}` : '',
  ].filter(Boolean);
  const group = svg('g', { role: 'button', 'aria-label': description.join('; '), 'data-id': model.id });
  group.appendChild(svg('rect', { class: 'node-box', x: 0, y: 0, width: node.width, height: node.height, rx: 4 }));
  const midY = node.height / 2;
  // A collapsed lane's mark sits in its box and has no label (the hover card and the aria-label name it).
  const markX = node.compact ? node.width / 2 : 0;
  group.appendChild(
    model.kind === 'vision'
      ? svg('path', { class: 'node-mark', d: `M${markX},${midY - 5} L${markX + 5},${midY} L${markX},${midY + 5} L${markX - 5},${midY} z` })
      : svg('circle', { class: 'node-mark', cx: markX, cy: midY, r: node.compact ? 5 : 4 }),
  );
  if (!node.compact) {
    group.appendChild(svg('text', { class: 'node-label', x: 10, y: midY + 4 }, model.name));
  }
  return group;
}

function edgeVisible(edge: LineageEdge, view: Box): boolean {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of edge.points) {
    left = Math.min(left, p.x);
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
  }
  return right >= view.left && left <= view.right && bottom >= view.top && top <= view.bottom;
}

/** The arrow's line (stopping at the head's base) and its head, as path data. */
function arrowPaths(edge: LineageEdge, headLength: number): [string, string] {
  const points = edge.points;
  const tip = points[points.length - 1];
  const before = points[points.length - 2];
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const head = Math.min(headLength, length);
  const baseX = tip.x - ux * head;
  const baseY = tip.y - uy * head;
  const half = head * 0.45;
  let line = '';
  for (let i = 0; i < points.length - 1; i++) {
    line += `${i === 0 ? 'M' : 'L'}${round(points[i].x)},${round(points[i].y)}`;
  }
  line += `L${round(baseX)},${round(baseY)}`;
  const headPath =
    `M${round(tip.x)},${round(tip.y)}` +
    `L${round(baseX - uy * half)},${round(baseY + ux * half)}` +
    `L${round(baseX + uy * half)},${round(baseY - ux * half)}z`;
  return [line, headPath];
}

/** Whole pixels: a fitted view of 2,000 models draws ~5,000 arrows, and the browser parses every character of the path data. */
function round(value: number): number {
  return Math.round(value);
}

function setSize(element: SVGElement, width: number, height: number): void {
  element.setAttribute('width', String(width));
  element.setAttribute('height', String(height));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
