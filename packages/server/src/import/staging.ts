// A feed is staged whole before anything is merged, so checks that need every row (a person twice in the feed, the
// mass-change guard) see the whole feed while memory holds only a batch. PostgreSQL: a temporary table filled with
// COPY on the import's transaction (dropped at commit or rollback). SQLite: a temporary table, which lives in its own
// file outside the main database, so filling it never takes the write lock alert signups need.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Db, SqlParam } from '../db/types.js';
import { canCopy } from '../db/exec.js';
import { insertMany } from '../db/batch.js';

export interface Staging {
  readonly table: string;
  add(row: readonly SqlParam[]): Promise<void>;
  /** Every row added is in the table, with an index on each of `indexed` and fresh planner statistics. */
  finish(indexed?: readonly string[]): Promise<void>;
  drop(): Promise<void>;
}

/** Rows per INSERT on SQLite. */
const SQLITE_BATCH = 1000;

/** `columns`: name → portable SQL type; the first is the row number, the table's key. */
export async function openStaging(db: Db, table: string, columns: Record<string, string>): Promise<Staging> {
  const names = Object.keys(columns);
  const definition = names.map((name, i) => `${name} ${columns[name]}${i === 0 ? ' PRIMARY KEY' : ''}`).join(', ');
  if (db.dialect === 'postgres') {
    if (!canCopy(db)) throw new TypeError('PostgreSQL staging needs the transaction it is dropped with');
    await db.run(`CREATE TEMPORARY TABLE ${table} (${definition}) ON COMMIT DROP`);
    const copy = copyStaging(db.copyFrom(`COPY ${table} (${names.join(', ')}) FROM STDIN`), table);
    return {
      ...copy,
      async finish(indexed = []) {
        await copy.finish();
        for (const column of indexed) await db.run(`CREATE INDEX ON ${table} (${column})`);
        // Nothing analyzes a temporary table by itself: without statistics the merge's joins are planned blind.
        await db.run(`ANALYZE ${table}`);
      },
    };
  }
  await db.run(`CREATE TEMPORARY TABLE ${table} (${definition})`);
  let batch: (readonly SqlParam[])[] = [];
  const flush = async () => {
    await insertMany(db, `temp.${table}`, names, batch);
    batch = [];
  };
  return {
    table,
    async add(row) {
      batch.push(row);
      if (batch.length >= SQLITE_BATCH) await flush();
    },
    async finish(indexed = []) {
      await flush();
      for (const column of indexed) await db.run(`CREATE INDEX temp.${table}_${column} ON ${table} (${column})`);
    },
    async drop() {
      await db.run(`DROP TABLE IF EXISTS temp.${table}`);
    },
  };
}

/** Lines of COPY text per write: one write per row would be one socket write per row. */
const COPY_BATCH_CHARS = 256 * 1024;

function copyStaging(copy: Writable, table: string): Staging {
  let failure: Error | undefined;
  copy.on('error', (error) => (failure ??= error));
  let pending = '';
  const flush = async () => {
    if (failure) throw failure;
    const text = pending;
    pending = '';
    if (text && !copy.write(text)) await once(copy, 'drain');
  };
  return {
    table,
    async add(row) {
      pending += `${row.map(copyText).join('\t')}\n`;
      if (pending.length >= COPY_BATCH_CHARS) await flush();
    },
    async finish() {
      await flush();
      copy.end();
      await finished(copy);
    },
    // Dropped with the transaction.
    async drop() {},
  };
}

/** A value in COPY's text format: \N for NULL; backslash, tab and line breaks escaped. */
function copyText(value: SqlParam): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
