// The route table: the single description of the API that the client calls, the mocks serve and the server enforces.
import * as z from 'zod/v4/mini';
import { Id } from './common.js';
import { CustodyGuide, CustodyGuideQuery, CustodyPage, CustodyRecord, CustodySearchQuery } from './custody.js';
import { DirectorySnapshot, HotlineList, Service, ServicePage, ServiceSearchQuery } from './service.js';
import { AlertOptions, ConfirmRequest, Confirmed, SubscribeAccepted, SubscribeRequest, UnsubscribeRequest, Unsubscribed } from './alerts.js';
import { CallbackAccepted, CallbackCancelled, CallbackCancelRequest, CallbackRequest } from './callbacks.js';

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

const IdParams = z.object({ id: Id });
const READ_ERRORS = [400, 429, 500, 503] as const;

export const routes = {
  searchCustody: {
    method: 'GET', path: '/v1/custody', tag: 'custody', summary: 'Search people in custody by name or identifier',
    query: CustodySearchQuery, status: 200, response: CustodyPage, errors: READ_ERRORS, noStore: true,
  },
  getCustodyRecord: {
    method: 'GET', path: '/v1/custody/{id}', tag: 'custody', summary: 'One custody record',
    params: IdParams, status: 200, response: CustodyRecord, errors: [...READ_ERRORS, 404], noStore: true,
  },
  getCustodyGuide: {
    method: 'GET', path: '/v1/custody-guide', tag: 'custody',
    summary: 'How custody works, in plain words: every status explained, and how fresh the data is',
    query: CustodyGuideQuery, status: 200, response: CustodyGuide, errors: READ_ERRORS,
  },
  searchServices: {
    method: 'GET', path: '/v1/services', tag: 'services', summary: 'Search victim services',
    query: ServiceSearchQuery, status: 200, response: ServicePage, errors: READ_ERRORS,
  },
  getService: {
    method: 'GET', path: '/v1/services/{id}', tag: 'services', summary: 'One victim service',
    params: IdParams, status: 200, response: Service, errors: [...READ_ERRORS, 404],
  },
  getDirectorySnapshot: {
    method: 'GET', path: '/v1/directory/snapshot', tag: 'services', summary: 'The whole directory, for client-side search',
    status: 200, response: DirectorySnapshot, errors: READ_ERRORS, etag: true,
  },
  listHotlines: {
    method: 'GET', path: '/v1/hotlines', tag: 'services', summary: 'Hotlines to show when nothing else works',
    status: 200, response: HotlineList, errors: READ_ERRORS,
  },
  getAlertOptions: {
    method: 'GET', path: '/v1/alerts/options', tag: 'alerts',
    summary: 'The languages and channels this server sends alerts in (offer only these at signup)',
    status: 200, response: AlertOptions, errors: READ_ERRORS,
  },
  subscribe: {
    method: 'POST', path: '/v1/alerts/subscriptions', tag: 'alerts',
    summary: 'Ask for custody-status alerts (double opt-in; the same answer whether or not the contact is known)',
    body: SubscribeRequest, status: 202, response: SubscribeAccepted, errors: [400, 413, 415, 429, 500, 503],
    noStore: true, idempotencyKey: true,
  },
  confirmSubscription: {
    method: 'POST', path: '/v1/alerts/confirm', tag: 'alerts', summary: 'Confirm a subscription with its code or link token',
    body: ConfirmRequest, status: 200, response: Confirmed, errors: [400, 413, 415, 429, 500, 503], noStore: true,
  },
  unsubscribe: {
    method: 'POST', path: '/v1/alerts/unsubscribe', tag: 'alerts', summary: 'Stop alerts with the token from a message',
    body: UnsubscribeRequest, status: 200, response: Unsubscribed, errors: [400, 413, 415, 429, 500, 503], noStore: true,
  },
  requestCallback: {
    method: 'POST', path: '/v1/callbacks', tag: 'callbacks',
    summary: 'Ask a specialist to make contact (the same answer whatever is sent)',
    body: CallbackRequest, status: 202, response: CallbackAccepted, errors: [400, 413, 415, 429, 500, 503],
    noStore: true, idempotencyKey: true,
  },
  cancelCallback: {
    method: 'POST', path: '/v1/callbacks/cancel', tag: 'callbacks', summary: 'Cancel a callback request',
    body: CallbackCancelRequest, status: 200, response: CallbackCancelled, errors: [400, 413, 415, 429, 500, 503], noStore: true,
  },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof routes;
export type Routes = typeof routes;

/** Fill a path template: `/v1/custody/{id}` + `{ id: 'a b' }` → `/v1/custody/a%20b`. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`Missing path parameter "${key}" for ${template}`);
    return encodeURIComponent(value);
  });
}
