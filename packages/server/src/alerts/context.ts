// What every alerts handler shares.
import type { Logger } from 'pino';
import { createHash } from 'node:crypto';
import type { Db } from '../db/types.js';
import { HttpError } from '../http/types.js';
import type { AlertsConfig } from './config.js';
import type { AlertKeys } from './crypto.js';
import type { Limit, Limiter } from './rate-limiter.js';
import type { InsightsCounter } from '../insights/counter.js';

export interface AlertsContext {
  db: Db;
  config: AlertsConfig;
  keys: AlertKeys;
  logger: Logger;
  limiter: Limiter;
  now: () => Date;
  /** Counts confirmations and unsubscribes (by channel and language) for the insights reports. */
  insights?: InsightsCounter;
}

/** What counting requests per IP needs (shared with the callbacks module). */
export type LimitDeps = Pick<AlertsContext, 'limiter' | 'keys' | 'now'>;

/** The one answer to every rate limit, per IP or per contact alike: nothing says which one tripped. */
export const RATE_LIMIT_MESSAGE = 'Too many requests. Please try again later.';

export function rateLimited(retryAfterSeconds: number): HttpError {
  return new HttpError(429, 'rate_limited', RATE_LIMIT_MESSAGE, {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
}

/** Counts a request from this IP against `limit`; throws the generic 429 when over. */
export async function limitIp(c: LimitDeps, scope: string, ip: string, limit: Limit): Promise<void> {
  const outcome = await c.limiter.hit(c.keys.rateLimitKey(scope, ip), limit, c.now().getTime());
  if (!outcome.ok) throw rateLimited(outcome.retryAfterSeconds);
}

/**
 * Per-contact limit, counted from the rows the requests themselves left (confirmations, callback requests): survives
 * restarts, shared by every instance. Call inside the transaction that writes the new row. On PostgreSQL the count
 * is taken under a transaction-scoped advisory lock on the contact, so parallel requests for one contact (on any
 * instance) count one after another instead of all seeing the same COUNT under READ COMMITTED; SQLite serializes
 * writing transactions already.
 */
export async function limitContact(
  tx: Db,
  table: 'alert_confirmations' | 'callback_requests',
  contactHash: string,
  limit: Limit,
  now: Date,
): Promise<void> {
  if (tx.dialect === 'postgres')
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [CONTACT_LOCK_SPACE, contactLockKey(table, contactHash)]);
  const since = new Date(now.getTime() - limit.windowSeconds * 1000).toISOString();
  const [row] = await tx.query<{ n: number; oldest: string | null }>(
    `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM ${table} WHERE contact_hash = $1 AND created_at > $2`,
    [contactHash, since],
  );
  if (row && Number(row.n) >= limit.max && row.oldest) {
    throw rateLimited((Date.parse(row.oldest) + limit.windowSeconds * 1000 - now.getTime()) / 1000);
  }
}

/** The advisory-lock namespace of per-contact limits (two-key locks never meet the one-key migration lock). */
const CONTACT_LOCK_SPACE = 14;

/** 32 bits of a hash of the (already HMAC'd) contact hash: two contacts sharing one only wait for each other. */
function contactLockKey(table: string, contactHash: string): number {
  return createHash('sha256').update(`${table}\n${contactHash}`).digest().readInt32BE(0);
}

/** First string value of a query or form field (routers may give repeated keys as arrays). */
export function field(source: unknown, name: string): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const value = (source as Record<string, unknown>)[name];
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : undefined;
}
