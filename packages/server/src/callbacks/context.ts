// What every callbacks handler shares. Keys, limiter and clock are the alerts module's own: one master key.
import type { Logger } from 'pino';
import type { Db } from '../db/types.js';
import type { AlertKeys } from '../alerts/crypto.js';
import type { Limiter } from '../alerts/rate-limiter.js';
import type { CallbacksConfig } from './config.js';

export interface CallbacksContext {
  db: Db;
  config: CallbacksConfig;
  keys: AlertKeys;
  limiter: Limiter;
  logger: Logger;
  now: () => Date;
  /** Where message links point (the alerts public URL). */
  publicUrl: string;
}

export const CANCEL_PAGE_PATH = '/v1/callbacks/cancel-link';

export const cancelUrl = (c: CallbacksContext, token: string) =>
  `${c.publicUrl}${CANCEL_PAGE_PATH}?token=${encodeURIComponent(token)}`;

/** Seal context of one personal field of one request: a value copied to another row or field does not open. */
export const sealContext = (requestId: string, field: 'contact' | 'name' | 'note' | 'interpreter') =>
  `callback:${requestId}:${field}`;
