// The Check Bibliography report as plain data (what the webview renders and the protocol carries), its
// rows' status order, and the report as Markdown for export. The words come in already translated.

export const REPORT_STATUSES = ['mismatch', 'wrong-name', 'missing-entry', 'duplicate', 'published-since', 'unprotected', 'verified'] as const;
/** Worst first: a row shows the first status any of its problems has. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportProblem {
  /** Unique in the report: what the page sends back to fix or reveal it. */
  id: string;
  code: string;
  message: string;
  /** "refs.bib:12" or "paper.tex:40". */
  location: string;
  /** The fix button's label, when there is a fix. */
  fixLabel?: string;
  safe: boolean;
}

export interface ReportRow {
  modelId: string;
  name: string;
  year: string;
  venue?: string;
  keys: string[];
  status: ReportStatus;
  problems: ReportProblem[];
}

export interface ReportLabels {
  heading: string;
  bibliography: string;
  model: string;
  keys: string;
  status: string;
  findings: string;
  fix: string;
  reveal: string;
  applySafeFixes: string;
  exportMarkdown: string;
  refresh: string;
  confirmSafeFixes: string;
  apply: string;
  cancel: string;
  noPapers: string;
  none: string;
  statuses: Record<ReportStatus, string>;
}

export interface ReportView {
  /** The document (or .bib) checked, as a workspace-relative path. */
  subject: string;
  bibFiles: string[];
  summary: string;
  notes: string[];
  rows: ReportRow[];
  /** How many published-version and title-unprotected fixes "Apply all safe fixes" would make. */
  safeFixes: number;
  labels: ReportLabels;
}

export function rowStatus(statuses: readonly ReportStatus[]): ReportStatus {
  return REPORT_STATUSES.find((s) => statuses.includes(s)) ?? 'verified';
}

/** Table cells hold one line, and a pipe or a backslash in them is text. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

/** The report as a Markdown document: a heading, the summary, then one table row per atlas paper. */
export function reportMarkdown(view: ReportView): string {
  const { labels } = view;
  const lines = [
    `# ${cell(view.labels.heading)}: ${cell(view.subject)}`,
    '',
    cell(view.summary),
    '',
    `${cell(labels.bibliography)}: ${view.bibFiles.length > 0 ? view.bibFiles.map((f) => `\`${f.replace(/`/g, "'")}\``).join(', ') : cell(labels.none)}`,
    ...view.notes.flatMap((n) => ['', `> ${cell(n)}`]),
    '',
    `| ${cell(labels.model)} | ${cell(labels.keys)} | ${cell(labels.status)} | ${cell(labels.findings)} |`,
    '| --- | --- | --- | --- |',
  ];
  for (const row of view.rows) {
    const problems = row.problems.map((p) => `${cell(p.location)} \`${p.code}\`: ${cell(p.message)}`).join('<br>');
    const keys = row.keys.map((k) => `\`${k.replace(/`/g, "'")}\``).join(', ');
    lines.push(`| ${cell(row.name)} (${row.year}) | ${keys} | ${cell(labels.statuses[row.status])} | ${problems || '–'} |`);
  }
  if (view.rows.length === 0) {
    lines.push(`| ${cell(labels.noPapers)} | | | |`);
  }
  return `${lines.join('\n')}\n`;
}
