// What one route is: the shape every table of routes (custody.ts, service.ts, alerts.ts, callbacks.ts) fills in.
// Each area keeps its routes beside its schemas, so a page that calls one route (the capture frame) carries only
// that area's schemas; routes.ts joins them into the one table the client, the server and the mocks read.
import * as z from 'zod/v4/mini';
import { Id } from './common.js';

export type HttpMethod = 'GET' | 'POST';

export interface RouteDef {
  readonly method: HttpMethod;
  /** OpenAPI-style template: `/v1/custody/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: 'custody' | 'services' | 'alerts' | 'callbacks';
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** The success status. */
  readonly status: 200 | 202;
  readonly response: z.ZodMiniType;
  /** Failure statuses this route can answer with (body: ErrorBody). */
  readonly errors: readonly number[];
  /** Personal or time-critical data: `Cache-Control: no-store`. */
  readonly noStore?: boolean;
  /** Accepts an `Idempotency-Key` header, which also makes the request safe to retry. */
  readonly idempotencyKey?: boolean;
  /** Answers with an ETag and honours `If-None-Match` (304). */
  readonly etag?: boolean;
}

export const IdParams = z.object({ id: Id });
export const READ_ERRORS = [400, 429, 500, 503] as const;
/** Failures of a POST with a JSON body. */
export const WRITE_ERRORS = [400, 413, 415, 429, 500, 503] as const;

/** Fill a path template: `/v1/custody/{id}` + `{ id: 'a b' }` → `/v1/custody/a%20b`. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`Missing path parameter "${key}" for ${template}`);
    return encodeURIComponent(value);
  });
}
