// `referral-kit import custody <file>`: diff a feed against the stored records, record status changes as events,
// hand alert-worthy events to the alerts module with the records they are about, and refuse suspicious mass changes.
// The feed is read as a stream and staged whole first (see staging.ts), so the checks see every row while memory holds
// one batch. Then it is merged in chunks: on PostgreSQL all in the import's one transaction; on SQLite each chunk in
// its own short transaction, so an alert signup never waits long for the write lock. A SQLite import stopped half way
// has applied whole chunks (each record with its event and notifications): running it again finishes it.
import type { Clock } from '../clock.js';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AlertEvent, CustodyStatus } from '@referral-kit/sdk';
import type { Db, SqlParam } from '../db/types.js';
import { analyzeCustody, contentHashOf, writeCustodyRecords, type CustodyWrite } from '../db/custody-store.js';
import { insertMany } from '../db/batch.js';
import { newCustodyId, readCustodyFeed, type FeedRecord } from './custody-feed.js';
import { emptyReport, type ImportReport, type RowIssue } from './report.js';
import { recordImport, rejectInvalidRows } from './log.js';
import { silentProgress, type Progress } from './progress.js';
import { openStaging, type Staging } from './staging.js';

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

/** Leaves the import without merging anything; the report says why. */
class ImportStopped extends Error {
  constructor(readonly invalidRows: boolean) {
    super('import stopped');
  }
}

/** Records merged per statement batch on PostgreSQL, where the whole merge is one transaction. */
const POSTGRES_CHUNK = 5000;
/**
 * On SQLite a chunk's transaction is what an alert signup may have to wait for, so chunks are sized by time: each
 * aims at this long, whatever the machine and its load (the signup's own work must fit in 200 ms too).
 */
const SQLITE_CHUNK_MS = 40;
const SQLITE_CHUNK = { first: 200, min: 20, max: 2000 };
const SQLITE_PAUSE_MS = 5;
/** How often the merge checkpoints SQLite's write-ahead log (see checkpointBetweenChunks). */
const CHECKPOINT_EVERY_MS = 500;

const STAGING_COLUMNS = {
  row: 'INTEGER',
  line: 'INTEGER',
  source_key: 'TEXT NOT NULL',
  feed_id: 'TEXT',
  facility_id: 'TEXT',
  status: 'TEXT NOT NULL',
  entry: 'TEXT NOT NULL', // the checked record, confidential flag and facility id, as JSON
};

interface StagedEntry {
  record: FeedRecord['record'];
  confidential: boolean;
  facilityId?: string;
}

/** A feed given as text (tests, small files). */
export function importCustody(
  db: Db,
  text: string,
  fileName: string,
  options: CustodyImportOptions,
): Promise<ImportReport> {
  return importCustodyStream(db, Readable.from([Buffer.from(text)]), fileName, Buffer.byteLength(text), options);
}

/** A feed file, read as a stream whatever its size. */
export async function importCustodyFile(db: Db, path: string, options: CustodyImportOptions): Promise<ImportReport> {
  const { size } = await stat(path);
  return importCustodyStream(db, createReadStream(path, { highWaterMark: 256 * 1024 }), path, size, options);
}

async function importCustodyStream(
  db: Db,
  input: Readable,
  fileName: string,
  size: number,
  options: CustodyImportOptions,
): Promise<ImportReport> {
  const progress = options.progress ?? silentProgress;
  const { now } = options;
  const startedAt = now().toISOString();
  const report = emptyReport('custody', basename(fileName));
  let read = 0;
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        done(null, chunk);
      },
    }),
  );
  input.on('error', (error) => counted.destroy(error));
  const feed = readCustodyFeed(counted, fileName, { now: now() });
  const entry = () => ({ report, contentHash: feed.contentHash(), startedAt, finishedAt: now().toISOString() });

  const stageAndMerge = async (conn: Db) => {
    const staging = await openStaging(conn, 'custody_staging', STAGING_COLUMNS);
    try {
      progress.start('Reading feed', size);
      for await (const checked of feed.rows) {
        report.rows = checked.row;
        if ('issues' in checked) report.issues.push(...checked.issues);
        else await staging.add(stagedRow(checked));
        if (checked.row % 1000 === 0) progress.tick(read);
      }
      await staging.finish();
      progress.tick(size);
      progress.stop();
      await checkWholeFeed(conn, staging, report, options);
      await merge(conn, staging, report, options, feed.contentHash(), startedAt);
    } finally {
      progress.stop();
      await staging.drop();
    }
  };

  try {
    if (db.dialect === 'postgres') await db.transaction(stageAndMerge);
    else await stageAndMerge(db);
  } catch (error) {
    if (!(error instanceof ImportStopped)) throw error;
    if (error.invalidRows) return rejectInvalidRows(db, entry());
    await recordImport(db, entry());
  }
  if (report.inserted > 0) await analyzeCustody(db);
  return report;
}

