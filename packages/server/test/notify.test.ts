// Message wording (localized, discreet, always saying how to stop), the signed webhook transport, the file
// transport's duplicate drop, the retry schedule, and the alerts configuration from the environment.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodyStatus, type AlertChannel, type AlertEvent } from '@referral-kit/sdk';
import { alertEventFor } from '../src/import/custody-import.js';
import { renderConfirmation, renderStatus } from '../src/notify/messages.js';
import { messageLanguage } from '../src/i18n/index.js';
import { smsSize } from '../src/notify/sms-segments.js';
import { WebhookTransport } from '../src/notify/transports/webhook.js';
import { FileTransport, readOutboxFile } from '../src/notify/transports/file.js';
import { PermanentDeliveryError, type OutgoingMessage } from '../src/notify/transports/types.js';
import { signPayload, verifySignature } from '../src/notify/signature.js';
import { retryDelaySeconds } from '../src/notify/dispatcher.js';
import { alertsConfig, alertsConfigFromEnv } from '../src/alerts/index.js';
import { MINUTE, START, fromStart, testClock } from './clock.js';

const CHANNELS: AlertChannel[] = ['email', 'sms', 'voice', 'tty'];
const INDISCREET = /offender|inmate|custody|prison|jail|detain|arrest|crime|victim/i;
const STOP_URL = 'https://alerts.example.test/v1/alerts/stop?token=abc.def';

function allMessages(language: string) {
  return CHANNELS.flatMap((channel) =>
    [
      renderConfirmation({
        language,
        channel,
        code: '123456',
        minutes: 15,
        confirmUrl: 'https://alerts.example.test/c',
        stopUrl: STOP_URL,
      }),
      ...CustodyStatus.options.map((status) =>
        renderStatus({
          language,
          channel,
          status,
          event: alertEventFor('in-custody', status) ?? 'transfer',
          occurredAt: fromStart(-90 * MINUTE),
          reference: 'A-1',
          stopUrl: STOP_URL,
        }),
      ),
    ].map((m) => ({ ...m, channel })),
  );
}

