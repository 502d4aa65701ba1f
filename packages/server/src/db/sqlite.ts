// SQLite through better-sqlite3 (synchronous), behind the async Db interface. WAL mode, so a CLI import and a
// running server can share the file. One connection: a transaction holds a lock that other callers wait for,
// so their statements never run inside someone else's open transaction.
import { closeSync, openSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db, SqlParam } from './types.js';
import { toPositional } from './placeholders.js';
import type { ExecDb } from './exec.js';

type Bindable = string | number | bigint | null | Buffer;

function bind(params: readonly SqlParam[]): Bindable[] {
  return params.map((p) => {
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Uint8Array) return Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    return p;
  });
}

/** How long a statement waits for another process's write lock. */
const BUSY_TIMEOUT_MS = 5000;
const BUSY_RETRY_MS = 2;
/** A waiting writer's mark younger than this means it is still waiting (it renews the mark every retry). */
const WAITING_FRESH_MS = 50;
/** The longest a background transaction stands back for waiting writers before it takes the lock anyway. */
const BACKGROUND_YIELD_MS = 150;
const CHECKPOINT_EVERY_MS = 1000;
const BULK_CHECKPOINT_MS = 1000;

/**
 * A checkpoint (copying the write-ahead log into the database, with its fsync) runs in the COMMIT that crosses
 * wal_autocheckpoint: after a bulk import that could be an alert signup's commit, stalling it and the event loop for
 * as long as the copy takes. So no connection checkpoints on commit; a worker thread with a connection of its own
 * checkpoints every second (PASSIVE: it never waits for, or blocks, readers and writers).
 */
function startCheckpointer(file: string): { stop(): Promise<void> } {
  const worker = new Worker(
    // Opening is retried each tick (the file may be busy a moment); a database whose folder is gone (closed and
    // removed before the thread started) has nothing left to checkpoint.
    `const { parentPort, workerData } = require('node:worker_threads');
     const { existsSync } = require('node:fs');
     let db;
     const timer = setInterval(() => {
       try {
         db ??= new (require(workerData.driver))(workerData.file, { fileMustExist: true });
         db.pragma('wal_checkpoint(PASSIVE)');
       } catch {
         if (!existsSync(workerData.file)) process.exit(0);
       }
     }, workerData.everyMs);
     parentPort.on('message', () => { clearInterval(timer); db?.close(); parentPort.close(); });`,
    {
      eval: true,
      execArgv: [],
      workerData: {
        file,
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        everyMs: CHECKPOINT_EVERY_MS,
      },
    },
  );
  worker.on('error', () => {});
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    /**
     * Asks the thread to stop and waits until it has: a thread still checkpointing when the process exits is
     * terminated mid-call, and a checkpoint that fails then (its file already removed) aborts the whole process.
     */
    async stop() {
      worker.ref(); // until it has exited: nothing else may keep the process alive meanwhile
      worker.postMessage('close');
      await exited;
    },
  };
}

