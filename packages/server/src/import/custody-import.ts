// `referral-kit import custody <file>`: diff a feed against the stored records, record status changes as events,
// hand alert-worthy events to the alerts module in the same transaction, and refuse suspicious mass changes.
import type { Clock } from '../clock.js';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { AlertEvent, CustodyStatus } from '@referral-kit/sdk';
import type { Db, SqlParam } from '../db/types.js';
import {
  analyzeCustody,
  contentHashOf,
  loadCustodyState,
  writeCustodyRecords,
  type CustodyWrite,
} from '../db/custody-store.js';
import { insertMany } from '../db/batch.js';
import { loadFacilityHashes } from '../db/facility-store.js';
import { sha256 } from '../db/normalize.js';
import { newCustodyId, parseCustodyFeed } from './custody-feed.js';
import { emptyReport, type ImportReport } from './report.js';
import { recordImport, rejectInvalidRows } from './log.js';
import { silentProgress, type Progress } from './progress.js';

export interface StatusChangeEvent {
  eventId: string;
  recordId: string;
  alertEvent: AlertEvent;
  /** The status the person moved to: alert messages explain it. */
  status: CustodyStatus;
  occurredAt: string;
}

/** The alerts module's hook: queue notifications for one event inside the import's transaction. */
export type EnqueueStatusChange = (tx: Db, event: StatusChangeEvent, now: Date) => Promise<number>;

export interface CustodyImportOptions {
  /** Largest share (0–1] of existing records that may change status in one import without confirmation. */
  massChangeShare: number;
  confirmMassChange?: boolean;
  /** Apply the valid rows even when some rows are invalid (default: all or nothing). */
  skipInvalid?: boolean;
  enqueueStatusChange?: EnqueueStatusChange;
  progress?: Progress;
  now: Clock;
}

/** Statuses in which the person is not held: moving from one of them into custody is a return. */
const OUT_OF_CUSTODY: ReadonlySet<CustodyStatus> = new Set([
  'released',
  'released-on-bond',
  'released-on-order',
  'supervised',
  'escaped',
  'removed',
  'voluntary-departure',
]);

/** Which alert (if any) a status transition means. */
export function alertEventFor(from: CustodyStatus, to: CustodyStatus): AlertEvent | null {
  if (from === to) return null;
  switch (to) {
    case 'released':
      return 'release';
    case 'released-on-bond':
    case 'released-on-order':
      return 'bond-or-order-release';
    case 'removed':
    case 'voluntary-departure':
      return 'removal';
    case 'immigration-detainer':
    case 'immigration-detention':
      return 'immigration-custody';
    case 'transferred':
      return 'transfer';
    case 'escaped':
      return 'escape';
    case 'deceased':
      return 'death';
    case 'returned-to-custody':
      return 'return-to-custody';
    case 'in-custody':
      return OUT_OF_CUSTODY.has(from) ? 'return-to-custody' : null;
    case 'supervised':
    case 'unknown':
      return null;
  }
}

/** Leaves the transaction without writing anything; the report says why. */
class ImportStopped extends Error {}

/** Records written per batch (and per progress step). */
const APPLY_CHUNK = 500;

