// msw handlers for every route of the contract, built from the route table: same paths, methods, schemas, statuses.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import * as z from 'zod/v4/mini';
import {
  AlertChannel,
  CALLBACK_CHANNELS,
  CALLBACK_CONTACT_CHANNEL,
  newCallbackReference,
  LANGUAGES,
  checkRouteInput,
  etagMatches,
  queryObject,
  routes,
  type AlertOptions,
  type CallbackOptions,
  type RouteDef,
  type RouteInput,
  type RouteName,
  type Routes,
  type Service,
} from '@referral-kit/sdk';
import { custodyGuide } from '@referral-kit/sdk/custody-guide';
import { CUSTODY_CURSOR_ERROR, decodeCustodyCursor } from '@referral-kit/sdk/custody-search';
import { generateFixtures, REFERENCE_DATE, type Fixtures } from './fixtures/index.js';
import { searchCustody, searchServices } from './queries.js';
import { errorReply, toResponse, type Reply } from './responses.js';
import { scenarioFor, type ScenarioSetting } from './scenarios.js';
import { CONTRACT_VIOLATIONS } from './violations.js';

/** The confirmation code the mock accepts (any other 6-digit code is `invalid_code`). Link tokens are all accepted. */
export const MOCK_CONFIRMATION_CODE = '123456';
/** The languages of each alert channel, as the reference server's: calls not in Haitian Creole, TTY in four. */
const CHANNEL_LANGUAGES: Record<AlertChannel, string[]> = {
  email: [...LANGUAGES],
  sms: [...LANGUAGES],
  voice: LANGUAGES.filter((language) => language !== 'ht'),
  tty: ['en', 'es', 'tl', 'fr'],
};
/** The languages the mock API sends alerts in, per channel. */
export const MOCK_ALERT_OPTIONS: AlertOptions = {
  channels: AlertChannel.options.map((channel) => ({ channel, languages: CHANNEL_LANGUAGES[channel] })),
};
/** The languages the mock API sends a callback reference in, per callback channel (the alert channel behind it). */
export const MOCK_CALLBACK_OPTIONS: CallbackOptions = {
  channels: CALLBACK_CHANNELS.map((channel) => ({
    channel,
    languages: CHANNEL_LANGUAGES[CALLBACK_CONTACT_CHANNEL[channel]],
  })),
};
/** How long a pending subscription waits for its confirmation. */
export const MOCK_CONFIRMATION_TTL_SECONDS = 1800;

export interface MockApiOptions {
  /** Origin (and optional path prefix) the handlers answer for, e.g. `https://api.example.org`. */
  baseUrl: string;
  /** The data to serve. Default: `generateFixtures()`. */
  data?: Fixtures;
  /** Default 'ok'. Change later with `setScenario`. */
  scenario?: ScenarioSetting;
  /** Delay of the 'slow' scenario. Default 1500 ms. */
  slowMs?: number;
  /** Clock for `openNow` and age matching. Default: the real clock. */
  now?: () => Date;
  /** Randomness in [0, 1) for callback references. Default: Math.random. */
  random?: () => number;
}

export interface PendingSubscription {
  confirmationId: string;
  request: z.output<Routes['subscribe']['body']>;
}

export interface ReceivedCallback {
  reference: string;
  cancelToken: string;
  request: z.output<Routes['requestCallback']['body']>;
  cancelled: boolean;
}

export interface MockApi {
  readonly handlers: HttpHandler[];
  readonly data: Fixtures;
  /** The ETag of the directory snapshot. */
  readonly snapshotEtag: string;
  /** Subscriptions accepted so far (honeypot ones are answered the same way but not kept). */
  readonly subscriptions: readonly PendingSubscription[];
  /** Callback requests received so far (honeypot ones are answered the same way but not kept). */
  readonly callbacks: readonly ReceivedCallback[];
  setScenario(setting: ScenarioSetting): void;
  /** Forget subscriptions, callbacks and idempotency keys; back to the initial scenario. */
  reset(): void;
}

type Implementation<N extends RouteName> = (input: RouteInput<N> & { request: Request }) => Reply;

