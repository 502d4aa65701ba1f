// The phone line and text-in through the Twilio adapter, end to end over real HTTP: webhooks signed exactly as
// Twilio signs them, outbound calls and texts through the official client against a local fake of Twilio's REST
// API, and every TwiML document checked against the verbs and attributes Twilio accepts.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import { startHarness, type Harness } from './alerts-harness.js';
import { enqueueStatusChange } from '../src/alerts/index.js';
import { twimlProblems } from './twiml-checker.js';
import {
  A_NUMBER,
  CONFIDENTIAL_A_NUMBER,
  PUBLIC_URL,
  TWILIO_FROM,
  TWILIO_SID,
  TWILIO_TOKEN,
  elements,
  gatherAction,
  seedCustody,
  spoken,
  startFakeTwilio,
  twilioPost,
} from './telephony-harness.js';
import { parseXml } from './twiml-checker.js';

const VOICE = '/v1/alerts/twilio/voice';
const ES_HELD = custodyGuideText('es').statuses['in-custody'];
const SMS = '/v1/alerts/twilio/sms';
const CALLER = '+12025550143';

let h: Harness;
let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
let sidCounter = 0;
const newSid = (prefix: 'CA' | 'SM') => `${prefix}${String(++sidCounter).padStart(32, 'f')}`;

async function start(overrides: Parameters<typeof startHarness>[0] = {}): Promise<void> {
  fake = await startFakeTwilio();
  h = await startHarness(
    {
      publicUrl: PUBLIC_URL,
      phone: {
        transport: 'twilio',
        twilio: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, from: TWILIO_FROM, apiBaseUrl: fake.url },
      },
      phoneLine: { interpreterNumber: '+18662777477', interpreterDigits: 'ww2' },
      ...overrides,
    },
    { phone: undefined },
  );
  await seedCustody(h.db, h.clock.now());
}

async function stop(): Promise<void> {
  await h.close();
  await fake.close();
}

/** One signed voice webhook; asserts the answer is TwiML Twilio accepts, and returns it. */
async function call(target: string, params: Record<string, string>): Promise<string> {
  const res = await twilioPost(h.url, target, { AccountSid: TWILIO_SID, Direction: 'inbound', ...params });
  assert.equal(res.status, 200, await res.clone().text());
  assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
  const xml = await res.text();
  assert.deepEqual(twimlProblems(xml, 'voice'), [], xml);
  return xml;
}

/** Presses keys at the document's Gather (the same call), returning the next document. */
function press(callSid: string, xml: string, digits: string, from = CALLER): Promise<string> {
  return call(gatherAction(xml), { CallSid: callSid, From: from, To: TWILIO_FROM, Digits: digits });
}

async function text(body: string, from = CALLER): Promise<string | null> {
  const res = await twilioPost(h.url, SMS, {
    AccountSid: TWILIO_SID,
    MessageSid: newSid('SM'),
    From: from,
    To: TWILIO_FROM,
    Body: body,
  });
  assert.equal(res.status, 200);
  const xml = await res.text();
  assert.deepEqual(twimlProblems(xml, 'messaging'), [], xml);
  return elements(parseXml(xml)).find((e) => e.name === 'Message')?.text ?? null;
}

const said = (xml: string) =>
  spoken(xml)
    .map((s) => s.text)
    .join(' ');

