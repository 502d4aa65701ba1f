// GET /v1/services, /v1/services/{id}, /v1/directory/snapshot (ETag), /v1/hotlines.
import type { Db } from '../db/types.js';
import { loadHotlines } from '../db/services-store.js';
import { HttpError, type RouteHandlers } from '../http/types.js';
import type { Directory } from './directory.js';
import { DEFAULT_PAGE_SIZE } from './custody.js';

export function createServiceHandlers(
  db: Db,
  directory: Directory,
  now: () => Date,
): Required<Pick<RouteHandlers, 'searchServices' | 'getService' | 'getDirectorySnapshot' | 'listHotlines'>> {
  return {
    async searchServices(ctx) {
      const q = ctx.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
      const state = await directory.current();
      const { hits: ranked, crisis } = state.search({
        q: q.q ?? '',
        near: q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : q.postalCode ? { postalCode: q.postalCode } : undefined,
        radiusKm: q.radiusKm,
        categories: q.category,
        languages: q.language,
        openAt: q.openNow ? now() : undefined,
      });
      const hits = q.open24x7 ? ranked.filter((hit) => hit.service.schedule?.open24x7) : ranked;
      const items = hits.slice((page - 1) * pageSize, page * pageSize);
      return { status: 200, body: { items, total: hits.length, page, pageSize, crisis } };
    },
    async getService(ctx) {
      const service = (await directory.current()).byId.get(ctx.params.id);
      if (!service) throw new HttpError(404, 'not_found', 'No service has this id.');
      return { status: 200, body: service };
    },
    async getDirectorySnapshot() {
      const state = await directory.current();
      return { status: 200, body: state.snapshot, headers: { etag: state.etag } };
    },
    async listHotlines() {
      return { status: 200, body: { items: await loadHotlines(db) } };
    },
  };
}