describe('notify: messages', () => {
  it('are discreet: no subject names offenders, inmates or custody, in any language', () => {
    for (const language of ['en', 'es']) {
      for (const message of allMessages(language))
        assert.doesNotMatch(message.subject, INDISCREET, `${language}: ${message.subject}`);
    }
  });

  it('always say how to stop them, per channel', () => {
    for (const message of allMessages('en')) {
      const how = { email: STOP_URL, sms: 'Reply STOP', voice: 'press 9', tty: 'press 9' }[message.channel];
      assert.ok(message.text.includes(how), `${message.channel}: ${message.text}`);
    }
    for (const message of allMessages('es')) {
      const how = { email: STOP_URL, sms: 'Responda STOP', voice: 'marque 9', tty: 'marque 9' }[message.channel];
      assert.ok(message.text.includes(how), `${message.channel}: ${message.text}`);
    }
  });

  it('are short enough for two SMS segments', () => {
    for (const language of ['en', 'es']) {
      for (const message of allMessages(language).filter((m) => m.channel === 'sms'))
        assert.ok(message.text.length <= 306, message.text);
    }
  });

  it('are in the subscriber language, falling back to English for other tags', () => {
    const status = (language: string) =>
      renderStatus({
        language,
        channel: 'email',
        event: 'release',
        status: 'released',
        occurredAt: fromStart(-90 * MINUTE),
        reference: 'A-1',
        stopUrl: STOP_URL,
      });
    assert.equal(status('en').subject, 'Notification update');
    assert.equal(status('es').subject, 'Actualización de notificación');
    assert.equal(status('es-MX').subject, 'Actualización de notificación');
    assert.equal(status('fr').subject, 'Mise à jour de notification');
    assert.equal(status('zh-Hant').subject, '通知更新', 'Traditional Chinese readers get Simplified, not English');
    assert.equal(status('pt-BR').subject, 'Notification update');
    assert.match(status('es').text, /salió en libertad/);
    assert.match(status('es').text, /29 nov 2026/);
    assert.match(status('en').text, /Nov 29, 2026/);
    assert.equal(status('ar').subject, 'تحديث إشعار');
    assert.match(status('ar').text, /تحديث A-1/);
    assert.match(status('ar').text, /أُطلق سراح الشخص/);
    assert.deepEqual(
      ['en', 'es', 'es-419', 'pt-BR', 'EN', 'ar', 'ar-EG', 'zh-CN', 'fil', 'ht-HT'].map(messageLanguage),
      ['en', 'es', 'es', 'en', 'en', 'ar', 'ar', 'zh-Hans', 'tl', 'ht'],
    );
  });

  it('confirmation: email has the code, the link and the stop link; a call reads the code digit by digit', () => {
    const email = renderConfirmation({
      language: 'en',
      channel: 'email',
      code: '042917',
      minutes: 15,
      confirmUrl: 'https://x.test/c?token=t',
      stopUrl: STOP_URL,
    });
    assert.match(email.text, /042917/);
    assert.match(email.text, /https:\/\/x\.test\/c\?token=t/);
    assert.match(email.text, /ignore this message/);
    const sms = renderConfirmation({
      language: 'en',
      channel: 'sms',
      code: '042917',
      minutes: 15,
      confirmUrl: 'https://x.test/c?token=t',
      stopUrl: STOP_URL,
    });
    assert.doesNotMatch(sms.text, /https:/, 'no links in SMS');
    const voice = renderConfirmation({
      language: 'en',
      channel: 'voice',
      code: '042917',
      minutes: 15,
      confirmUrl: 'https://x.test/c',
      stopUrl: STOP_URL,
    });
    assert.match(voice.text, /0 4 2 9 1 7/);
  });

  it('status: releases and escape add the safety line; calls ask for the PIN', () => {
    const text = (event: AlertEvent, status: CustodyStatus, channel: AlertChannel = 'sms') =>
      renderStatus({
        language: 'en',
        channel,
        event,
        status,
        occurredAt: fromStart(-90 * MINUTE),
        reference: 'A-1',
        stopUrl: STOP_URL,
      }).text;
    assert.match(text('escape', 'escaped'), /call 911/);
    assert.match(text('release', 'released'), /call 911/);
    assert.match(text('bond-or-order-release', 'released-on-bond'), /call 911/);
    assert.doesNotMatch(text('transfer', 'transferred'), /911/);
    assert.match(text('transfer', 'transferred', 'tty'), /Enter your PIN/);
  });

  it("status: says what the new status means in the guide's short form, in the subscriber's language", () => {
    const text = (language: string, event: AlertEvent, status: CustodyStatus) =>
      renderStatus({
        language,
        channel: 'sms',
        event,
        status,
        occurredAt: fromStart(-90 * MINUTE),
        reference: 'A-1',
        stopUrl: STOP_URL,
      }).text;
    assert.match(
      text('en', 'bond-or-order-release', 'released-on-bond'),
      /Released on bond: the person may be in the community\./,
    );
    // Too long for two UCS-2 segments with its accents: sent without the ones GSM-7 lacks (two GSM-7 segments).
    assert.match(
      text('es', 'bond-or-order-release', 'released-on-bond'),
      /Salio con fianza: la persona puede estar en la comunidad\./,
    );
    assert.deepEqual(smsSize(text('es', 'bond-or-order-release', 'released-on-bond')).encoding, 'GSM-7');
    assert.match(text('en', 'removal', 'removed'), /sent out of the United States/);
    assert.match(text('es', 'removal', 'voluntary-departure'), /salir de los Estados Unidos por su cuenta/);
    assert.match(text('en', 'immigration-custody', 'immigration-detainer'), /immigration hold/);
    assert.notEqual(
      text('en', 'release', 'released-on-order'),
      text('en', 'release', 'released-on-bond'),
      'worded from the status, not only the event',
    );
  });
});

