// GET /v1/custody and GET /v1/custody/{id}. A confidential record answers exactly like an unknown id.
import * as z from 'zod/v4/mini';
import type { CustodySearchQuery } from '@referral-kit/sdk';
import type { Db } from '../db/types.js';
import { getCustodyRecord, searchCustodyRecords } from '../db/custody-store.js';
import { HttpError, type Handler } from '../http/types.js';

type SearchQuery = z.output<typeof CustodySearchQuery>;

export const DEFAULT_PAGE_SIZE = 20;

export function createCustodyHandlers(db: Db): { searchCustody: Handler; getCustodyRecord: Handler } {
  return {
    async searchCustody(ctx) {
      const q = ctx.query as SearchQuery;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
      const { items, total } = await searchCustodyRecords(db, {
        name: q.name, identifier: q.identifier, identifierType: q.identifierType, birthYear: q.birthYear, state: q.state, page, pageSize,
      });
      return { status: 200, body: { items, total, page, pageSize } };
    },
    async getCustodyRecord(ctx) {
      const record = await getCustodyRecord(db, ctx.params.id!);
      if (!record) throw new HttpError(404, 'not_found', 'No custody record has this id.');
      return { status: 200, body: record };
    },
  };
}
