// The database boundary shared by every server module: one small async interface over SQLite and PostgreSQL.
export type SqlParam = string | number | bigint | null | Uint8Array | boolean;

/** Where a database lives: what another connection (a worker thread's) opens to reach the same one. */
export type DbLocation = { file: string } | { url: string };

export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where it lives; none for an in-memory SQLite database, which no other connection can reach. */
  readonly location?: DbLocation;
  /** Rows of a SELECT (or INSERT … RETURNING). SQL uses $1, $2 … placeholders for both dialects. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** INSERT/UPDATE/DELETE; `changes` = affected rows. */
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
  /**
   * Runs fn in one transaction (nested calls join the outer one); commits on resolve, rolls back on throw.
   * `background`: bulk work (an import's chunk) that lets writers already waiting for SQLite's lock go first.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>, options?: { background?: boolean }): Promise<T>;
  close(): Promise<void>;
}
