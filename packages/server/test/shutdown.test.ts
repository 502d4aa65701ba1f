// Graceful shutdown: a request in flight when shutdown starts still gets its full answer; new connections are
// refused; readiness fails as soon as shutdown begins.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { json, startTestServer } from './server-harness.js';
import type { ErrorBody } from '@referral-kit/sdk';

describe('graceful shutdown', () => {
  it('reports not ready and asks clients to close connections once shutdown begins', async () => {
    const s = await startTestServer();
    try {
      assert.equal((await s.get('/readyz')).status, 200);
      s.app.startClosing();
      const ready = await s.get('/readyz');
      assert.equal(ready.status, 503);
      const body = await json<ErrorBody>(ready);
      assert.equal(body.error.code, 'unavailable');
      assert.match(body.error.message, /shutting down/);
      assert.equal(ready.headers.get('connection'), 'close');
    } finally {
      await s.stop();
    }
  });

  it('finishes a request that is in flight, then stops', async () => {
    const s = await startTestServer();
    const body = JSON.stringify({
      subjectId: FIXTURE_IDS.custody.released,
      channel: 'email',
      contact: 'someone@example.org',
      language: 'en',
      events: ['release'],
    });
    const arrived = once(s.server, 'request');
    let closing: Promise<void> | undefined;
    const refused = async () => {
      await assert.rejects(fetch(`${s.url}/healthz`), 'new connections are refused once shutdown begins');
    };
    const answer = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      const req = request(
        `${s.url}/v1/alerts/subscriptions`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
        },
      );
      req.on('error', reject);
      // Half the body now; the server is then mid-request, waiting for the rest.
      req.write(body.slice(0, 20));
      arrived
        .then(() => {
          closing = s.close();
          return refused();
        })
        .then(() => req.end(body.slice(20)), reject);
    });

    const result = await answer;
    assert.equal(result.status, 202, result.text);
    assert.equal((JSON.parse(result.text) as { status: string }).status, 'pending');
    assert.equal(result.connection, 'close');
    await closing;
    await s.stop();
  });
});
