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

export function createClient(options: ClientOptions) {
  const { send } = createRouteCaller(options);
  /** One route by name; a ContractError names it so. */
  const call = async <N extends keyof Routes>(name: N, input: RequestInput, opts?: IdempotentCallOptions) =>
    (await parseResponse(routes[name], await send(routes[name], input, opts), name)) as Output<N>;

  return {
    custody: {
      search: (query: Input<Routes['searchCustody']['query']>, opts?: CallOptions) =>
        call('searchCustody', { query }, opts),
      get: (id: string, opts?: CallOptions) => call('getCustodyRecord', { params: { id } }, opts),
      /** Every status in plain words, in one language (English when the server has not got it), and the data's freshness. */
      guide: (query: Input<Routes['getCustodyGuide']['query']> = {}, opts?: CallOptions) =>
        call('getCustodyGuide', { query }, opts),
    },
    services: {
      search: (query: Input<Routes['searchServices']['query']>, opts?: CallOptions) =>
        call('searchServices', { query }, opts),
      get: (id: string, opts?: CallOptions) => call('getService', { params: { id } }, opts),
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
      hotlines: (opts?: CallOptions) => call('listHotlines', {}, opts),
    },
    alerts: {
      /** The languages and channels the server can send in. */
      options: (opts?: CallOptions) => call('getAlertOptions', {}, opts),
      subscribe: (request: Input<Routes['subscribe']['body']>, opts?: IdempotentCallOptions) =>
        call('subscribe', { body: request }, opts),
      confirm: (request: Input<Routes['confirmSubscription']['body']>, opts?: CallOptions) =>
        call('confirmSubscription', { body: request }, opts),
      unsubscribe: (request: Input<Routes['unsubscribe']['body']>, opts?: CallOptions) =>
        call('unsubscribe', { body: request }, opts),
    },
    callbacks: {
      /** The languages the server sends a request's reference in, per channel. */
      options: (opts?: CallOptions) => call('getCallbackOptions', {}, opts),
      /** Ask a specialist to make contact. Retried safely with one idempotency key. */
      request: (request: Input<Routes['requestCallback']['body']>, opts?: IdempotentCallOptions) =>
        call('requestCallback', { body: request }, opts),
      cancel: (request: Input<Routes['cancelCallback']['body']>, opts?: CallOptions) =>
        call('cancelCallback', { body: request }, opts),
    },
  };
}

export type ReferralClient = ReturnType<typeof createClient>;
