// The timeline's controller: holds the models and the view state, filters and lays out, renders, and
// turns pointer and keyboard input into zoom, pan, hover, focus and selection.
import type { TimelineFacets } from '../../core/timeline/filter';
import { facetsOf, filterModels } from '../../core/timeline/filter';
import type { TimelineLayout } from '../../core/timeline/layout';
import { axisDomain, dayAtX, layoutTimeline, OTHER_LANE, xOfDay } from '../../core/timeline/layout';
import type { Direction } from '../../core/timeline/navigation';
import { neighbour } from '../../core/timeline/navigation';
import type { ColourScheme } from '../../core/timeline/palette';
import { colourScheme } from '../../core/timeline/palette';
import type { TimelineModel } from '../../core/timeline/timelineModel';
import { AXIS_HEIGHT, LABEL_COLUMN, TimelineCanvas } from './canvas';
import { HoverCard, SelectionBar } from './cards';
import { html } from './dom';
import type { TimelineAction, TimelineLabels, TimelineViewState, WebviewToHost } from './protocol';
import { fullChartSvg } from './fullChart';
import { svgToPngBase64 } from './pngExport';
import type { ExportFormat } from './protocol';
import { Toolbar } from './toolbar';

const ZOOM_STEP = 1.5;
const MAX_PIXELS_PER_DAY = 24;
const PAN_STEP = 80;

export interface AppHost {
  post(message: WebviewToHost): void;
  saveState(state: TimelineViewState): void;
}

export const DEFAULT_STATE: TimelineViewState = { laneBy: 'family', colourBy: 'organization', filter: { kind: 'all' }, scrollX: 0, scrollY: 0 };

export class TimelineApp {
  private models: TimelineModel[] = [];
  private facets: TimelineFacets = { organizations: [], families: [], architectureTypes: [], years: [] };
  private familyNames = new Map<string, string>();
  private organizationNames = new Map<string, string>();
  private readonly familyName = (family: string): string => this.familyNames.get(family) ?? family;
  private readonly organizationName = (id: string): string => this.organizationNames.get(id) ?? id;
  private layout: TimelineLayout | undefined;
  private scheme: ColourScheme | undefined;
  private focusId: string | undefined;
  private hoverId: string | undefined;
  private readonly toolbar: Toolbar;
  private readonly canvas: TimelineCanvas;
  private readonly card: HoverCard;
  private readonly selectionBar: SelectionBar;
  private readonly empty: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly widthCache = new Map<string, number>();
  private readonly measure = document.createElement('canvas').getContext('2d');
  private measureFontSet = false;
  private readonly charWidths = new Map<string, number>();
  private readonly monthNames: string[];
  private frameRequested = false;
  /** Timings in ms for the UI check: the first full render and the last zoom step. */
  readonly timings: { firstRender?: number; lastZoom?: number } = {};

  constructor(
    root: HTMLElement,
    private readonly host: AppHost,
    private readonly labels: TimelineLabels,
    private readonly language: string,
    private state: TimelineViewState,
  ) {
    const monthFormat = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
    this.monthNames = Array.from({ length: 12 }, (_, month) => monthFormat.format(new Date(Date.UTC(2000, month, 1))));
    root.appendChild(html('h1', { class: 'visually-hidden' }, labels.title));
    this.toolbar = new Toolbar(root, labels, {
      change: (update) => this.changeState(update),
      zoom: (factor) => this.zoom(factor),
      fit: () => this.fit(),
      export: (format) =>
        void this.exportChart(format).then(
          (data) => this.host.post({ type: 'export', format, data }),
          (error: unknown) => this.host.post({ type: 'export', format, error: error instanceof Error ? error.message : String(error) }),
        ),
      toggleLanes: () => this.toggleAllLanes(),
    });
    this.stage = html('div', { class: 'stage' });
    root.appendChild(this.stage);
    const help = html('p', { class: 'help', id: 'timeline-help' }, labels.help);
    root.appendChild(help);
    this.canvas = new TimelineCanvas(this.stage, labels.canvas, (key) => this.toggleLane(key));
    this.canvas.svg.setAttribute('aria-describedby', 'timeline-help');
    this.empty = html('div', { class: 'empty', hidden: '' }, labels.noMatches);
    this.stage.appendChild(this.empty);
    this.card = new HoverCard(this.stage);
    this.selectionBar = new SelectionBar(this.stage, labels, (action) => this.runAction(action));
    this.listen();
    new ResizeObserver(() => this.refresh()).observe(this.stage);
  }

