// Keyboard navigation between timeline nodes: left/right along a lane, up/down to the nearest node
// in the next row above or below.
import type { LaidOutNode } from './geometry';
import type { TimelineLayout } from './layout';

export type Direction = 'left' | 'right' | 'up' | 'down' | 'first' | 'last';

export function neighbour(layout: TimelineLayout, fromId: string | undefined, direction: Direction): LaidOutNode | undefined {
  const nodes = layout.nodes;
  if (nodes.length === 0) {
    return undefined;
  }
  const chronological = [...nodes].sort((a, b) => a.x - b.x || a.y - b.y);
  const from = fromId ? layout.byId.get(fromId) : undefined;
  if (!from || direction === 'first') {
    return chronological[0];
  }
  if (direction === 'last') {
    return chronological[chronological.length - 1];
  }
  const centre = (n: LaidOutNode) => n.x + n.width / 2;
  if (direction === 'left' || direction === 'right') {
    const sameLane = chronological.filter((n) => n.lane === from.lane);
    const at = sameLane.indexOf(from);
    return sameLane[direction === 'left' ? at - 1 : at + 1];
  }
  const candidates = nodes.filter((n) => (direction === 'up' ? n.y < from.y : n.y > from.y));
  if (candidates.length === 0) {
    return undefined;
  }
  const nearestY = direction === 'up' ? Math.max(...candidates.map((n) => n.y)) : Math.min(...candidates.map((n) => n.y));
  return candidates
    .filter((n) => n.y === nearestY)
    .sort((a, b) => Math.abs(centre(a) - centre(from)) - Math.abs(centre(b) - centre(from)))[0];
}
