// The timeline's geometry: x from the first-submission date, lanes by family or organisation (those of one model
// gathered in one lane), rows packed so no two nodes overlap; a collapsed lane shows unlabelled marks.
import type { Box, LaidOutNode, LineageEdge, Point } from './geometry';
import { LineageRoutes } from './lineageRoutes';
import { leadOrganization, type TimelineModel } from './timelineModel';

export type LaneBy = 'family' | 'organization';

/** The lane of the models that are alone in their family (or organisation): one lane, not one each. */
export const OTHER_LANE = '*';

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
  /** Lanes (by key) whose models are drawn as marks without labels, so the lane takes a row or two. */
  collapsed?: ReadonlySet<string>;
  /** Width of a mark in a collapsed lane. */
  markWidth?: number;
  /** Smallest gap between two marks in one row of a collapsed lane. */
  markGap?: number;
}

export interface Lane {
  /** A family id or canonical organisation id, or OTHER_LANE. */
  key: string;
  y: number;
  height: number;
  rows: number;
  /** How many models the lane holds. */
  count: number;
  collapsed: boolean;
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
  /** Every lineage arrow (routed on first use). */
  readonly edges: LineageEdge[];
  /** The arrows that may cross the box: only these are routed. */
  edgesWithin(box: Box): LineageEdge[];
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
  const markWidth = options.markWidth ?? 12;
  const markGap = options.markGap ?? 2;
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
  gatherSingles(byLane);

  const nodes: LaidOutNode[] = [];
  const lanes: Lane[] = [];
  let laneTop = 0;
  for (const [key, members] of byLane) {
    const laneIndex = lanes.length;
    const rowRightEdges: number[] = [];
    const placed: LaidOutNode[] = [];
    const collapsed = options.collapsed?.has(key) === true;
    const gap = collapsed ? markGap : nodeGap;
    for (const model of members) {
      const x = xOfDay(frame, dayOf(model.date));
      const width = collapsed ? markWidth : Math.max(1, options.nodeWidth(model));
      let row = rowRightEdges.findIndex((right) => right + gap <= x);
      if (row < 0) {
        row = rowRightEdges.length;
        rowRightEdges.push(0);
      }
      rowRightEdges[row] = x + width;
      placed.push({ model, x, y: laneTop + lanePadding + row * (nodeHeight + rowGap), width, height: nodeHeight, lane: laneIndex, row, ...(collapsed ? { compact: true } : {}) });
    }
    const rows = Math.max(1, rowRightEdges.length);
    const height = lanePadding * 2 + rows * nodeHeight + (rows - 1) * rowGap;
    lanes.push({ key, y: laneTop, height, rows, count: members.length, collapsed });
    nodes.push(...placed);
    laneTop += height;
  }

  const byId = new Map(nodes.map((n) => [n.model.id, n]));
  const contentRight = Math.max(xOfDay(frame, endDay), ...nodes.map((n) => n.x + n.width + nodeGap));
  // Arrows are routed when asked for: a zoom step re-lays out everything, but draws only what is in view.
  const routes = new LineageRoutes(nodes, byId, rowGap);
  return {
    nodes,
    byId,
    lanes,
    get edges() {
      return routes.all();
    },
    edgesWithin: (box) => routes.within(box),
    ticks: monthTicks(frame, startDay, endDay),
    width: contentRight,
    height: laneTop,
    pixelsPerDay,
    startDay,
    endDay,
  };
}

/** Moves the lanes of a single model into OTHER_LANE, after the rest (when there are two or more of them). */
function gatherSingles(byLane: Map<string, TimelineModel[]>): void {
  const singles = [...byLane].filter(([, members]) => members.length === 1);
  if (singles.length < 2) {
    return;
  }
  const other: TimelineModel[] = [];
  for (const [key, [model]] of singles) {
    byLane.delete(key);
    other.push(model);
  }
  byLane.set(OTHER_LANE, other); // already in date order: the lanes were filled from the sorted models
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