  setModels(models: TimelineModel[], familyNames: Record<string, string>, organizationNames: Record<string, string>): void {
    const started = performance.now();
    this.models = models;
    this.familyNames = new Map(Object.entries(familyNames));
    this.organizationNames = new Map(Object.entries(organizationNames));
    this.canvas.reset();
    this.facets = facetsOf(models);
    this.buildToolbar();
    this.relayout();
    this.renderNow();
    this.timings.firstRender ??= performance.now() - started;
    document.body.dataset.firstRenderMs = this.timings.firstRender.toFixed(1);
  }

  /** Selects a model and scrolls it into view (modelAtlas.showOnTimeline). */
  reveal(modelId: string): void {
    if (!this.layout?.byId.has(modelId) && this.models.some((m) => m.id === modelId)) {
      // Hidden by a filter: clear the filters so the model can be shown.
      this.state.filter = { kind: 'all' };
      this.buildToolbar();
      this.relayout();
    }
    const node = this.layout?.byId.get(modelId);
    if (node?.compact) {
      this.toggleLane(this.layout!.lanes[node.lane].key); // a mark in a collapsed lane: show it with its label
    }
    this.state.selectedId = modelId;
    this.focusNode(modelId, false);
  }

  /** The whole chart (every lane, the full date range at the current zoom) with its legend: SVG text or base64 PNG. */
  async exportChart(format: ExportFormat): Promise<string> {
    if (!this.layout || !this.scheme) {
      throw new Error('the timeline has no models yet');
    }
    const chart = fullChartSvg({
      layout: this.layout,
      scheme: this.scheme,
      labels: this.labels,
      // The lanes and the legend named as on screen (canonical organisations by name, the gathered lane as "Other").
      legendLabel: (label) => this.legendLabel(label),
      laneLabel: (key) => this.laneLabel(key),
      monthName: (month) => this.monthNames[month],
      textWidth: (text) => this.nodeWidth(text) - 22,
    });
    return format === 'svg' ? chart.svg : svgToPngBase64(chart.svg, chart.width, chart.height);
  }

  zoom(factor: number, anchorX = this.canvas.viewportWidth / 2): void {
    if (!this.layout) {
      return;
    }
    const started = performance.now();
    const current = this.layout.pixelsPerDay;
    const next = Math.min(MAX_PIXELS_PER_DAY, Math.max(this.minPixelsPerDay() / 2, current * factor));
    const anchorDay = dayAtX(this.layout, this.state.scrollX + anchorX);
    this.state.pixelsPerDay = next;
    this.relayout();
    this.state.scrollX = xOfDay(this.layout, anchorDay) - anchorX;
    this.renderNow();
    this.timings.lastZoom = performance.now() - started;
    document.body.dataset.zoomMs = this.timings.lastZoom.toFixed(1);
  }

  fit(): void {
    this.state.pixelsPerDay = undefined;
    this.state.scrollX = 0;
    this.relayout();
    this.renderNow();
  }

  private changeState(update: (state: TimelineViewState) => void): void {
    const laneBy = this.state.laneBy;
    update(this.state);
    if (this.state.laneBy !== laneBy) {
      this.buildToolbar(); // the collapse button speaks of the new lanes
    }
    this.relayout();
    this.renderNow();
  }

  private buildToolbar(): void {
    this.toolbar.build(this.facets, this.state, { family: this.familyName, organization: this.organizationName }, this.anyLaneCollapsed());
  }

