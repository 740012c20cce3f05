// A comparison table of atlas models in GitHub-flavoured Markdown, LaTeX (booktabs, tabularx at the text
// width) or a Typst #table in a figure, one row per model, oldest first, every cell from structured fields.
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

/**
 * The columns a first table has: what sets the models apart architecturally. With the model and its citation
 * they fit an `article` page in LaTeX (the pdflatex test checks it); the writer may pick every column.
 */
export const DEFAULT_TABLE_COLUMNS: readonly TableColumn[] = ['date', 'visionEncoder', 'languageModel', 'connector'];

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
  /** The caption of the tables a long one is split into, after the first. */
  continuedCaption: string;
  /** The LaTeX comment above the table, "{0}" standing for the packages, e.g. "Needs {0} in the preamble." */
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
  /** The packages the document's preamble loads already: the package comment names only the others. */
  loadedPackages?: readonly string[];
}

/** What the LaTeX table needs in the preamble. */
export const TABLE_PACKAGES = ['booktabs', 'tabularx'] as const;

/** Rows per LaTeX float: more would not fit on a page (TeX's "Float too large"), so a longer table is split. */
export const ROWS_PER_FLOAT = 8;

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

/** Columns of short values, set at their width; the others share the rest of the line and wrap. */
const SHORT_COLUMNS = new Set<TableColumn>(['date']);

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

/**
 * TeX breaks a word only at a hyphen or where its patterns hyphenate it: a long run such as
 * "Token/visual/segment/position" or "InternVideo2-Chat" may also break after a "/" and (hyphenated) between
 * the words of a camel-case name, so no cell sticks out of a narrow column.
 */
function breakableRuns(latex: string): string {
  return latex.replace(/\S{13,}/g, (run) => run.replace(/\/(?=\S)/g, '/\\allowbreak{}').replace(/(?<=[a-z])(?=[A-Z][a-z])/g, '\\-'));
}

function latexTable(rows: readonly CitedModel[], columns: readonly TableColumn[], options: ComparisonTableOptions): string {
  const { labels } = options;
  // Wrapping columns may break a long word after its first letter too (\hspace{0pt}), so nothing sticks out.
  const wrap = '>{\\raggedright\\arraybackslash\\hspace{0pt}}X';
  const spec = ['@{}l', ...columns.map((c) => (SHORT_COLUMNS.has(c) ? 'l' : wrap)), '@{}'].join('');
  const row = (cells: string[]) => `    ${cells.join(' & ')} \\\\`;
  const header = [labels.model, ...columns.map((c) => labels.columns[c])].map(escapeLatex);
  const body = rows.map(({ model, key }) =>
    row([
      formatNameWithCitation(escapeLatex(model.name), key, 'latex', options.latexCommand),
      ...columns.map((c) => {
        const text = cellText(model, c, labels);
        return text === undefined ? '--' : breakableRuns(escapeLatex(text));
      }),
    ]),
  );
  const missing = TABLE_PACKAGES.filter((p) => !options.loadedPackages?.includes(p)).map((p) => `\\usepackage{${p}}`);
  // As many floats as needed, of even length: 13 rows make 7 and 6, not 12 and 1.
  const perFloat = Math.ceil(body.length / Math.max(1, Math.ceil(body.length / ROWS_PER_FLOAT)));
  const floats: string[] = [];
  for (let first = 0; first < Math.max(1, body.length); first += perFloat) {
    const caption = first === 0 ? labels.caption : labels.continuedCaption;
    floats.push(
      [
        '\\begin{table}[htbp]',
        '  \\centering',
        '  \\footnotesize',
        '  \\setlength{\\tabcolsep}{4pt}',
        `  \\caption{${escapeLatex(caption)}}`,
        ...(first === 0 ? ['  \\label{tab:model-comparison}'] : []),
        `  \\begin{tabularx}{\\linewidth}{${spec}}`,
        '    \\toprule',
        row(header),
        '    \\midrule',
        ...body.slice(first, first + perFloat),
        '    \\bottomrule',
        '  \\end{tabularx}',
        '\\end{table}',
      ].join('\n'),
    );
  }
  return [...(missing.length > 0 ? [`% ${labels.packageNote.replace('{0}', missing.join(' '))}`] : []), ...floats].join('\n');
}
