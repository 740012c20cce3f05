// Builds the details page from a ModelDetails. Dataset text only ever goes in through textContent and
// setAttribute on elements this code names; the diagram's SVG tree is turned into DOM the same way.
import type { SvgNode } from '../../core/diagram/svgTree';
import type { DetailsAction, DetailsLabels, ModelDetails, ModelRef, WebviewToHost } from './protocol';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Post = (message: WebviewToHost) => void;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function svgElement(node: SvgNode): SVGElement {
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name !== 'xmlns' && !/^on/i.test(name) && !/href$/i.test(name)) {
      element.setAttribute(name, String(value));
    }
  }
  if (node.text !== undefined) {
    element.textContent = node.text;
  }
  for (const child of node.children ?? []) {
    element.appendChild(svgElement(child));
  }
  return element;
}

function section(title: string, ...content: Node[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), ...content);
}

function list(items: string[]): HTMLUListElement {
  return h('ul', {}, ...items.map((item) => h('li', {}, item)));
}

function button(label: string, onClick: () => void, secondary = false): HTMLButtonElement {
  const element = h('button', secondary ? { class: 'secondary', type: 'button' } : { type: 'button' }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** A same-page link that runs `onActivate` instead of navigating. */
function actionLink(text: string, title: string, onActivate: () => void): HTMLAnchorElement {
  const link = h('a', { href: '#', title, role: 'link' }, text);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    onActivate();
  });
  return link;
}

function lineageLinks(models: ModelRef[], labels: DetailsLabels, post: Post): HTMLElement {
  if (models.length === 0) {
    return h('dd', { class: 'empty' }, labels.none);
  }
  return h('dd', {}, ...models.map((m) => actionLink(`${m.name} (${m.year})`, m.name, () => post({ type: 'openModel', modelId: m.id }))));
}

export function renderDetails(root: HTMLElement, details: ModelDetails, labels: DetailsLabels, post: Post): void {
  const act = (action: DetailsAction) => () => post({ type: 'action', action, modelId: details.id });
  const header = h(
    'header',
    {},
    h('h1', {}, details.name, ...(details.kind === 'vision' ? [h('span', { class: 'kind' }, labels.visionOnly)] : [])),
    h('p', { class: 'paper-title' }, details.title),
    h('p', { class: 'authors' }, details.authors.join(', ')),
    h('p', { class: 'meta' }, ...[details.organizations.join(', '), details.date, details.venue, details.paperType].filter((t): t is string => !!t).map((t) => h('span', {}, t))),
    h('nav', { class: 'links' }, ...details.links.map((l) => actionLink(l.text, l.url, () => post({ type: 'openLink', link: l.link, modelId: details.id })))),
    h('div', { class: 'actions' }, button(labels.insertCitation, act('insertCitation')), button(labels.showOnTimeline, act('showOnTimeline'), true), button(labels.revealInTree, act('revealInTree'), true)),
  );

  const architecture = section(
    labels.architecture,
    h('p', { class: 'architecture-summary' }, `${details.architectureType} — ${details.architectureSummary}`),
    h('div', { class: 'diagram' }, svgElement(details.diagram)),
    ...(details.parameters ? [h('p', { class: 'parameters' }, `${labels.parameters}: ${details.parameters}`)] : []),
  );

  const lineage = section(
    labels.lineage,
    h('dl', { class: 'lineage' }, h('dt', {}, labels.buildsOn), lineageLinks(details.buildsOn, labels, post), h('dt', {}, labels.builtOnBy), lineageLinks(details.builtOnBy, labels, post)),
  );

  const bibtex = section(labels.bibtex, h('pre', { class: 'bibtex' }, details.bibtex), h('div', { class: 'actions' }, button(labels.copyBibtex, act('copyBibtex'))));

  root.replaceChildren(
    h(
      'main',
      { 'data-model': details.id },
      header,
      section(labels.summary, h('p', { class: 'summary' }, details.summary)),
      ...(details.keyIdeas.length > 0 ? [section(labels.keyIdeas, list(details.keyIdeas))] : []),
      ...(details.training.length > 0 ? [section(labels.training, list(details.training))] : []),
      architecture,
      lineage,
      bibtex,
    ),
  );
}
