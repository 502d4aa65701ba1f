// The handler boundary: the router validates, handlers compute, the router answers.
import type { ErrorCode, FieldError, RouteInput, RouteName } from '@referral-kit/sdk';

export type { RouteName };

/** What a handler of an extra (non-contract) route gets: params from the path, query and body as sent. */
export interface RequestContext {
  params: Record<string, string>;
  query: unknown;
  body: unknown;
  headers: Record<string, string | undefined>; // lower-case names
  ip: string; // for rate limiting only (an IPv6 client is its /64); never logged or stored in clear
  requestId: string;
  rawBody?: string; // for signature checks on webhooks
  url?: string; // the request target as received (path and query): providers sign the URL they called
}

export interface HandlerResult {
  status: number;
  body: unknown;
  /** A list sends the header once per value (two `Set-Cookie`s). */
  headers?: Record<string, string | readonly string[]>;
}

export type Handler = (ctx: RequestContext) => Promise<HandlerResult>;

/** A contract route's context: params, query and body validated by the route's schemas and typed by them. */
export type RouteContext<N extends RouteName> = Omit<RequestContext, 'params' | 'query' | 'body'> & RouteInput<N>;
export type RouteHandler<N extends RouteName> = (ctx: RouteContext<N>) => Promise<HandlerResult>;
/** The contract routes this server implements (a missing one answers 503 `unavailable`). */
export type RouteHandlers = { [N in RouteName]?: RouteHandler<N> };

/** Throw to answer with the contract's ErrorBody. */
export class HttpError extends Error {
  readonly fields: readonly FieldError[];
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    options: { fields?: readonly FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
  }
}

/** Extra, non-contract routes (webhooks, one-click unsubscribe page, demo outbox view). */
export interface ExtraRoute {
  method: 'GET' | 'POST';
  /** '/v1/…' exact path */
  path: string;
  handler: (ctx: RequestContext) => Promise<HandlerResult & { contentType?: string }>;
  rawBody?: boolean;
  form?: boolean;
}