describe('telephony (Twilio): a Spanish caller, end to end', () => {
  beforeEach(() => start());
  afterEach(() => stop());

  it('looks up by A-number, hears the status, registers with a PIN, acknowledges the release call, texts STOP and gets no more calls', async () => {
    const sid = newSid('CA');
    // The first words of every call are the danger warning, in English and Spanish; then every spoken language
    // offers itself, each in its own voice (Haitian Creole has none, so it is not offered).
    const welcome = await call(VOICE, { CallSid: sid, From: CALLER, To: TWILIO_FROM });
    const first = spoken(welcome);
    assert.deepEqual(first.slice(0, 2), [
      { language: 'en-US', text: 'If you are in danger, hang up and call 911.' },
      { language: 'es-US', text: 'Si está en peligro, cuelgue y llame al 911.' },
    ]);
    assert.match(
      said(welcome),
      /For English, press 1\. Para español, oprima 2\. 中文服务，请按 3。 Tiếng Việt, bấm 4\./,
    );
    assert.match(said(welcome), /Pour le français, appuyez sur 9\. For another language, stay on the line\./);
    assert.deepEqual(
      [...new Set(first.map((s) => s.language))],
      ['en-US', 'es-US', 'cmn-CN', 'vi-VN', 'ko-KR', 'fil-PH', 'ar-XA', 'ru-RU', 'fr-FR'],
    );
    assert.doesNotMatch(welcome, /Martínez/);

    const menu = await press(sid, welcome, '2');
    assert.ok(spoken(menu).every((s) => s.language === 'es-US'));
    assert.match(said(menu), /Para buscar por número A, oprima 1/);

    const enterId = await press(sid, menu, '1');
    assert.match(said(enterId), /Marque los dígitos del número A/);
    // Star corrects: the entry starts again.
    const corrected = await press(sid, enterId, '1234*');
    assert.match(said(corrected), /Volvamos a empezar/);
    const result = await press(sid, corrected, A_NUMBER.slice(1));
    const words = said(result);
    assert.match(words, /Registro de José Ángel Martínez Ruiz\./);
    assert.ok(
      words.includes(`${ES_HELD.meaning} ${ES_HELD.now} Centro:`),
      "the guide's explanation, then the facility",
    );
    assert.match(words, /Centro: El Paso Processing Center\. Su teléfono es 9 1 5, 5 5 5, 0 1 5 1\./);
    assert.match(words, /Último cambio: 28 de noviembre de 2026\./);
    assert.match(words, /Esta información se actualizó hace 2 horas\./);

    // 0 repeats the answer.
    const repeated = await press(sid, result, '0');
    assert.ok(said(repeated).includes(ES_HELD.meaning));

    const own = await press(sid, repeated, '1');
    assert.match(said(own), /Las alertas llamarán al número desde el que llama/);
    const choosePin = await press(sid, own, '1');
    const repeatPin = await press(sid, choosePin, '2468');
    const mismatch = await press(sid, repeatPin, '2469');
    assert.match(said(mismatch), /Los dos PIN no eran iguales/);
    const again = await press(sid, await press(sid, mismatch, '2468'), '2468');
    assert.match(said(again), /lo llamaremos pronto con un código de 6 dígitos/);
    assert.ok(elements(parseXml(again)).some((e) => e.name === 'Hangup'));

    // Double opt-in: the confirmation is a call to that number; the code is entered during it.
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    const confirmCall = fake.requests.at(-1)!;
    assert.equal(confirmCall.path, `/2010-04-01/Accounts/${TWILIO_SID}/Calls.json`);
    assert.equal(confirmCall.params.To, CALLER);
    assert.equal(confirmCall.params.From, TWILIO_FROM);
    assert.equal(confirmCall.authorization, `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`);
    const confirmTwiml = confirmCall.params.Twiml!;
    assert.deepEqual(twimlProblems(confirmTwiml, 'voice'), [], confirmTwiml);
    const code = /código de verificación es (\d(?: \d){5})/.exec(said(confirmTwiml))![1]!.replace(/ /g, '');
    const outboundSid = newSid('CA');
    const wrongCode = await press(outboundSid, confirmTwiml, code === '000000' ? '111111' : '000000', TWILIO_FROM);
    assert.match(said(wrongCode), /Ese código no es correcto/);
    const confirmed = await press(outboundSid, wrongCode, code, TWILIO_FROM);
    assert.match(said(confirmed), /Las alertas están activadas/);
    const [sub] = await h.db.query<{ status: string; channel: string; language: string }>(
      'SELECT status, channel, language FROM alert_subscriptions',
    );
    assert.deepEqual(sub, { status: 'confirmed', channel: 'voice', language: 'es' });

    // The release call: the message, then the PIN.
    await h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        {
          eventId: 'ev-release',
          recordId: 'cus-000001',
          alertEvent: 'release',
          status: 'released',
          occurredAt: h.clock.now().toISOString(),
        },
        h.clock.now(),
      ),
    );
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    const releaseCall = fake.requests.at(-1)!;
    const releaseTwiml = releaseCall.params.Twiml!;
    assert.deepEqual(twimlProblems(releaseTwiml, 'voice'), [], releaseTwiml);
    assert.match(said(releaseTwiml), /salió en libertad/);
    assert.match(said(releaseTwiml), /Marque su PIN/);
    assert.doesNotMatch(releaseTwiml, /Martínez/, 'an alert call never names the person');
    const releaseSid = newSid('CA');
    const wrongPin = await press(releaseSid, releaseTwiml, '1357', TWILIO_FROM);
    assert.match(said(wrongPin), /Ese PIN no es correcto/);
    const acknowledged = await press(releaseSid, wrongPin, '2468', TWILIO_FROM);
    assert.match(said(acknowledged), /Gracias/);
    const [outbox] = await h.db.query<{ acknowledged_at: string | null }>(
      "SELECT acknowledged_at FROM alert_outbox WHERE kind = 'status'",
    );
    assert.equal(outbox!.acknowledged_at, h.clock.now().toISOString());

    // Twilio's status callback marks the delivery.
    const callback = await twilioPost(h.url, releaseCall.params.StatusCallback!, {
      AccountSid: TWILIO_SID,
      CallSid: releaseSid,
      CallStatus: 'completed',
    });
    assert.equal(callback.status, 200);
    const [delivery] = await h.db.query<{ delivery_status: string }>(
      "SELECT delivery_status FROM alert_outbox WHERE kind = 'status'",
    );
    assert.equal(delivery!.delivery_status, 'completed');

    // STOP by text: no more calls.
    assert.equal(await text('STOP'), 'No recibirá más alertas en este número. Responda START para reanudarlas.');
    const before = fake.requests.length;
    await h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        {
          eventId: 'ev-escape',
          recordId: 'cus-000001',
          alertEvent: 'escape',
          status: 'escaped',
          occurredAt: h.clock.now().toISOString(),
        },
        h.clock.now(),
      ),
    );
    await h.alerts.dispatcher.runOnce();
    assert.equal(fake.requests.length, before, 'no call after STOP');
  });

  it('an unknown and a confidential A-number get the same answer, and nothing names anyone', async () => {
    const answers: string[] = [];
    for (const digits of [CONFIDENTIAL_A_NUMBER.slice(1), '555555555']) {
      const sid = newSid('CA');
      const enterId = await press(sid, await press(sid, await call(VOICE, { CallSid: sid, From: CALLER }), '1'), '1');
      const answer = await press(sid, enterId, digits);
      answers.push(said(answer));
      assert.doesNotMatch(answer, /Protected/);
    }
    assert.equal(answers[0], answers[1]);
    assert.match(answers[0]!, /We have no record we can share for that number/);
  });

  it('silence at the language menu transfers to the interpreter line with its option digits', async () => {
    const sid = newSid('CA');
    const transfer = await press(sid, await call(VOICE, { CallSid: sid, From: CALLER }), '');
    const dial = elements(parseXml(transfer)).find((e) => e.name === 'Number');
    assert.equal(dial?.text, '+18662777477');
    assert.equal(dial.attributes.sendDigits, 'ww2');
  });

  it('9 stops alerts to the calling number from any menu', async () => {
    await h.db.run(
      `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at, confirmed_at)
       VALUES ('s1', 'cus-000001', 'sms', $1, 'x', 'en', 31, 'confirmed', $2, $2)`,
      [
        (await import('../src/alerts/crypto.js')).deriveKeys(h.config.secretKey).contactHash('sms', CALLER),
        h.clock.now().toISOString(),
      ],
    );
    const sid = newSid('CA');
    const stopped = await press(sid, await press(sid, await call(VOICE, { CallSid: sid, From: CALLER }), '1'), '9');
    assert.match(said(stopped), /Alerts to this phone number are stopped/);
    const [row] = await h.db.query<{ status: string; unsubscribed_via: string }>(
      'SELECT status, unsubscribed_via FROM alert_subscriptions',
    );
    assert.deepEqual(row, { status: 'unsubscribed', unsubscribed_via: 'call' });
  });
});

