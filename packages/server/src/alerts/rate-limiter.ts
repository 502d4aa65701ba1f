// Fixed-window rate limits. One process (SQLite): counters in memory only, so per-IP limits never leave addresses
// (even hashed) on disk. Several instances (PostgreSQL): one shared UNLOGGED table, so a limit holds whichever
// instance a request reaches. Keys arrive already HMAC'd under the server's secret, so neither a heap dump nor the
// table holds an address or a contact.
import type { Db } from '../db/types.js';

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface Limiter {
  /** Counts one request for `key`; refuses it when the window is already full. */
  hit(key: string, limit: Limit, nowMs: number): Promise<LimitOutcome>;
  /** Forgets windows that have ended (the shared table; memory prunes itself). */
  purge(nowMs: number): Promise<void>;
}

/** The limiter for a database: shared through PostgreSQL, in memory on SQLite (one process). */
export function limiterFor(db: Db): Limiter {
  return db.dialect === 'postgres' ? new PostgresRateLimiter(db) : new RateLimiter();
}

function refused(windowStartMs: number, windowMs: number, nowMs: number): LimitOutcome {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStartMs + windowMs - nowMs) / 1000)) };
}

export class RateLimiter implements Limiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  async hit(key: string, limit: Limit, nowMs: number): Promise<LimitOutcome> {
    const windowMs = limit.windowSeconds * 1000;
    let entry = this.windows.get(key);
    if (!entry || nowMs - entry.startMs >= windowMs) {
      if (!entry && this.windows.size >= this.maxKeys) this.prune(nowMs, windowMs);
      entry = { startMs: nowMs, count: 0 };
      this.windows.set(key, entry);
    }
    if (entry.count >= limit.max) return refused(entry.startMs, windowMs, nowMs);
    entry.count++;
    return { ok: true };
  }

  async purge(): Promise<void> {}

  private prune(nowMs: number, windowMs: number): void {
    for (const [key, entry] of this.windows) if (nowMs - entry.startMs >= windowMs) this.windows.delete(key);
    // Still full (a flood of distinct keys): forget the oldest half rather than grow without bound.
    if (this.windows.size >= this.maxKeys) {
      let drop = Math.floor(this.maxKeys / 2);
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}

/**
 * The same fixed windows in PostgreSQL's rate_limit_windows: one upsert per hit counts it and starts a new window
 * when the old one has ended, atomically, so parallel requests on any number of instances are all counted.
 */
export class PostgresRateLimiter implements Limiter {
  constructor(private readonly db: Db) {}

  async hit(key: string, limit: Limit, nowMs: number): Promise<LimitOutcome> {
    const windowMs = limit.windowSeconds * 1000;
    const [row] = await this.db.query<{ window_start_ms: number; hits: number }>(
      `INSERT INTO rate_limit_windows AS w (key, window_start_ms, window_ms, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN w.window_start_ms + w.window_ms <= $2 THEN 1 ELSE w.hits + 1 END,
         window_start_ms = CASE WHEN w.window_start_ms + w.window_ms <= $2 THEN $2 ELSE w.window_start_ms END,
         window_ms = $3
       RETURNING window_start_ms, hits`,
      [key, nowMs, windowMs],
    );
    if (Number(row!.hits) > limit.max) return refused(Number(row!.window_start_ms), windowMs, nowMs);
    return { ok: true };
  }

  async purge(nowMs: number): Promise<void> {
    await this.db.run('DELETE FROM rate_limit_windows WHERE window_start_ms + window_ms <= $1', [nowMs]);
  }
}
