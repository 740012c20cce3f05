// A comparison table of atlas models in GitHub-flavoured Markdown, LaTeX booktabs or a Typst #table in a
// figure, one row per model, oldest first; every cell from the entry's structured fields, an en dash where
// it has no data.
import type { AtlasModel, ComponentRole } from '../atlas/atlas';
import { oldestFirst } from '../atlas/modelGroups';
import { formatNameWithCitation, type LatexCiteCommand } from '../citations/citationSyntax';
import { escapeLatex } from './latexEscape';
import { escapeMarkdownText } from './markdownEscape';
import { escapeTypst } from './typstEscape';

export type TableColumn =
  | 'date'
  | 'organization'
  | 'venue'
  | 'visionEncoder'
  | 'languageModel'
  | 'connector'
  | 'trainable'
  | 'objectives'
  | 'parameters';

/** Every column, in the order a table shows them. */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  'date',
  'organization',
  'venue',
  'visionEncoder',
  'languageModel',
  'connector',
  'trainable',
  'objectives',
  'parameters',
];

export function isTableColumn(value: unknown): value is TableColumn {
  return typeof value === 'string' && (TABLE_COLUMNS as readonly string[]).includes(value);
}

export interface ComparisonTableLabels {
  model: string;
  columns: Record<TableColumn, string>;
  /** The trainable-parts cell when every component is trained. */
  allTrainable: string;
  /** The trainable-parts cell when every component is frozen. */
  noneTrainable: string;
  caption: string;
  /** The LaTeX comment above the table, e.g. "Needs \usepackage{booktabs} in the preamble." */
  packageNote: string;
}

/** One row: the model and the key its citation uses (the .bib's own key when it holds the paper). */
export interface CitedModel {
  model: AtlasModel;
  key: string;
}

export type WritingSyntax = 'latex' | 'markdown' | 'typst';

export interface ComparisonTableOptions {
  syntax: WritingSyntax;
  labels: ComparisonTableLabels;
  latexCommand?: LatexCiteCommand;
  /** Leave out the package comment (the document already loads booktabs). */
  omitPackageNote?: boolean;
}

const NO_DATA = '\u2013';
const JOIN = '; ';
/** Inputs and outputs are data, not parts of the model. */
const NOT_PARTS = new Set<ComponentRole>(['input', 'output']);

function componentNames(model: AtlasModel, roles: readonly ComponentRole[]): string | undefined {
  const names = model.architecture.components.filter((c) => roles.includes(c.role)).map((c) => c.name);
  return names.length > 0 ? names.join(JOIN) : undefined;
}

function trainableParts(model: AtlasModel, labels: ComparisonTableLabels): string | undefined {
  const parts = model.architecture.components.filter((c) => !NOT_PARTS.has(c.role));
  if (parts.length === 0) {
    return undefined;
  }
  const trained = parts.filter((c) => c.trainable);
  if (trained.length === parts.length) {
    return labels.allTrainable;
  }
  return trained.length === 0 ? labels.noneTrainable : trained.map((c) => c.name).join(JOIN);
}

/** The plain text of one cell, or undefined when the entry has no data for it. */
export function cellText(model: AtlasModel, column: TableColumn, labels: ComparisonTableLabels): string | undefined {
  const architecture = model.architecture;
  switch (column) {
    case 'date':
      return model.paper.date.slice(0, 7) || undefined;
    case 'organization':
      return model.organizations.length > 0 ? model.organizations.join(JOIN) : undefined;
    case 'venue':
      return model.paper.venue || undefined;
    case 'visionEncoder':
      return componentNames(model, ['vision-encoder']);
    case 'languageModel':
      return componentNames(model, ['language-model']);
    case 'connector':
      return componentNames(model, ['fusion', 'connector']);
    case 'trainable':
      return trainableParts(model, labels);
    case 'objectives':
      return architecture.objectives?.length ? architecture.objectives.join(', ') : undefined;
    case 'parameters':
      return architecture.parameters || undefined;
  }
}

