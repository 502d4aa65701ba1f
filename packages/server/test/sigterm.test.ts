// SIGTERM on the real executable (child processes): `serve` finishes the request in flight, `worker` finishes the send
// in hand and hands the rest of its leased batch back, and both exit 0.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { post, sharedDatabase, startTestServer, subscribeBody } from './server-harness.js';

const BIN = fileURLToPath(new URL('../bin/referral-kit.mjs', import.meta.url));
const GATEWAY_SECRET = 'gateway-secret-0123456789';

/** Starts `referral-kit <role>` and resolves with its URL once it prints it. */
async function spawnRole(
  role: 'serve' | 'worker',
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; exit: Promise<[number | null, NodeJS.Signals | null]> }> {
  const child = spawn(process.execPath, [BIN, role], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exit.then(() => reject(new Error(`referral-kit ${role} exited early:\n${output}`)));
  });
  return { child, url, exit };
}

describe('SIGTERM', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'rk-sigterm-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('`referral-kit serve` finishes the request in flight, then exits 0', async () => {
    const { child, url, exit } = await spawnRole('serve', { DATA_DIR: join(dir, 'serve') });
    const body = subscribeBody('in.flight@example.org');
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${url}/v1/alerts/subscriptions`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      // The server holds the half-read request; stop it, then send the rest.
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 300);
    });
    const result = await answer;
    assert.equal(result.status, 202, result.text);
    const [code, signal] = await exit;
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
  });

  it('`referral-kit worker` finishes the send in hand, hands the rest of its batch back, then exits 0', async () => {
    const data = join(dir, 'worker');
    const received: string[] = [];
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const gateway: Server = createServer((req, res) => {
      req.resume();
      received.push(String(req.headers['idempotency-key']));
      arrived();
      setTimeout(() => res.end('{}'), 1500);
    });
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    const db = await sharedDatabase();
    const env = {
      ...db.env,
      TRUST_PROXY: 'true',
      ALERTS_PHONE_TRANSPORT: 'webhook',
      ALERTS_GATEWAY_SECRET: GATEWAY_SECRET,
      ALERTS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
    };
    const api = await startTestServer(env, { dir: data, role: 'api' });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(
          `${api.url}/v1/alerts/subscriptions`,
          subscribeBody(`+1 713 555 01${10 + i}`, 'sms'),
          `198.51.100.${i + 1}`,
        );
        assert.equal(res.status, 202, await res.text());
      }
      const worker = await spawnRole('worker', { ...env, DATA_DIR: data, ALERTS_DISPATCH_INTERVAL_MS: '50' });
      await first;
      worker.child.kill('SIGTERM');
      const [code, signal] = await worker.exit;
      assert.deepEqual({ code, signal }, { code: 0, signal: null });
      assert.equal(received.length, 1, 'no send started after SIGTERM');
      const rows = await api.db.query<{ id: string; status: string; lease_owner: string | null; attempts: number }>(
        "SELECT id, status, lease_owner, attempts FROM alert_outbox WHERE kind = 'confirmation' ORDER BY status, id",
      );
      assert.deepEqual(
        rows.map((r) => r.status),
        ['pending', 'pending', 'sent'],
      );
      assert.equal(rows.find((r) => r.status === 'sent')!.id, received[0], 'the send in hand was recorded');
      for (const row of rows.filter((r) => r.status === 'pending')) {
        assert.deepEqual(
          { lease: row.lease_owner, attempts: Number(row.attempts) },
          { lease: null, attempts: 0 },
          'handed back, free for the next worker',
        );
      }
    } finally {
      await api.stop();
      await db.drop();
      gateway.close();
    }
  });
});
