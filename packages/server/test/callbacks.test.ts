import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { chooseTeam, type Team } from '../src/callbacks/index.js';
import {
  callbackBody,
  databaseBytes,
  startCallbacksHarness,
  tokenIn,
  type CallbacksHarness,
} from './callbacks-harness.js';

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter % 250}`;

describe('callback requests', () => {
  let h: CallbacksHarness;
  before(async () => (h = await startCallbacksHarness()));
  after(() => h.close());
  beforeEach(async () => {
    while ((await h.alerts.dispatcher.runOnce()) > 0); // messages an earlier test left pending
    h.email.messages.length = 0;
    h.phone.messages.length = 0;
  });

  const request = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h.post('/v1/callbacks', body, { 'x-forwarded-for': freshIp(), ...headers });
  const row = async (reference: string) =>
    (await h.db.query('SELECT * FROM callback_requests WHERE reference = $1', [reference]))[0];

  it('answers 202 with a reference and a cancel token, stores the request routed and prioritized, and texts the reference', async () => {
    const res = await request(callbackBody({ topic: 'safety-concern', name: 'Ana', note: 'Only after 6 pm please' }));
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as { status: string; reference: string; cancelToken: string };
    assert.deepEqual(Object.keys(body).sort(), ['cancelToken', 'reference', 'status']);
    assert.match(body.reference, /^CB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const stored = await row(body.reference);
    assert.equal(stored?.team_id, 'team-texas-es'); // Texas, and the team that speaks Spanish
    assert.equal(stored.priority, 1);
    assert.equal(stored.status, 'new');
    assert.equal(stored.windows, 'morning,evening');

    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    const [sms] = h.phone.messages;
    assert.equal(sms?.channel, 'sms');
    assert.equal(sms.to, '+17135550142');
    assert.equal(sms.kind, 'callback-reference');
    assert.ok(sms.text.includes(body.reference));
    assert.match(sms.text, /Recibimos su solicitud/);
    assert.equal(tokenIn(sms.text, '/v1/callbacks/cancel-link'), body.cancelToken);
    // Discreet: nothing on a lock screen says what this is about.
    assert.doesNotMatch(
      `${sms.subject} ${sms.text}`,
      /custod|offender|victim|inmate|detenci|víctima|seguridad|safety/i,
    );
    // The sealed message is dropped once sent.
    const [message] = await h.db.query<{ payload_enc: string | null; status: string }>(
      "SELECT payload_enc, status FROM notify_messages WHERE kind = 'callback-reference'",
    );
    assert.deepEqual(message, { payload_enc: null, status: 'sent' });
  });

  it('never stores the contact, name, note or interpreter language in clear', async () => {
    const res = await request(
      callbackBody({
        channel: 'email',
        contact: 'Hidden.Person@Example.org',
        name: 'Zelda Q',
        note: 'uniquenote-4411',
        interpreterLanguage: 'Quechua',
      }),
    );
    assert.equal(res.status, 202);
    await h.alerts.dispatcher.runOnce();
    const bytes = databaseBytes(h.dbFile).toLowerCase();
    for (const secret of ['hidden.person@example.org', 'zelda q', 'uniquenote-4411', 'quechua'])
      assert.ok(!bytes.includes(secret), secret);
  });

  it('routes by ZIP prefix over state, by language among equals, and to the fallback team when no region matches', () => {
    const team = (id: string, over: Partial<Team>): Team => ({
      id,
      name: id,
      states: [],
      zipPrefixes: [],
      languages: ['en'],
      fallback: false,
      ...over,
    });
    const teams = [
      team('a-houston', { zipPrefixes: ['770'] }),
      team('b-texas', { states: ['TX'] }),
      team('c-texas-es', { states: ['TX'], languages: ['es'] }),
      team('z-national', { fallback: true, languages: ['en', 'es'] }),
    ];
    assert.equal(chooseTeam(teams, { state: 'TX', zip: '77002', language: 'es' })?.id, 'a-houston');
    assert.equal(chooseTeam(teams, { state: 'TX', language: 'es' })?.id, 'c-texas-es');
    assert.equal(chooseTeam(teams, { state: 'TX', language: 'en' })?.id, 'b-texas');
    assert.equal(chooseTeam(teams, { state: 'TX' })?.id, 'b-texas'); // interpreter: region decides
    assert.equal(chooseTeam(teams, { state: 'ME', language: 'es' })?.id, 'z-national');
    assert.equal(chooseTeam(teams.slice(0, 3), { state: 'ME' }), undefined);
  });

  it('takes the region from the custody record when the page gives none', async () => {
    const res = await request(
      callbackBody({
        topic: 'releasable-information',
        region: undefined,
        recordId: FIXTURE_IDS.custody.released,
        language: 'en',
      }),
    );
    const stored = await row(((await res.json()) as { reference: string }).reference);
    assert.equal(stored?.priority, 2);
    assert.equal(stored.record_id, FIXTURE_IDS.custody.released);
    // No custody data seeded here: the record is unknown, so the fallback team takes it, with the same answer.
    assert.equal(stored.team_id, 'team-national');
  });

  it('leaves a call or TTY message only when the visitor allowed one, and then only the neutral phrase', async () => {
    assert.equal(
      (await request(callbackBody({ channel: 'call', leaveMessage: false, contact: '(713) 555-0161' }))).status,
      202,
    );
    assert.equal(
      (await request(callbackBody({ channel: 'tty', leaveMessage: false, contact: '(713) 555-0162' }))).status,
      202,
    );
    await h.alerts.dispatcher.runOnce();
    assert.equal(h.phone.messages.length, 0);
    const res = await request(
      callbackBody({ channel: 'call', leaveMessage: true, language: 'en', contact: '(713) 555-0163' }),
    );
    const { reference } = (await res.json()) as { reference: string };
    await h.alerts.dispatcher.runOnce();
    const [voice] = h.phone.messages;
    assert.equal(voice?.channel, 'voice');
    assert.equal(
      voice.text,
      `Hello, this is a courtesy call about your request, reference ${reference.replace(/-/g, '').split('').join(' ')}. Thank you.`,
    );
  });

  it('offers per channel the languages the reference can be sent in; a Haitian Creole request is texted in it, called in English', async () => {
    const res = await fetch(`${h.url}/v1/callbacks/options`);
    assert.equal(res.status, 200);
    const all = ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ar', 'ru', 'ht', 'fr'];
    assert.deepEqual(await res.json(), {
      channels: [
        { channel: 'call', languages: all.filter((l) => l !== 'ht') },
        { channel: 'text', languages: all },
        { channel: 'email', languages: all },
        { channel: 'tty', languages: ['en', 'es', 'tl', 'fr'] },
      ],
    });
    await request(callbackBody({ channel: 'text', language: 'ht', contact: '(713) 555-0171' }));
    await request(callbackBody({ channel: 'call', leaveMessage: true, language: 'ht', contact: '(713) 555-0172' }));
    await h.alerts.dispatcher.runOnce();
    const text = h.phone.messages.find((m) => m.channel === 'sms')!;
    const call = h.phone.messages.find((m) => m.channel === 'voice')!;
    assert.equal(text.language, 'ht');
    assert.match(text.text, /^Nou resevwa demann CB-/);
    assert.equal(call.language, 'en', 'no voice speaks Haitian Creole');
    assert.match(call.text, /^Hello, this is a courtesy call/);
  });

  it('gives a bot (honeypot) the same answer and stores and sends nothing', async () => {
    const count = async () =>
      Number((await h.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM callback_requests'))[0]?.n);
    const before = await count();
    const res = await request(callbackBody({ website: 'https://spam.example' }));
    assert.equal(res.status, 202);
    const body = (await res.json()) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), ['cancelToken', 'reference', 'status']);
    assert.equal(await count(), before);
    assert.equal(await h.alerts.dispatcher.runOnce(), 0);
    // Its cancel token gets the same answer as a real one.
    const cancel = await h.post('/v1/callbacks/cancel', { token: body.cancelToken });
    assert.deepEqual(await cancel.json(), { status: 'cancelled' });
  });

  it('rejects invalid fields with field errors', async () => {
    const res = await request(
      callbackBody({
        channel: 'email',
        contact: 'not-an-address',
        windows: [],
        timeZone: 'Nowhere',
        topic: 'releasable-information',
      }),
    );
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fields.map((f) => f.path).sort(), ['contact', 'recordId', 'timeZone', 'windows']);
    const premium = await request(callbackBody({ contact: '+44 20 7946 0958' }));
    assert.equal(premium.status, 400); // outside the allowed countries: the same error as a malformed number
  });

  it('replays the first answer for a repeated Idempotency-Key and stores one request', async () => {
    const headers = { 'idempotency-key': 'callback-key-0001' };
    const body = callbackBody({ contact: '(713) 555-0177' });
    const first = (await (await request(body, headers)).json()) as { reference: string };
    const again = await request(body, headers);
    assert.equal(again.status, 202);
    assert.deepEqual(await again.json(), first);
    const rows = await h.db.query('SELECT id FROM callback_requests WHERE reference = $1', [first.reference]);
    assert.equal(rows.length, 1);
    const other = await request({ ...body, topic: 'other' }, headers);
    assert.equal(other.status, 400);
  });

  it('limits requests per address and per contact with the one generic 429', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await request(callbackBody({ contact: `(713) 555-01${10 + i}` }), { 'x-forwarded-for': ip })).status,
        202,
      );
    const limited = await request(callbackBody({ contact: '(713) 555-0199' }), { 'x-forwarded-for': ip });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    const message = ((await limited.json()) as { error: { message: string } }).error.message;

    for (let i = 0; i < 3; i++) assert.equal((await request(callbackBody({ contact: '(713) 555-0188' }))).status, 202);
    const perContact = await request(callbackBody({ contact: '713.555.0188' }));
    assert.equal(perContact.status, 429);
    assert.equal(((await perContact.json()) as { error: { message: string } }).error.message, message);
  });

  it('cancels by token through the API and through the link page (GET shows a button, POST cancels)', async () => {
    const { reference, cancelToken } = (await (await request(callbackBody({ contact: '(713) 555-0123' }))).json()) as {
      reference: string;
      cancelToken: string;
    };
    const page = await fetch(`${h.url}/v1/callbacks/cancel-link?token=${encodeURIComponent(cancelToken)}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Cancelar la solicitud/);
    assert.equal((await row(reference))?.status, 'new');
    const posted = await fetch(`${h.url}/v1/callbacks/cancel-link?token=${encodeURIComponent(cancelToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(posted.status, 200);
    const cancelled = await row(reference);
    assert.equal(cancelled?.status, 'cancelled');
    assert.equal(cancelled.closed_at, h.clock.now().toISOString());
    const api = await h.post('/v1/callbacks/cancel', { token: cancelToken });
    assert.deepEqual(await api.json(), { status: 'cancelled' });
    const forged = await h.post('/v1/callbacks/cancel', {
      token: `${cancelToken.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAA`,
    });
    assert.equal(forged.status, 400);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'invalid_token');
  });
});
