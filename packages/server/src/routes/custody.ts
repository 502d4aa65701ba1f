// GET /v1/custody and GET /v1/custody/{id}: a confidential record answers exactly like an unknown id.
// GET /v1/custody-guide: every status in plain words, and how fresh the data is.
import { DEFAULT_PAGE_SIZE } from '@referral-kit/sdk';
import { custodyGuide } from '@referral-kit/sdk/custody-guide';
import type { Db } from '../db/types.js';
import { getCustodyRecord, newestCustodyUpdate, searchCustodyRecords } from '../db/custody-store.js';
import { createHmac, randomBytes } from 'node:crypto';
import { RateLimiter } from '../alerts/rate-limiter.js';
import { HttpError, type RequestContext, type RouteHandlers } from '../http/types.js';

export interface CustodyLimits {
  /** Lookups per client address per minute; 0 = unlimited. */
  perMinute: number;
  now: () => Date;
}

/**
 * Bulk lookups (scraping who is in custody, guessing ids) are slowed per client address. Counters live in memory,
 * keyed by an HMAC of the address under a key that exists only in this process.
 */
function lookupGate(limits: CustodyLimits): (ctx: RequestContext) => void {
  if (limits.perMinute <= 0) return () => {};
  const limiter = new RateLimiter();
  const key = randomBytes(32);
  const limit = { max: limits.perMinute, windowSeconds: 60 };
  return (ctx) => {
    const outcome = limiter.hit(createHmac('sha256', key).update(ctx.ip).digest('base64url'), limit, limits.now().getTime());
    if (!outcome.ok) {
      throw new HttpError(429, 'rate_limited', 'Too many lookups from this network. Please wait a minute and try again.', {
        headers: { 'retry-after': String(outcome.retryAfterSeconds) },
      });
    }
  };
}

export function createCustodyHandlers(db: Db, limits: CustodyLimits): Required<Pick<RouteHandlers, 'searchCustody' | 'getCustodyRecord' | 'getCustodyGuide'>> {
  const gate = lookupGate(limits);
  return {
    async searchCustody(ctx) {
      gate(ctx);
      const q = ctx.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
      const { items, total } = await searchCustodyRecords(db, {
        name: q.name, identifier: q.identifier, identifierType: q.identifierType, birthYear: q.birthYear, state: q.state,
        countryOfBirth: q.countryOfBirth, page, pageSize,
      });
      return { status: 200, body: { items, total, page, pageSize } };
    },
    async getCustodyRecord(ctx) {
      gate(ctx);
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
