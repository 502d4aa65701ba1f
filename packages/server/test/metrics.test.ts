// /metrics: Prometheus text behind a bearer token, labelled by route name (never a path), outbox depth and age by
// priority, deliveries and failures by transport, import runs; and no label value that could be an address, an email or a phone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { createPgSchema, json, startTestServer } from './server-harness.js';
import type { ErrorBody } from '@referral-kit/sdk';

const TOKEN = 'metrics-token-0123456789abcdef';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      assert.ok(match, `not a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of match[2]?.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g) ?? []) labels[key!] = value!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function find(samples: Sample[], name: string, labels: Record<string, string>): Sample | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

async function scrape(url: string): Promise<Sample[]> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

describe('/metrics', () => {
  it('is off without METRICS_TOKEN', async () => {
    const s = await startTestServer();
    try {
      const res = await s.get('/metrics');
      assert.equal(res.status, 404);
      assert.equal((await json<ErrorBody>(res)).error.code, 'not_found');
    } finally {
      await s.stop();
    }
  });

  it('answers only the bearer of the token, with route names, outbox, deliveries and imports, and no personal data in labels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-metrics-'));
    const pg = process.env.TEST_DATABASE_URL ? await createPgSchema(process.env.TEST_DATABASE_URL) : undefined;
    const env = {
      METRICS_TOKEN: TOKEN,
      TRUST_PROXY: 'true',
      ALERTS_DISPATCH_INTERVAL_MS: '50',
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    };
    const api = await startTestServer(env, { dir, role: 'api' });
    let worker: Awaited<ReturnType<typeof startTestServer>> | undefined;
    let gateway: Server | undefined;
    try {
      for (const headers of <Record<string, string>[]>[
        {},
        { authorization: 'Bearer wrong-token-0123456789' },
        { authorization: TOKEN },
      ]) {
        const refused = await api.get('/metrics', headers);
        assert.equal(refused.status, 401);
        assert.equal((await json<ErrorBody>(refused)).error.code, 'unauthorized');
        assert.match(refused.headers.get('www-authenticate')!, /^Bearer/);
      }

      const from = { 'x-forwarded-for': '203.0.113.77' };
      assert.equal((await api.get('/v1/custody?name=Wilhelmina%20Quackenbush', from)).status, 200);
      assert.equal((await api.get('/v1/custody/jane.doe@example.org', from)).status, 400);
      assert.equal((await api.get('/v1/services?q=shelter', from)).status, 200);
      assert.equal((await api.get('/v1/no/such/path/+17135550199', from)).status, 404);
      for (const [channel, contact] of [
        ['email', 'hidden.person@example.org'],
        ['sms', '+1 713 555 0199'],
      ]) {
        const res = await fetch(`${api.url}/v1/alerts/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...from },
          body: JSON.stringify({
            subjectId: FIXTURE_IDS.custody.released,
            channel,
            contact,
            language: 'en',
            events: ['release'],
          }),
        });
        assert.equal(res.status, 202);
      }
      await api.db.run(
        `INSERT INTO imports (id, kind, source_name, content_hash, outcome, summary, started_at, finished_at) VALUES ('imp-1', 'custody', 'feed.csv', 'h', 'held', '{}', $1, $1)`,
        [new Date().toISOString()],
      );

      const before = await scrape(api.url);
      assert.equal(
        find(before, 'referral_kit_http_requests_total', { route: 'searchCustody', method: 'GET', status: '200' })
          ?.value,
        1,
      );
      assert.equal(
        find(before, 'referral_kit_http_requests_total', { route: 'getCustodyRecord', status: '400' })?.value,
        1,
      );
      assert.equal(
        find(before, 'referral_kit_http_requests_total', { route: 'subscribe', method: 'POST', status: '202' })?.value,
        2,
      );
      assert.equal(find(before, 'referral_kit_http_requests_total', { route: 'unmatched', status: '404' })?.value, 1);
      assert.equal(
        find(before, 'referral_kit_http_request_duration_seconds_count', { route: 'searchServices', method: 'GET' })
          ?.value,
        1,
      );
      assert.equal(
        find(before, 'referral_kit_outbox_pending', { priority: 'transactional' })?.value,
        2,
        'the API role does not dispatch',
      );
      assert.equal(find(before, 'referral_kit_outbox_pending', { priority: 'urgent' })?.value, 0);
      assert.equal(find(before, 'referral_kit_outbox_pending', { priority: 'bulk' })?.value, 0);
      assert.ok(
        find(before, 'referral_kit_outbox_oldest_pending_seconds', { priority: 'transactional' }),
        'age by priority',
      );
      assert.equal(find(before, 'referral_kit_import_runs', { kind: 'custody', outcome: 'held' })?.value, 1);

      // The worker's SMS gateway refuses every message for good: a failure by transport.
      gateway = createServer((req, res) => {
        req.resume();
        res.writeHead(400).end('{}');
      });
      gateway.listen(0, '127.0.0.1');
      await once(gateway, 'listening');
      worker = await startTestServer(
        {
          ...env,
          ALERTS_PHONE_TRANSPORT: 'webhook',
          ALERTS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
          ALERTS_GATEWAY_SECRET: 'gateway-secret-0123456789',
        },
        { dir, role: 'worker' },
      );
      const waiting = () => api.db.query("SELECT 1 FROM alert_outbox WHERE status = 'pending'");
      for (let i = 0; i < 100 && (await waiting()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      const after = await scrape(worker.url);
      assert.equal(find(after, 'referral_kit_deliveries_total', { transport: 'file', outcome: 'sent' })?.value, 1);
      assert.equal(find(after, 'referral_kit_deliveries_total', { transport: 'webhook', outcome: 'failed' })?.value, 1);
      assert.equal(find(after, 'referral_kit_outbox_pending', { priority: 'transactional' })?.value, 0);

      const values = [...before, ...after].flatMap((s) => Object.values(s.labels));
      assert.ok(values.length > 20);
      for (const value of values) {
        assert.doesNotMatch(value, /\b\d{1,3}(\.\d{1,3}){3}\b/, `an IPv4 address in a label: ${value}`);
        assert.doesNotMatch(value, /[0-9a-f]{1,4}:[0-9a-f:]{2,}/i, `an IPv6 address in a label: ${value}`);
        assert.doesNotMatch(value, /@/, `an email in a label: ${value}`);
        assert.doesNotMatch(value, /\d[\d ().-]{5,}\d/, `a phone number in a label: ${value}`);
        assert.doesNotMatch(
          value,
          /Wilhelmina|jane|no\/such|shelter/i,
          `a requested path or query in a label: ${value}`,
        );
      }
    } finally {
      await worker?.stop();
      gateway?.close();
      await api.stop();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
