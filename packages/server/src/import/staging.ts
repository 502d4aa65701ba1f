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
  /** Every row added is in the table. */
  finish(): Promise<void>;
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
    return copyStaging(db.copyFrom(`COPY ${table} (${names.join(', ')}) FROM STDIN`), table);
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
    finish: flush,
    async drop() {
      await db.run(`DROP TABLE IF EXISTS temp.${table}`);
    },
  };
}

function copyStaging(copy: Writable, table: string): Staging {
  let failure: Error | undefined;
  copy.on('error', (error) => (failure ??= error));
  return {
    table,
    async add(row) {
      if (failure) throw failure;
      if (!copy.write(`${row.map(copyText).join('\t')}\n`)) await once(copy, 'drain');
    },
    async finish() {
      if (failure) throw failure;
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
