// An entry's architecture diagram: components in a left-to-right layered layout, frozen parts dashed,
// labelled connections, a legend and the objectives; colours from CSS classes so it follows the theme.
import type { Architecture, ArchitectureComponent } from '../atlas/atlas';
import { layeredLayout } from './layeredLayout';
import { el, serializeSvg, type SvgNode } from './svgTree';
import { textWidth, wrapText } from './textMetrics';

export interface DiagramLabels {
  frozen: string;
  trained: string;
  objectives: string;
  /** Accessible name of the whole diagram, e.g. "Architecture of BLIP-2". */
  title: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ArchitectureDiagram {
  width: number;
  height: number;
  /** Component boxes by component id, in canvas coordinates. */
  boxes: Array<Rect & { id: string; frozen: boolean }>;
  /** Connection labels' background boxes. */
  labels: Array<Rect & { text: string }>;
  /** The footer (legend and objectives). */
  footer: Rect;
  svg: SvgNode;
}

const FONT = 12;
const LINE = 15;
const LABEL_FONT = 11;
const LABEL_LINE = 13;
const BOX_WIDTH = 140;
const PAD_X = 10;
const PAD_Y = 9;
const COLUMN_GAP = 100;
const ROW_GAP = 22;
const MARGIN = 16;
const ARROW = 8;
const LABEL_PAD = 3;
const SNOWFLAKE = '\u2744';

/** Inputs and outputs are data, not weights: they are never shown as frozen or trained. */
function isData(component: ArchitectureComponent): boolean {
  return component.role === 'input' || component.role === 'output';
}

function isFrozen(component: ArchitectureComponent): boolean {
  return !isData(component) && !component.trainable;
}

interface BoxText {
  lines: string[];
  tag?: string;
  height: number;
}

function boxText(component: ArchitectureComponent, labels: DiagramLabels): BoxText {
  const lines = wrapText(component.name, BOX_WIDTH - 2 * PAD_X, FONT);
  const tag = isFrozen(component) ? `${SNOWFLAKE} ${labels.frozen}` : undefined;
  const height = 2 * PAD_Y + lines.length * LINE + (tag ? LINE : 0);
  return { lines, tag, height };
}

/** A path through the points with horizontal tangents, so it stays in the gaps between columns. */
function curve(points: Array<{ x: number; y: number }>): string {
  let d = `M${round(points[0].x)} ${round(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (Math.abs(a.y - b.y) < 0.5) {
      d += ` L${round(b.x)} ${round(b.y)}`;
    } else {
      const mid = (a.x + b.x) / 2;
      d += ` C${round(mid)} ${round(a.y)} ${round(mid)} ${round(b.y)} ${round(b.x)} ${round(b.y)}`;
    }
  }
  return d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function arrowHead(tip: { x: number; y: number }, pointsRight: boolean): string {
  const back = pointsRight ? tip.x - ARROW : tip.x + ARROW;
  return `${round(tip.x)},${round(tip.y)} ${round(back)},${round(tip.y - ARROW / 2)} ${round(back)},${round(tip.y + ARROW / 2)}`;
}

/** Pushes label boxes in one gap apart vertically, keeping their order. */
function separate(boxes: Array<Rect & { text: string; lines: string[] }>): void {
  boxes.sort((a, b) => a.y - b.y);
  for (let i = 1; i < boxes.length; i++) {
    const previous = boxes[i - 1];
    boxes[i].y = Math.max(boxes[i].y, previous.y + previous.height + 2);
  }
}

export function layoutArchitecture(architecture: Architecture, labels: DiagramLabels): ArchitectureDiagram {
  const texts = new Map(architecture.components.map((c) => [c.id, boxText(c, labels)]));
  const layout = layeredLayout({
    nodes: architecture.components.map((c) => ({ id: c.id, height: texts.get(c.id)?.height ?? 0 })),
    edges: architecture.connections,
    columnWidth: BOX_WIDTH,
    columnGap: COLUMN_GAP,
    rowGap: ROW_GAP,
  });

  // Labels sit in the gap just before the edge's head, centred on the curve there.
  const labelWidth = COLUMN_GAP - 12;
  const byGap = new Map<number, Array<Rect & { text: string; lines: string[] }>>();
  for (const edge of layout.edges) {
    const text = architecture.connections[edge.index].label?.trim();
    if (!text) {
      continue;
    }
    const a = edge.points[edge.points.length - 2];
    const b = edge.points[edge.points.length - 1];
    const lines = wrapText(text, labelWidth - 2 * LABEL_PAD, LABEL_FONT);
    const width = Math.min(labelWidth, Math.max(...lines.map((l) => textWidth(l, LABEL_FONT))) + 2 * LABEL_PAD);
    const height = lines.length * LABEL_LINE + 2 * LABEL_PAD;
    const gapLeft = Math.min(a.x, b.x);
    const box = { x: gapLeft + (Math.abs(b.x - a.x) - width) / 2, y: (a.y + b.y) / 2 - height / 2, width, height, text, lines };
    const list = byGap.get(gapLeft) ?? [];
    list.push(box);
    byGap.set(gapLeft, list);
  }
  const labelBoxes = [...byGap.keys()].sort((a, b) => a - b).flatMap((gap) => {
    const list = byGap.get(gap) ?? [];
    separate(list);
    return list;
  });

  const top = Math.min(0, ...labelBoxes.map((l) => l.y));
  const contentHeight = Math.max(layout.height, ...labelBoxes.map((l) => l.y + l.height)) - top;
  const dx = MARGIN;
  const dy = MARGIN - top;

  // Footer: the legend, then the objectives wrapped to the canvas width.
  const legendSwatch = 22;
  const trainedWidth = legendSwatch + 6 + textWidth(labels.trained, FONT);
  const frozenText = `${SNOWFLAKE} ${labels.frozen}`;
  const legendWidth = trainedWidth + 18 + legendSwatch + 6 + textWidth(frozenText, FONT);
  const innerWidth = Math.max(layout.width, legendWidth, 240);
  const objectives = architecture.objectives ?? [];
  const objectiveLines = objectives.length > 0 ? wrapText(`${labels.objectives}: ${objectives.join(' · ')}`, innerWidth, FONT) : [];
  const footerTop = dy + contentHeight + 20;
  const footerHeight = LINE + objectiveLines.length * LINE + (objectiveLines.length > 0 ? 6 : 0);
  const width = Math.ceil(innerWidth + 2 * MARGIN);
  const height = Math.ceil(footerTop + footerHeight + MARGIN);

  const children: SvgNode[] = [el('title', {}, [], labels.title)];
  const contentLeft = dx + (innerWidth - layout.width) / 2;
  const shift = (p: { x: number; y: number }) => ({ x: p.x + contentLeft, y: p.y + dy });

  const edgeNodes = layout.edges.map((edge) => {
    const points = edge.points.map(shift);
    const tip = points[points.length - 1];
    const pointsRight = points[points.length - 2].x < tip.x;
    const body = [...points.slice(0, -1), { x: pointsRight ? tip.x - ARROW + 1 : tip.x + ARROW - 1, y: tip.y }];
    const { from, to } = architecture.connections[edge.index];
    return el('g', { class: 'connection', 'data-from': from, 'data-to': to }, [
      el('path', { class: 'connection-line', d: curve(body) }),
      el('polygon', { class: 'connection-arrow', points: arrowHead(tip, pointsRight) }),
    ]);
  });

  const boxes: ArchitectureDiagram['boxes'] = [];
  const boxNodes = layout.nodes.map((node) => {
    const component = architecture.components.find((c) => c.id === node.id) as ArchitectureComponent;
    const text = texts.get(node.id) as BoxText;
    const { x, y } = shift(node);
    const frozen = isFrozen(component);
    boxes.push({ id: node.id, x, y, width: node.width, height: node.height, frozen });
    const classes = ['component', `role-${component.role}`, isData(component) ? 'data' : frozen ? 'frozen' : 'trained'].join(' ');
    const textNodes = text.lines.map((line, i) =>
      el('text', { class: 'component-name', x: round(x + node.width / 2), y: round(y + PAD_Y + (i + 1) * LINE - 4), 'text-anchor': 'middle' }, [], line),
    );
    if (text.tag) {
      textNodes.push(
        el('text', { class: 'component-tag', x: round(x + node.width / 2), y: round(y + PAD_Y + (text.lines.length + 1) * LINE - 4), 'text-anchor': 'middle' }, [], text.tag),
      );
    }
    const tooltip = component.note ? `${component.name} — ${component.note}` : component.name;
    return el('g', { class: classes, 'data-component': component.id }, [
      el('title', {}, [], tooltip),
      el('rect', { class: 'component-box', x: round(x), y: round(y), width: node.width, height: node.height, rx: isData(component) ? 12 : 4 }),
      ...textNodes,
    ]);
  });

  const placedLabels: ArchitectureDiagram['labels'] = [];
  const labelNodes = labelBoxes.map((label) => {
    const x = label.x + contentLeft;
    const y = label.y + dy;
    placedLabels.push({ x, y, width: label.width, height: label.height, text: label.text });
    return el('g', { class: 'connection-label' }, [
      el('rect', { class: 'connection-label-box', x: round(x), y: round(y), width: round(label.width), height: round(label.height), rx: 3 }),
      ...label.lines.map((line, i) =>
        el('text', { class: 'connection-label-text', x: round(x + label.width / 2), y: round(y + LABEL_PAD + (i + 1) * LABEL_LINE - 3), 'text-anchor': 'middle' }, [], line),
      ),
    ]);
  });

  const legendY = footerTop;
  const footerNodes: SvgNode[] = [
    el('rect', { class: 'legend-swatch trained', x: dx, y: legendY + 2, width: legendSwatch, height: 10, rx: 2 }),
    el('text', { class: 'legend-text', x: dx + legendSwatch + 6, y: legendY + 11 }, [], labels.trained),
    el('rect', { class: 'legend-swatch frozen', x: round(dx + trainedWidth + 18), y: legendY + 2, width: legendSwatch, height: 10, rx: 2 }),
    el('text', { class: 'legend-text', x: round(dx + trainedWidth + 18 + legendSwatch + 6), y: legendY + 11 }, [], frozenText),
    ...objectiveLines.map((line, i) => el('text', { class: 'objectives', x: dx, y: legendY + 6 + (i + 2) * LINE - 4 }, [], line)),
  ];

  const svg = el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'architecture-diagram', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' }, [
    ...children,
    el('g', { class: 'connections' }, edgeNodes),
    el('g', { class: 'components' }, boxNodes),
    el('g', { class: 'connection-labels' }, labelNodes),
    el('g', { class: 'legend' }, footerNodes),
  ]);
  return { width, height, boxes, labels: placedLabels, footer: { x: dx, y: footerTop, width: innerWidth, height: footerHeight }, svg };
}

/** The diagram as a standalone SVG document (classes only; a stylesheet gives the colours). */
export function architectureSvg(architecture: Architecture, labels: DiagramLabels): string {
  return serializeSvg(layoutArchitecture(architecture, labels).svg);
}
