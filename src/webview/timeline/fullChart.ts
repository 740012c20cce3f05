// The whole timeline for export: every lane and the full date range at the current zoom, with the legend
// under it, drawn by the same canvas off screen (so the theme's colours resolve as on screen), then serialized.
import type { TimelineLayout } from '../../core/timeline/layout';
import { slotClass, type ColourScheme } from '../../core/timeline/palette';
import { AXIS_HEIGHT, LABEL_COLUMN, TimelineCanvas, type CanvasFrame } from './canvas';
import { html, svg } from './dom';
import type { TimelineLabels } from './protocol';
import { exportSvg } from './svgExport';

const MARGIN = 16;
const LEGEND_ROW = 22;
const SWATCH = 16;
const ITEM_GAP = 20;

export interface FullChartInput {
  layout: TimelineLayout;
  scheme: ColourScheme;
  labels: TimelineLabels;
  /** A legend entry's text (an organization, or an architecture type's name). */
  legendLabel: (label: string) => string;
  laneLabel: CanvasFrame['laneLabel'];
  monthName: CanvasFrame['monthName'];
  /** The width of a text at the legend's size, in pixels. */
  textWidth: (text: string) => number;
}

export interface FullChart {
  svg: string;
  width: number;
  height: number;
}

export function fullChartSvg(input: FullChartInput): FullChart {
  const { layout, scheme, labels } = input;
  const width = Math.ceil(LABEL_COLUMN + layout.width + 2 * MARGIN);
  const items = [
    ...scheme.legend.map((entry) => ({ text: input.legendLabel(entry.label), classes: `node ${slotClass(entry.slot)}`, vision: false })),
    { text: labels.visionOnlyModel, classes: 'node vision c-other', vision: true },
  ];
  // Legend items flow left to right in rows as wide as the chart.
  let x = MARGIN;
  let row = 0;
  const placed = items.map((item) => {
    const itemWidth = SWATCH + input.textWidth(item.text) + ITEM_GAP;
    if (x > MARGIN && x + itemWidth > width - MARGIN) {
      x = MARGIN;
      row++;
    }
    const at = { ...item, x, y: row * LEGEND_ROW };
    x += itemWidth;
    return at;
  });
  const chartHeight = AXIS_HEIGHT + layout.height + MARGIN;
  const height = Math.ceil(chartHeight + (row + 1) * LEGEND_ROW + MARGIN);

  // In the page (styles apply) but out of sight and out of the layout.
  const host = html('div', { 'aria-hidden': 'true' });
  Object.assign(host.style, { position: 'fixed', left: '-100000px', top: '0', width: `${width}px`, height: `${height}px`, visibility: 'hidden' });
  document.body.appendChild(host);
  try {
    const canvas = new TimelineCanvas(host, labels.canvas, () => undefined, { width, height });
    canvas.render({ layout, scheme, labels, scrollX: -MARGIN, scrollY: 0, laneLabel: input.laneLabel, monthName: input.monthName, arrows: 'lanes', whole: true });
    const legend = svg('g', { id: 'legend', transform: `translate(0,${chartHeight + LEGEND_ROW / 2})` });
    for (const item of placed) {
      const group = svg('g', { class: item.classes, transform: `translate(${item.x},${item.y})` });
      group.appendChild(
        item.vision
          ? svg('rect', { class: 'node-box', x: 0, y: -6, width: 12, height: 8 })
          : svg('circle', { class: 'node-mark', cx: 5, cy: -2, r: 5 }),
      );
      group.appendChild(svg('text', { class: 'node-label', x: SWATCH, y: 2 }, item.text));
      legend.appendChild(group);
    }
    canvas.svg.appendChild(legend);
    return { svg: exportSvg(canvas.svg, width, height), width, height };
  } finally {
    host.remove();
  }
}
