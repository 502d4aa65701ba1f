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
  kind: 'services' | 'custody';
  source: string;
  outcome: ImportOutcome;
  rows: number;
  valid: number;
  issues: RowIssue[];
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
    kind, source, outcome: 'unchanged', rows: 0, valid: 0, issues: [], inserted: 0, updated: 0, unchanged: 0, deleted: 0,
    statusChanges: 0, alertEvents: 0, notifications: 0, message: '',
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
  if (report.kind === 'custody') lines.push(`  status changes: ${report.statusChanges}, alert events: ${report.alertEvents}, notifications queued: ${report.notifications}`);
  if (report.issues.length) {
    lines.push('  problems:');
    for (const issue of report.issues.slice(0, maxIssues)) {
      const where = `${issue.file ? `${issue.file} ` : ''}row ${issue.row}${issue.line ? ` (line ${issue.line})` : ''}`;
      lines.push(`    ${where}, ${issue.field}: ${issue.reason}`);
    }
    if (report.issues.length > maxIssues) lines.push(`    … and ${report.issues.length - maxIssues} more (use --json for all of them)`);
  }
  if (report.message) lines.push('', report.message);
  return lines.join('\n');
}
