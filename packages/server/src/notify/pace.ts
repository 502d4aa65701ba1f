// Keeps hand-overs to a provider at its rate (ALERTS_EMAIL_PER_SECOND, ALERTS_PHONE_PER_SECOND) across every worker.
// Each send reserves the provider's next free slot, slots 1/rate apart, and waits for it: a token bucket that holds
// one token, so the provider never sees more than its rate in any second (not twice it across a window's edge, as
// with fixed windows), and sends are spread evenly instead of bursting at each second's start. A worker that holds
// a slot it then does not use (stopped) only leaves a gap. One process (SQLite): the slots live in memory. Several
// workers (PostgreSQL): one shared row per provider, moved on atomically by each reservation; the workers' clocks
// must agree (NTP), as a skew of d ms can bring two sends d ms closer than 1/rate.
import type { Db } from '../db/types.js';

export interface Pacer {
  /**
   * Reserves the next slot for `key` (slots `intervalMs` apart): how many ms from `nowMs` it starts, or null, reserving
   * nothing, when that is more than `maxWaitMs` away.
   */
  reserve(key: string, intervalMs: number, nowMs: number, maxWaitMs: number): Promise<number | null>;
}

/** The pacer for a database: shared through PostgreSQL, in memory on SQLite (one worker). */
export function pacerFor(db: Db): Pacer {
  return db.dialect === 'postgres' ? new PostgresPacer(db) : new MemoryPacer();
}

export class MemoryPacer implements Pacer {
  private readonly next = new Map<string, number>();

  async reserve(key: string, intervalMs: number, nowMs: number, maxWaitMs: number): Promise<number | null> {
    const slot = Math.max(this.next.get(key) ?? nowMs, nowMs);
    if (slot - nowMs > maxWaitMs) return null;
    this.next.set(key, slot + intervalMs);
    return slot - nowMs;
  }
}

export class PostgresPacer implements Pacer {
  constructor(private readonly db: Db) {}

  async reserve(key: string, intervalMs: number, nowMs: number, maxWaitMs: number): Promise<number | null> {
    // One statement reads and moves the slot under the row's lock, so parallel reservations queue up one after another.
    const [row] = await this.db.query<{ slot_ms: number }>(
      `INSERT INTO provider_slots AS s (key, next_ms) VALUES ($1, $2::float8 + $3::float8)
       ON CONFLICT (key) DO UPDATE SET next_ms = GREATEST(s.next_ms, $2::float8) + $3::float8
         WHERE s.next_ms - $2::float8 <= $4::float8
       RETURNING next_ms - $3::float8 AS slot_ms`,
      [key, nowMs, intervalMs, maxWaitMs],
    );
    return row ? Math.max(0, Number(row.slot_ms) - nowMs) : null;
  }
}