describe('telephony (Twilio): alert calls', () => {
  beforeEach(() => start());
  afterEach(() => stop());

  it('an alert call that ends without the PIN (no answer, voicemail) is made again later; an acknowledged one is not', async () => {
    const res = await h.post(
      '/v1/alerts/subscriptions',
      { subjectId: 'cus-000001', channel: 'voice', contact: CALLER, language: 'en', events: ['release'], pin: '2468' },
      { 'x-forwarded-for': '198.51.100.7' },
    );
    assert.equal(res.status, 202);
    await h.alerts.dispatcher.runOnce();
    const confirmTwiml = fake.requests.at(-1)!.params.Twiml!;
    const code = /code is (\d(?: \d){5})/.exec(said(confirmTwiml))![1]!.replace(/ /g, '');
    assert.match(said(await press(newSid('CA'), confirmTwiml, code, TWILIO_FROM)), /Alerts are on/);

    await h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        {
          eventId: 'ev-1',
          recordId: 'cus-000001',
          alertEvent: 'release',
          status: 'released',
          occurredAt: h.clock.now().toISOString(),
        },
        h.clock.now(),
      ),
    );
    await h.alerts.dispatcher.runOnce();
    const first = fake.requests.at(-1)!;
    const report = (sid: string, status: string) =>
      twilioPost(h.url, first.params.StatusCallback!, { AccountSid: TWILIO_SID, CallSid: sid, CallStatus: status });
    assert.equal((await report('CA-first', 'no-answer')).status, 200);
    const [row] = await h.db.query<{ status: string; last_error: string; next_attempt_at: string }>(
      "SELECT status, last_error, next_attempt_at FROM alert_outbox WHERE kind = 'status'",
    );
    assert.deepEqual(row, {
      status: 'pending',
      last_error: 'unanswered',
      next_attempt_at: new Date(h.clock.now().getTime() + 30_000).toISOString(),
    });

    const calls = fake.requests.length;
    assert.equal(await h.alerts.dispatcher.runOnce(), 0, 'not before the backoff');
    h.clock.advance(30_000);
    await h.alerts.dispatcher.runOnce();
    assert.equal(fake.requests.length, calls + 1, 'called again');
    const second = fake.requests.at(-1)!;
    assert.match(said(await press('CA-second', second.params.Twiml!, '2468#', TWILIO_FROM)), /Thank you/);
    assert.equal((await report('CA-second', 'completed')).status, 200);
    const [done] = await h.db.query<{ status: string; delivery_status: string }>(
      "SELECT status, delivery_status FROM alert_outbox WHERE kind = 'status'",
    );
    assert.deepEqual(done, { status: 'sent', delivery_status: 'completed' });
    // The call said the registration's reference number; keyed in on the phone line it reads the status again,
    // without the name (the caller did not key the person's own id).
    const reference = /reference (\d{10})/.exec(said(second.params.Twiml!))![1]!;
    const sid = newSid('CA');
    const enter = await press(
      sid,
      await press(sid, await call(VOICE, { CallSid: sid, From: '+12025550188' }), '1'),
      '3',
    );
    assert.match(said(enter), /10-digit reference number/);
    const heard = said(await press(sid, enter, reference));
    assert.ok(heard.startsWith(`${custodyGuideText('en').statuses['in-custody'].meaning} `), heard);
    assert.match(heard, /Facility: El Paso Processing Center\./);
    assert.doesNotMatch(heard, /José|Record of/);
    const other = newSid('CA');
    const enterAgain = await press(
      other,
      await press(other, await call(VOICE, { CallSid: other, From: '+12025550188' }), '1'),
      '3',
    );
    assert.match(
      said(await press(other, enterAgain, reference === '0000000001' ? '0000000002' : '0000000001')),
      /We have no record we can share/,
    );
  });
});

