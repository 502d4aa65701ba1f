// What an import says about itself: counts, and every rejected row with its field and the reason.

export interface RowIssue {
  /** 1-based data row (the CSV header and JSON wrapper are not counted). */
  row: number;
  /** The file the row is in, when an import reads several (HSDS CSV package). */
  file?: string;
  /** Line in the file, for CSV. */
  line?: number;
  /** The column or JSON field, as named in the file. */
  field: string;
  reason: string;
}

export type ImportOutcome = 'applied' | 'unchanged' | 'rejected' | 'held';

export interface ImportReport {
  kind: 'services' | 'custody' | 'facilities';
  source: string;
  outcome: ImportOutcome;
  rows: number;
  valid: number;
  /** Rows left out (or, without --skip-invalid, the reason nothing was applied). */
  issues: RowIssue[];
  /** Values left out of otherwise valid rows (an http: link, coordinates out of range); the row was imported. */
  warnings: RowIssue[];
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Custody only: existing records whose status changed, and how many map to alert events. */
  statusChanges: number;
  alertEvents: number;
  /** Outbox rows the alerts module created for those events. */
  notifications: number;
  /** Why the import was held or rejected, in words for the operator. */
  message: string;
}

export function emptyReport(kind: ImportReport['kind'], source: string): ImportReport {
  return {
    kind,
    source,
    outcome: 'unchanged',
    rows: 0,
    valid: 0,
    issues: [],
    warnings: [],
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    statusChanges: 0,
    alertEvents: 0,
    notifications: 0,
    message: '',
  };
}

/** How many distinct rows had problems. */
export function invalidRows(report: ImportReport): number {
  return new Set(report.issues.map((i) => `${i.file ?? ''}#${i.row}`)).size;
}

/** A human-readable report for the terminal. */
export function formatReport(report: ImportReport, maxIssues = 50): string {
  const lines = [
    `${report.kind} import of ${report.source}: ${report.outcome.toUpperCase()}`,
    `  rows read: ${report.rows}, valid: ${report.valid}, invalid: ${invalidRows(report)}`,
    `  inserted: ${report.inserted}, updated: ${report.updated}, unchanged: ${report.unchanged}${report.kind === 'services' ? `, deleted: ${report.deleted}` : ''}`,
  ];
  if (report.kind === 'custody')
    lines.push(
      `  status changes: ${report.statusChanges}, alert events: ${report.alertEvents}, notifications queued: ${report.notifications}`,
    );
  const list = (title: string, issues: RowIssue[]) => {
    if (!issues.length) return;
    lines.push(`  ${title}:`);
    for (const issue of issues.slice(0, maxIssues)) {
      const where = `${issue.file ? `${issue.file} ` : ''}row ${issue.row}${issue.line ? ` (line ${issue.line})` : ''}`;
      lines.push(`    ${where}, ${issue.field}: ${issue.reason}`);
    }
    if (issues.length > maxIssues)
      lines.push(`    … and ${issues.length - maxIssues} more (use --json for all of them)`);
  };
  list('invalid rows', report.issues);
  list('values left out (rows imported without them)', report.warnings);
  if (report.message) lines.push('', report.message);
  return lines.join('\n');
}
