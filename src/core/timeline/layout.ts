// The timeline's geometry as a pure function: x from the first-submission date, lanes by family or
// organization, rows packed inside each lane so that no two labelled nodes overlap, and orthogonal
// routes for the lineage arrows. Coordinates are in content pixels, origin at the top-left of the
// first lane; the renderer adds the axis and the lane-label column around them.
import type { TimelineModel } from './timelineModel';
import { leadOrganization } from './timelineModel';

export type LaneBy = 'family' | 'organization';

export interface LayoutOptions {
  laneBy: LaneBy;
  pixelsPerDay: number;
  /** Width of a model's node box (its label plus padding), measured by the caller. */
  nodeWidth: (model: TimelineModel) => number;
  nodeHeight?: number;
  /** Smallest horizontal gap between two nodes in one row. */
  nodeGap?: number;
  rowGap?: number;
  lanePadding?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutNode {
  model: TimelineModel;
  /** Left edge, exactly at the model's date. */
  x: number;
  y: number;
  width: number;
  height: number;
  lane: number;
  row: number;
}

export interface Lane {
  key: string;
  y: number;
  height: number;
  rows: number;
}

/** A lineage arrow from a model (`from`) to a model it builds on (`to`); the arrow head is at the last point. */
export interface LineageEdge {
  from: string;
  to: string;
  points: Point[];
}

export interface AxisTick {
  x: number;
  year: number;
  /** 0–11. */
  month: number;
}

export interface TimelineLayout {
  nodes: LaidOutNode[];
  byId: Map<string, LaidOutNode>;
  lanes: Lane[];
  edges: LineageEdge[];
  ticks: AxisTick[];
  width: number;
  height: number;
  pixelsPerDay: number;
  /** Day number (days since 1970-01-01) at x = 0. */
  startDay: number;
  /** The first and last day the axis covers. */
  endDay: number;
}

const DAY_MS = 86_400_000;

const dayCache = new Map<string, number>();

/** Days since 1970-01-01 of a YYYY-MM-DD date (memoized: layout runs on every zoom step). */
export function dayOf(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7)) || 1;
    const d = Number(date.slice(8, 10)) || 1;
    day = Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
    dayCache.set(date, day);
  }
  return day;
}

function monthStartDay(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 1) / DAY_MS);
}

