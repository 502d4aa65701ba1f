// Every way to stop alerts, over real HTTP: the API token, the one-click page (GET shows, POST stops; RFC 8058),
// inbound SMS keywords through the signed webhook, and the voice PIN acknowledgement.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueStatusChange } from '../src/alerts/index.js';
import { FileTransport } from '../src/notify/transports/file.js';
import { catalog } from '../src/i18n/index.js';
import {
  signedPost,
  startHarness,
  subscribeAndConfirm,
  subscription,
  tokenIn,
  type Harness,
} from './alerts-harness.js';
import { HOUR, fromStart, testClock } from './clock.js';

let h: Harness;

async function statuses(): Promise<Record<string, string>> {
  const rows = await h.db.query<{ subject_id: string; channel: string; status: string }>(
    'SELECT subject_id, channel, status FROM alert_subscriptions',
  );
  return Object.fromEntries(rows.map((r) => [`${r.channel}:${r.subject_id}`, r.status]));
}

async function statusChange(eventId: string, recordId = 'rec-1') {
  return h.db.transaction((tx) =>
    enqueueStatusChange(
      tx,
      { eventId, recordId, alertEvent: 'release', status: 'released', occurredAt: fromStart(-2 * HOUR) },
      h.clock.now(),
    ),
  );
}

describe('alerts: unsubscribe by link', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('the API token stops alerts; a bad token is refused', async () => {
    const message = await subscribeAndConfirm(h, subscription());
    const token = tokenIn(message.text, '/v1/alerts/stop');
    const res = await h.post('/v1/alerts/unsubscribe', { token });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'unsubscribed' });
    assert.deepEqual(await statuses(), { 'email:rec-1': 'unsubscribed' });
    assert.equal(await statusChange('ev-1'), 0, 'no outbox row for an unsubscribed contact');

    const bad = await h.post('/v1/alerts/unsubscribe', { token: `${token.split('.')[0]}.${'A'.repeat(43)}` });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid_token');
  });

  it('messages already queued are skipped once the subscriber has stopped', async () => {
    const message = await subscribeAndConfirm(h, subscription());
    assert.equal(await statusChange('ev-1'), 1);
    await h.post('/v1/alerts/unsubscribe', { token: tokenIn(message.text, '/v1/alerts/stop') });
    const before = h.email.messages.length;
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    assert.equal(h.email.messages.length, before);
    const [row] = await h.db.query<{ status: string }>("SELECT status FROM alert_outbox WHERE kind = 'status'");
    assert.equal(row!.status, 'skipped');
  });

  it('one-click: email carries List-Unsubscribe; GET only shows a button; the RFC 8058 POST stops', async () => {
    const message = await subscribeAndConfirm(h, subscription({ language: 'es' }));
    const url = message.unsubscribeUrl!;
    assert.equal(url, `https://alerts.example.test/v1/alerts/stop?token=${tokenIn(message.text, '/v1/alerts/stop')}`);
    const local = url.replace('https://alerts.example.test', h.url);

    const shown = await fetch(local);
    assert.equal(shown.status, 200);
    const html = await shown.text();
    assert.match(html, /<html lang="es"/);
    assert.match(html, /Dejar de recibir alertas/);
    assert.match(html, /<form method="post" action="\/v1\/alerts\/stop\?token=/);
    assert.match(shown.headers.get('content-security-policy') ?? '', /form-action 'self'/);
    assert.deepEqual(await statuses(), { 'email:rec-1': 'confirmed' }, 'a link scanner opening the page stops nothing');

    const oneClick = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    assert.match(await oneClick.text(), /No recibirá más alertas/);
    assert.deepEqual(await statuses(), { 'email:rec-1': 'unsubscribed' });
  });

  it('the page says so when a link is not valid', async () => {
    const res = await fetch(`${h.url}/v1/alerts/stop?token=not-a-real-token-at-all`);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /not valid/);
  });
});