  /** Lanes are remembered per kind of lane ("family:llava"), so switching lanes keeps each choice. */
  private laneId(key: string): string {
    return `${this.state.laneBy}:${key}`;
  }

  private collapsedKeys(): Set<string> {
    const prefix = `${this.state.laneBy}:`;
    return new Set((this.state.collapsedLanes ?? []).filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)));
  }

  private anyLaneCollapsed(): boolean {
    return this.collapsedKeys().size > 0;
  }

  /** Collapses a lane to unlabelled marks, or expands it again. */
  private toggleLane(key: string): void {
    const id = this.laneId(key);
    const collapsed = new Set(this.state.collapsedLanes ?? []);
    if (!collapsed.delete(id)) {
      collapsed.add(id);
    }
    this.state.collapsedLanes = [...collapsed];
    this.afterCollapse();
  }

  /** Collapses every lane when none is collapsed; otherwise expands them all. */
  private toggleAllLanes(): void {
    const others = (this.state.collapsedLanes ?? []).filter((id) => !id.startsWith(`${this.state.laneBy}:`));
    const collapseAll = !this.anyLaneCollapsed();
    const keys = this.layout?.lanes.map((lane) => lane.key) ?? [];
    this.state.collapsedLanes = collapseAll ? [...others, ...keys.map((key) => this.laneId(key))] : others;
    this.afterCollapse();
  }

  private afterCollapse(): void {
    this.canvas.reset(); // marks and labelled nodes are different elements
    this.toolbar.setLanesCollapsed(this.anyLaneCollapsed());
    this.relayout();
    this.renderNow();
  }

  private minPixelsPerDay(): number {
    const shown = filterModels(this.models, this.state.filter);
    const domain = axisDomain(shown);
    // Leave room for the widest label, so the latest models' labels are not cut off at the right.
    const widest = shown.reduce((max, m) => Math.max(max, this.nodeWidth(m.name)), 0);
    const available = Math.max(120, this.canvas.viewportWidth - 24 - widest);
    return Math.max(0.01, available / Math.max(1, domain.endDay - domain.startDay));
  }

  private relayout(): void {
    const shown = filterModels(this.models, this.state.filter);
    this.layout = layoutTimeline(shown, {
      laneBy: this.state.laneBy,
      pixelsPerDay: this.state.pixelsPerDay ?? this.minPixelsPerDay(),
      nodeWidth: (m) => this.nodeWidth(m.name),
      collapsed: this.collapsedKeys(),
    });
    this.scheme = colourScheme(shown, this.state.colourBy, this.labels.other);
    this.toolbar.update(shown.length, this.models.length, this.scheme, (label) => this.legendLabel(label));
    this.empty.hidden = shown.length > 0 || this.models.length === 0;
    if (this.state.selectedId && !this.layout.byId.has(this.state.selectedId)) {
      this.state.selectedId = undefined;
    }
    if (this.focusId && !this.layout.byId.has(this.focusId)) {
      this.focusId = undefined;
    }
  }

  /** A node's width: its label's width (summed per character, measured once each) plus padding. */
  private nodeWidth(name: string): number {
    let width = this.widthCache.get(name);
    if (width === undefined) {
      let text = 0;
      for (const ch of name) {
        let w = this.charWidths.get(ch);
        if (w === undefined) {
          if (this.measure && !this.measureFontSet) {
            this.measure.font = `12px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
            this.measureFontSet = true;
          }
          w = this.measure?.measureText(ch).width ?? 7;
          this.charWidths.set(ch, w);
        }
        text += w;
      }
      width = Math.ceil(text + 22);
      this.widthCache.set(name, width);
    }
    return width;
  }

  /** Re-renders on the next animation frame (pan, hover), at most once per frame. */
  private refresh(): void {
    if (this.frameRequested) {
      return;
    }
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      if (this.state.pixelsPerDay === undefined && this.models.length > 0) {
        this.relayout();
      }
      this.renderNow();
    });
  }

  private renderNow(): void {
    const layout = this.layout;
    if (!layout || !this.scheme) {
      return;
    }
    this.clampScroll();
    this.canvas.render({
      layout,
      scheme: this.scheme,
      labels: this.labels,
      scrollX: this.state.scrollX,
      scrollY: this.state.scrollY,
      selectedId: this.state.selectedId,
      focusId: this.focusId,
      hoverId: this.hoverId,
      laneLabel: (key) => this.laneLabel(key),
      arrows: this.state.arrows ?? 'lanes',
      monthName: (month) => this.monthNames[month],
    });
    this.selectionBar.show(this.state.selectedId ? layout.byId.get(this.state.selectedId)?.model : undefined);
    this.host.saveState(this.state);
  }

  private laneLabel(key: string): string {
    const family = this.state.laneBy === 'family';
    if (key === OTHER_LANE) {
      return family ? this.labels.otherFamilies : this.labels.otherOrganizations;
    }
    return family ? this.familyName(key) : this.organizationName(key);
  }

  /** A legend entry's name: an architecture type's, or an organisation's (the "Other" entry is already text, and organizationName gives back what it does not know). */
  private legendLabel(label: string): string {
    return this.state.colourBy === 'architecture' ? (this.labels.architectureTypes[label] ?? label) : this.organizationName(label);
  }

  private clampScroll(): void {
    const layout = this.layout!;
    const maxX = Math.max(0, layout.width - this.canvas.viewportWidth + 24);
    const maxY = Math.max(0, layout.height - this.canvas.viewportHeight + 24);
    this.state.scrollX = Math.min(maxX, Math.max(-24, this.state.scrollX));
    this.state.scrollY = Math.min(maxY, Math.max(0, this.state.scrollY));
  }

  private pan(dx: number, dy: number): void {
    this.state.scrollX += dx;
    this.state.scrollY += dy;
    this.refresh();
  }

  private runAction(action: TimelineAction): void {
    if (this.state.selectedId) {
      this.host.post({ type: 'action', action, modelId: this.state.selectedId });
    }
  }

  private select(id: string | undefined): void {
    this.state.selectedId = id;
    this.renderNow();
  }

  /** Moves keyboard focus to a node, scrolling it into view first (it may not be rendered yet). */
  private focusNode(id: string, showCard = true): void {
    const node = this.layout?.byId.get(id);
    if (!node) {
      return;
    }
    const margin = 40;
    const { viewportWidth, viewportHeight } = this.canvas;
    if (node.x < this.state.scrollX + margin || node.x + node.width > this.state.scrollX + viewportWidth - margin) {
      this.state.scrollX = node.x - Math.min(viewportWidth / 3, 200);
    }
    if (node.y < this.state.scrollY + margin || node.y + node.height > this.state.scrollY + viewportHeight - margin) {
      this.state.scrollY = node.y - viewportHeight / 3;
    }
    this.focusId = id;
    this.renderNow();
    this.canvas.nodeElement(id)?.focus({ preventScroll: true });
    if (showCard) {
      this.showCard(id);
    }
  }

  private showCard(id: string): void {
    const node = this.layout?.byId.get(id);
    if (!node) {
      return;
    }
    const x = LABEL_COLUMN + node.x - this.state.scrollX;
    const y = AXIS_HEIGHT + node.y - this.state.scrollY;
    this.card.show(node.model, this.labels, { x, y, below: y + node.height });
  }

  private listen(): void {
    const svg = this.canvas.svg;
    const nodeIdOf = (target: EventTarget | null) => (target as Element | null)?.closest?.('g[data-id]')?.getAttribute('data-id') ?? undefined;

    svg.addEventListener('pointerover', (e) => {
      const id = nodeIdOf(e.target);
      if (id && id !== this.hoverId) {
        this.hoverId = id;
        this.showCard(id);
        this.refresh();
      }
    });
    svg.addEventListener('pointerout', (e) => {
      const id = nodeIdOf(e.target);
      if (id && id !== nodeIdOf(e.relatedTarget)) {
        this.hoverId = undefined;
        this.card.hide();
        this.refresh();
      }
    });

    // Drag to pan; a press that barely moves is a click (select or deselect).
    let drag: { x: number; y: number; moved: boolean; pointerId: number } | undefined;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, moved: false, pointerId: e.pointerId };
    });
    svg.addEventListener('pointermove', (e) => {
      if (!drag || drag.pointerId !== e.pointerId) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) {
        svg.setPointerCapture(e.pointerId);
        svg.classList.add('dragging');
        this.card.hide();
      }
      drag.moved = true;
      drag.x = e.clientX;
      drag.y = e.clientY;
      this.pan(-dx, -dy);
    });
    const endDrag = (e: PointerEvent) => {
      if (!drag || drag.pointerId !== e.pointerId) return;
      const wasClick = !drag.moved;
      drag = undefined;
      svg.classList.remove('dragging');
      if (wasClick && e.type === 'pointerup') {
        const id = nodeIdOf(e.target);
        this.select(id === this.state.selectedId ? undefined : id);
        if (id) {
          this.focusId = id;
          this.renderNow();
          this.canvas.nodeElement(id)?.focus({ preventScroll: true });
        }
      }
    };
    svg.addEventListener('pointerup', endDrag);
    svg.addEventListener('pointercancel', endDrag);

    // Ctrl/Cmd + wheel (and trackpad pinch) zooms around the pointer; a plain wheel pans.
    svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        if (e.ctrlKey || e.metaKey) {
          const anchorX = e.clientX - svg.getBoundingClientRect().left - LABEL_COLUMN;
          this.zoom(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, anchorX);
        } else {
          this.card.hide();
          this.pan(e.shiftKey ? e.deltaY : e.deltaX, e.shiftKey ? 0 : e.deltaY);
        }
      },
      { passive: false },
    );

    svg.addEventListener('focusin', (e) => {
      const id = nodeIdOf(e.target);
      if (id && id !== this.focusId) {
        this.focusId = id;
        this.showCard(id);
        this.refresh();
      }
    });
    svg.addEventListener('focusout', (e) => {
      if (!svg.contains(e.relatedTarget as Node | null)) {
        this.card.hide();
      }
    });

    svg.addEventListener('keydown', (e) => this.onKey(e, nodeIdOf(e.target)));
  }

  private onKey(e: KeyboardEvent, nodeId: string | undefined): void {
    const arrows: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'first', End: 'last' };
    let handled = true;
    if (e.key === '+' || e.key === '=') {
      this.zoom(ZOOM_STEP);
    } else if (e.key === '-' || e.key === '_') {
      this.zoom(1 / ZOOM_STEP);
    } else if (e.key === '0') {
      this.fit();
    } else if (arrows[e.key] && nodeId && !e.shiftKey) {
      const next = this.layout && neighbour(this.layout, nodeId, arrows[e.key]);
      if (next) {
        this.focusNode(next.model.id);
      }
    } else if (arrows[e.key] && (e.key === 'Home' || e.key === 'End')) {
      const next = this.layout && neighbour(this.layout, undefined, arrows[e.key]);
      if (next) {
        this.focusNode(next.model.id);
      }
    } else if (e.key.startsWith('Arrow')) {
      const dx = e.key === 'ArrowLeft' ? -PAN_STEP : e.key === 'ArrowRight' ? PAN_STEP : 0;
      const dy = e.key === 'ArrowUp' ? -PAN_STEP : e.key === 'ArrowDown' ? PAN_STEP : 0;
      this.pan(dx, dy);
    } else if (e.key === 'Enter' && nodeId) {
      this.state.selectedId = nodeId;
      this.renderNow();
      this.host.post({ type: 'action', action: 'showDetails', modelId: nodeId });
    } else if (e.key === ' ' && nodeId) {
      this.select(nodeId === this.state.selectedId ? undefined : nodeId);
    } else if (e.key === 'Escape') {
      this.card.hide();
      this.select(undefined);
    } else {
      handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }
}
