// Email delivery through nodemailer to a real SMTP server running inside the test (smtp-server): neutral sender
// and subject, RFC 8058 one-click headers, a Message-ID derived from the outbox row, and 5xx as a permanent failure.
// Then the connection itself: pooled, every wait bounded by the transport's timeouts, and cancelled by the signal.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpTransport, messageIdFor } from '../src/notify/transports/smtp.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';
import { enqueueStatusChange } from '../src/alerts/index.js';
import { deriveKeys } from '../src/alerts/crypto.js';
import { startHarness, subscription, type Harness } from './alerts-harness.js';
import { HOUR, fromStart } from './clock.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const FROM = 'Notifications <no-reply@alerts.example.test>';
const received: Received[] = [];
let rejectRecipients = false;
let connections = 0;
let smtp: SMTPServer;
let smtpUrl: string;
let h: Harness;

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
}

/** The text part, quoted-printable decoded. */
function body(raw: string): string {
  const text = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo(_address, _session, callback) {
      if (rejectRecipients) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
after(async () => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe('smtp transport against an in-test SMTP server', () => {
  beforeEach(async () => {
    received.length = 0;
    rejectRecipients = false;
    h = await startHarness({ from: FROM }, { email: new SmtpTransport(smtpUrl, FROM, 10_000) });
  });
  afterEach(async () => {
    await h.alerts.close();
    await h.close();
  });

  it('delivers the confirmation with a neutral sender, the code, the link and one-click unsubscribe headers', async () => {
    const res = await h.post('/v1/alerts/subscriptions', subscription({ contact: 'reader@example.org' }), {
      'x-forwarded-for': '192.0.2.1',
    });
    const { confirmationId } = (await res.json()) as { confirmationId: string };
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    assert.equal(received.length, 1);
    const mail = received[0]!;
    assert.deepEqual(mail.to, ['reader@example.org']);
    assert.equal(mail.from, 'no-reply@alerts.example.test');
    assert.equal(header(mail.raw, 'From'), FROM);
    assert.equal(header(mail.raw, 'Subject'), 'Your verification code');
    assert.equal(header(mail.raw, 'Content-Language'), 'en');
    assert.equal(header(mail.raw, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(
      header(mail.raw, 'List-Unsubscribe') ?? '',
      /^<https:\/\/alerts\.example\.test\/v1\/alerts\/stop\?token=[^>]+>$/,
    );
    const [row] = await h.db.query<{ id: string; status: string }>('SELECT id, status FROM alert_outbox');
    assert.equal(row!.status, 'sent');
    assert.equal(header(mail.raw, 'Message-ID'), messageIdFor(row!.id, 'alerts.example.test'));

    const text = body(mail.raw);
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    assert.ok(code, text);
    assert.match(text, /https:\/\/alerts\.example\.test\/v1\/alerts\/confirm-link\?token=/);
    assert.match(text, /To stop these messages: https:\/\/alerts\.example\.test\/v1\/alerts\/stop\?token=/);
    const confirmed = await h.post('/v1/alerts/confirm', { confirmationId, code }, { 'x-forwarded-for': '192.0.2.1' });
    assert.equal(confirmed.status, 200);

    // The one-click address from the header works against the API (RFC 8058 POST).
    const oneClick = header(mail.raw, 'List-Unsubscribe')!.slice(1, -1).replace('https://alerts.example.test', h.url);
    const stopped = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(stopped.status, 200);
    const [sub] = await h.db.query<{ status: string }>('SELECT status FROM alert_subscriptions');
    assert.equal(sub!.status, 'unsubscribed');
  });

  it('sends status updates in the subscriber language with a discreet subject', async () => {
    await h.db.run(
      `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at)
       VALUES ('s1', 'rec-1', 'email', 'h1', $1, 'es', 1, 'confirmed', $2)`,
      [sealFor(h, 'lectora@example.org'), fromStart(-10 * HOUR)],
    );
    await h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        {
          eventId: 'ev-1',
          recordId: 'rec-1',
          alertEvent: 'release',
          status: 'released',
          occurredAt: fromStart(-2 * HOUR),
        },
        h.clock.now(),
      ),
    );
    await h.alerts.dispatcher.runOnce();
    const mail = received[0]!;
    assert.deepEqual(mail.to, ['lectora@example.org']);
    assert.equal(header(mail.raw, 'Content-Language'), 'es');
    const subject = header(mail.raw, 'Subject')!;
    assert.match(subject, /^=\?UTF-8\?Q\?/, 'non-ASCII subject is MIME-encoded');
    assert.doesNotMatch(subject, /custody|inmate|offender|custodia|reclus/i);
    assert.match(body(mail.raw), /Para dejar de recibir estos mensajes/);
  });

  it('a 5xx refusal is a permanent failure: the row is failed, not retried', async () => {
    rejectRecipients = true;
    await h.post('/v1/alerts/subscriptions', subscription({ contact: 'nobody@example.org' }), {
      'x-forwarded-for': '192.0.2.2',
    });
    await h.alerts.dispatcher.runOnce();
    const [row] = await h.db.query<{ status: string; last_error: string }>(
      'SELECT status, last_error FROM alert_outbox',
    );
    assert.deepEqual({ ...row }, { status: 'failed', last_error: 'smtp_550' });
    assert.equal(received.length, 0);
  });
});

const message = (n: number): OutgoingMessage => ({
  idempotencyKey: `ev-${n}/sub-1`,
  kind: 'status',
  channel: 'email',
  to: 'reader@example.org',
  language: 'en',
  subject: 'Notification update',
  text: 'Status update',
});

/** Settles with the send's error, or fails the test if the send is still hanging after `ms`. */
async function failureWithin(send: Promise<void>, ms: number): Promise<Error> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`send still running after ${ms} ms`)), ms)),
  );
  try {
    await Promise.race([send.then(() => assert.fail('the send should have failed')), hung]);
    throw new Error('unreachable');
  } catch (error) {
    if ((error as Error).message.startsWith('send still running')) throw error;
    return error as Error;
  } finally {
    clearTimeout(timer);
  }
}

