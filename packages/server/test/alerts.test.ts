// Alert signup over real HTTP (createApp on loopback) against a real SQLite file: double opt-in, enumeration
// resistance, rate limits, idempotency, honeypot, phone policy, codes, PIN and contact storage, and logs.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  codeIn,
  databaseBytes,
  startHarness,
  subscribeAndConfirm,
  subscription,
  tokenIn,
  type Harness,
} from './alerts-harness.js';
import { enqueueStatusChange } from '../src/alerts/index.js';
import type { PhoneTransportConfig } from '../src/alerts/config.js';
import { alertOptions } from '../src/alerts/options.js';
import { HOUR, fromStart } from './clock.js';

const SUBSCRIBE = '/v1/alerts/subscriptions';
const CONFIRM = '/v1/alerts/confirm';

let h: Harness;
let ipCounter = 0;
/** A fresh client address per call, so per-IP limits only bite where a test means them to. */
const freshIp = () => `198.51.100.${++ipCounter % 250}`;

async function subscribe(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await h.post(SUBSCRIBE, body, { 'x-forwarded-for': freshIp(), ...headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function count(table: string): Promise<number> {
  const [row] = await h.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row!.n);
}

async function subscriptionStatus(contactLike = 'rec-1'): Promise<string[]> {
  const rows = await h.db.query<{ status: string }>(
    'SELECT status FROM alert_subscriptions WHERE subject_id = $1 ORDER BY created_at',
    [contactLike],
  );
  return rows.map((r) => r.status);
}

describe('alerts: double opt-in', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('stores a pending subscription, sends a code and a link, and only a confirmed one gets alerts', async () => {
    const res = await subscribe(subscription());
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.body.status, 'pending');
    assert.equal(res.body.expiresInSeconds, 900);
    assert.deepEqual(await subscriptionStatus(), ['pending']);

    // A status change before confirmation reaches nobody.
    assert.equal(
      await h.db.transaction((tx) =>
        enqueueStatusChange(
          tx,
          {
            eventId: 'ev-0',
            recordId: 'rec-1',
            alertEvent: 'release',
            status: 'released',
            occurredAt: fromStart(-HOUR),
          },
          h.clock.now(),
        ),
      ),
      0,
    );

    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    const message = h.email.messages[0]!;
    assert.equal(message.to, 'someone@example.org');
    assert.equal(message.kind, 'confirmation');
    assert.match(message.text, /\b\d{6}\b/);
    assert.match(message.text, /expires in 15 minutes/);
    assert.ok(tokenIn(message.text, '/v1/alerts/confirm-link'));
    assert.ok(message.unsubscribeUrl?.startsWith('https://alerts.example.test/v1/alerts/stop?token='));

    const confirmed = await h.post(CONFIRM, { confirmationId: res.body.confirmationId, code: codeIn(message) });
    assert.equal(confirmed.status, 200);
    assert.deepEqual(await confirmed.json(), { status: 'confirmed' });
    assert.deepEqual(await subscriptionStatus(), ['confirmed']);

    const created = await h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        { eventId: 'ev-1', recordId: 'rec-1', alertEvent: 'release', status: 'released', occurredAt: fromStart(-HOUR) },
        h.clock.now(),
      ),
    );
    assert.equal(created, 1);
    await h.alerts.dispatcher.runOnce();
    assert.equal(h.email.messages.length, 2);
    assert.equal(h.email.messages[1]!.kind, 'status');
  });

  it('confirming twice with the right code is harmless; a wrong code after use is refused', async () => {
    const res = await subscribe(subscription());
    await h.alerts.dispatcher.runOnce();
    const code = codeIn(h.email.messages[0]);
    const body = { confirmationId: res.body.confirmationId, code };
    assert.equal((await h.post(CONFIRM, body)).status, 200);
    assert.equal((await h.post(CONFIRM, body)).status, 200);
    const wrong = await h.post(CONFIRM, { ...body, code: code === '000000' ? '111111' : '000000' });
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'invalid_code');
  });

  it('a code expires after 15 minutes', async () => {
    const res = await subscribe(subscription());
    await h.alerts.dispatcher.runOnce();
    h.clock.advance(15 * 60_000 + 1000);
    const late = await h.post(CONFIRM, { confirmationId: res.body.confirmationId, code: codeIn(h.email.messages[0]) });
    assert.equal(late.status, 400);
    assert.equal(((await late.json()) as { error: { code: string } }).error.code, 'code_expired');
    assert.deepEqual(await subscriptionStatus(), ['pending']);
  });

  it('five wrong codes lock the confirmation, even against the right code', async () => {
    const res = await subscribe(subscription());
    await h.alerts.dispatcher.runOnce();
    const code = codeIn(h.email.messages[0]);
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const wrong = await h.post(CONFIRM, { confirmationId: res.body.confirmationId, code: wrongCode });
      assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'invalid_code');
    }
    const locked = await h.post(CONFIRM, { confirmationId: res.body.confirmationId, code });
    assert.equal(locked.status, 400);
    assert.equal(((await locked.json()) as { error: { code: string } }).error.code, 'too_many_attempts');
    assert.deepEqual(await subscriptionStatus(), ['pending']);
  });

  it('an unknown confirmation id answers exactly like a wrong code', async () => {
    const res = await h.post(CONFIRM, { confirmationId: 'no-such-id', code: '123456' });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'invalid_code');
  });

  it('the email link confirms through the API token and through the link page (GET shows, POST confirms)', async () => {
    await subscribe(subscription());
    await h.alerts.dispatcher.runOnce();
    const token = tokenIn(h.email.messages[0]!.text, '/v1/alerts/confirm-link');

    const shown = await fetch(`${h.url}/v1/alerts/confirm-link?token=${encodeURIComponent(token)}`);
    assert.equal(shown.status, 200);
    assert.match(shown.headers.get('content-type') ?? '', /^text\/html/);
    const html = await shown.text();
    assert.match(html, /<form method="post"/);
    assert.deepEqual(await subscriptionStatus(), ['pending'], 'opening the link (a mail scanner) confirms nothing');

    const posted = await fetch(`${h.url}/v1/alerts/confirm-link?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(posted.status, 200);
    assert.match(await posted.text(), /Alerts are on/);
    assert.deepEqual(await subscriptionStatus(), ['confirmed']);

    // The API accepts the same token (idempotently) and refuses a forged one.
    assert.equal((await h.post(CONFIRM, { token })).status, 200);
    const forged = await h.post(CONFIRM, { token: `${token.slice(0, -4)}AAAA` });
    assert.equal(forged.status, 400);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'invalid_token');
  });

  it('a new request for a confirmed contact changes nothing until it is confirmed itself', async () => {
    await subscribeAndConfirm(h, subscription({ events: ['release'], language: 'en' }));
    await subscribe(subscription({ events: ['escape'], language: 'es' }));
    const [row] = await h.db.query<{ status: string; language: string; events_mask: number }>(
      'SELECT status, language, events_mask FROM alert_subscriptions',
    );
    assert.deepEqual({ ...row }, { status: 'confirmed', language: 'en', events_mask: 1 });
  });
});

describe('alerts: languages', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('lists the languages it can send per channel, and a signup in each gets its confirmation, alerts and pages in it', async () => {
    const res = await fetch(`${h.url}/v1/alerts/options`);
    assert.equal(res.status, 200);
    const { channels } = (await res.json()) as { channels: { channel: string; languages: string[] }[] };
    const languagesOf = Object.fromEntries(channels.map((c) => [c.channel, c.languages]));
    assert.deepEqual(Object.keys(languagesOf), ['email', 'sms', 'voice', 'tty']);
    assert.ok(languagesOf.email!.includes('ar'), 'Arabic, which the widget offers, is sent in Arabic');
    assert.deepEqual(languagesOf.sms, languagesOf.email);
    assert.equal(languagesOf.email!.length, 10, 'the ten languages');
    assert.ok(
      languagesOf.voice!.includes('ar') && !languagesOf.voice!.includes('ht'),
      'calls only in languages a voice speaks (none speaks Haitian Creole)',
    );
    assert.ok(!languagesOf.tty!.includes('ar'), 'TTY only in languages its alphabet carries');

    const english = new Set<string>();
    for (const [i, language] of languagesOf.email!.entries()) {
      const subjectId = `rec-${language}`;
      const confirmation = await subscribeAndConfirm(
        h,
        subscription({ subjectId, language, contact: `reader-${language}@example.org` }),
        `203.0.113.${i + 1}`,
      );
      await h.db.transaction((tx) =>
        enqueueStatusChange(
          tx,
          {
            eventId: `ev-${language}`,
            recordId: subjectId,
            alertEvent: 'release',
            status: 'released',
            occurredAt: fromStart(-HOUR),
          },
          h.clock.now(),
        ),
      );
      await h.alerts.dispatcher.runOnce();
      const alert = h.email.messages.at(-1)!;
      assert.equal(alert.kind, 'status');
      for (const message of [confirmation, alert]) {
        assert.equal(message.language, language);
        if (language === 'en') english.add(message.subject);
        else assert.ok(!english.has(message.subject), `${language}: not the English text`);
      }
    }

    const arabic = h.email.messages.find((m) => m.language === 'ar' && m.kind === 'confirmation')!;
    assert.match(arabic.text, /رمز التحقق/);
    const page = await (
      await fetch(`${h.url}/v1/alerts/stop?token=${encodeURIComponent(tokenIn(arabic.text, '/v1/alerts/stop'))}`)
    ).text();
    assert.match(page, /<html lang="ar" dir="rtl">/);
    assert.match(page, /إيقاف التنبيهات/);
  });

  it('calls in a language the phone line does not speak are made in English, not read out by a voice of another language', async () => {
    const call = await subscribeAndConfirm(
      h,
      subscription({ channel: 'voice', contact: '(202) 555-0143', pin: '2468', language: 'ht' }),
    );
    assert.equal(call.language, 'en');
    assert.match(call.text, /Your verification code is/);
    const text = await subscribeAndConfirm(
      h,
      subscription({ channel: 'sms', contact: '(202) 555-0143', language: 'ht' }),
      '203.0.113.9',
    );
    assert.equal(text.language, 'ht', 'texts keep the subscriber language');
    assert.match(text.text, /Kòd verifikasyon ou se/);
  });

  it('does not offer TTY where the phone transport cannot deliver it (Twilio)', () => {
    const channels = alertOptions({ phone: { transport: 'twilio' } as PhoneTransportConfig }).channels.map(
      (c) => c.channel,
    );
    assert.deepEqual(channels, ['email', 'sms', 'voice']);
  });
});

describe('alerts: enumeration resistance', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('new, pending, confirmed and unsubscribed contacts get the same status, body shape and code path', async () => {
    // Arrange one contact in each state.
    await subscribe(subscription({ contact: 'pending@example.org' }));
    await subscribeAndConfirm(h, subscription({ contact: 'confirmed@example.org' }), freshIp());
    const stopped = await subscribeAndConfirm(h, subscription({ contact: 'stopped@example.org' }), freshIp());
    const stop = await h.post('/v1/alerts/unsubscribe', { token: tokenIn(stopped.text, '/v1/alerts/stop') });
    assert.equal(stop.status, 200);

    const answers: { status: number; shape: string; expires: unknown; sql: string[] }[] = [];
    for (const contact of ['new@example.org', 'pending@example.org', 'confirmed@example.org', 'stopped@example.org']) {
      h.sql.length = 0;
      const res = await subscribe(subscription({ contact }));
      const shape = JSON.stringify(
        Object.keys(res.body)
          .sort()
          .map((k) => [k, typeof res.body[k], String(res.body[k]).length]),
      );
      answers.push({ status: res.status, shape, expires: res.body.expiresInSeconds, sql: [...h.sql] });
    }
    for (const answer of answers.slice(1)) {
      assert.equal(answer.status, answers[0]!.status);
      assert.equal(answer.shape, answers[0]!.shape);
      assert.equal(answer.expires, answers[0]!.expires);
      assert.deepEqual(answer.sql, answers[0]!.sql, 'every state runs the same statements in the same order');
    }
    assert.equal(answers[0]!.status, 202);
    assert.ok(answers[0]!.sql.length >= 5);

    // And every one of them gets a confirmation message (the same work is done, the same traffic goes out).
    const before = h.email.messages.length;
    await h.alerts.dispatcher.runOnce();
    assert.equal(h.email.messages.length - before, 4);
  });
});

describe('alerts: abuse controls', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('limits subscribes per IP with a generic 429 and Retry-After', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 10; i++) {
      const ok = await subscribe(subscription({ contact: `p${i}@example.org` }), { 'x-forwarded-for': ip });
      assert.equal(ok.status, 202);
    }
    const limited = await subscribe(subscription({ contact: 'p10@example.org' }), { 'x-forwarded-for': ip });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3600');
    assert.deepEqual(Object.keys((limited.body as { error: object }).error).sort(), [
      'code',
      'fields',
      'message',
      'requestId',
    ]);
    assert.equal((limited.body as { error: { code: string } }).error.code, 'rate_limited');
    // Another address is unaffected.
    assert.equal((await subscribe(subscription({ contact: 'p10@example.org' }))).status, 202);
  });

  it('a forged X-Forwarded-For buys no fresh budget, and one IPv6 /64 shares one budget', async () => {
    // The harness trusts the one proxy in front (TRUST_PROXY=true): it appends the real client last.
    const through = (client: string, forged: string) => ({ 'x-forwarded-for': `${forged}, ${client}` });
    for (let i = 0; i < 10; i++) {
      assert.equal(
        (await subscribe(subscription({ contact: `f${i}@example.org` }), through('203.0.113.78', `10.0.0.${i}`)))
          .status,
        202,
      );
    }
    assert.equal(
      (await subscribe(subscription({ contact: 'f10@example.org' }), through('203.0.113.78', '10.0.0.99'))).status,
      429,
    );

    for (let i = 0; i < 10; i++) {
      assert.equal(
        (
          await subscribe(subscription({ contact: `v${i}@example.org` }), {
            'x-forwarded-for': `2001:db8:7:7::${i + 1}`,
          })
        ).status,
        202,
      );
    }
    assert.equal(
      (await subscribe(subscription({ contact: 'v10@example.org' }), { 'x-forwarded-for': '2001:db8:7:7:ffff::1' }))
        .status,
      429,
    );
    assert.equal(
      (await subscribe(subscription({ contact: 'v10@example.org' }), { 'x-forwarded-for': '2001:db8:7:8::1' })).status,
      202,
      'the next /64 is another client',
    );
  });

  it('limits subscribes per contact (across IPs and subjects) with the same generic 429', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await subscribe(subscription({ subjectId: `rec-${i}` }))).status, 202);
    const limited = await subscribe(subscription({ subjectId: 'rec-9', contact: ' SomeOne@Example.org ' }));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), String(24 * 3600));
    const ipLimited = await startHarness({ limits: { subscribePerIp: { max: 0, windowSeconds: 60 } } });
    try {
      const other = await ipLimited.post(SUBSCRIBE, subscription(), { 'x-forwarded-for': '192.0.2.1' });
      const a = (limited.body as { error: { code: string; message: string } }).error;
      const b = ((await other.json()) as { error: { code: string; message: string } }).error;
      assert.deepEqual([a.code, a.message], [b.code, b.message], 'per-IP and per-contact limits are indistinguishable');
    } finally {
      await ipLimited.close();
    }
    // A day later the contact may ask again.
    h.clock.advance(24 * 3600_000 + 1000);
    assert.equal((await subscribe(subscription())).status, 202);
  });

  it('the same Idempotency-Key gives the same answer and sends one message; another body with it is refused', async () => {
    const key = 'retry-key-0001';
    const first = await subscribe(subscription(), { 'idempotency-key': key });
    const again = await subscribe(subscription(), { 'idempotency-key': key });
    assert.equal(first.status, 202);
    assert.equal(again.status, 202);
    assert.deepEqual(again.body, first.body);
    assert.equal(await count('alert_confirmations'), 1);
    assert.equal(await count('alert_outbox'), 1);
    await h.alerts.dispatcher.runOnce();
    await h.alerts.dispatcher.runOnce();
    assert.equal(h.email.messages.length, 1);

    const reused = await subscribe(subscription({ events: ['escape'] }), { 'idempotency-key': key });
    assert.equal(reused.status, 400);
    assert.equal((reused.body as { error: { code: string } }).error.code, 'validation_failed');
  });

  it('the honeypot field gets a normal 202 and nothing is stored or sent', async () => {
    const res = await subscribe(subscription({ website: 'http://spam.example' }));
    assert.equal(res.status, 202);
    assert.deepEqual(Object.keys(res.body).sort(), ['confirmationId', 'expiresInSeconds', 'status']);
    for (const table of ['alert_subscriptions', 'alert_confirmations', 'alert_outbox', 'alert_idempotency']) {
      assert.equal(await count(table), 0, table);
    }
    assert.equal(await h.alerts.dispatcher.runOnce(), 0);
  });

  it('refuses unassigned, premium-rate and foreign numbers with the same generic validation error as a malformed one', async () => {
    const malformed = await subscribe(subscription({ channel: 'sms', contact: '12' }));
    assert.equal(malformed.status, 400);
    const expected = (malformed.body as { error: { fields: { path: string; message: string }[] } }).error.fields[0];
    const refused = [
      '+1 900 555 0100',
      '(212) 976-1234',
      '+1 876 555 0100',
      '+1 809 555 0100',
      '+44 20 7946 0000',
      '+52 55 1234 5678',
      // Unassigned area codes and N11 service codes look like NANP numbers but reach nobody (or an emergency line).
      '+1 976 555 0100',
      '+1 911 555 0100',
      '+1 411 555 0100',
      '+1 555 555 1234',
    ];
    for (const contact of refused) {
      const res = await subscribe(subscription({ channel: 'sms', contact }));
      assert.equal(res.status, 400, contact);
      const error = (res.body as { error: { code: string; fields: { path: string; message: string }[] } }).error;
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.fields, [expected], contact);
    }
    assert.equal(await count('alert_subscriptions'), 0);
    assert.equal((await subscribe(subscription({ channel: 'sms', contact: '(202) 555-0143' }))).status, 202);
    assert.equal(
      (await subscribe(subscription({ channel: 'sms', contact: '+1 416 555 0143' }))).status,
      202,
      'Canada is +1 too',
    );
  });

  it('allows other country codes when configured', async () => {
    const mx = await startHarness({ allowedCountryCodes: ['1', '52'] });
    try {
      const res = await mx.post(SUBSCRIBE, subscription({ channel: 'sms', contact: '+52 55 1234 5678' }), {
        'x-forwarded-for': '192.0.2.9',
      });
      assert.equal(res.status, 202);
      const premium = await mx.post(SUBSCRIBE, subscription({ channel: 'sms', contact: '+52 900 123 4567' }), {
        'x-forwarded-for': '192.0.2.9',
      });
      assert.equal(premium.status, 400);
      const unassigned = await mx.post(SUBSCRIBE, subscription({ channel: 'sms', contact: '+52 52 1234 5678' }), {
        'x-forwarded-for': '192.0.2.9',
      });
      assert.equal(unassigned.status, 400, 'a number the Mexican plan does not assign');
    } finally {
      await mx.close();
    }
  });
});

describe('alerts: nothing personal at rest or in logs', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('stores contacts only encrypted and PINs only hashed; logs carry neither', async () => {
    const email = 'Private.Person@example.org';
    const phone = '+12025550143';
    const pin = '482916';
    await subscribeAndConfirm(h, subscription({ contact: email }));
    const voice = await h.post(
      SUBSCRIBE,
      subscription({ channel: 'voice', contact: '(202) 555-0143', pin, language: 'es' }),
      { 'x-forwarded-for': freshIp() },
    );
    assert.equal(voice.status, 202);
    const { confirmationId } = (await voice.json()) as { confirmationId: string };
    await h.alerts.dispatcher.runOnce();
    const call = h.phone.messages.at(-1)!;
    assert.equal(call.to, phone);
    assert.equal((await h.post(CONFIRM, { confirmationId, code: codeIn(call) })).status, 200);

    const [row] = await h.db.query<{ pin_hash: string; contact_enc: string }>(
      "SELECT pin_hash, contact_enc FROM alert_subscriptions WHERE channel = 'voice'",
    );
    assert.match(row!.pin_hash, /^scrypt\$/);
    assert.match(row!.contact_enc, /^v1\./);

    const bytes = databaseBytes(h.dbFile);
    for (const secret of [email, email.toLowerCase(), phone, '2025550143', '555-0143', pin]) {
      assert.equal(bytes.includes(secret), false, `${secret} must not be in the database file`);
    }
    const logText = h.logs.join('');
    assert.ok(logText.length > 0, 'requests were logged');
    for (const secret of [email.toLowerCase(), phone, '2025550143', pin, '203.0.113.1']) {
      assert.equal(logText.includes(secret), false, `${secret} must not be logged`);
    }
  });

  it('no table has a column for names, IPs or user agents', async () => {
    const columns = await h.db.query<{ name: string }>(
      "SELECT p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE 'alert_%'",
    );
    const names = columns.map((c) => c.name);
    assert.ok(names.includes('contact_enc'));
    for (const name of names)
      assert.doesNotMatch(name, /(^|_)(name|ip|ip_address|agent|user_agent|contact|email|phone)$/i);
  });
});
