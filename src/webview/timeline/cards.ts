// The small hover card and the selection bar with a selected model's actions.
import type { TimelineModel } from '../../core/timeline/timelineModel';
import { clear, html } from './dom';
import type { TimelineAction, TimelineLabels } from './protocol';
import { TIMELINE_ACTIONS } from './protocol';

export class HoverCard {
  readonly element = html('div', { class: 'hover-card', role: 'tooltip', id: 'timeline-hover-card', hidden: '' });

  constructor(host: HTMLElement) {
    host.appendChild(this.element);
  }

  show(model: TimelineModel, labels: TimelineLabels, anchor: { x: number; y: number; below: number }): void {
    const card = this.element;
    clear(card);
    card.appendChild(html('div', { class: 'card-title' }, model.name));
    card.appendChild(html('div', { class: 'card-paper' }, model.title));
    const facts = [model.date, model.venue, model.paperType, model.firstAuthor].filter((f): f is string => Boolean(f));
    if (model.kind === 'vision') {
      facts.push(labels.visionOnlyModel);
    }
    card.appendChild(html('div', { class: 'card-facts' }, facts.join(' · ')));
    card.appendChild(html('div', { class: 'card-summary' }, model.summary));
    card.hidden = false;
    const host = card.parentElement as HTMLElement;
    const maxLeft = host.clientWidth - card.offsetWidth - 8;
    const left = Math.max(8, Math.min(anchor.x, maxLeft));
    const fitsBelow = anchor.below + card.offsetHeight + 8 < host.clientHeight;
    card.style.left = `${left}px`;
    card.style.top = `${fitsBelow ? anchor.below + 6 : Math.max(8, anchor.y - card.offsetHeight - 6)}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}

export class SelectionBar {
  readonly element = html('div', { class: 'selection-bar', role: 'region', hidden: '' });
  private readonly name = html('span', { class: 'selection-name' });
  private readonly buttons = new Map<TimelineAction, HTMLButtonElement>();

  constructor(host: HTMLElement, labels: TimelineLabels, onAction: (action: TimelineAction) => void) {
    this.element.setAttribute('aria-label', labels.selected);
    this.element.append(html('span', { class: 'selection-caption' }, `${labels.selected}:`), this.name);
    for (const action of TIMELINE_ACTIONS) {
      const button = html('button', { type: 'button', class: 'action', 'data-action': action }, labels.actions[action]);
      button.addEventListener('click', () => onAction(action));
      this.buttons.set(action, button);
      this.element.appendChild(button);
    }
    host.appendChild(this.element);
  }

  show(model: TimelineModel | undefined): void {
    if (!model) {
      this.element.hidden = true;
      return;
    }
    this.name.textContent = model.name;
    const openPaper = this.buttons.get('openPaper');
    if (openPaper) {
      openPaper.disabled = !model.hasPaperLink;
    }
    this.element.hidden = false;
  }
}