describe('smtp transport: pooled, bounded, cancellable', () => {
  // A server that accepts connections and never says a word (a stuck relay, a firewall that swallows packets).
  let silent: Server;
  let silentUrl: string;
  const sockets: Socket[] = [];
  before(async () => {
    silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('sends several messages over one pooled connection', async () => {
    received.length = 0;
    rejectRecipients = false;
    connections = 0;
    const transport = new SmtpTransport(smtpUrl, FROM, 10_000);
    try {
      for (let n = 0; n < 3; n++) await transport.send(message(n), new AbortController().signal);
    } finally {
      await transport.close();
    }
    assert.equal(received.length, 3);
    assert.equal(connections, 1);
  });

  it('gives up on a server that never greets after the transport timeout', async () => {
    const transport = new SmtpTransport(silentUrl, FROM, 300);
    try {
      const error = await failureWithin(transport.send(message(1), new AbortController().signal), 5000);
      assert.notEqual(error.name, 'AbortError');
    } finally {
      await transport.close();
    }
  });

  it("the dispatcher's signal cancels a send in progress and closes its connection", async () => {
    const transport = new SmtpTransport(silentUrl, FROM, 60_000);
    try {
      const before = sockets.length;
      const error = await failureWithin(transport.send(message(1), AbortSignal.timeout(300)), 5000);
      assert.equal(
        error.name,
        'TimeoutError',
        'reported as the signal reason, so the dispatcher retries it as a timeout',
      );
      assert.equal(sockets.length, before + 1);
      const socket = sockets.at(-1)!;
      if (!socket.closed) await new Promise((resolve) => socket.once('close', resolve));
    } finally {
      await transport.close();
    }
  });
});

/** Seal a contact with the harness's key, as the subscribe handler would. */
function sealFor(harness: Harness, contact: string): string {
  return deriveKeys(harness.config.secretKey).seal(contact, 'contact');
}
