import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { routes, type RouteDef } from '@referral-kit/sdk';
import { createOpenApiDocument, toStableJson } from '@referral-kit/sdk/openapi';
import { FIXTURE_IDS, generateFixtures } from '@referral-kit/mocks';

const COMMITTED = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
/** The parts of the document these tests read (createOpenApiDocument returns it as plain JSON). */
interface Parameter {
  $ref?: string;
  in: string;
  name: string;
  required?: boolean;
  schema: { maximum?: number; enum?: string[] };
}
interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: unknown;
  responses: Record<
    string,
    { content: Record<string, { schema: unknown }>; headers: Record<string, { $ref?: string }> }
  >;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: unknown;
}
const doc = createOpenApiDocument() as unknown as Document;
const fixtures = generateFixtures({ services: 150, custody: 40 });

/** Every `$ref` in a JSON value, with where it was found. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === '$ref' && typeof v === 'string' ? [[v, at] as [string, string]] : refs(v, `${at}/${key}`),
  );
}

function resolve(pointer: string): unknown {
  assert.ok(pointer.startsWith('#/'), `only local refs expected, got ${pointer}`);
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node === undefined ? undefined : (node as Record<string, unknown>)[part]), doc);
}

describe('OpenAPI document', () => {
  it('the committed packages/sdk/openapi.json is up to date', () => {
    assert.ok(
      COMMITTED === toStableJson(doc),
      'packages/sdk/openapi.json is stale: run `npm run openapi` and commit the result.',
    );
  });

  it('is OpenAPI 3.1 with info, tags and only local references that all resolve', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.info.title && doc.info.version);
    const found = refs(doc);
    assert.ok(found.length > 50);
    for (const [ref, at] of found) assert.notEqual(resolve(ref), undefined, `${ref} at ${at}`);
    const tagNames = doc.tags.map((t) => t.name);
    for (const route of Object.values(routes)) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      assert.equal(op?.tags.length, 1, route.path);
      assert.ok(tagNames.includes(op.tags[0]!), route.path);
    }
  });

  it('has an operation for every route, with its parameters, body and responses', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    assert.equal(operations.length, Object.keys(routes).length);
    for (const [name, route] of Object.entries(routes) as [string, RouteDef][]) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      assert.ok(op, `${route.method} ${route.path}`);
      assert.equal(op.operationId, name);
      assert.ok(op.summary, name);
      const params = op.parameters.map((p) => (p.$ref ? (resolve(p.$ref) as Parameter) : p));
      const named = (where: string) => params.filter((p) => p.in === where).map((p) => p.name);
      for (const [, id] of route.path.matchAll(/\{(\w+)\}/g)) {
        assert.ok(
          params.some((p) => p.in === 'path' && p.name === id && p.required === true),
          `${name}: path parameter ${id}`,
        );
      }
      if (route.query) assert.ok(named('query').length > 0, name);
      assert.equal(named('header').includes('Idempotency-Key'), route.idempotencyKey === true, name);
      assert.equal(named('header').includes('If-None-Match'), route.etag === true, name);
      assert.ok(named('header').includes('X-Referral-Partner'));
      assert.equal(op.requestBody !== undefined, route.body !== undefined, name);

      const success = op.responses[route.status];
      assert.ok(success, name);
      assert.ok(success.content['application/json']?.schema, name);
      assert.ok(success.headers['X-Request-Id']);
      assert.equal(success.headers['Cache-Control'] !== undefined, route.noStore === true, name);
      assert.equal(op.responses['304'] !== undefined, route.etag === true, name);
      for (const status of route.errors) {
        assert.deepEqual(
          op.responses[status]?.content['application/json']?.schema,
          { $ref: '#/components/schemas/ErrorBody' },
          `${name} ${status}`,
        );
      }
      assert.equal(op.responses['429']?.headers['Retry-After']?.$ref, '#/components/headers/RetryAfter');
    }
  });

  it('describes the custody query parameters, with paging bounds', () => {
    const op = doc.paths['/v1/custody']?.get;
    assert.ok(op);
    const byName = Object.fromEntries(op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
    assert.deepEqual(Object.keys(byName).sort(), [
      'birthYear',
      'countryOfBirth',
      'cursor',
      'identifier',
      'identifierType',
      'name',
      'page',
      'pageSize',
      'state',
    ]);
    assert.equal(byName.pageSize?.schema.maximum, 100);
    assert.deepEqual(byName.identifierType?.schema.enum, ['a-number', 'booking', 'case', 'other']);
  });

  describe('component schemas validate data like the zod contract (ajv, JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    // Let ajv hold the whole document, so `#/components/schemas/...` references resolve as they do in the file.
    ajv.addVocabulary(['openapi', 'info', 'tags', 'paths', 'components']);
    ajv.addSchema({ $id: 'urn:referral-kit:openapi', openapi: doc.openapi, components: doc.components });
    const validator = (name: string) => {
      const validate = ajv.getSchema(`urn:referral-kit:openapi#/components/schemas/${name}`);
      assert.ok(validate, name);
      return validate;
    };

    it('accepts every fixture service, custody record and hotline list', () => {
      const service = validator('Service');
      for (const s of fixtures.services) assert.ok(service(s), `${s.id}: ${JSON.stringify(service.errors)}`);
      const record = validator('CustodyRecord');
      for (const r of fixtures.custody) assert.ok(record(r), `${r.id}: ${JSON.stringify(record.errors)}`);
      assert.ok(validator('HotlineList')({ items: fixtures.hotlines }));
      assert.ok(
        validator('ServicePage')({
          items: [{ service: fixtures.services[0], distanceKm: 2 }],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
      );
    });

    it('rejects what the contract rejects', () => {
      const record = fixtures.custody.find((r) => r.id === FIXTURE_IDS.custody.escaped)!;
      assert.equal(validator('CustodyRecord')({ ...record, status: 'on-vacation' }), false);
      assert.equal(validator('CustodyRecord')({ ...record, dateOfBirth: '1980-01-01' }), false);
      const service = fixtures.services[0]!;
      assert.equal(validator('Service')({ ...service, languages: ['english'] }), false);
      assert.equal(
        validator('Service')({ ...service, phones: [{ number: 'call me', type: 'voice', languages: [] }] }),
        false,
      );
      assert.equal(validator('ErrorBody')({ error: { message: 'no code' } }), false);
    });

    it('describes request bodies as accepted input', () => {
      const subscribe = validator('SubscribeRequest');
      assert.ok(
        subscribe({
          subjectId: 'cus-1',
          channel: 'email',
          contact: 'a@example.org',
          language: 'es-MX',
          events: ['release'],
        }),
      );
      assert.equal(
        subscribe({
          subjectId: 'cus-1',
          channel: 'fax',
          contact: 'a@example.org',
          language: 'es',
          events: ['release'],
        }),
        false,
      );
      const confirm = validator('ConfirmRequest');
      assert.ok(confirm({ confirmationId: 'cnf-1', code: '123456' }));
      assert.equal(confirm({ confirmationId: 'cnf-1', code: '123456', token: 'x'.repeat(20) }), false);
    });
  });
});
