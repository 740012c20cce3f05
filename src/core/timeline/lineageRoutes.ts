// Orthogonal routes for the timeline's lineage arrows, each leaving through its own channel and arriving
// spread along its target's edge; routed lazily, only near the viewport.
import type { Box, LaidOutNode, LineageEdge, Point } from './geometry';

const CHANNEL_MARGIN = 6;
const CHANNEL_STEP = 4;

interface Link {
  child: LaidOutNode;
  parent: LaidOutNode;
  /** Which of the child's outgoing arrows this is, top to bottom. */
  channel: number;
  /** Where the arrow meets the parent's right edge. */
  attachY: number;
}

export class LineageRoutes {
  private readonly links: Link[] = [];
  private readonly routed: Array<LineageEdge | undefined>;
  /** Left edges of the nodes in each row (lane, row), in x order, to see whether a run along a row would cross one. */
  private readonly rowStarts = new Map<number, number[]>();
  private allRouted: LineageEdge[] | undefined;

  constructor(
    nodes: readonly LaidOutNode[],
    byId: ReadonlyMap<string, LaidOutNode>,
    private readonly rowGap: number,
  ) {
    for (const node of nodes) {
      const key = rowKey(node);
      const list = this.rowStarts.get(key);
      if (list) {
        list.push(node.x);
      } else {
        this.rowStarts.set(key, [node.x]);
      }
    }
    // Each row's starts are already in x order: a lane's models are placed oldest first.
    const incoming = new Map<LaidOutNode, Link[]>();
    const parents: LaidOutNode[] = [];
    for (const child of nodes) {
      parents.length = 0;
      for (const id of child.model.buildsOn) {
        const parent = byId.get(id);
        if (parent !== undefined && parent !== child) {
          parents.push(parent);
        }
      }
      if (parents.length > 1) {
        parents.sort((a, b) => a.y - b.y || a.x - b.x);
      }
      parents.forEach((parent, channel) => {
        const link = { child, parent, channel, attachY: 0 };
        this.links.push(link);
        const list = incoming.get(parent);
        if (list) {
          list.push(link);
        } else {
          incoming.set(parent, [link]);
        }
      });
    }
    // Arrivals spread over the parent's right edge in the order of the children's rows.
    for (const [parent, links] of incoming) {
      links.sort((a, b) => a.child.y - b.child.y || a.child.x - b.child.x);
      links.forEach((link, i) => (link.attachY = parent.y + (parent.height * (i + 1)) / (links.length + 1)));
    }
    this.routed = new Array(this.links.length);
  }

  all(): LineageEdge[] {
    this.allRouted ??= this.links.map((_, i) => this.route(i));
    return this.allRouted;
  }

  /** The arrows whose ends' boxes, widened by the detour margins, meet `box`. */
  within(box: Box): LineageEdge[] {
    const margin = CHANNEL_MARGIN + this.rowGap;
    const found: LineageEdge[] = [];
    this.links.forEach(({ child, parent }, i) => {
      const left = Math.min(child.x, parent.x) - margin;
      const right = Math.max(child.x + child.width, parent.x + parent.width) + margin;
      const top = Math.min(child.y, parent.y) - margin;
      const bottom = Math.max(child.y + child.height, parent.y + parent.height) + margin;
      if (right >= box.left && left <= box.right && bottom >= box.top && top <= box.bottom) {
        found.push(this.route(i));
      }
    });
    return found;
  }

  private route(index: number): LineageEdge {
    let edge = this.routed[index];
    if (!edge) {
      const { child, parent, channel, attachY } = this.links[index];
      const points = elbow(child, parent, channel, attachY);
      const channelX = points.length === 4 && points[3].x === parent.x + parent.width ? points[1].x : undefined;
      if (channelX !== undefined && this.crossesRow(parent, channelX)) {
        // The run along the parent's row would hide behind other models: take the gap beside the row.
        const gapY = child.y >= parent.y ? parent.y + parent.height + this.rowGap / 2 : parent.y - this.rowGap / 2;
        const approachX = parent.x + parent.width + CHANNEL_MARGIN;
        points.splice(2, 2, { x: channelX, y: gapY }, { x: approachX, y: gapY }, { x: approachX, y: attachY }, { x: parent.x + parent.width, y: attachY });
      }
      edge = this.routed[index] = { from: child.model.id, to: parent.model.id, points };
    }
    return edge;
  }

  /** Whether a node of the parent's row starts between the parent's right edge and `untilX`. */
  private crossesRow(parent: LaidOutNode, untilX: number): boolean {
    const starts = this.rowStarts.get(rowKey(parent)) ?? [];
    const from = parent.x + parent.width;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < starts.length && starts[lo] < untilX;
  }
}

/** Lanes hold far fewer than a million rows; a number key avoids a string per node. */
function rowKey(node: LaidOutNode): number {
  return node.lane * 1_000_000 + node.row;
}

function elbow(child: LaidOutNode, parent: LaidOutNode, channel: number, attachY: number): Point[] {
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
