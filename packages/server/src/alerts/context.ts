// What every alerts handler shares.
import type { Logger } from 'pino';
import type { Db } from '../db/types.js';
import { HttpError } from '../http/types.js';
import type { AlertsConfig } from './config.js';
import type { AlertKeys } from './crypto.js';
import type { Limit, Limiter } from './rate-limiter.js';

export interface AlertsContext {
  db: Db;
  config: AlertsConfig;
  keys: AlertKeys;
  logger: Logger;
  limiter: Limiter;
  now: () => Date;
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

/** First string value of a query or form field (routers may give repeated keys as arrays). */
export function field(source: unknown, name: string): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const value = (source as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
