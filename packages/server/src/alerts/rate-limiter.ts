// Fixed-window counters kept in memory only: per-IP limits must not leave IP addresses (even hashed) on disk.
// Keys arrive already HMAC'd, so not even a heap dump holds an address.

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Counts one request for `key`; refuses it when the window is already full. */
  hit(key: string, limit: Limit, nowMs: number): LimitOutcome {
    const windowMs = limit.windowSeconds * 1000;
    let entry = this.windows.get(key);
    if (!entry || nowMs - entry.startMs >= windowMs) {
      if (!entry && this.windows.size >= this.maxKeys) this.prune(nowMs, windowMs);
      entry = { startMs: nowMs, count: 0 };
      this.windows.set(key, entry);
    }
    if (entry.count >= limit.max) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.startMs + windowMs - nowMs) / 1000)) };
    }
    entry.count++;
    return { ok: true };
  }

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
