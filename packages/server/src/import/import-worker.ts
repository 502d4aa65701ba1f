// One queued import in its own thread (see import-thread.ts): opens the database, runs the import, answers its report.
import { parentPort, workerData } from 'node:worker_threads';
import { offsetClock } from '../clock.js';
import { openDb } from '../db/index.js';
import type { ImportThreadData, ImportThreadResult } from './import-thread.js';
import { isFileProblem, runImport } from './run.js';

const { database, job, clockOffsetMs } = workerData as ImportThreadData;
const db = await openDb(database);
let result: ImportThreadResult;
try {
  const report = await runImport(db, job.kind, job.source, { ...job.options, now: offsetClock(clockOffsetMs) });
  result = { report };
} catch (error) {
  result = {
    error: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    fileProblem: isFileProblem(error),
  };
} finally {
  await db.close();
}
parentPort!.postMessage(result);
