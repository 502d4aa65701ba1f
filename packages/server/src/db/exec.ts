import type { Db } from './types.js';
import type { Writable } from 'node:stream';

/** A Db that can also run a multi-statement script (migrations only). */
export interface ExecDb extends Db {
  exec(sql: string): Promise<void>;
}

export function canExec(db: Db): db is ExecDb {
  return typeof (db as Partial<ExecDb>).exec === 'function';
}

/** A PostgreSQL transaction's Db that can also stream rows in with `COPY … FROM STDIN` (bulk staging). */
export interface CopyDb extends Db {
  copyFrom(sql: string): Writable;
}

export function canCopy(db: Db): db is CopyDb {
  return typeof (db as Partial<CopyDb>).copyFrom === 'function';
}