function yearMonthOf(day: number): { year: number; month: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

export function xOfDay(layout: Pick<TimelineLayout, 'startDay' | 'pixelsPerDay'>, day: number): number {
  return (day - layout.startDay) * layout.pixelsPerDay;
}

export function dayAtX(layout: Pick<TimelineLayout, 'startDay' | 'pixelsPerDay'>, x: number): number {
  return layout.startDay + x / layout.pixelsPerDay;
}

export function laneKeyOf(model: TimelineModel, laneBy: LaneBy): string {
  return laneBy === 'family' ? model.family : leadOrganization(model);
}

/** Days the axis spans for these models: a month before the first to two months after the last. */
export function axisDomain(models: readonly TimelineModel[]): { startDay: number; endDay: number } {
  if (models.length === 0) {
    const today = yearMonthOf(Math.floor(Date.now() / DAY_MS));
    return { startDay: monthStartDay(today.year, 0), endDay: monthStartDay(today.year + 1, 0) };
  }
  const days = models.map((m) => dayOf(m.date));
  const first = yearMonthOf(Math.min(...days));
  const last = yearMonthOf(Math.max(...days));
  return { startDay: monthStartDay(first.year, first.month - 1), endDay: monthStartDay(last.year, last.month + 2) };
}

export function layoutTimeline(models: readonly TimelineModel[], options: LayoutOptions): TimelineLayout {
  const nodeHeight = options.nodeHeight ?? 22;
  const nodeGap = options.nodeGap ?? 14;
  const rowGap = options.rowGap ?? 8;
  const lanePadding = options.lanePadding ?? 8;
  const { pixelsPerDay } = options;
  const { startDay, endDay } = axisDomain(models);
  const frame = { startDay, pixelsPerDay };

  // Lanes in order of their first model, so the chart reads from the top-left down.
  const byLane = new Map<string, TimelineModel[]>();
  // Plain comparisons, not localeCompare: this runs on every zoom step with thousands of models.
  const sorted = [...models].sort((a, b) => compare(a.date, b.date) || compare(a.name, b.name) || compare(a.id, b.id));
  for (const model of sorted) {
    const key = laneKeyOf(model, options.laneBy);
    const list = byLane.get(key) ?? [];
    list.push(model);
    byLane.set(key, list);
  }

  const nodes: LaidOutNode[] = [];
  const lanes: Lane[] = [];
  let laneTop = 0;
  for (const [key, members] of byLane) {
    const laneIndex = lanes.length;
    const rowRightEdges: number[] = [];
    const placed: LaidOutNode[] = [];
    for (const model of members) {
      const x = xOfDay(frame, dayOf(model.date));
      const width = Math.max(1, options.nodeWidth(model));
      let row = rowRightEdges.findIndex((right) => right + nodeGap <= x);
      if (row < 0) {
        row = rowRightEdges.length;
        rowRightEdges.push(0);
      }
      rowRightEdges[row] = x + width;
      placed.push({ model, x, y: laneTop + lanePadding + row * (nodeHeight + rowGap), width, height: nodeHeight, lane: laneIndex, row });
    }
    const rows = Math.max(1, rowRightEdges.length);
    const height = lanePadding * 2 + rows * nodeHeight + (rows - 1) * rowGap;
    lanes.push({ key, y: laneTop, height, rows });
    nodes.push(...placed);
    laneTop += height;
  }

  const byId = new Map(nodes.map((n) => [n.model.id, n]));
  const contentRight = Math.max(xOfDay(frame, endDay), ...nodes.map((n) => n.x + n.width + nodeGap));
  return {
    nodes,
    byId,
    lanes,
    edges: routeLineage(nodes, byId, rowGap),
    ticks: monthTicks(frame, startDay, endDay),
    width: contentRight,
    height: laneTop,
    pixelsPerDay,
    startDay,
    endDay,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function monthTicks(frame: { startDay: number; pixelsPerDay: number }, startDay: number, endDay: number): AxisTick[] {
  const ticks: AxisTick[] = [];
  let { year, month } = yearMonthOf(startDay);
  for (let day = monthStartDay(year, month); day <= endDay; day = monthStartDay(year, month)) {
    ticks.push({ x: xOfDay(frame, day), year, month });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return ticks;
}

const CHANNEL_MARGIN = 6;
const CHANNEL_STEP = 4;

/**
 * Orthogonal arrows from each model to the models it builds on. To stay readable in dense lanes, each
 * of a model's arrows leaves through its own vertical channel, and the arrows arriving at one model
 * spread over the height of its right edge instead of meeting in one point.
 */
function routeLineage(nodes: readonly LaidOutNode[], byId: Map<string, LaidOutNode>, rowGap: number): LineageEdge[] {
  // Left edges of the nodes in each row, to see whether an arrow's run along a row would cross one.
  const rowStarts = new Map<string, number[]>();
  for (const node of nodes) {
    const key = `${node.lane}:${node.row}`;
    const list = rowStarts.get(key);
    if (list) {
      list.push(node.x);
    } else {
      rowStarts.set(key, [node.x]);
    }
  }
  const crossesRow = (parent: LaidOutNode, untilX: number) =>
    (rowStarts.get(`${parent.lane}:${parent.row}`) ?? []).some((x) => x > parent.x + parent.width && x < untilX);
  const pairs: Array<{ child: LaidOutNode; parent: LaidOutNode; channel: number }> = [];
  for (const child of nodes) {
    const parents = child.model.buildsOn
      .map((id) => byId.get(id))
      .filter((p): p is LaidOutNode => p !== undefined && p !== child)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    parents.forEach((parent, channel) => pairs.push({ child, parent, channel }));
  }
  const incoming = new Map<LaidOutNode, LaidOutNode[]>();
  for (const { child, parent } of pairs) {
    const list = incoming.get(parent);
    if (list) {
      list.push(child);
    } else {
      incoming.set(parent, [child]);
    }
  }
  // Where each arrow arrives on its parent's right edge: spread in the order of the children's rows.
  const arrivalY = new Map<LaidOutNode, Map<LaidOutNode, number>>();
  for (const [parent, children] of incoming) {
    children.sort((a, b) => a.y - b.y || a.x - b.x);
    const slots = new Map<LaidOutNode, number>();
    children.forEach((child, i) => slots.set(child, parent.y + (parent.height * (i + 1)) / (children.length + 1)));
    arrivalY.set(parent, slots);
  }
  return pairs.map(({ child, parent, channel }) => {
    const attachY = arrivalY.get(parent)?.get(child) ?? parent.y + parent.height / 2;
    const points = route(child, parent, channel, attachY);
    const channelX = points.length === 4 && points[3].x === parent.x + parent.width ? points[1].x : undefined;
    if (channelX !== undefined && crossesRow(parent, channelX)) {
      // The run along the parent's row would hide behind other models: take the gap beside the row.
      const gapY = child.y >= parent.y ? parent.y + parent.height + rowGap / 2 : parent.y - rowGap / 2;
      const approachX = parent.x + parent.width + CHANNEL_MARGIN;
      points.splice(2, 2, { x: channelX, y: gapY }, { x: approachX, y: gapY }, { x: approachX, y: attachY }, { x: parent.x + parent.width, y: attachY });
    }
    return { from: child.model.id, to: parent.model.id, points };
  });
}

function route(child: LaidOutNode, parent: LaidOutNode, channel: number, attachY: number): Point[] {
  const childMidY = child.y + child.height / 2;
  const parentRight = parent.x + parent.width;
  const childRight = child.x + child.width;
  if (parentRight <= child.x) {
    // The usual case: the older model ends left of this one. Elbow through a channel just left of it.
    const gap = child.x - parentRight;
    const channelX = Math.max(child.x - CHANNEL_MARGIN - channel * CHANNEL_STEP, parentRight + Math.min(CHANNEL_MARGIN, gap / 2));
    return [
      { x: child.x, y: childMidY },
      { x: channelX, y: childMidY },
      { x: channelX, y: attachY },
      { x: parentRight, y: attachY },
    ];
  }
  if (parent.x >= childRight) {
    // A parent dated after its child (possible in user data): the mirror image.
    const channelX = (childRight + parent.x) / 2;
    const parentMidY = parent.y + parent.height / 2;
    return [
      { x: childRight, y: childMidY },
      { x: channelX, y: childMidY },
      { x: channelX, y: parentMidY },
      { x: parent.x, y: parentMidY },
    ];
  }
  // The two boxes share some x range, so they are in different rows: a straight vertical arrow.
  const lo = Math.max(child.x, parent.x);
  const hi = Math.min(childRight, parentRight);
  const x = lo + Math.min(8 + channel * CHANNEL_STEP, (hi - lo) / 2);
  const parentAbove = parent.y < child.y;
  return [
    { x, y: parentAbove ? child.y : child.y + child.height },
    { x, y: parentAbove ? parent.y + parent.height : parent.y },
  ];
}
