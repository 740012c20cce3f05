// The controls above the canvas: lanes and colours, the filters, zoom and export, and the legend.
import type { KindFilter, TimelineFacets } from '../../core/timeline/filter';
import type { LaneBy } from '../../core/timeline/layout';
import type { ColourBy, ColourScheme } from '../../core/timeline/palette';
import { slotClass } from '../../core/timeline/palette';
import { clear, format, html } from './dom';
import type { ArrowsShown, ExportFormat, TimelineLabels, TimelineViewState } from './protocol';

export interface ToolbarHandlers {
  change(update: (state: TimelineViewState) => void): void;
  zoom(factor: number): void;
  fit(): void;
  export(format: ExportFormat): void;
  /** Collapses every lane, or expands them all when some are collapsed. */
  toggleLanes(): void;
}

/** The names filters and legends show for family ids and canonical organisation ids. */
export interface FacetNames {
  family: (id: string) => string;
  organization: (id: string) => string;
}

type Option = [value: string, label: string];

export class Toolbar {
  readonly element = html('div', { class: 'toolbar', role: 'toolbar' });
  private readonly legend = html('div', { class: 'legend', role: 'list' });
  private readonly status = html('span', { class: 'status', role: 'status' });
  private lanesButton: HTMLButtonElement | undefined;

  constructor(
    host: HTMLElement,
    private readonly labels: TimelineLabels,
    private readonly handlers: ToolbarHandlers,
  ) {
    this.element.setAttribute('aria-label', labels.title);
    host.append(this.element, this.legend);
  }

  /** Rebuilds the controls for the current facets and state. */
  build(facets: TimelineFacets, state: TimelineViewState, names: FacetNames, lanesCollapsed: boolean): void {
    const l = this.labels;
    const f = state.filter;
    const change = this.handlers.change;
    clear(this.element);
    const years: Option[] = facets.years.map((y) => [String(y), String(y)]);
    const typeLabel = (t: string) => l.architectureTypes[t] ?? t;
    this.element.append(
      select('lane-by', l.lanes, [['family', l.laneByFamily], ['organization', l.laneByOrganization]], state.laneBy, (v) =>
        change((s) => (s.laneBy = v as LaneBy)),
      ),
      select('colour-by', l.colour, [['organization', l.colourByOrganization], ['architecture', l.colourByArchitecture]], state.colourBy, (v) =>
        change((s) => (s.colourBy = v as ColourBy)),
      ),
      select('arrows', l.arrows, [['lanes', l.arrowsWithinLanes], ['all', l.allArrows]], state.arrows ?? 'lanes', (v) =>
        change((s) => (s.arrows = v as ArrowsShown)),
      ),
      select('filter-organization', l.allOrganizations, [['', l.allOrganizations], ...byName(facets.organizations, names.organization)], f.organization ?? '', (v) =>
        change((s) => (s.filter.organization = v || undefined)),
      ),
      select('filter-family', l.allFamilies, [['', l.allFamilies], ...byName(facets.families, names.family)], f.family ?? '', (v) =>
        change((s) => (s.filter.family = v || undefined)),
      ),
      select('filter-architecture', l.allArchitectures, [['', l.allArchitectures], ...facets.architectureTypes.map((t): Option => [t, typeLabel(t)])], f.architectureType ?? '', (v) =>
        change((s) => (s.filter.architectureType = v || undefined)),
      ),
      select('filter-kind', l.allKinds, [['all', l.allKinds], ['multimodal', l.multimodal], ['vision', l.visionOnly]], f.kind ?? 'all', (v) =>
        change((s) => (s.filter.kind = v as KindFilter)),
      ),
      select('filter-from', l.fromYear, [['', l.fromYear], ...years], f.fromYear ? String(f.fromYear) : '', (v) =>
        change((s) => (s.filter.fromYear = v ? Number(v) : undefined)),
      ),
      select('filter-to', l.toYear, [['', l.toYear], ...years], f.toYear ? String(f.toYear) : '', (v) =>
        change((s) => (s.filter.toYear = v ? Number(v) : undefined)),
      ),
      this.search(f.text ?? ''),
      button('zoom-out', '−', l.zoomOut, () => this.handlers.zoom(1 / 1.5)),
      button('zoom-in', '+', l.zoomIn, () => this.handlers.zoom(1.5)),
      button('fit', l.fit, l.fit, () => this.handlers.fit()),
      (this.lanesButton = button('toggle-lanes', '', '', () => this.handlers.toggleLanes())),
      button('export-svg', l.exportSvg, l.exportSvg, () => this.handlers.export('svg')),
      button('export-png', l.exportPng, l.exportPng, () => this.handlers.export('png')),
      this.status,
    );
    this.setLanesCollapsed(lanesCollapsed);
  }

  /** The lanes button offers the opposite of the lanes' state: expand when some are collapsed. */
  setLanesCollapsed(collapsed: boolean): void {
    if (this.lanesButton) {
      const text = collapsed ? this.labels.expandLanes : this.labels.collapseLanes;
      this.lanesButton.textContent = text;
      this.lanesButton.title = text;
      this.lanesButton.setAttribute('aria-label', text);
    }
  }

  /** `legendLabel` names a legend entry (an organisation id or an architecture type), as the exported chart's legend does. */
  update(shown: number, total: number, scheme: ColourScheme, legendLabel: (label: string) => string): void {
    this.status.textContent = format(this.labels.shown, shown, total);
    clear(this.legend);
    this.legend.setAttribute('aria-label', this.labels.legend);
    for (const entry of scheme.legend) {
      const label = legendLabel(entry.label);
      const item = html('span', { class: `legend-item ${slotClass(entry.slot)}`, role: 'listitem' });
      item.append(html('span', { class: 'swatch', 'aria-hidden': 'true' }), html('span', {}, label));
      this.legend.appendChild(item);
    }
    const vision = html('span', { class: 'legend-item legend-vision', role: 'listitem' });
    vision.append(html('span', { class: 'swatch-vision', 'aria-hidden': 'true' }), html('span', {}, this.labels.visionOnlyModel));
    this.legend.appendChild(vision);
  }

  private search(value: string): HTMLInputElement {
    const input = html('input', { type: 'search', class: 'search', 'data-control': 'search', placeholder: this.labels.search, 'aria-label': this.labels.search });
    input.value = value;
    input.addEventListener('input', () => this.handlers.change((s) => (s.filter.text = input.value)));
    return input;
  }
}

/** Options for ids shown by name, sorted by that name. */
function byName(ids: readonly string[], nameOf: (id: string) => string): Option[] {
  return ids.map((id): Option => [id, nameOf(id)]).sort((a, b) => a[1].localeCompare(b[1]));
}

function select(control: string, label: string, options: Option[], value: string, onChange: (value: string) => void): HTMLSelectElement {
  const element = html('select', { 'data-control': control, 'aria-label': label, title: label });
  for (const [optionValue, optionLabel] of options) {
    const option = html('option', { value: optionValue }, optionLabel);
    element.appendChild(option);
  }
  element.value = value;
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

function button(control: string, text: string, label: string, onClick: () => void): HTMLButtonElement {
  const element = html('button', { type: 'button', 'data-control': control, 'aria-label': label, title: label }, text);
  element.addEventListener('click', onClick);
  return element;
}
