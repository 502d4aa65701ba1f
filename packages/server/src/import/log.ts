// The import log: one row per import attempt (applied, unchanged, rejected or held), counts only, no row content.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types.js';
import { invalidRows, type ImportReport } from './report.js';

/**
 * Records an import refused because some rows are invalid (nothing applied) and returns its report.
 * `validOnly`: what --skip-invalid would apply instead ("apply the valid rows only").
 */
export async function rejectInvalidRows(
  db: Db,
  entry: { report: ImportReport; contentHash: string; startedAt: string; finishedAt: string },
  validOnly = 'apply the valid rows only',
): Promise<ImportReport> {
  entry.report.outcome = 'rejected';
  entry.report.message = `Nothing was applied because some rows are invalid. Fix them, or re-run with --skip-invalid to ${validOnly}.`;
  await recordImport(db, entry);
  return entry.report;
}

export async function recordImport(
  db: Db,
  entry: {
    id?: string;
    report: ImportReport;
    contentHash: string;
    startedAt: string;
    finishedAt: string;
    update?: boolean;
  },
): Promise<void> {
  const { report } = entry;
  const summary = JSON.stringify({
    rows: report.rows,
    valid: report.valid,
    invalid: invalidRows(report),
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
    deleted: report.deleted,
    statusChanges: report.statusChanges,
    alertEvents: report.alertEvents,
    notifications: report.notifications,
  });
  if (entry.update) {
    await db.run('UPDATE imports SET outcome = $2, summary = $3, finished_at = $4 WHERE id = $1', [
      entry.id!,
      report.outcome,
      summary,
      entry.finishedAt,
    ]);
    return;
  }
  await db.run(
    'INSERT INTO imports (id, kind, source_name, content_hash, outcome, summary, started_at, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      entry.id ?? randomUUID(),
      report.kind,
      report.source,
      entry.contentHash,
      report.outcome,
      summary,
      entry.startedAt,
      entry.finishedAt,
    ],
  );
}