describe('alerts: inbound SMS keywords (signed webhook)', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('STOP stops every phone subscription of the number (texts and calls); START restores them; replies are in their language', async () => {
    await subscribeAndConfirm(h, subscription({ channel: 'sms', contact: '(202) 555-0143', language: 'es-MX' }));
    await subscribeAndConfirm(
      h,
      subscription({ channel: 'sms', contact: '+12025550143', subjectId: 'rec-2', language: 'es' }),
      '203.0.113.2',
    );
    await subscribeAndConfirm(
      h,
      subscription({ channel: 'voice', contact: '+12025550143', pin: '2468' }),
      '203.0.113.3',
    );

    const stop = await signedPost(h, '/v1/alerts/inbound/sms', { from: '+1 202 555 0143', text: ' Stop ' });
    assert.equal(stop.status, 200);
    assert.deepEqual(await stop.json(), {
      action: 'stopped',
      reply: 'No recibirá más alertas en este número. Responda START para reanudarlas.',
    });
    assert.deepEqual(await statuses(), {
      'sms:rec-1': 'unsubscribed',
      'sms:rec-2': 'unsubscribed',
      'voice:rec-1': 'unsubscribed',
    });
    assert.equal(await statusChange('ev-1'), 0, 'no more texts and no more calls');

    const start = await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'START' });
    assert.deepEqual(await start.json(), {
      action: 'started',
      reply: 'Alertas reanudadas. Responda STOP para cancelar.',
    });
    assert.deepEqual(await statuses(), {
      'sms:rec-1': 'confirmed',
      'sms:rec-2': 'confirmed',
      'voice:rec-1': 'confirmed',
    });
  });

  it('accepts every carrier opt-out keyword', async () => {
    for (const word of ['STOP', 'cancel', 'End', 'QUIT', 'unsubscribe']) {
      await subscribeAndConfirm(
        h,
        subscription({ channel: 'sms', contact: '+12025550143', subjectId: `rec-${word}` }),
        `203.0.113.${word.length}`,
      );
      const res = await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: word });
      assert.equal(((await res.json()) as { action: string }).action, 'stopped', word);
      assert.equal((await statuses())[`sms:rec-${word}`], 'unsubscribed', word);
      await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'START' });
      h.clock.advance(25 * 3600_000); // past the per-contact limit window
    }
  });

  it('stop words in every language stop, in any case and without accents, and answer in their language; STOP in the number’s', async () => {
    await subscribeAndConfirm(h, subscription({ channel: 'sms', contact: '+12025550143', language: 'vi' }));
    const text = async (body: string) => {
      h.clock.advance(1000); // a signed body is accepted once: each text is signed at its own second
      const res = await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: body });
      return (await res.json()) as { action: string; reply: string };
    };
    // The English carrier words answer in the language the number signed up in.
    assert.deepEqual(await text('STOP'), { action: 'stopped', reply: catalog('vi').alerts.smsStopped });
    assert.deepEqual(await text('bat dau'), { action: 'started', reply: catalog('vi').alerts.smsStarted });
    const words: [string, string][] = [
      ['Arrêt', 'fr'],
      ['parar', 'es'],
      ['停止', 'zh-Hans'],
      ['dừng', 'vi'],
      ['중지', 'ko'],
      ['TIGIL', 'tl'],
      ['ايقاف', 'ar'],
      ['стоп', 'ru'],
      ['Kanpe', 'ht'],
    ];
    for (const [word, language] of words) {
      assert.deepEqual(await text(word), { action: 'stopped', reply: catalog(language).alerts.smsStopped }, word);
      assert.equal((await statuses())['sms:rec-1'], 'unsubscribed', word);
      assert.equal((await text('START')).action, 'started');
      assert.equal((await statuses())['sms:rec-1'], 'confirmed', word);
    }
  });

  it('START does not undo a stop made from a link; other text is ignored without a reply', async () => {
    await subscribeAndConfirm(h, subscription({ channel: 'sms', contact: '+12025550143' }));
    // Arrange a stop made from a link (SMS messages themselves carry the STOP keyword, not a link).
    const [row] = await h.db.query<{ id: string }>('SELECT id FROM alert_subscriptions');
    await h.db.run("UPDATE alert_subscriptions SET status = 'unsubscribed', unsubscribed_via = 'link' WHERE id = $1", [
      row!.id,
    ]);
    await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'START' });
    assert.deepEqual(await statuses(), { 'sms:rec-1': 'unsubscribed' });

    const chat = await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'who is this?' });
    assert.deepEqual(await chat.json(), { action: 'ignored', reply: null });
  });

  it('a number that texted STOP gets no confirmation code, even if someone subscribes it again', async () => {
    await subscribeAndConfirm(h, subscription({ channel: 'sms', contact: '+12025550143' }));
    await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'STOP' });
    const sent = h.phone.messages.length;
    const res = await h.post(
      '/v1/alerts/subscriptions',
      subscription({ channel: 'sms', contact: '+12025550143', subjectId: 'rec-2' }),
      { 'x-forwarded-for': '203.0.113.50' },
    );
    assert.equal(res.status, 202);
    await h.alerts.dispatcher.runOnce();
    assert.equal(h.phone.messages.length, sent);
  });

  it('refuses a missing, wrong, stale or replayed-with-another-body signature with 401', async () => {
    const body = { from: '+12025550143', text: 'STOP' };
    const missing = await h.post('/v1/alerts/inbound/sms', body);
    assert.equal(missing.status, 401);
    assert.equal((await signedPost(h, '/v1/alerts/inbound/sms', body, 'the-wrong-secret-0123456789')).status, 401);

    const raw = JSON.stringify(body);
    const { signPayload } = await import('../src/notify/signature.js');
    const stale = signPayload('inbound-test-secret-0123456789', raw, Math.floor(h.clock.now().getTime() / 1000) - 600);
    const staleRes = await fetch(`${h.url}/v1/alerts/inbound/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-referral-signature': stale },
      body: raw,
    });
    assert.equal(staleRes.status, 401);

    const fresh = signPayload('inbound-test-secret-0123456789', raw, Math.floor(h.clock.now().getTime() / 1000));
    const swapped = await fetch(`${h.url}/v1/alerts/inbound/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-referral-signature': fresh },
      body: JSON.stringify({ from: '+12025550199', text: 'STOP' }),
    });
    assert.equal(swapped.status, 401);
  });

  it('without a configured inbound secret every inbound request is refused', async () => {
    const open = await startHarness({ inboundSecret: undefined });
    try {
      const res = await signedPost(open, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'STOP' });
      assert.equal(res.status, 401);
    } finally {
      await open.close();
    }
  });
});

