import type { Db } from './types.js';

/** A Db that can also run a multi-statement script (migrations only). */
export interface ExecDb extends Db {
  exec(sql: string): Promise<void>;
}

export function canExec(db: Db): db is ExecDb {
  return typeof (db as Partial<ExecDb>).exec === 'function';
}