function stagedRow(item: FeedRecord): SqlParam[] {
  const entry: StagedEntry = { record: item.record, confidential: item.confidential, facilityId: item.facilityId };
  return [
    item.row,
    item.line ?? null,
    item.sourceKey,
    item.id ?? null,
    item.facilityId ?? null,
    item.record.status,
    JSON.stringify(entry),
  ];
}

/**
 * What needs every row, before anything is merged: a person twice in the feed, a new record asking for an id another
 * person has, facilities not imported yet, and the mass-change guard. Throws ImportStopped when the feed is refused.
 */
async function checkWholeFeed(
  conn: Db,
  staging: Staging,
  report: ImportReport,
  options: CustodyImportOptions,
): Promise<void> {
  const table = staging.table;
  // The same person: an earlier row with the same source key, or asking for the same id.
  const repeats = await conn.query<{ row: number; first_by_key: number; first_by_id: number | null }>(
    `SELECT row, first_by_key, first_by_id FROM (
       SELECT row, MIN(row) OVER (PARTITION BY source_key) AS first_by_key,
         CASE WHEN feed_id IS NULL THEN NULL ELSE MIN(row) OVER (PARTITION BY feed_id) END AS first_by_id
       FROM ${table}) AS firsts
     WHERE first_by_key < row OR first_by_id < row ORDER BY row`,
  );
  const rowsOfRepeats = await conn.query<{ row: number; line: number | null }>(
    `SELECT row, line FROM ${table} WHERE row IN (${repeats.map((r) => Number(r.row)).join(', ') || 'NULL'})`,
  );
  const lineOf = new Map(rowsOfRepeats.map((r) => [Number(r.row), r.line === null ? undefined : Number(r.line)]));
  const issues: RowIssue[] = repeats.map((r) => {
    const clash = Number(r.first_by_key) < Number(r.row) ? Number(r.first_by_key) : Number(r.first_by_id);
    const line = lineOf.get(Number(r.row));
    const where = line === undefined ? { row: Number(r.row) } : { row: Number(r.row), line };
    return { ...where, field: 'identifier', reason: `The same person is already in row ${clash}.` };
  });
  await deleteStagedRows(conn, table, issues);
  const [staged] = await conn.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  report.valid = Number(staged?.n ?? 0);
  report.issues = mergeByRow(report.issues, issues);
  if (report.issues.length && !options.skipInvalid) throw new ImportStopped(true);

  const clashes = await conn.query<{ row: number }>(
    `SELECT s.row FROM ${table} s JOIN custody_records other ON other.id = s.feed_id
     WHERE NOT EXISTS (SELECT 1 FROM custody_records c WHERE c.source_key = s.source_key) ORDER BY s.row`,
  );
  const idIssues = clashes.map((c) => ({
    row: Number(c.row),
    field: 'id',
    reason: 'Another person already has this id.',
  }));
  await deleteStagedRows(conn, table, idIssues);
  report.issues = mergeByRow(report.issues, idIssues);
  const missing = await conn.query<{ row: number; facility_id: string }>(
    `SELECT s.row, s.facility_id FROM ${table} s
     WHERE s.facility_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facilities f WHERE f.id = s.facility_id)
     ORDER BY s.row`,
  );
  report.warnings = missing.map((m) => ({
    row: Number(m.row),
    field: 'facility_id',
    reason: `No facility "${m.facility_id}" has been imported yet: the record shows the facility once it is.`,
  }));
  if (idIssues.length && !options.skipInvalid) {
    report.outcome = 'rejected';
    report.message = 'Nothing was applied because some rows are invalid.';
    throw new ImportStopped(false);
  }

  const [guard] = await conn.query<{ stored: number; changes: number }>(
    `SELECT (SELECT COUNT(*) FROM custody_records) AS stored,
       (SELECT COUNT(*) FROM ${table} s JOIN custody_records c ON c.source_key = s.source_key
        WHERE c.status <> s.status) AS changes`,
  );
  const stored = Number(guard?.stored ?? 0);
  const changes = Number(guard?.changes ?? 0);
  report.statusChanges = changes;
  if (stored > 0 && changes > options.massChangeShare * stored && !options.confirmMassChange) {
    report.outcome = 'held';
    const share = ((changes / stored) * 100).toFixed(1);
    report.message =
      `HELD: ${changes} of ${stored} existing records (${share} %) would change status, more than the ` +
      `${(options.massChangeShare * 100).toFixed(1)} % limit. Nothing was applied and no notifications were sent. ` +
      'A feed error must not send mass false alerts: check the feed, and if the changes are real, re-run with --confirm-mass-change.';
    throw new ImportStopped(false);
  }
}

async function deleteStagedRows(conn: Db, table: string, issues: readonly RowIssue[]): Promise<void> {
  if (issues.length) await conn.run(`DELETE FROM ${table} WHERE row IN (${issues.map((i) => i.row).join(', ')})`);
}

/** Two lists of issues, each in row order, as one in row order (a row's own problems first). */
function mergeByRow(a: RowIssue[], b: RowIssue[]): RowIssue[] {
  return [...a, ...b].sort((x, y) => x.row - y.row);
}

