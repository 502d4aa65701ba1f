// The OpenAPI 3.1 description of the API, generated from the route table and the zod contract (no DOM, no Node APIs,
// so the reference server can serve it at /v1/openapi.json and `npm run openapi` can write packages/sdk/openapi.json).
import * as z from 'zod/v4/mini';
import { ErrorBody } from './contract/common.js';
import { callbackRoutes } from './contract/callbacks.js';
import { CustodyGuide, CustodyPage, CustodyRecord, custodyRoutes } from './contract/custody.js';
import {
  alertRoutes,
  ConfirmRequest,
  Confirmed,
  SubscribeAccepted,
  SubscribeRequest,
  UnsubscribeRequest,
  Unsubscribed,
} from './contract/alerts.js';
import { routes, type RouteDef, type RouteName } from './contract/routes.js';
import {
  DirectorySnapshot,
  Hotline,
  HotlineList,
  Service,
  ServiceHit,
  ServicePage,
  serviceRoutes,
} from './contract/service.js';

/** Version of the API contract described (not of any package). */
export const OPENAPI_API_VERSION = '1.0.0';

/** Schemas the server sends, named in components.schemas (described as the server's output). */
const RESPONSE_SCHEMAS = {
  Service,
  ServiceHit,
  ServicePage,
  DirectorySnapshot,
  Hotline,
  HotlineList,
  CustodyRecord,
  CustodyPage,
  CustodyGuide,
  SubscribeAccepted,
  Confirmed,
  Unsubscribed,
  ErrorBody,
};
/** Schemas the server accepts, named in components.schemas (described as accepted input). */
const REQUEST_SCHEMAS = { SubscribeRequest, ConfirmRequest, UnsubscribeRequest };

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const JSON_SCHEMA = {
  target: 'draft-2020-12',
  unrepresentable: 'any',
  uri: (id: string) => `#/components/schemas/${id}`,
} as const;

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is invalid; `error.fields` says which field and why.',
  404: 'Nothing has this id.',
  413: 'The request body is too large.',
  415: 'The request body must be application/json.',
  429: 'Too many requests; wait as long as `Retry-After` says.',
  500: 'Something failed on the server.',
  503: 'The service is temporarily unavailable; `Retry-After` may say when to come back.',
};

const TAGS = [
  {
    name: 'custody',
    description:
      "Custody status of people in jails, prisons and immigration detention. Read a status you do not know as `unknown` (its `statusReason` keeps the source's words): statuses are added without a new API version.",
  },
  { name: 'services', description: 'The victim-services directory and national hotlines.' },
  {
    name: 'alerts',
    description:
      'Custody-status alerts with double opt-in. Answers never reveal whether a contact is already registered.',
  },
  {
    name: 'callbacks',
    description: 'Asking a specialist to make contact, safely. Answers are the same whatever is submitted.',
  },
];

/** Each route's tag: the area whose table holds it. */
const AREAS = { custody: custodyRoutes, services: serviceRoutes, alerts: alertRoutes, callbacks: callbackRoutes };
const tagOf = (name: string) => Object.keys(AREAS).filter((tag) => name in AREAS[tag as keyof typeof AREAS]);

/** Each route's summary (a route added without one does not compile). */
const SUMMARIES: Record<RouteName, string> = {
  searchCustody: 'Search people in custody by name or identifier',
  getCustodyRecord: 'One custody record',
  getCustodyGuide: 'How custody works, in plain words: every status explained, and how fresh the data is',
  searchServices: 'Search victim services',
  getService: 'One victim service',
  getDirectorySnapshot: 'The whole directory, for client-side search',
  listHotlines: 'Hotlines to show when nothing else works',
  getAlertOptions: 'The languages and channels this server sends alerts in (offer only these at signup)',
  subscribe: 'Ask for custody-status alerts (double opt-in; the same answer whether or not the contact is known)',
  confirmSubscription: 'Confirm a subscription with its code or link token',
  unsubscribe: 'Stop alerts with the token from a message',
  getCallbackOptions: 'The languages a callback request can be answered in, per channel (offer only these)',
  requestCallback: 'Ask a specialist to make contact (the same answer whatever is sent)',
  cancelCallback: 'Cancel a callback request',
};

export interface OpenApiOptions {
  /** `servers` entries, e.g. the origin a reference server runs on. None by default (paths are relative). */
  servers?: { url: string; description?: string }[];
}