export function createMockApi(options: MockApiOptions): MockApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const data = options.data ?? generateFixtures();
  const initialScenario = options.scenario ?? 'ok';
  const slowMs = options.slowMs ?? 1500;
  const now = options.now ?? (() => new Date());
  let scenario = initialScenario;
  let snapshotEtag: string | undefined;
  const etag = () => (snapshotEtag ??= `"${hashServices(data.services)}"`);
  const subscriptions: PendingSubscription[] = [];
  const callbacks: ReceivedCallback[] = [];
  const random = options.random ?? Math.random;
  const randomBelow = (n: number) => Math.floor(random() * n);
  const replays = new Map<string, Reply>();

  const implementations: { [N in RouteName]: Implementation<N> } = {
    searchCustody: ({ query: { cursor, ...query } }) => {
      const after = cursor === undefined ? undefined : decodeCustodyCursor(cursor);
      if (cursor !== undefined && !after)
        return errorReply(400, 'validation_failed', 'Some fields are not valid.', [CUSTODY_CURSOR_ERROR]);
      return {
        status: 200,
        body: searchCustody(data.custody, { ...query, cursor: after }),
      };
    },
    getCustodyRecord: ({ params }) => {
      const record = data.custody.find((r) => r.id === params.id);
      return record ? { status: 200, body: record } : errorReply(404, 'not_found', 'No custody record has this id.');
    },
    getCustodyGuide: ({ query }) => ({
      status: 200,
      body: custodyGuide(
        query.lang,
        data.custody
          .map((r) => r.sourceUpdatedAt)
          .sort()
          .at(-1),
      ),
    }),
    searchServices: ({ query }) => ({ status: 200, body: searchServices(data.services, query, now()) }),
    getService: ({ params }) => {
      const service = data.services.find((s) => s.id === params.id);
      return service ? { status: 200, body: service } : errorReply(404, 'not_found', 'No service has this id.');
    },
    getDirectorySnapshot: ({ request }) => {
      const headers = { etag: etag() };
      if (etagMatches(request.headers.get('if-none-match'), headers.etag)) return { status: 304, headers };
      return {
        status: 200,
        headers,
        body: { version: headers.etag.slice(1, -1), generatedAt: REFERENCE_DATE, services: data.services },
      };
    },
    listHotlines: () => ({ status: 200, body: { items: data.hotlines } }),
    getAlertOptions: () => ({ status: 200, body: MOCK_ALERT_OPTIONS }),
    getCallbackOptions: () => ({ status: 200, body: MOCK_CALLBACK_OPTIONS }),
    subscribe: ({ body }) => {
      const confirmationId = `cnf-${globalThis.crypto.randomUUID()}`;
      // A honeypot hit gets the very same answer, so a bot learns nothing; it is just not kept.
      if (body.website === undefined || body.website === '') subscriptions.push({ confirmationId, request: body });
      return {
        status: 202,
        body: { status: 'pending', confirmationId, expiresInSeconds: MOCK_CONFIRMATION_TTL_SECONDS },
      };
    },
    confirmSubscription: ({ body }) => {
      if ('code' in body && body.code !== MOCK_CONFIRMATION_CODE) {
        return errorReply(400, 'invalid_code', 'That code is not right. Check the message and try again.', [
          { path: 'code', message: 'That code is not right.' },
        ]);
      }
      return { status: 200, body: { status: 'confirmed' } };
    },
    unsubscribe: () => ({ status: 200, body: { status: 'unsubscribed' } }),
    requestCallback: ({ body }) => {
      const accepted = {
        status: 'received' as const,
        reference: newCallbackReference(randomBelow),
        cancelToken: `cbt-${globalThis.crypto.randomUUID()}`,
      };
      if (body.website === undefined || body.website === '')
        callbacks.push({ ...accepted, request: body, cancelled: false });
      return { status: 202, body: accepted };
    },
    cancelCallback: ({ body }) => {
      // Any well-formed token gets the same answer, as on the server: a token says nothing about a request.
      for (const callback of callbacks) if (callback.cancelToken === body.token) callback.cancelled = true;
      return { status: 200, body: { status: 'cancelled' } };
    },
  };

  async function answer(name: RouteName, request: Request, rawParams: Record<string, unknown>): Promise<Response> {
    const route: RouteDef = routes[name];
    const requestId = `req-${globalThis.crypto.randomUUID()}`;
    const common: Record<string, string> = { 'x-request-id': requestId };
    if (route.noStore) common['cache-control'] = 'no-store';

    switch (scenarioFor(scenario, name)) {
      case 'network-error':
        return HttpResponse.error();
      case 'never':
        return hangUntilAborted(request);
      case 'slow':
        await delay(slowMs);
        break;
      case 'server-error':
        return toResponse(
          errorReply(500, 'internal', 'Something went wrong on our side. Please try again.'),
          common,
          requestId,
        );
      case 'rate-limited':
        return toResponse(
          errorReply(429, 'rate_limited', 'Too many requests. Please wait a moment.', undefined, {
            'retry-after': '1',
          }),
          common,
          requestId,
        );
      case 'malformed-json':
        return new HttpResponse('{"items": [{"id": ', {
          status: route.status,
          headers: { ...common, 'content-type': 'application/json' },
        });
      case 'contract-violation':
        return HttpResponse.json(CONTRACT_VIOLATIONS[name] as Record<string, unknown>, {
          status: route.status,
          headers: common,
        });
      case 'ok':
        break;
    }

    const input = await parseInput(route, request, rawParams);
    if ('status' in input) return toResponse(input, common, requestId);

    const key = route.idempotencyKey ? request.headers.get('idempotency-key') : null;
    const replay = key === null ? undefined : replays.get(key);
    if (replay) return toResponse(replay, { ...common, 'idempotent-replayed': 'true' }, requestId);
    const reply = (implementations[name] as Implementation<RouteName>)({ ...input, request });
    if (key !== null && reply.status < 300) replays.set(key, reply);
    return toResponse(reply, common, requestId);
  }

  const handlers = (Object.keys(routes) as RouteName[]).map((name) => {
    const route: RouteDef = routes[name];
    const method = route.method === 'GET' ? http.get : http.post;
    return method(baseUrl + route.path.replace(/\{(\w+)\}/g, ':$1'), ({ request, params }) =>
      answer(name, request, params),
    );
  });

  return {
    handlers,
    data,
    get snapshotEtag() {
      return etag();
    },
    subscriptions,
    callbacks,
    setScenario(setting) {
      scenario = setting;
    },
    reset() {
      scenario = initialScenario;
      subscriptions.length = 0;
      callbacks.length = 0;
      replays.clear();
    },
  };
}