interface StagedRow {
  row: number;
  source_key: string;
  feed_id: string | null;
  entry: string;
  existing_id: string | null;
  existing_status: CustodyStatus | null;
  existing_hash: string | null;
}

/** Writes what changed, chunk by chunk in row order, with its events and notifications. */
async function merge(
  conn: Db,
  staging: Staging,
  report: ImportReport,
  options: CustodyImportOptions,
  contentHash: string,
  startedAt: string,
): Promise<void> {
  const { now } = options;
  const progress = options.progress ?? silentProgress;
  const importId = randomUUID();
  const stamp = now().toISOString();
  await recordImport(conn, { id: importId, report, contentHash, startedAt, finishedAt: stamp });
  progress.start('Applying records', report.valid);
  let chunk = conn.dialect === 'postgres' ? POSTGRES_CHUNK : SQLITE_CHUNK.first;
  let after = 0;
  let done = 0;
  const checkpoints = await checkpointBetweenChunks(conn);
  try {
    for (;;) {
      const began = performance.now();
      const merged = await conn.transaction(async (tx) => {
        const rows = await tx.query<StagedRow>(
          `SELECT s.row, s.source_key, s.feed_id, s.entry, c.id AS existing_id, c.status AS existing_status, c.content_hash AS existing_hash
         FROM ${staging.table} s LEFT JOIN custody_records c ON c.source_key = s.source_key
         WHERE s.row > $1 ORDER BY s.row LIMIT ${chunk}`,
          [after],
        );
        if (rows.length === 0) return 0;
        after = Number(rows.at(-1)!.row);
        await mergeChunk(tx, rows, report, options, importId, stamp);
        return rows.length;
      });
      if (merged === 0) break;
      if (conn.dialect === 'sqlite') {
        const perRecord = (performance.now() - began) / merged;
        chunk = Math.round(Math.min(SQLITE_CHUNK.max, Math.max(SQLITE_CHUNK.min, SQLITE_CHUNK_MS / perRecord)));
        await checkpoints.step();
        // SQLite's lock is not a queue: a pause lets a waiting signup (this process or another) take it first.
        await sleep(SQLITE_PAUSE_MS);
      }
      progress.tick((done += merged));
    }
  } finally {
    await checkpoints.restore();
  }
  progress.stop();
  const changed = report.inserted + report.updated;
  report.outcome = changed ? 'applied' : 'unchanged';
  report.message = changed ? '' : 'The feed matches the stored records; nothing changed.';
  await recordImport(conn, {
    id: importId,
    report,
    contentHash,
    startedAt,
    finishedAt: now().toISOString(),
    update: true,
  });
}

/**
 * SQLite copies the write-ahead log into the database (a checkpoint, with its fsync) in the COMMIT that crosses a
 * size, which would make the chunk that pays for it slow and the next one small; and an alert signup committing after
 * a chunk would pay it too. So during the merge the importer checkpoints after each chunk itself, outside the write
 * lock, and the log stays short for everyone.
 */
async function checkpointBetweenChunks(conn: Db): Promise<{ step(): Promise<void>; restore(): Promise<void> }> {
  if (conn.dialect !== 'sqlite') return { step: async () => {}, restore: async () => {} };
  const [setting] = await conn.query<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint');
  await conn.query('PRAGMA wal_autocheckpoint = 0');
  let last = performance.now();
  return {
    async step() {
      if (performance.now() - last < CHECKPOINT_EVERY_MS) return;
      await conn.query('PRAGMA wal_checkpoint(PASSIVE)');
      last = performance.now();
    },
    async restore() {
      await conn.query(`PRAGMA wal_autocheckpoint = ${Number(setting?.wal_autocheckpoint ?? 1000)}`);
    },
  };
}

async function mergeChunk(
  tx: Db,
  rows: readonly StagedRow[],
  report: ImportReport,
  options: CustodyImportOptions,
  importId: string,
  stamp: string,
): Promise<void> {
  const plan: { write: CustodyWrite; exists: boolean; from: CustodyStatus | null }[] = [];
  for (const row of rows) {
    const staged = JSON.parse(row.entry) as StagedEntry;
    const write: CustodyWrite = {
      record: { id: row.existing_id ?? row.feed_id ?? newCustodyId(), ...staged.record },
      sourceKey: row.source_key,
      confidential: staged.confidential,
      facilityId: staged.facilityId,
    };
    if (row.existing_hash !== null && row.existing_hash === contentHashOf(write)) {
      report.unchanged++;
      continue;
    }
    plan.push({ write, exists: row.existing_id !== null, from: row.existing_status });
  }
  await writeCustodyRecords(tx, plan, stamp);
  const events: SqlParam[][] = [];
  const alerts: StatusChangeEvent[] = [];
  for (const step of plan) {
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
  await insertMany(
    tx,
    'custody_events',
    ['id', 'record_id', 'from_status', 'to_status', 'alert_event', 'occurred_at', 'import_id'],
    events,
  );
  for (const event of alerts) {
    report.alertEvents++;
    if (options.enqueueStatusChange)
      report.notifications += await options.enqueueStatusChange(tx, event, options.now());
  }
}
