// openDb: embedded SQLite by default, PostgreSQL when given a postgres:// URL. migrate: the shared schema.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types.js';
import type { ServerConfig } from '../config.js';
import { canExec } from './exec.js';
import { openSqlite } from './sqlite.js';
import { openPostgres } from './postgres.js';

export type { Db, SqlParam } from './types.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export async function openDb(config: { url?: string; file?: string; poolSize?: number }): Promise<Db> {
  if (config.url && /^postgres(ql)?:\/\//.test(config.url)) return openPostgres(config.url, config.poolSize);
  if (config.url)
    throw new Error(`Unsupported database URL scheme in "${config.url.split(':')[0]}:"; use postgres://…`);
  const file = config.file ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return openSqlite(file);
}

/** The database a server, worker or CLI run is configured for: PostgreSQL with DATABASE_URL, else its SQLite file. */
export function openConfiguredDb(
  config: Pick<ServerConfig, 'databaseUrl' | 'databasePoolSize' | 'sqliteFile'>,
): Promise<Db> {
  return openDb(
    config.databaseUrl ? { url: config.databaseUrl, poolSize: config.databasePoolSize } : { file: config.sqliteFile },
  );
}

/**
 * The migrations for a dialect, in name order: `NNN_name.sql` runs on both, `NNN_name.postgres.sql` or
 * `NNN_name.sqlite.sql` on that dialect only.
 */
export function migrationFiles(
  dialect: Db['dialect'] = 'sqlite',
  dir = MIGRATIONS_DIR,
): { name: string; sql: string }[] {
  const other = dialect === 'sqlite' ? '.postgres.sql' : '.sqlite.sql';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && !f.endsWith(other))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}${name}`, 'utf8') }));
}

/** Applies packages/server/src/db/migrations/*.sql in name order, once each, each in its own transaction. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  if (!canExec(db)) throw new TypeError('migrate() needs a database opened with openDb()');
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied: string[] = [];
  for (const { name, sql } of migrationFiles(db.dialect, dir)) {
    await db.transaction(async (tx) => {
      // Two processes starting together (server and CLI) must not both apply the same file.
      if (db.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.length > 0) return;
      if (!canExec(tx)) throw new TypeError('transaction handle cannot exec');
      await tx.exec(sql);
      await tx.run('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [
        name,
        new Date().toISOString(),
      ]);
      applied.push(name);
    });
  }
  return applied;
}