/** Columns of short values; the others wrap in LaTeX. */
const SHORT_COLUMNS = new Set<TableColumn>(['date', 'venue']);

export function buildComparisonTable(rows: readonly CitedModel[], columns: readonly TableColumn[], options: ComparisonTableOptions): string {
  const ordered = TABLE_COLUMNS.filter((c) => columns.includes(c));
  const sorted = [...rows].sort((a, b) => oldestFirst(a.model, b.model));
  switch (options.syntax) {
    case 'latex':
      return latexTable(sorted, ordered, options);
    case 'typst':
      return typstTable(sorted, ordered, options);
    default:
      return markdownTable(sorted, ordered, options);
  }
}

function typstTable(rows: readonly CitedModel[], columns: readonly TableColumn[], { labels }: ComparisonTableOptions): string {
  const cells = (texts: string[]) => `    ${texts.map((t) => `[${t}]`).join(', ')},`;
  const header = [labels.model, ...columns.map((c) => labels.columns[c])].map((h) => `[*${escapeTypst(h)}*]`);
  const body = rows.map(({ model, key }) =>
    cells([
      formatNameWithCitation(escapeTypst(model.name), key, 'typst'),
      ...columns.map((c) => {
        const text = cellText(model, c, labels);
        return text === undefined ? NO_DATA : escapeTypst(text);
      }),
    ]),
  );
  return [
    '#figure(',
    '  table(',
    `    columns: ${columns.length + 1},`,
    '    align: left,',
    `    table.header(${header.join(', ')}),`,
    ...body,
    '  ),',
    `  caption: [${escapeTypst(labels.caption)}],`,
    ') <tab:model-comparison>',
  ].join('\n');
}

function markdownTable(rows: readonly CitedModel[], columns: readonly TableColumn[], { labels }: ComparisonTableOptions): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const header = [labels.model, ...columns.map((c) => labels.columns[c])].map(escapeMarkdownText);
  const body = rows.map(({ model, key }) =>
    line([
      formatNameWithCitation(escapeMarkdownText(model.name), key, 'pandoc'),
      ...columns.map((c) => {
        const text = cellText(model, c, labels);
        return text === undefined ? NO_DATA : escapeMarkdownText(text);
      }),
    ]),
  );
  return [line(header), line(header.map(() => '---')), ...body].join('\n');
}

function latexTable(rows: readonly CitedModel[], columns: readonly TableColumn[], options: ComparisonTableOptions): string {
  const { labels } = options;
  const wrapped = columns.filter((c) => !SHORT_COLUMNS.has(c)).length;
  // Wrapping columns share about 60% of the line; the writer adjusts the widths to the page.
  const width = Math.min(0.3, Math.max(0.08, Math.floor(60 / Math.max(1, wrapped)) / 100));
  const spec = ['l', ...columns.map((c) => (SHORT_COLUMNS.has(c) ? 'l' : `p{${width}\\linewidth}`))].join('');
  const row = (cells: string[]) => `    ${cells.join(' & ')} \\\\`;
  const header = [labels.model, ...columns.map((c) => labels.columns[c])].map(escapeLatex);
  const body = rows.map(({ model, key }) =>
    row([
      formatNameWithCitation(escapeLatex(model.name), key, 'latex', options.latexCommand),
      ...columns.map((c) => {
        const text = cellText(model, c, labels);
        return text === undefined ? '--' : escapeLatex(text);
      }),
    ]),
  );
  return [
    ...(options.omitPackageNote ? [] : [`% ${labels.packageNote}`]),
    '\\begin{table}[htbp]',
    '  \\centering',
    '  \\small',
    `  \\caption{${escapeLatex(labels.caption)}}`,
    '  \\label{tab:model-comparison}',
    `  \\begin{tabular}{${spec}}`,
    '    \\toprule',
    row(header),
    '    \\midrule',
    ...body,
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ].join('\n');
}
