// GET /v1/custody and GET /v1/custody/{id}: a confidential record answers exactly like an unknown id.
// GET /v1/custody-guide: every status in plain words, and how fresh the data is.
import { DEFAULT_PAGE_SIZE } from '@referral-kit/sdk';
import { CUSTODY_CURSOR_ERROR, decodeCustodyCursor } from '@referral-kit/sdk/custody-search';
import { custodyGuide } from '@referral-kit/sdk/custody-guide';
import type { Db } from '../db/types.js';
import { getCustodyRecord, newestCustodyUpdate, searchCustodyRecords } from '../db/custody-store.js';
import type { Limiter } from '../alerts/rate-limiter.js';
import { HttpError, type RequestContext, type RouteHandlers } from '../http/types.js';

export interface CustodyLimits {
  /** Lookups per client address per minute; 0 = unlimited. */
  perMinute: number;
  now: () => Date;
  /** The server's limiter (shared by every instance on PostgreSQL) and the HMAC that keys it. */
  limiter: Limiter;
  keyOf: (ip: string) => string;
}

/** Bulk lookups (scraping who is in custody, guessing ids) are slowed per client address. */
function lookupGate(limits: CustodyLimits): (ctx: RequestContext) => Promise<void> {
  if (limits.perMinute <= 0) return async () => {};
  const limit = { max: limits.perMinute, windowSeconds: 60 };
  return async (ctx) => {
    const outcome = await limits.limiter.hit(limits.keyOf(ctx.ip), limit, limits.now().getTime());
    if (!outcome.ok) {
      throw new HttpError(
        429,
        'rate_limited',
        'Too many lookups from this network. Please wait a minute and try again.',
        {
          headers: { 'retry-after': String(outcome.retryAfterSeconds) },
        },
      );
    }
  };
}

export function createCustodyHandlers(
  db: Db,
  limits: CustodyLimits,
): Required<Pick<RouteHandlers, 'searchCustody' | 'getCustodyRecord' | 'getCustodyGuide'>> {
  const gate = lookupGate(limits);
  return {
    async searchCustody(ctx) {
      await gate(ctx);
      const { page = 1, pageSize = DEFAULT_PAGE_SIZE, cursor, ...filters } = ctx.query;
      const after = cursor === undefined ? undefined : decodeCustodyCursor(cursor);
      if (cursor !== undefined && !after)
        throw new HttpError(400, 'validation_failed', 'Some fields are not valid.', { fields: [CUSTODY_CURSOR_ERROR] });
      const found = await searchCustodyRecords(db, { ...filters, page, pageSize, cursor: after });
      return { status: 200, body: { ...found, pageSize } };
    },
    async getCustodyRecord(ctx) {
      await gate(ctx);
      const record = await getCustodyRecord(db, ctx.params.id);
      if (!record) throw new HttpError(404, 'not_found', 'No custody record has this id.');
      return { status: 200, body: record };
    },
    async getCustodyGuide(ctx) {
      const { lang } = ctx.query;
      return { status: 200, body: custodyGuide(lang, await newestCustodyUpdate(db)) };
    },
  };
}