/** msw request handlers for every route. Use `createMockApi` to also switch scenarios at run time. */
export function createHandlers(options: MockApiOptions): HttpHandler[] {
  return createMockApi(options).handlers;
}

/**
 * Never answer. Like a stalled socket, a pending timer keeps a Node process alive until the caller gives up, so a
 * client's own deadline is what ends the wait (msw's `delay('infinite')` would let the event loop drain first).
 */
function hangUntilAborted(request: Request): Promise<Response> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => {}, 60_000);
    const stop = () => {
      clearInterval(keepAlive);
      resolve(HttpResponse.error());
    };
    if (request.signal.aborted) stop();
    else request.signal.addEventListener('abort', stop, { once: true });
  });
}

/** Validate params, query and body with the route's own schemas (as the server does); a failure is a 400/415 reply. */
async function parseInput(
  route: RouteDef,
  request: Request,
  rawParams: Record<string, unknown>,
): Promise<RouteInput<RouteName> | Reply> {
  let body: unknown;
  if (route.body) {
    if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
      return errorReply(415, 'unsupported_media_type', 'Send the request body as application/json.');
    }
    try {
      body = await request.json();
    } catch {
      return errorReply(400, 'validation_failed', 'The request body is not valid JSON.', [
        { path: 'body', message: 'Not valid JSON.' },
      ]);
    }
  }
  const checked = checkRouteInput(route, {
    params: rawParams,
    query: queryObject(new URL(request.url).searchParams),
    body,
  });
  return checked.ok
    ? checked.value
    : errorReply(400, 'validation_failed', 'Some fields are not valid.', checked.fields);
}

/** 32-bit FNV-1a over each service's JSON, as hex: a cheap content hash that never builds one giant string. */
function hashServices(services: readonly Service[]): string {
  let hash = 0x811c9dc5;
  for (const service of services) {
    const text = JSON.stringify(service);
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
