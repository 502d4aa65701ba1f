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
import { CustodyStatus, type AlertEvent } from '@referral-kit/sdk';
import { nameWordKeys } from '@referral-kit/sdk/custody-search';
import type { Db, SqlParam } from '../db/types.js';
import { analyzeCustody, CUSTODY_COLUMNS, custodyColumns, identifierRows } from '../db/custody-store.js';
import { loadFacilityStates } from '../db/facility-store.js';
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

/** The alerts module's hook: queue notifications for a batch of events inside the import's transaction. */
export type EnqueueStatusChanges = (tx: Db, events: readonly StatusChangeEvent[], now: Date) => Promise<number>;

export interface CustodyImportOptions {
  /** Largest share (0–1] of existing records that may change status in one import without confirmation. */
  massChangeShare: number;
  confirmMassChange?: boolean;
  /** Apply the valid rows even when some rows are invalid (default: all or nothing). */
  skipInvalid?: boolean;
  enqueueStatusChanges?: EnqueueStatusChanges;
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

/** Staged rows merged per round on PostgreSQL, where the whole merge is one transaction: bounds the events in memory. */
const POSTGRES_CHUNK = 50_000;
/**
 * On SQLite a chunk's transaction is what an alert signup may have to wait for, so chunks are sized by time: each
 * aims at this long, whatever the machine and its load (the signup's own work must fit in 200 ms too).
 */
const SQLITE_CHUNK_MS = 40;
// The first chunk is small: until it is timed, nothing says how long a row takes on this machine now.
const SQLITE_CHUNK = { first: 50, min: 20, max: 50_000 };
const SQLITE_PAUSE_MS = 5;
/** Alert events handed to the alerts hook at once. */
const EVENTS_PER_CALL = 5000;

/**
 * Each row is staged as the columns it will be stored with (derived once, in custody-store.ts), so the merge is SQL
 * over the staging table: only the public id is left to assign (kept, asked for by the feed, or new_id).
 */
const STAGING_COLUMNS = {
  row: 'INTEGER',
  line: 'INTEGER',
  source_key: 'TEXT NOT NULL',
  feed_id: 'TEXT',
  new_id: 'TEXT NOT NULL',
  event_id: 'TEXT NOT NULL',
  occurred_at: 'TEXT NOT NULL',
  data: 'TEXT NOT NULL', // the record as JSON, without its id
  content_hash: 'TEXT NOT NULL',
  status: 'TEXT NOT NULL',
  confidential: 'INTEGER NOT NULL',
  sort_name: 'TEXT NOT NULL',
  birth_year: 'INTEGER',
  state: 'TEXT',
  source_updated_at: 'TEXT NOT NULL',
  updated_at: 'TEXT NOT NULL',
  country_key: 'TEXT',
  facility_id: 'TEXT',
  identifiers: 'TEXT NOT NULL', // JSON [[value, type], …]
  name_words: 'TEXT', // JSON [word, …] (SQLite's name search rows)
};
/** The staged columns custody_records takes as they are (CUSTODY_COLUMNS after id and data). */
const STORED_COLUMNS = CUSTODY_COLUMNS.slice(2);

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
    const facilityStates = await loadFacilityStates(conn);
    const stamp = now().toISOString();
    const staging = await openStaging(conn, 'custody_staging', STAGING_COLUMNS);
    try {
      progress.start('Reading feed', size);
      for await (const checked of feed.rows) {
        report.rows = checked.row;
        if ('issues' in checked) report.issues.push(...checked.issues);
        else await staging.add(stagedRow(checked, facilityStates, stamp, conn.dialect === 'sqlite'));
        if (checked.row % 1000 === 0) progress.tick(read);
      }
      await staging.finish(['source_key', 'feed_id']);
      progress.tick(size);
      progress.stop();
      await checkWholeFeed(conn, staging, report, options);
      await merge(conn, staging, report, options, feed.contentHash(), startedAt, stamp);
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

function stagedRow(
  item: FeedRecord,
  facilityStates: ReadonlyMap<string, string>,
  stamp: string,
  nameWordRows: boolean,
): SqlParam[] {
  const { record } = item;
  return [
    item.row,
    item.line ?? null,
    item.sourceKey,
    item.id ?? null,
    newCustodyId(),
    randomUUID(),
    record.statusChangedAt ?? record.sourceUpdatedAt,
    JSON.stringify(record),
    ...custodyColumns(item, facilityStates, stamp).slice(1),
    JSON.stringify(identifierRows(record)),
    nameWordRows ? JSON.stringify(nameWordKeys(record.displayName)) : null,
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

/** Every status transition that means an alert, as rows for SQL to join on (from alertEventFor, the one place). */
const TRANSITIONS = CustodyStatus.options
  .flatMap((from) =>
    CustodyStatus.options.map((to) => {
      const alert = alertEventFor(from, to);
      return alert ? `SELECT '${from}' AS from_status, '${to}' AS to_status, '${alert}' AS alert_event` : '';
    }),
  )
  .filter(Boolean)
  .join(' UNION ALL ');

/** What one round of the merge writes: the staged rows in (after, upTo], minus those stored unchanged. */
const PLAN = 'custody_plan';

/** Writes what changed, chunk by chunk in row order, with its events and notifications. */
async function merge(
  conn: Db,
  staging: Staging,
  report: ImportReport,
  options: CustodyImportOptions,
  contentHash: string,
  startedAt: string,
  stamp: string,
): Promise<void> {
  const { now } = options;
  const progress = options.progress ?? silentProgress;
  const importId = randomUUID();
  await recordImport(conn, { id: importId, report, contentHash, startedAt, finishedAt: stamp });
  progress.start('Applying records', report.valid);
  const postgres = conn.dialect === 'postgres';
  await conn.run(
    `CREATE TEMPORARY TABLE ${PLAN} (row INTEGER PRIMARY KEY, id TEXT NOT NULL, existing_id TEXT, from_status TEXT, renamed INTEGER NOT NULL)${postgres ? ' ON COMMIT DROP' : ''}`,
  );
  const [last] = await conn.query<{ row: number | null }>(`SELECT MAX(row) AS row FROM ${staging.table}`);
  const lastRow = Number(last?.row ?? 0);
  let chunk = postgres ? POSTGRES_CHUNK : SQLITE_CHUNK.first;
  try {
    for (let after = 0; after < lastRow;) {
      const upTo = Math.min(lastRow, after + chunk);
      let began = 0;
      // Background: on SQLite a signup already waiting for the lock goes first (see db/sqlite.ts).
      await conn.transaction(
        (tx) => {
          began = performance.now();
          return mergeRows(tx, staging.table, [after, upTo], report, options, importId);
        },
        { background: true },
      );
      if (!postgres) {
        // Sized by the time the lock was held, not the time spent waiting for it.
        const perRow = (performance.now() - began) / (upTo - after);
        chunk = Math.round(Math.min(SQLITE_CHUNK.max, Math.max(SQLITE_CHUNK.min, SQLITE_CHUNK_MS / perRow)));
        // A pause lets a signup waiting in this process take the lock first.
        await sleep(SQLITE_PAUSE_MS);
      }
      after = upTo;
      progress.tick(Math.min(report.valid, after));
    }
  } finally {
    if (!postgres) await conn.run(`DROP TABLE IF EXISTS temp.${PLAN}`);
  }
  progress.stop();
  const changed = report.inserted + report.updated;
  report.unchanged = report.valid - changed;
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
 * One round of the merge, set-based: plan the staged rows in `range` that are new or changed, then update, insert,
 * replace their search rows (name words only where the name changed), record status events and hand the alert-worthy ones to the alerts hook.
 */
async function mergeRows(
  tx: Db,
  table: string,
  range: [after: number, upTo: number],
  report: ImportReport,
  options: CustodyImportOptions,
  importId: string,
): Promise<void> {
  const sqlite = tx.dialect === 'sqlite';
  await tx.run(`DELETE FROM ${PLAN}`);
  await tx.run(
    `INSERT INTO ${PLAN} (row, id, existing_id, from_status, renamed)
     SELECT s.row, COALESCE(c.id, s.feed_id, s.new_id), c.id, c.status, CASE WHEN c.sort_name = s.sort_name THEN 0 ELSE 1 END
     FROM ${table} s LEFT JOIN custody_records c ON c.source_key = s.source_key
     WHERE s.row > $1 AND s.row <= $2 AND (c.id IS NULL OR c.content_hash <> s.content_hash)`,
    range,
  );
  const planned = `${PLAN} p JOIN ${table} s ON s.row = p.row`;
  // The stored JSON is the record with its id first, as JSON.stringify({ id, ...record }) writes it.
  const data = `'{"id":"' || p.id || '",' || substr(s.data, 2)`;
  const { changes: updated } = await tx.run(
    `UPDATE custody_records SET ${['data', ...STORED_COLUMNS].map((c) => `${c} = x.${c}`).join(', ')}
     FROM (SELECT p.existing_id, ${data} AS data, ${STORED_COLUMNS.map((c) => `s.${c}`).join(', ')}
           FROM ${planned} WHERE p.existing_id IS NOT NULL) AS x
     WHERE custody_records.id = x.existing_id`,
  );
  const replaced = `SELECT existing_id FROM ${PLAN} WHERE existing_id IS NOT NULL`;
  // A record keeps its name words unless its name changed (a new record has none yet: renamed).
  if (sqlite) await tx.run(`DELETE FROM custody_name_words WHERE record_id IN (${replaced} AND renamed = 1)`);
  await tx.run(`DELETE FROM custody_identifiers WHERE record_id IN (${replaced})`);
  const { changes: inserted } = await tx.run(
    `INSERT INTO custody_records (${CUSTODY_COLUMNS.join(', ')})
     SELECT p.id, ${data}, ${STORED_COLUMNS.map((c) => `s.${c}`).join(', ')}
     FROM ${planned} WHERE p.existing_id IS NULL ORDER BY p.row`,
  );
  // Each JSON array's elements as rows j(value): json_each on SQLite, jsonb_array_elements on PostgreSQL.
  const elements = (column: string) =>
    sqlite ? `json_each(${column}) AS j` : `jsonb_array_elements(${column}::jsonb) AS j(value)`;
  // In key order, so the inserts walk the index instead of jumping around it.
  if (sqlite) {
    await tx.run(
      `INSERT INTO custody_name_words (word, record_id)
       SELECT j.value, p.id FROM ${planned}, ${elements('s.name_words')} WHERE p.renamed = 1 ORDER BY 1, 2`,
    );
  }
  await tx.run(
    `INSERT INTO custody_identifiers (value, type, record_id)
     SELECT j.value ->> 0, j.value ->> 1, p.id FROM ${planned}, ${elements('s.identifiers')} ORDER BY 1, 2, 3`,
  );
  const events = `FROM ${planned} LEFT JOIN (${TRANSITIONS}) t ON t.from_status = p.from_status AND t.to_status = s.status
     WHERE (p.from_status IS NULL OR p.from_status <> s.status)`;
  await tx.run(
    `INSERT INTO custody_events (id, record_id, from_status, to_status, alert_event, occurred_at, import_id)
     SELECT s.event_id, p.id, p.from_status, s.status, t.alert_event, s.occurred_at, $1 ${events} ORDER BY p.row`,
    [importId],
  );
  const alerts = await tx.query<{
    event_id: string;
    id: string;
    alert_event: AlertEvent;
    status: CustodyStatus;
    occurred_at: string;
  }>(
    `SELECT s.event_id, p.id, t.alert_event, s.status, s.occurred_at ${events} AND t.alert_event IS NOT NULL ORDER BY p.row`,
  );
  report.updated += updated;
  report.inserted += inserted;
  report.alertEvents += alerts.length;
  const enqueue = options.enqueueStatusChanges;
  if (!enqueue) return;
  for (let start = 0; start < alerts.length; start += EVENTS_PER_CALL) {
    const batch = alerts.slice(start, start + EVENTS_PER_CALL).map((a) => ({
      eventId: a.event_id,
      recordId: a.id,
      alertEvent: a.alert_event,
      status: a.status,
      occurredAt: a.occurred_at,
    }));
    report.notifications += await enqueue(tx, batch, options.now());
  }
}
