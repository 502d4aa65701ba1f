// SQLite through better-sqlite3 (synchronous), behind the async Db interface. WAL mode, so a CLI import and a
// running server can share the file. One connection: a transaction holds a lock that other callers wait for,
// so their statements never run inside someone else's open transaction.
import { setTimeout as sleep } from 'node:timers/promises';
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

export function openSqlite(file: string): ExecDb {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);

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
          await sleep(BUSY_RETRY_MS);
        }
      }
    } finally {
      raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
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
      async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
        if (inTx) return fn(db);
        while (locked) await locked;
        let release!: () => void;
        locked = new Promise<void>((resolve) => (release = resolve));
        try {
          await beginImmediate();
          try {
            const result = await fn(txDb);
            raw.exec('COMMIT');
            return result;
          } catch (error) {
            if (raw.inTransaction) raw.exec('ROLLBACK');
            throw error;
          }
        } finally {
          locked = null;
          release();
        }
      },
      async close() {
        if (inTx) throw new Error('close() inside a transaction');
        while (locked) await locked;
        raw.close();
      },
    };
    return db;
  }
  const txDb = makeDb(true);
  return makeDb(false);
}
