// The shapes a timeline layout is made of, shared by the layout and the lineage routes.
import type { TimelineModel } from './timelineModel';

export interface Point {
  x: number;
  y: number;
}

/** A rectangle in content pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
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
  /** In a collapsed lane: a mark without its label. */
  compact?: boolean;
}

/** A lineage arrow from a model (`from`) to a model it builds on (`to`); the arrow head is at the last point. */
export interface LineageEdge {
  from: string;
  to: string;
  points: Point[];
}
