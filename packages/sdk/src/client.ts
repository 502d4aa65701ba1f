// The HTTP client: every route of the contract, by area (custody, services, alerts, callbacks).
import type * as z from 'zod/v4/mini';
import { routes, type Routes } from './contract/routes.js';
import {
  createRouteCaller,
  parseResponse,
  type CallOptions,
  type ClientOptions,
  type IdempotentCallOptions,
  type RequestInput,
  type RouteOutput,
} from './route-caller.js';

type Input<S> = S extends z.ZodMiniType ? z.input<S> : never;
type Output<N extends keyof Routes> = RouteOutput<Routes[N]>;

export type SnapshotResult =
  | { notModified: true; etag: string }
  | { notModified: false; etag: string | undefined; snapshot: Output<'getDirectorySnapshot'> };

/** A route's call options: with an idempotency key where the route accepts one. */
type Options<N extends keyof Routes> = Routes[N] extends { idempotencyKey: true } ? IdempotentCallOptions : CallOptions;
/** The routes that take a JSON body, and those that take a query. */
type BodyRoute = { [N in keyof Routes]: Routes[N] extends { body: z.ZodMiniType } ? N : never }[keyof Routes];
type QueryRoute = { [N in keyof Routes]: Routes[N] extends { query: z.ZodMiniType } ? N : never }[keyof Routes];

export function createClient(options: ClientOptions) {
  const { send } = createRouteCaller(options);
  /** One route by name; a ContractError names it so. */
  const call = async <N extends keyof Routes>(name: N, input: RequestInput, opts?: IdempotentCallOptions) =>
    (await parseResponse(routes[name], await send(routes[name], input, opts), name)) as Output<N>;
  /** A route that takes nothing but options, one by id, one by query, one by body. */
  const plain =
    <N extends keyof Routes>(name: N) =>
    (opts?: Options<N>) =>
      call(name, {}, opts);
  const byId =
    <N extends keyof Routes>(name: N) =>
    (id: string, opts?: Options<N>) =>
      call(name, { params: { id } }, opts);
  const byQuery =
    <N extends QueryRoute>(name: N) =>
    (query: Input<Routes[N]['query']>, opts?: Options<N>) =>
      call(name, { query }, opts);
  const byBody =
    <N extends BodyRoute>(name: N) =>
    (request: Input<Routes[N]['body']>, opts?: Options<N>) =>
      call(name, { body: request }, opts);

  return {
    custody: {
      search: byQuery('searchCustody'),
      get: byId('getCustodyRecord'),
      /** Every status in plain words, in one language (English when the server has not got it), and the data's freshness. */
      guide: (query: Input<Routes['getCustodyGuide']['query']> = {}, opts?: CallOptions) =>
        call('getCustodyGuide', { query }, opts),
    },
    services: {
      search: byQuery('searchServices'),
      get: byId('getService'),
      /** The whole directory. Pass the last `etag` to get `notModified` instead of the same data again. */
      snapshot: async (opts: CallOptions & { etag?: string } = {}): Promise<SnapshotResult> => {
        const sent = await send(
          routes.getDirectorySnapshot,
          {},
          { ...opts, headers: opts.etag ? { 'if-none-match': opts.etag } : {} },
        );
        const etag = sent.response.headers.get('etag') ?? undefined;
        if (sent.response.status === 304 && opts.etag) return { notModified: true, etag: etag ?? opts.etag };
        return {
          notModified: false,
          etag,
          snapshot: (await parseResponse(
            routes.getDirectorySnapshot,
            sent,
            'getDirectorySnapshot',
          )) as Output<'getDirectorySnapshot'>,
        };
      },
      hotlines: plain('listHotlines'),
    },
    alerts: {
      /** The languages and channels the server can send in. */
      options: plain('getAlertOptions'),
      subscribe: byBody('subscribe'),
      confirm: byBody('confirmSubscription'),
      unsubscribe: byBody('unsubscribe'),
    },
    callbacks: {
      /** The languages the server sends a request's reference in, per channel. */
      options: plain('getCallbackOptions'),
      /** Ask a specialist to make contact. Retried safely with one idempotency key. */
      request: byBody('requestCallback'),
      cancel: byBody('cancelCallback'),
    },
  };
}

export type ReferralClient = ReturnType<typeof createClient>;
