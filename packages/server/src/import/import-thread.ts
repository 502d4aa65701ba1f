// Queued imports in worker threads. `npm start` runs the imports queue in the API's own process: each import runs in
// a thread of its own with its own database connection, so reading, checking and merging a feed (seconds of CPU per
// 100k rows) never holds up the API's event loop. On SQLite the thread's connection takes the write lock like any
// other process's would, and its merge stands back for waiting writers (db/sqlite.ts).
import { Worker } from 'node:worker_threads';
import { clockOffset, type Clock } from '../clock.js';
import type { Db, DbLocation } from '../db/types.js';
import { workerSource } from '../thread-source.js';
import type { ImportJob } from './queue.js';
import type { ImportReport } from './report.js';
import { FileFormatError } from './table.js';

/** What a thread is given: the database to open, the job, and its clock as an offset (see clockOffset). */
export interface ImportThreadData {
  database: DbLocation & { poolSize: number };
  job: Pick<ImportJob, 'kind' | 'source' | 'options'>;
  clockOffsetMs: number;
}

/** What a thread answers: the report, or why it failed (an error loses its class and fields crossing threads). */
export type ImportThreadResult = { report: ImportReport } | { error: string; stack?: string; fileProblem: boolean };

/** The import was stopped with the server: its job is left to its lease, for a worker to run again. */
export class ImportInterrupted extends Error {
  constructor() {
    super('the import was stopped with the server');
  }
}

const WORKER_SOURCE = workerSource(new URL('./import-worker.ts', import.meta.url));

export interface ImportThreads {
  run(job: ImportJob): Promise<ImportReport>;
  /** Ends the imports still running; each one's run rejects with ImportInterrupted. */
  stop(): Promise<void>;
}

/**
 * @param db the database the threads open again (its `location`: an in-memory one cannot be shared with a thread)
 * @param poolSize connections each import's thread may hold
 */
export function startImportThreads(db: Db, now: Clock, poolSize: number): ImportThreads {
  const { location } = db;
  if (!location) throw new TypeError('an in-memory database cannot be opened again by an import thread');
  const running = new Set<Worker>();
  return {
    run(job) {
      const data: ImportThreadData = {
        database: { ...location, poolSize },
        job: { kind: job.kind, source: job.source, options: job.options },
        clockOffsetMs: clockOffset(now),
      };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
      running.add(worker);
      return new Promise<ImportReport>((resolve, reject) => {
        let result: ImportThreadResult | undefined;
        worker.on('message', (message: ImportThreadResult) => (result = message));
        worker.on('error', reject);
        worker.on('exit', () => {
          running.delete(worker);
          if (!result) reject(new ImportInterrupted());
          else if ('report' in result) resolve(result.report);
          else
            reject(
              Object.assign(result.fileProblem ? new FileFormatError(result.error) : new Error(result.error), {
                stack: result.stack,
              }),
            );
        });
      });
    },
    async stop() {
      await Promise.all([...running].map((worker) => worker.terminate()));
    },
  };
}
