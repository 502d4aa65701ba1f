// What one route is: the shape every table of routes (custody.ts, service.ts, alerts.ts, callbacks.ts) fills in,
// through get() and post(). Each area keeps its routes beside its schemas, so a page that calls one route (the capture
// frame) carries only that area's schemas; routes.ts joins them into the one table the client, the server and the
// mocks read. Each route's tag and summary are the OpenAPI document's (openapi.ts): no browser needs them.
import * as z from 'zod/v4/mini';
import { Id } from './common.js';

export type HttpMethod = 'GET' | 'POST';

export interface RouteDef {
  readonly method: HttpMethod;
  /** OpenAPI-style template: `/v1/custody/{id}`. */
  readonly path: string;
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

/** What a route sets beyond what get() and post() set for it. */
type Extra = Partial<Pick<RouteDef, 'params' | 'query' | 'status' | 'errors' | 'noStore' | 'idempotencyKey' | 'etag'>>;
/** `Base` with the fields `X` sets in place of its own (not inferred from where the route is used). */
type With<Base, X> = Omit<Base, keyof X> & NoInfer<X>;
type Read<R> = { method: 'GET'; path: string; status: 200; response: R; errors: typeof READ_ERRORS };
type Write<B, R> = Omit<Read<R>, 'method' | 'errors'> & {
  method: 'POST';
  body: B;
  errors: typeof WRITE_ERRORS;
  noStore: true;
};

/** A GET route: answers 200, fails as any read may (READ_ERRORS) unless `extra` says otherwise. */
/* @__NO_SIDE_EFFECTS__ */
export const get = <const R extends z.ZodMiniType, const X extends Extra = object>(
  path: string,
  response: R,
  extra?: X,
): With<Read<R>, X> => ({ method: 'GET', path, status: 200, response, errors: READ_ERRORS, ...(extra as X) });

/** A POST with a JSON body: answers 200, fails as any write may (WRITE_ERRORS); its answer is personal (no-store). */
/* @__NO_SIDE_EFFECTS__ */
export const post = <const B extends z.ZodMiniType, const R extends z.ZodMiniType, const X extends Extra = object>(
  path: string,
  body: B,
  response: R,
  extra?: X,
): With<Write<B, R>, X> => ({
  method: 'POST',
  path,
  body,
  status: 200,
  response,
  errors: WRITE_ERRORS,
  noStore: true,
  ...(extra as X),
});

/** Fill a path template: `/v1/custody/{id}` + `{ id: 'a b' }` → `/v1/custody/a%20b`. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`Missing path parameter "${key}" for ${template}`);
    return encodeURIComponent(value);
  });
}
