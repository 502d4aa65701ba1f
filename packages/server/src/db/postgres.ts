// PostgreSQL through a pg Pool. Transactions take a dedicated client; nested calls reuse it.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, SqlParam } from './types.js';
import type { CopyDb, ExecDb } from './exec.js';

// COUNT(*) and BIGINT come back as strings by default; the schema keeps them far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

function bind(params: readonly SqlParam[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p instanceof Uint8Array ? Buffer.from(p) : p));
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export async function openPostgres(url: string, poolSize = 10): Promise<ExecDb> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A pool error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');

  /** `client`: the connection a transaction holds, which can also COPY. */
  function makeDb(conn: Queryable, client?: pg.PoolClient): ExecDb {
    const inTx = client !== undefined;
    const db: ExecDb & Partial<CopyDb> = {
      dialect: 'postgres',
      async query<T>(sql: string, params: readonly SqlParam[] = []) {
        return (await conn.query(sql, bind(params))).rows as T[];
      },
      async run(sql: string, params: readonly SqlParam[] = []) {
        return { changes: (await conn.query(sql, bind(params))).rowCount ?? 0 };
      },
      async exec(sql: string) {
        await conn.query(sql);
      },
      async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
        if (inTx) return fn(db);
        const held = await pool.connect();
        try {
          await held.query('BEGIN');
          const result = await fn(makeDb(held, held));
          await held.query('COMMIT');
          return result;
        } catch (error) {
          await held.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          held.release();
        }
      },
      async close() {
        if (inTx) throw new Error('close() inside a transaction');
        await pool.end();
      },
    };
    if (client) db.copyFrom = (sql) => client.query(copyFrom(sql));
    return db;
  }
  return { ...makeDb(pool), location: { url } };
}
