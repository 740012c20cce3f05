// Builds the report page from a ReportView: a header with the summary and the page's actions, then one row per
// atlas paper with its status, its problems and a fix button each. Text only through textContent.
import type { ReportLabels, ReportView, WebviewToHost } from './protocol';

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

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attrs }, label);
  element.addEventListener('click', onClick);
  return element;
}

export function renderReport(root: HTMLElement, view: ReportView, post: Post): void {
  const { labels } = view;
  const actions = h(
    'div',
    { class: 'actions' },
    button(`${labels.applySafeFixes} (${view.safeFixes})`, () => post({ type: 'previewSafeFixes' }), view.safeFixes > 0 ? { 'data-action': 'apply-safe' } : { 'data-action': 'apply-safe', disabled: '' }),
    button(labels.exportMarkdown, () => post({ type: 'exportMarkdown' }), { class: 'secondary', 'data-action': 'export' }),
    button(labels.refresh, () => post({ type: 'refresh' }), { class: 'secondary', 'data-action': 'refresh' }),
  );
  const header = h(
    'header',
    {},
    h('h1', {}, `${labels.heading}: `, h('span', { class: 'subject' }, view.subject)),
    h('p', { class: 'summary' }, view.summary),
    h('p', { class: 'meta' }, `${labels.bibliography}: ${view.bibFiles.length > 0 ? view.bibFiles.join(', ') : labels.none}`),
    ...view.notes.map((note) => h('p', { class: 'note' }, note)),
    actions,
    h('div', { class: 'confirm', hidden: '', role: 'alertdialog', 'aria-live': 'polite' }),
  );
  const table = h(
    'table',
    { class: 'report', 'aria-label': labels.heading },
    h('colgroup', {}, ...['model', 'keys', 'status', 'findings'].map((c) => h('col', { class: c }))),
    h('thead', {}, h('tr', {}, ...[labels.model, labels.keys, labels.status, labels.findings].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...view.rows.map((row) => renderRow(row, labels, post))),
  );
  root.replaceChildren(h('main', {}, header, view.rows.length > 0 ? table : h('p', { class: 'empty' }, labels.noPapers)));
  enableRowKeys(table);
}

function renderRow(row: ReportView['rows'][number], labels: ReportLabels, post: Post): HTMLTableRowElement {
  const problems = row.problems.map((p) =>
    h(
      'li',
      { class: `problem ${p.safe ? 'safe' : ''}`, 'data-code': p.code },
      h('code', {}, p.code),
      ' ',
      h('span', { class: 'message' }, p.message),
      ' ',
      button(p.location, () => post({ type: 'reveal', problemId: p.id }), { class: 'link', title: labels.reveal }),
      ...(p.fixLabel ? [' ', button(p.fixLabel, () => post({ type: 'fix', problemId: p.id }), { class: 'fix', 'data-problem': p.id })] : []),
    ),
  );
  return h(
    'tr',
    { 'data-model': row.modelId, 'data-status': row.status, tabindex: '-1' },
    h('th', { scope: 'row' }, h('span', { class: 'name' }, row.name), h('span', { class: 'year' }, ` (${row.year})`), ...(row.venue ? [h('div', { class: 'venue' }, row.venue)] : [])),
    h('td', { class: 'keys' }, ...row.keys.map((k) => h('code', {}, k))),
    h('td', {}, h('span', { class: `status status-${row.status}` }, labels.statuses[row.status])),
    h('td', {}, problems.length > 0 ? h('ul', {}, ...problems) : h('span', { class: 'empty' }, '–')),
  );
}

/** Up and Down move between rows (the first row takes Tab), Home and End to the ends; Tab reaches each button. */
function enableRowKeys(table: HTMLTableElement): void {
  const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>('tbody tr'));
  rows[0]?.setAttribute('tabindex', '0');
  table.addEventListener('keydown', (event) => {
    const current = (event.target as HTMLElement).closest('tr');
    const at = current ? rows.indexOf(current as HTMLTableRowElement) : -1;
    if (at < 0) {
      return;
    }
    const target = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : -1;
    if (target >= 0 && target < rows.length) {
      event.preventDefault();
      rows.forEach((r, i) => r.setAttribute('tabindex', i === target ? '0' : '-1'));
      rows[target].focus();
    }
  });
}

/** Shows the question "apply the safe fixes shown in the diff?" with its two buttons, the first focused. */
export function showConfirm(root: HTMLElement, labels: ReportLabels, count: number, post: Post): void {
  const box = root.querySelector<HTMLElement>('.confirm');
  if (!box) {
    return;
  }
  const apply = button(`${labels.apply} (${count})`, () => post({ type: 'applySafeFixes' }), { 'data-action': 'confirm-apply' });
  box.replaceChildren(h('p', {}, labels.confirmSafeFixes), h('div', { class: 'actions' }, apply, button(labels.cancel, () => post({ type: 'cancelSafeFixes' }), { class: 'secondary', 'data-action': 'confirm-cancel' })));
  box.hidden = false;
  apply.focus();
}
