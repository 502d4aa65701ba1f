// GET /v1/services, /v1/services/{id}, /v1/directory/snapshot (ETag), /v1/hotlines.
import type { Db } from '../db/types.js';
import { loadHotlines } from '../db/services-store.js';
import { HttpError, type RouteHandlers } from '../http/types.js';
import type { Directory } from './directory.js';

export function createServiceHandlers(
  db: Db,
  directory: Directory,
  now: () => Date,
): Required<Pick<RouteHandlers, 'searchServices' | 'getService' | 'getDirectorySnapshot' | 'listHotlines'>> {
  return {
    async searchServices(ctx) {
      return { status: 200, body: await (await directory.current()).search(ctx.query, now()) };
    },
    async getService(ctx) {
      const service = await (await directory.current()).service(ctx.params.id);
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