describe('alerts: voice PIN acknowledges a call', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('the right PIN acknowledges (and "stop" stops); a wrong PIN does nothing', async () => {
    await subscribeAndConfirm(h, subscription({ channel: 'voice', contact: '+12025550143', pin: '2468' }));
    await statusChange('ev-1');
    await h.alerts.dispatcher.runOnce();
    const call = h.phone.messages.at(-1)!;
    assert.equal(call.kind, 'status');
    assert.equal(call.requiresPin, true);
    assert.match(call.text, /Enter your PIN/);

    const wrong = await signedPost(h, '/v1/alerts/inbound/voice', { id: call.idempotencyKey, pin: '1357' });
    assert.deepEqual(await wrong.json(), { acknowledged: false, stopped: false });
    const right = await signedPost(h, '/v1/alerts/inbound/voice', { id: call.idempotencyKey, pin: '2468' });
    assert.deepEqual(await right.json(), { acknowledged: true, stopped: false });
    const [row] = await h.db.query<{ acknowledged_at: string | null }>(
      'SELECT acknowledged_at FROM alert_outbox WHERE id = $1',
      [call.idempotencyKey],
    );
    assert.equal(row!.acknowledged_at, h.clock.now().toISOString());

    // Guessing is capped per message: after five tries even the right PIN is not taken for an hour.
    for (let i = 0; i < 3; i++) {
      h.clock.advance(1000); // a new signature each time: the same signed request twice is a replay
      await signedPost(h, '/v1/alerts/inbound/voice', { id: call.idempotencyKey, pin: '0000' });
    }
    const capped = await signedPost(h, '/v1/alerts/inbound/voice', { id: call.idempotencyKey, pin: '2468' });
    assert.deepEqual(await capped.json(), { acknowledged: false, stopped: false });
    h.clock.advance(3600_000);

    const stop = await signedPost(h, '/v1/alerts/inbound/voice', {
      id: call.idempotencyKey,
      pin: '2468',
      action: 'stop',
    });
    assert.deepEqual(await stop.json(), { acknowledged: true, stopped: true });
    assert.deepEqual(await statuses(), { 'voice:rec-1': 'unsubscribed' });
  });
});

describe('alerts: demo outbox page', () => {
  it('in demo mode lists what the file transport sent, newest first; outside demo mode it does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-demo-'));
    const outboxFile = join(dir, 'outbox.jsonl');
    const demo = await startHarness(
      { demo: true, outboxFile },
      { email: new FileTransport(outboxFile, testClock().now), phone: new FileTransport(outboxFile, testClock().now) },
    );
    try {
      await demo.post('/v1/alerts/subscriptions', subscription({ contact: 'first@example.org' }), {
        'x-forwarded-for': '192.0.2.1',
      });
      await demo.post('/v1/alerts/subscriptions', subscription({ channel: 'sms', contact: '+12025550143' }), {
        'x-forwarded-for': '192.0.2.1',
      });
      await demo.alerts.dispatcher.runOnce();
      const res = await fetch(`${demo.url}/v1/alerts/demo/outbox`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const { messages } = (await res.json()) as { messages: { to: string; kind: string; text: string }[] };
      assert.deepEqual(
        messages.map((m) => [m.to, m.kind]),
        [
          ['+12025550143', 'confirmation'],
          ['first@example.org', 'confirmation'],
        ],
      );
      assert.match(messages[0]!.text, /Your verification code is \d{6}/);
    } finally {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const real = await startHarness();
    try {
      assert.equal((await fetch(`${real.url}/v1/alerts/demo/outbox`)).status, 404);
    } finally {
      await real.close();
    }
  });
});