export function openSqlite(file: string): ExecDb {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const onDisk = !raw.memory;
  if (onDisk) raw.pragma('wal_autocheckpoint = 0');
  const checkpointer = onDisk ? startCheckpointer(file) : undefined;
  /**
   * SQLite's lock is not a queue: a bulk writer letting go for a moment between chunks could take it again before a
   * waiting writer in another process (timers run late on a busy machine) ever sees it free. So a waiting writer
   * touches this file on every retry, and a background transaction stands back while the mark is fresh.
   */
  const waitingMark = `${file}-writer-waiting`;
  const markWaiting = () => {
    if (!onDisk) return;
    const now = new Date();
    try {
      utimesSync(waitingMark, now, now);
    } catch {
      closeSync(openSync(waitingMark, 'a'));
    }
  };
  const someoneWaiting = () => {
    try {
      // Wall-clock time, as the file system stamps it (not the app's injectable clock).
      return Date.now() - statSync(waitingMark).mtimeMs < WAITING_FRESH_MS;
    } catch {
      return false;
    }
  };
  async function standBack(): Promise<void> {
    const until = performance.now() + BACKGROUND_YIELD_MS;
    while (onDisk && someoneWaiting() && performance.now() < until) await sleep(BUSY_RETRY_MS);
  }

  /**
   * BEGIN IMMEDIATE, waiting for another process's write lock in short async steps: SQLite's own busy handler sleeps
   * longer and longer (up to 100 ms a try, blocking the event loop), so a writer that lets go briefly between short
   * transactions (a custody import) could keep it waiting for seconds.
   */
  async function beginImmediate(): Promise<void> {
    const deadline = performance.now() + BUSY_TIMEOUT_MS;
    raw.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          raw.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() > deadline) throw error;
          markWaiting();
          await sleep(BUSY_RETRY_MS);
        }
      }
    } finally {
      raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  /**
   * The log restarts from its beginning only when the next write transaction finds it wholly copied into the database.
   * Bulk transactions one after another never find that (the checkpointer's second has not come yet), so the log grew
   * by every chunk of an import (166 MB for a 12 MB database after 20k rows, GBs at 1M), and every read searched its
   * ever longer index. So a bulk writer copies what it wrote itself, outside the lock (PASSIVE: no one waits for it),
   * every BULK_CHECKPOINT_MS (each one syncs the files).
   */
  let lastBulkCheckpoint = 0;
  function checkpointAfterBulk(): void {
    if (!onDisk || performance.now() - lastBulkCheckpoint < BULK_CHECKPOINT_MS) return;
    const [result] = raw.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    // Not all copied (the checkpointer thread was at it, or a reader holds older pages): again after the next commit.
    if (result?.busy === 0 && result.checkpointed === result.log) lastBulkCheckpoint = performance.now();
  }

  const cache = new Map<string, { stmt: Database.Statement; order: number[] }>();
  function prepare(sql: string, params: readonly SqlParam[]) {
    let entry = cache.get(sql);
    if (!entry) {
      const converted = toPositional(sql);
      entry = { stmt: raw.prepare(converted.sql), order: converted.order };
      if (cache.size > 500) cache.clear();
      cache.set(sql, entry);
    }
    const order = entry.order;
    for (const i of order) {
      if (i < 0 || i >= params.length)
        throw new RangeError(`SQL uses $${i + 1} but ${params.length} parameter(s) were given`);
    }
    return { stmt: entry.stmt, reader: entry.stmt.reader, params: bind(order.map((i) => params[i]!)) };
  }

  // While a transaction is open, other callers wait. Each waits in its own loop and then runs in the same tick
  // as its final check, so nothing can slip in between the check and the statement.
  let locked: Promise<void> | null = null;

  function makeDb(inTx: boolean): ExecDb {
    const db: ExecDb = {
      dialect: 'sqlite',
      async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
        if (!inTx) while (locked) await locked;
        const p = prepare(sql, params);
        if (p.reader) return p.stmt.all(...p.params) as T[];
        p.stmt.run(...p.params);
        return [];
      },
      async run(sql: string, params: readonly SqlParam[] = []) {
        if (!inTx) while (locked) await locked;
        const p = prepare(sql, params);
        if (p.reader) {
          p.stmt.all(...p.params);
          return { changes: 0 };
        }
        return { changes: p.stmt.run(...p.params).changes };
      },
      async exec(sql: string) {
        if (!inTx) while (locked) await locked;
        raw.exec(sql);
      },
      async transaction<T>(fn: (tx: Db) => Promise<T>, options?: { background?: boolean }): Promise<T> {
        if (inTx) return fn(db);
        if (options?.background) await standBack();
        while (locked) await locked;
        let release!: () => void;
        locked = new Promise<void>((resolve) => (release = resolve));
        let committed = false;
        try {
          await beginImmediate();
          try {
            const result = await fn(txDb);
            raw.exec('COMMIT');
            committed = true;
            return result;
          } catch (error) {
            if (raw.inTransaction) raw.exec('ROLLBACK');
            throw error;
          }
        } finally {
          locked = null;
          release();
          if (committed && options?.background) checkpointAfterBulk();
        }
      },
      async close() {
        if (inTx) throw new Error('close() inside a transaction');
        while (locked) await locked;
        await checkpointer?.stop();
        raw.close();
      },
    };
    return db;
  }
  const txDb = makeDb(true);
  return { ...makeDb(false), ...(onDisk ? { location: { file } } : {}) };
}