export async function importCustody(
  db: Db,
  text: string,
  fileName: string,
  options: CustodyImportOptions,
): Promise<ImportReport> {
  const progress = options.progress ?? silentProgress;
  const { now } = options;
  const startedAt = now().toISOString();
  const source = basename(fileName);
  const report = emptyReport('custody', source);
  const contentHash = sha256(text);

  const feed = parseCustodyFeed(text, fileName, { now: now(), progress });
  report.rows = feed.rows;
  report.valid = feed.records.length;
  report.issues = feed.issues;
  if (feed.issues.length && !options.skipInvalid) {
    return rejectInvalidRows(db, { report, contentHash, startedAt, finishedAt: now().toISOString() });
  }

  try {
    await db.transaction(async (tx) => {
      const stored = await loadCustodyState(tx);
      const facilities = await loadFacilityHashes(tx);
      const takenIds = new Set([...stored.values()].map((s) => s.id));
      const plan: { write: CustodyWrite; exists: boolean; from: CustodyStatus | null }[] = [];
      for (const item of feed.records) {
        const existing = stored.get(item.sourceKey);
        let id = existing?.id ?? item.id ?? newCustodyId();
        if (!existing && takenIds.has(id)) {
          if (item.id) {
            report.issues.push({ row: item.row, field: 'id', reason: 'Another person already has this id.' });
            continue;
          }
          while (takenIds.has(id)) id = newCustodyId();
        }
        takenIds.add(id);
        if (item.facilityId !== undefined && !facilities.has(item.facilityId)) {
          report.warnings.push({
            row: item.row,
            field: 'facility_id',
            reason: `No facility "${item.facilityId}" has been imported yet: the record shows the facility once it is.`,
          });
        }
        const write: CustodyWrite = {
          record: { id, ...item.record },
          sourceKey: item.sourceKey,
          confidential: item.confidential,
          facilityId: item.facilityId,
        };
        if (existing && existing.contentHash === contentHashOf(write)) {
          report.unchanged++;
          continue;
        }
        plan.push({ write, exists: existing !== undefined, from: existing?.status ?? null });
      }
      if (report.issues.length && !options.skipInvalid) {
        report.outcome = 'rejected';
        report.message = 'Nothing was applied because some rows are invalid.';
        throw new ImportStopped();
      }
      const changes = plan.filter((p) => p.from !== null && p.from !== p.write.record.status);
      report.statusChanges = changes.length;
      const limit = options.massChangeShare * stored.size;
      if (stored.size > 0 && changes.length > limit && !options.confirmMassChange) {
        report.outcome = 'held';
        const share = ((changes.length / stored.size) * 100).toFixed(1);
        report.message =
          `HELD: ${changes.length} of ${stored.size} existing records (${share} %) would change status, more than the ` +
          `${(options.massChangeShare * 100).toFixed(1)} % limit. Nothing was applied and no notifications were sent. ` +
          'A feed error must not send mass false alerts: check the feed, and if the changes are real, re-run with --confirm-mass-change.';
        throw new ImportStopped();
      }

      const importId = randomUUID();
      const stamp = now().toISOString();
      await recordImport(tx, { id: importId, report, contentHash, startedAt, finishedAt: stamp });
      progress.start('Applying records', plan.length);
      const events: SqlParam[][] = [];
      const alerts: StatusChangeEvent[] = [];
      for (let start = 0; start < plan.length; start += APPLY_CHUNK) {
        const chunk = plan.slice(start, start + APPLY_CHUNK);
        await writeCustodyRecords(tx, chunk, stamp);
        for (const step of chunk) {
          const { record } = step.write;
          if (step.exists) report.updated++;
          else report.inserted++;
          if (step.from === record.status) continue;
          const alertEvent = step.from === null ? null : alertEventFor(step.from, record.status);
          const eventId = randomUUID();
          const occurredAt = record.statusChangedAt ?? record.sourceUpdatedAt;
          events.push([eventId, record.id, step.from, record.status, alertEvent, occurredAt, importId]);
          if (alertEvent) alerts.push({ eventId, recordId: record.id, alertEvent, status: record.status, occurredAt });
        }
        progress.tick(Math.min(plan.length, start + APPLY_CHUNK));
      }
      await insertMany(
        tx,
        'custody_events',
        ['id', 'record_id', 'from_status', 'to_status', 'alert_event', 'occurred_at', 'import_id'],
        events,
      );
      for (const event of alerts) {
        report.alertEvents++;
        if (options.enqueueStatusChange) report.notifications += await options.enqueueStatusChange(tx, event, now());
      }
      progress.stop();
      report.outcome = plan.length ? 'applied' : 'unchanged';
      report.message = plan.length ? '' : 'The feed matches the stored records; nothing changed.';
      await recordImport(tx, {
        id: importId,
        report,
        contentHash,
        startedAt,
        finishedAt: now().toISOString(),
        update: true,
      });
    });
  } catch (error) {
    progress.stop();
    if (!(error instanceof ImportStopped)) throw error;
    await recordImport(db, { report, contentHash, startedAt, finishedAt: now().toISOString() });
  }
  if (report.inserted > 0) await analyzeCustody(db);
  return report;
}
