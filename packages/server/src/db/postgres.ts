// PostgreSQL through a pg Pool. Transactions take a dedicated client; nested calls reuse it.
import pg from 'pg';
import type { Db, SqlParam } from './types.js';
import type { ExecDb } from './exec.js';

// COUNT(*) and BIGINT come back as strings by default; the schema keeps them far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

function bind(params: readonly SqlParam[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p instanceof Uint8Array ? Buffer.from(p) : p));
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export async function openPostgres(url: string): Promise<ExecDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A pool error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');

  function makeDb(conn: Queryable, inTx: boolean): ExecDb {
    const db: ExecDb = {
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
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(makeDb(client, true));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
      async close() {
        if (inTx) throw new Error('close() inside a transaction');
        await pool.end();
      },
    };
    return db;
  }
  return makeDb(pool, false);
}