describe('notify: webhook transport', () => {
  const message: OutgoingMessage = {
    idempotencyKey: 'ev-1/sub-1',
    kind: 'status',
    channel: 'sms',
    to: '+12025550143',
    language: 'en',
    subject: 's',
    text: 'Status update',
  };

  it('posts HMAC-signed JSON with the idempotency key, verifiable with the shared secret', async () => {
    const secret = 'gateway-secret-0123456789';
    const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const transport = new WebhookTransport(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
        secret,
        testClock().now,
      );
      await transport.send(message, AbortSignal.timeout(5000));
      const [request] = seen;
      assert.ok(request);
      assert.equal(request.headers['idempotency-key'], 'ev-1/sub-1');
      const payload = JSON.parse(request.body) as Record<string, unknown>;
      assert.deepEqual(payload, {
        id: 'ev-1/sub-1',
        kind: 'status',
        channel: 'sms',
        to: '+12025550143',
        language: 'en',
        text: 'Status update',
        requiresPin: false,
      });
      // Verify independently of our own helper: t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>")).
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-referral-signature']));
      assert.ok(match);
      assert.equal(Number(match[1]), START / 1000, 'signed at the injected clock, not the wall clock');
      assert.equal(match[2], createHmac('sha256', secret).update(`${match[1]}.${request.body}`).digest('hex'));
      assert.ok(verifySignature(secret, String(request.headers['x-referral-signature']), request.body, START / 1000));
      assert.equal(
        verifySignature(
          'another-secret-0123456789',
          String(request.headers['x-referral-signature']),
          request.body,
          START / 1000,
        ),
        false,
      );
    } finally {
      server.close();
    }
  });

  it('treats 4xx as permanent (except 408/429) and 5xx as retryable', async () => {
    const reply = (status: number) =>
      new WebhookTransport(
        'http://gateway.test/',
        'secret-0123456789abcdef',
        testClock().now,
        async () => new Response(null, { status }),
      );
    await assert.rejects(reply(400).send(message, AbortSignal.timeout(1000)), PermanentDeliveryError);
    await assert.rejects(
      reply(429).send(message, AbortSignal.timeout(1000)),
      (e) => !(e instanceof PermanentDeliveryError),
    );
    await assert.rejects(
      reply(503).send(message, AbortSignal.timeout(1000)),
      (e) => !(e instanceof PermanentDeliveryError),
    );
    await reply(200).send(message, AbortSignal.timeout(1000));
  });

  it('signatures expire after five minutes', () => {
    const now = 1_800_000_000;
    const header = signPayload('s'.repeat(20), '{}', now);
    assert.ok(verifySignature('s'.repeat(20), header, '{}', now + 299));
    assert.equal(verifySignature('s'.repeat(20), header, '{}', now + 301), false);
    assert.equal(verifySignature('s'.repeat(20), 'garbage', '{}', now), false);
  });
});