describe('telephony (Twilio): text in', () => {
  beforeEach(() => start());
  afterEach(() => stop());

  it('STATUS and ESTADO answer in one short message; ALERTS starts a double opt-in answered with the code', async () => {
    assert.equal(
      await text(`STATUS ${A_NUMBER}`),
      'The person is held in custody. El Paso Processing Center (915) 555-0151. Changed November 28, 2026. Updated 2 hours ago.',
    );
    assert.match((await text('estado 260004512'))!, /^La persona está detenida\. El Paso/);
    assert.equal(await text(`STATUS ${CONFIDENTIAL_A_NUMBER}`), await text('STATUS A000000001'));

    assert.match((await text(`ALERTAS ${A_NUMBER}`))!, /Responda con el código/);
    await h.alerts.dispatcher.runOnce();
    const sent = fake.requests.at(-1)!;
    assert.equal(sent.path, `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
    assert.equal(sent.params.To, CALLER);
    assert.ok(sent.params.StatusCallback?.startsWith(`${PUBLIC_URL}/v1/alerts/twilio/status?d=`));
    const code = /\b(\d{6})\b/.exec(sent.params.Body!)![1]!;
    assert.equal(await text(code), 'Alertas activadas. Responda STOP para cancelar.');
    const [sub] = await h.db.query<{ status: string; channel: string; subject_id: string }>(
      'SELECT status, channel, subject_id FROM alert_subscriptions',
    );
    assert.deepEqual(sub, { status: 'confirmed', channel: 'sms', subject_id: 'cus-000001' });

    const delivered = await twilioPost(h.url, sent.params.StatusCallback!, {
      AccountSid: TWILIO_SID,
      MessageSid: 'SM1',
      MessageStatus: 'delivered',
    });
    assert.equal(delivered.status, 200);
    const [row] = await h.db.query<{ delivery_status: string }>(
      "SELECT delivery_status FROM alert_outbox WHERE kind = 'confirmation'",
    );
    assert.equal(row!.delivery_status, 'delivered');
  });

  it('a refused send (Twilio 400) fails the message for good without retrying', async () => {
    fake.failNext = 400;
    await text(`ALERTS ${A_NUMBER}`);
    await h.alerts.dispatcher.runOnce();
    const [row] = await h.db.query<{ status: string; last_error: string }>(
      'SELECT status, last_error FROM alert_outbox',
    );
    assert.deepEqual(row, { status: 'failed', last_error: 'twilio_21211' });
    assert.ok(!h.logs.join('\n').includes(CALLER), 'the number is never logged');
    assert.ok(!h.logs.join('\n').includes(TWILIO_TOKEN), 'the auth token is never logged');
  });
});

describe('telephony (Twilio): refused requests change nothing', () => {
  afterEach(() => stop());

  async function confirmedSms(): Promise<void> {
    await text(`ALERTS ${A_NUMBER}`);
    await h.alerts.dispatcher.runOnce();
    await text(/\b(\d{6})\b/.exec(fake.requests.at(-1)!.params.Body!)![1]!);
  }
  const subscriptionStatus = async () =>
    (await h.db.query<{ status: string }>('SELECT status FROM alert_subscriptions'))[0]?.status;

  it('a wrong signature, a replayed request and another account get 401', async () => {
    await start();
    await confirmedSms();
    const stopParams = {
      AccountSid: TWILIO_SID,
      MessageSid: newSid('SM'),
      From: CALLER,
      To: TWILIO_FROM,
      Body: 'STOP',
    };

    assert.equal((await twilioPost(h.url, SMS, stopParams, 'not-the-auth-token-0123456789')).status, 401);
    const unsigned = await fetch(h.url + SMS, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(stopParams).toString(),
    });
    assert.equal(unsigned.status, 401);
    // Signed for another URL (Twilio signs the URL it called).
    const res = await fetch(`${h.url}${SMS}?x=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': (await import('./telephony-harness.js')).twilioSignature(
          TWILIO_TOKEN,
          PUBLIC_URL + SMS,
          stopParams,
        ),
      },
      body: new URLSearchParams(stopParams).toString(),
    });
    assert.equal(res.status, 401);
    assert.equal((await twilioPost(h.url, SMS, { ...stopParams, AccountSid: `AC${'f'.repeat(32)}` })).status, 401);
    assert.equal(await subscriptionStatus(), 'confirmed');

    assert.equal((await twilioPost(h.url, SMS, { ...stopParams, Body: 'START' })).status, 200);
    assert.equal((await twilioPost(h.url, SMS, { ...stopParams, MessageSid: newSid('SM') })).status, 200);
    assert.equal(await subscriptionStatus(), 'unsubscribed');
    // The START again, replayed: refused, and the number stays stopped.
    assert.equal((await twilioPost(h.url, SMS, { ...stopParams, Body: 'START' })).status, 401);
    assert.equal(await subscriptionStatus(), 'unsubscribed');

    // A voice turn replayed (same call, same state) is refused too; the same keys at the next prompt are not.
    const sid = newSid('CA');
    const welcome = await call(VOICE, { CallSid: sid, From: CALLER });
    assert.equal(
      (await twilioPost(h.url, VOICE, { AccountSid: TWILIO_SID, Direction: 'inbound', CallSid: sid, From: CALLER }))
        .status,
      401,
    );
    const menu = await press(sid, welcome, '1');
    assert.equal(
      (
        await twilioPost(h.url, gatherAction(welcome), {
          AccountSid: TWILIO_SID,
          Direction: 'inbound',
          CallSid: sid,
          From: CALLER,
          To: TWILIO_FROM,
          Digits: '1',
        })
      ).status,
      401,
    );
    await press(sid, menu, '1');
  });

  it('without Twilio configured, Twilio requests get 401 even when signed', async () => {
    await start({ phone: { transport: 'file' } });
    const res = await twilioPost(h.url, SMS, {
      AccountSid: TWILIO_SID,
      MessageSid: newSid('SM'),
      From: CALLER,
      Body: 'STOP',
    });
    assert.equal(res.status, 401);
    const voice = await twilioPost(h.url, VOICE, { AccountSid: TWILIO_SID, CallSid: newSid('CA'), From: CALLER });
    assert.equal(voice.status, 401);
  });
});
