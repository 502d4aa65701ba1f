// The imports queue (migration 013): `referral-kit import … --queue` adds a job; a worker claims the oldest waiting
// job (FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers never take the same one), holds it under a lease it renews
// while the import runs, and records the report. A job whose worker died is claimed again once its lease ran out:
// running an import again is safe (unchanged rows are skipped; on PostgreSQL the interrupted one was rolled back).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';
import type { Logger } from '../logger.js';
import type { ImportReport } from './report.js';
import { isFileProblem, type ImportChoices, type ImportKind } from './run.js';
import { ImportInterrupted } from './import-thread.js';

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: string;
  kind: ImportKind;
  source: string;
  options: ImportChoices;
  submittedBy: string;
  status: ImportJobStatus;
  attempts: number;
  /** The import's report once done; `{ error }` once failed. */
  report?: ImportReport | { error: string };
  createdAt: string;
  finishedAt?: string;
}

/** A job is given up after this many claims (its worker died each time: the file itself may be the cause). */
export const MAX_ATTEMPTS = 3;

interface JobRow {
  id: string;
  kind: ImportKind;
  source: string;
  options: string;
  submitted_by: string;
  status: ImportJobStatus;
  attempts: number;
  report: string | null;
  created_at: string;
  finished_at: string | null;
}

const COLUMNS = 'id, kind, source, options, submitted_by, status, attempts, report, created_at, finished_at';

function jobOf(row: JobRow): ImportJob {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    options: JSON.parse(row.options) as ImportChoices,
    submittedBy: row.submitted_by,
    status: row.status,
    attempts: Number(row.attempts),
    ...(row.report === null ? {} : { report: JSON.parse(row.report) as ImportJob['report'] }),
    createdAt: row.created_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  };
}

export async function enqueueImport(
  db: Db,
  job: { kind: ImportKind; source: string; options: ImportChoices; submittedBy: string },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db.run(
    `INSERT INTO import_jobs (id, kind, source, options, submitted_by, status, created_at) VALUES ($1, $2, $3, $4, $5, 'queued', $6)`,
    [id, job.kind, job.source, JSON.stringify(job.options), job.submittedBy, now.toISOString()],
  );
  return id;
}

export async function getImportJob(db: Db, id: string): Promise<ImportJob | null> {
  const [row] = await db.query<JobRow>(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
  return row ? jobOf(row) : null;
}

/**
 * The oldest job waiting, or running under a lease that ran out, now leased to the caller until `now + leaseMs`.
 * A job claimed MAX_ATTEMPTS times already is marked failed instead.
 */
export async function claimImportJob(db: Db, now: Date, leaseMs: number): Promise<ImportJob | null> {
  const at = now.toISOString();
  await db.run(
    `UPDATE import_jobs SET status = 'failed', finished_at = $1, lease_until = NULL, report = $2
     WHERE status = 'running' AND lease_until < $1 AND attempts >= $3`,
    [at, JSON.stringify({ error: `Stopped ${MAX_ATTEMPTS} times before it finished.` }), MAX_ATTEMPTS],
  );
  const lock = db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const [row] = await db.query<JobRow>(
    `UPDATE import_jobs SET status = 'running', attempts = attempts + 1, started_at = $1, lease_until = $2
     WHERE id = (SELECT id FROM import_jobs
                 WHERE status = 'queued' OR (status = 'running' AND lease_until < $1)
                 ORDER BY created_at, id LIMIT 1 ${lock})
     RETURNING ${COLUMNS}`,
    [at, new Date(now.getTime() + leaseMs).toISOString()],
  );
  return row ? jobOf(row) : null;
}

/** Extends the lease of a job the caller still holds (same attempt); false once another worker has taken it over. */
export async function renewImportLease(db: Db, job: ImportJob, now: Date, leaseMs: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE import_jobs SET lease_until = $3 WHERE id = $1 AND attempts = $2 AND status = 'running'`,
    [job.id, job.attempts, new Date(now.getTime() + leaseMs).toISOString()],
  );
  return changes === 1;
}

export async function finishImportJob(
  db: Db,
  job: ImportJob,
  result: { report: ImportReport } | { error: string },
  now: Date,
): Promise<void> {
  await db.run(
    `UPDATE import_jobs SET status = $3, report = $4, finished_at = $5, lease_until = NULL
     WHERE id = $1 AND attempts = $2 AND status = 'running'`,
    [
      job.id,
      job.attempts,
      'report' in result ? 'done' : 'failed',
      JSON.stringify('report' in result ? result.report : result),
      now.toISOString(),
    ],
  );
}

export interface ImportQueueOptions {
  db: Db;
  now: Clock;
  logger: Logger;
  /** Runs one job's import (the CLI's runImport with the server's settings). */
  run: (job: ImportJob) => Promise<ImportReport>;
  leaseMs?: number;
  pollMs?: number;
}

/**
 * Claims and runs one job, renewing its lease every third of it while the import runs. False when none waits.
 * A file problem (not found, unreadable) fails the job with its message; any other error too, logged without it.
 */
export async function runNextImportJob(options: ImportQueueOptions): Promise<boolean> {
  const { db, now, logger } = options;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const job = await claimImportJob(db, now(), leaseMs);
  if (!job) return false;
  const renew = setInterval(() => {
    renewImportLease(db, job, now(), leaseMs).catch((error: unknown) =>
      logger.warn({ err: error, job: job.id }, 'import job lease not renewed'),
    );
  }, leaseMs / 3);
  try {
    const report = await options.run(job);
    await finishImportJob(db, job, { report }, now());
    logger.info({ job: job.id, kind: job.kind, outcome: report.outcome }, 'import job done');
  } catch (error) {
    if (error instanceof ImportInterrupted) {
      logger.warn({ job: job.id }, 'import job stopped with the server: left to its lease');
      return true;
    }
    const message =
      isFileProblem(error) && error instanceof Error ? error.message : 'The import failed; see the worker log.';
    if (!isFileProblem(error)) logger.error({ err: error, job: job.id }, 'import job failed');
    await finishImportJob(db, job, { error: message }, now());
  } finally {
    clearInterval(renew);
  }
  return true;
}

/** The worker's loop: runs jobs one after another, looks again every `pollMs` when none waits. */
export function startImportQueue(options: ImportQueueOptions): { stop(): Promise<void> } {
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let ran = false;
      try {
        ran = await runNextImportJob(options);
      } catch (error) {
        options.logger.error({ err: error }, 'import queue');
      }
      // Stopping ends the wait at once (the sleep rejects when aborted).
      if (!ran) await sleep(options.pollMs ?? 2000, undefined, { signal: stopping.signal }).catch(() => {});
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