describe('notify: file transport', () => {
  it('writes one JSON line per message, drops a repeated idempotency key, and sees other writers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-file-'));
    try {
      const file = join(dir, 'outbox.jsonl');
      const message: OutgoingMessage = {
        idempotencyKey: 'k1',
        kind: 'status',
        channel: 'email',
        to: 'a@example.org',
        language: 'en',
        subject: 's',
        text: 't',
      };
      const a = new FileTransport(file, testClock().now);
      const b = new FileTransport(file, testClock().now);
      await a.send(message);
      await a.send(message);
      await b.send(message);
      await b.send({ ...message, idempotencyKey: 'k2' });
      await a.send({ ...message, idempotencyKey: 'k2' });
      assert.deepEqual(
        readOutboxFile(file).map((e) => e.idempotencyKey),
        ['k1', 'k2'],
      );
      assert.equal(statSync(file).mode & 0o777, 0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('notify: retry schedule', () => {
  it('backs off ×4 from 30 s and caps at 6 h', () => {
    const config = alertsConfig({ secretKey: Buffer.alloc(32), publicUrl: 'https://x.test', outboxFile: '/dev/null' });
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelaySeconds(n, config)),
      [30, 120, 480, 1920, 7680, 21600, 21600],
    );
  });
});

describe('alerts configuration from the environment', () => {
  it('demo mode generates a private key file once and defaults to the file transport', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-conf-'));
    try {
      const first = alertsConfigFromEnv({}, { demo: true, dataDir: dir });
      const second = alertsConfigFromEnv({}, { demo: true, dataDir: dir });
      const keyFile = join(dir, 'alerts-secret.key');
      assert.ok(existsSync(keyFile));
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      assert.ok(first.secretKey.equals(second.secretKey));
      assert.equal(first.secretKey.length, 32);
      assert.equal(readFileSync(keyFile, 'utf8').trim(), first.secretKey.toString('base64'));
      assert.deepEqual([first.email, first.phone], [{ transport: 'file' }, { transport: 'file' }]);
      assert.equal(first.outboxFile, join(dir, 'outbox.jsonl'));
      assert.deepEqual(first.allowedCountryCodes, ['1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('outside demo mode requires a key, an https public URL and explicit transports, with clear messages', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const opts = { demo: false, dataDir: '/tmp/unused' };
    assert.throws(() => alertsConfigFromEnv({}, opts), /ALERTS_SECRET_KEY is required/);
    assert.throws(() => alertsConfigFromEnv({ ALERTS_SECRET_KEY: 'c2hvcnQ=' }, opts), /at least 32 bytes/);
    assert.throws(() => alertsConfigFromEnv({ ALERTS_SECRET_KEY: key }, opts), /ALERTS_PUBLIC_URL is required/);
    assert.throws(
      () => alertsConfigFromEnv({ ALERTS_SECRET_KEY: key, ALERTS_PUBLIC_URL: 'http://x.test' }, opts),
      /https/,
    );
    const base = { ALERTS_SECRET_KEY: key, ALERTS_PUBLIC_URL: 'https://api.example.org' };
    assert.throws(() => alertsConfigFromEnv(base, opts), /ALERTS_EMAIL_TRANSPORT/);
    assert.throws(
      () => alertsConfigFromEnv({ ...base, ALERTS_SMTP_URL: 'smtp://mail.example.org:587' }, opts),
      /ALERTS_FROM is required/,
    );
    const smtp = {
      ...base,
      ALERTS_SMTP_URL: 'smtp://mail.example.org:587',
      ALERTS_FROM: 'Notices <no-reply@example.org>',
    };
    assert.throws(() => alertsConfigFromEnv(smtp, opts), /ALERTS_PHONE_TRANSPORT/);
    assert.throws(
      () => alertsConfigFromEnv({ ...smtp, ALERTS_GATEWAY_URL: 'https://gw.example.org' }, opts),
      /ALERTS_GATEWAY_SECRET is required/,
    );
    const full = alertsConfigFromEnv(
      {
        ...smtp,
        ALERTS_GATEWAY_URL: 'https://gw.example.org',
        ALERTS_GATEWAY_SECRET: 'g'.repeat(32),
        ALERTS_ALLOWED_COUNTRY_CODES: '+1, 52',
      },
      opts,
    );
    assert.deepEqual(full.email, { transport: 'smtp', url: 'smtp://mail.example.org:587' });
    assert.deepEqual(full.phone, { transport: 'webhook', url: 'https://gw.example.org', secret: 'g'.repeat(32) });
    assert.deepEqual(full.allowedCountryCodes, ['1', '52']);
    assert.throws(
      () => alertsConfigFromEnv({ ...smtp, ALERTS_PHONE_TRANSPORT: 'file', ALERTS_ALLOWED_COUNTRY_CODES: 'one' }, opts),
      /ALERTS_ALLOWED_COUNTRY_CODES/,
    );
  });

  it('reads rate limits and the dispatch interval, refusing non-numbers', () => {
    const demo = { demo: true, dataDir: '/tmp/unused-rk' };
    const key = { ALERTS_SECRET_KEY: 'ab'.repeat(32) };
    const config = alertsConfigFromEnv(
      {
        ...key,
        ALERTS_SUBSCRIBE_PER_IP_PER_HOUR: '100',
        ALERTS_SUBSCRIBE_PER_CONTACT_PER_DAY: '5',
        ALERTS_DISPATCH_INTERVAL_MS: '500',
      },
      demo,
    );
    assert.deepEqual(config.limits.subscribePerIp, { max: 100, windowSeconds: 3600 });
    assert.deepEqual(config.limits.subscribePerContact, { max: 5, windowSeconds: 86400 });
    assert.equal(config.dispatch.intervalMs, 500);
    assert.equal(alertsConfigFromEnv(key, demo).limits.subscribePerIp.max, 10);
    assert.throws(
      () => alertsConfigFromEnv({ ...key, ALERTS_SUBSCRIBE_PER_IP_PER_HOUR: 'lots' }, demo),
      /ALERTS_SUBSCRIBE_PER_IP_PER_HOUR must be a whole number/,
    );
  });

  it('accepts a hex key', () => {
    const config = alertsConfigFromEnv(
      { ALERTS_SECRET_KEY: 'ab'.repeat(32) },
      { demo: true, dataDir: '/tmp/unused-rk' },
    );
    assert.ok(config.secretKey.equals(Buffer.alloc(32, 0xab)));
  });
});