type JsonObject = Record<string, unknown>;

export function createOpenApiDocument(options: OpenApiOptions = {}): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [name, route] of Object.entries(routes) as [RouteName, RouteDef][]) {
    const path = route.path; // already an OpenAPI template: /v1/custody/{id}
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(name, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'referral-kit API',
      version: OPENAPI_API_VERSION,
      summary: 'Offender custody lookup, custody-status alerts and a victim-services directory.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    ...(options.servers ? { servers: options.servers } : {}),
    tags: TAGS,
    paths,
    components: {
      schemas: { ...componentSchemas(RESPONSE_SCHEMAS, 'output'), ...componentSchemas(REQUEST_SCHEMAS, 'input') },
      parameters: {
        Partner: {
          name: 'X-Referral-Partner',
          in: 'header',
          required: false,
          description: 'Which partner organization embeds the widget (never anything about the visitor).',
          schema: { type: 'string', maxLength: 128 },
        },
      },
      headers: {
        RequestId: {
          description: 'Identifies this request in the server logs; quote it when reporting a problem.',
          schema: { type: 'string' },
        },
        NoStore: {
          description: 'Personal or time-critical data: never cached.',
          schema: { type: 'string', const: 'no-store' },
        },
        ETag: {
          description: 'Version of the representation; send it back in If-None-Match.',
          schema: { type: 'string' },
        },
        RetryAfter: { description: 'Seconds to wait, or an HTTP date.', schema: { type: 'string' } },
      },
    },
  };
}

function operation(name: RouteName, route: RouteDef): JsonObject {
  const parameters: JsonObject[] = [{ $ref: '#/components/parameters/Partner' }];
  parameters.push(...fieldParameters(route.params, 'path'), ...fieldParameters(route.query, 'query'));
  if (route.idempotencyKey) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Repeating a request with the same key returns the first answer instead of acting twice, which makes retries safe.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  if (route.etag) {
    parameters.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'The ETag of the copy you have.',
      schema: { type: 'string' },
    });
  }

  const headers: JsonObject = { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } };
  if (route.noStore) headers['Cache-Control'] = { $ref: '#/components/headers/NoStore' };
  const responses: JsonObject = {
    [route.status]: {
      description: route.status === 202 ? 'Accepted' : 'OK',
      headers: route.etag ? { ...headers, ETag: { $ref: '#/components/headers/ETag' } } : headers,
      content: { 'application/json': { schema: schemaRef(route.response, RESPONSE_SCHEMAS, 'output') } },
    },
  };
  if (route.etag)
    responses['304'] = {
      description: 'Not modified: the If-None-Match ETag is current.',
      headers: { ...headers, ETag: { $ref: '#/components/headers/ETag' } },
    };
  for (const status of [...route.errors].sort((a, b) => a - b)) {
    const retry =
      status === 429 || status === 503 ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : {};
    responses[status] = {
      description: STATUS_TEXT[status] ?? 'Error',
      headers: { ...headers, ...retry },
      content: { 'application/json': { schema: REF('ErrorBody') } },
    };
  }

  return {
    operationId: name,
    summary: SUMMARIES[name],
    tags: tagOf(name),
    parameters,
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(route.body, REQUEST_SCHEMAS, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** One parameter per property of an object schema (path parameters are always required). */
function fieldParameters(schema: z.ZodMiniType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { ...JSON_SCHEMA, io: 'input' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(Array.isArray(property.anyOf) && property.anyOf.some((s) => (s as JsonObject).type === 'array')
      ? { style: 'form', explode: true }
      : {}),
  }));
}

/** A $ref when the schema is a named component, otherwise the schema inline. */
function schemaRef(schema: z.ZodMiniType, named: Record<string, z.ZodMiniType>, io: 'input' | 'output'): JsonObject {
  const name = Object.keys(named).find((key) => named[key] === schema);
  if (name) return REF(name);
  return withoutDialect(z.toJSONSchema(schema, { ...JSON_SCHEMA, io }));
}

function componentSchemas(named: Record<string, z.ZodMiniType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA, io }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
}

/** Component schemas follow the document's dialect; a per-schema `$schema` would only repeat it. */
function withoutDialect(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** JSON with object keys sorted at every level and a trailing newline, so the committed file diffs cleanly. */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as JsonObject)[key])]),
  );
}
