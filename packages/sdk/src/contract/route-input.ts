// Reading a request the way the route table describes it. The client checks what it sends with these, and the server
// and the mocks check what they receive with the same functions, so all three agree on every field error.
import * as z from 'zod/v4/mini';
import type { FieldError } from './common.js';
import type { RouteDef, RouteName, Routes } from './routes.js';

type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodMiniType }
  ? z.output<S>
  : undefined;

/** A route's path parameters, query and body after validation (the schemas' output types; no path parameters: `{}`). */
export interface RouteInput<N extends RouteName> {
  params: Routes[N] extends { params: z.ZodMiniType } ? Part<Routes[N], 'params'> : Record<string, never>;
  query: Part<Routes[N], 'query'>;
  body: Part<Routes[N], 'body'>;
}

/** A zod error as field errors; an issue about the value as a whole is named `where` (e.g. 'body'). */
export function toFieldErrors(error: z.core.$ZodError, where = ''): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || where, message: issue.message }));
}

export type Checked<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

/** Validates one value against an optional schema (none: the value is `undefined`). */
export function checkPart(schema: z.ZodMiniType | undefined, value: unknown, where: string): Checked<unknown> {
  if (!schema) return { ok: true, value: undefined };
  const result = z.safeParse(schema, value);
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: toFieldErrors(result.error, where) };
}

/** Validates a request's params, query and body against its route, reporting every problem at once. */
export function checkRouteInput<N extends RouteName>(
  def: RouteDef,
  raw: { params: unknown; query: unknown; body: unknown },
): Checked<RouteInput<N>> {
  const parts = (['params', 'query', 'body'] as const).map((where) => checkPart(def[where], raw[where], where));
  const fields = parts.flatMap((part) => (part.ok ? [] : part.fields));
  if (fields.length > 0) return { ok: false, fields };
  const [params, query, body] = parts.map((part) => (part.ok ? part.value : undefined));
  return { ok: true, value: { params: params ?? {}, query, body } as RouteInput<N> };
}

/** Query string → object; a repeated key becomes an array (`?category=a&category=b`). `__proto__` is just a key. */
export function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const grouped = new Map<string, string | string[]>();
  for (const [key, value] of search) {
    const prev = grouped.get(key);
    grouped.set(key, prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]);
  }
  return Object.fromEntries(grouped);
}

/** `If-None-Match` may list several tags, or `*`; weak tags compare equal to strong ones (RFC 9110 weak comparison). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}
