// Multi-row INSERTs in chunks: one statement per few hundred rows instead of one per row. On PostgreSQL every
// statement is a round trip, so a 20 000-record feed would otherwise take minutes.
import type { Db, SqlParam } from './types.js';

/** Parameters per statement: under SQLite's 32 766 and PostgreSQL's 65 535. */
export const MAX_PARAMS = 30_000;

export async function insertMany(
  tx: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  suffix = '',
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: SqlParam[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, params);
  }
}
