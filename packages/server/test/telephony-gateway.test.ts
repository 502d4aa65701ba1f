// The phone line and text-in through the generic signed webhook (the gateway adapter), the SMS segment counter,
// the size of every text reply, and the TwiML checker itself.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { codeIn, signedPost, startHarness, type Harness } from './alerts-harness.js';
import { A_NUMBER, CONFIDENTIAL_A_NUMBER, seedCustody } from './telephony-harness.js';
import { twimlProblems } from './twiml-checker.js';
import { smsSize } from '../src/notify/sms-segments.js';
import { MESSAGE_LANGUAGES } from '../src/i18n/index.js';
import { textReplies } from '../src/telephony/prompts.js';
import type { VoiceAction } from '../src/telephony/flow.js';
import type { CustodyRecord } from '@referral-kit/sdk';

const CALL = '/v1/alerts/inbound/call';
const SMS = '/v1/alerts/inbound/sms';
const CALLER = '+12025550143';

let h: Harness;

async function turn(body: Record<string, unknown>): Promise<VoiceAction[]> {
  h.clock.advance(1000); // each real request is signed at its own second
  const res = await signedPost(h, CALL, { callId: 'call-1', from: CALLER, ...body });
  assert.equal(res.status, 200);
  return ((await res.json()) as { actions: VoiceAction[] }).actions;
}

const next = (actions: VoiceAction[]) => {
  const gather = actions.find((a) => a.verb === 'gather');
  if (gather?.verb !== 'gather') throw new Error('no gather');
  return gather.next;
};
const words = (actions: VoiceAction[]) =>
  actions
    .flatMap((a) => (a.verb === 'say' ? [a.text] : a.verb === 'gather' ? a.prompts.map((p) => p.text) : []))
    .join(' ');

async function sms(text: string): Promise<{ action: string; reply: string | null }> {
  h.clock.advance(1000);
  const res = await signedPost(h, SMS, { from: CALLER, text });
  assert.equal(res.status, 200);
  return (await res.json()) as { action: string; reply: string | null };
}

describe('telephony (generic gateway): the phone line as JSON', () => {
  beforeEach(async () => {
    h = await startHarness();
    await seedCustody(h.db, h.clock.now());
  });
  afterEach(() => h.close());

  it('a caller who picks Vietnamese (4) hears the danger warning in Vietnamese first, then the menu in it', async () => {
    const welcome = await turn({});
    const menu = await turn({ state: next(welcome), digits: '4' });
    assert.deepEqual(menu[0], {
      verb: 'say',
      text: 'Nếu bạn đang gặp nguy hiểm, hãy gác máy và gọi 911.',
      language: 'vi',
    });
    assert.match(words(menu), /Để tra cứu theo số A, bấm 1/);
    const languages = menu.flatMap((a) =>
      a.verb === 'say' ? [a.language] : a.verb === 'gather' ? a.prompts.map((p) => p.language) : [],
    );
    assert.deepEqual([...new Set(languages)], ['vi']);
  });

  it('walks an English lookup by booking number; the same signed turn twice is refused and changes nothing', async () => {
    const welcome = await turn({});
    assert.deepEqual(welcome[0], { verb: 'say', text: 'If you are in danger, hang up and call 911.', language: 'en' });
    // No interpreter line configured: the menu does not offer one.
    assert.doesNotMatch(words(welcome), /another language/);
    const menu = await turn({ state: next(welcome), digits: '1' });
    const enterId = await turn({ state: next(menu), digits: '2' });
    assert.match(words(enterId), /Enter the booking number/);
    const result = await turn({ state: next(enterId), digits: '260004512#' });
    assert.match(
      words(result),
      /Record of José Ángel Martínez Ruiz\. The person is held at the facility shown\..* Facility: El Paso Processing Center\. Its phone number is 9 1 5, 5 5 5, 0 1 5 1\./,
    );

    const body = JSON.stringify({ callId: 'call-1', from: CALLER, state: next(result), digits: '9' });
    const { signPayload } = await import('../src/notify/signature.js');
    const signature = signPayload('inbound-test-secret-0123456789', body, Math.floor(h.clock.now().getTime() / 1000));
    const send = () =>
      fetch(h.url + CALL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-referral-signature': signature },
        body,
      });
    assert.equal((await send()).status, 200);
    assert.equal((await send()).status, 401, 'a replay');
    assert.equal(
      (await signedPost(h, CALL, { callId: 'call-1', from: CALLER }, 'another-secret-0123456789abcdef')).status,
      401,
    );
  });

  it('a caller with a withheld number registers another number; the code goes there, as the web form would send it', async () => {
    const withheld = (body: Record<string, unknown>) => turn({ from: null, ...body });
    const menu = await withheld({ state: next(await withheld({})), digits: '1' });
    const enterId = await withheld({ state: next(menu), digits: '1' });
    const result = await withheld({ state: next(enterId), digits: '123456789' });
    const enterNumber = await withheld({ state: next(result), digits: '1' });
    assert.match(words(enterNumber), /Enter the 10-digit phone number/);
    const refused = await withheld({ state: next(enterNumber), digits: '9005550123#' });
    assert.match(words(refused), /That number cannot get alerts/);
    const pin = await withheld({ state: next(refused), digits: '2025550177#' });
    const shortPin = await withheld({ state: next(pin), digits: '12#' });
    assert.match(words(shortPin), /A PIN has 4 to 8 digits/);
    const again = await withheld({ state: next(shortPin), digits: '13579#' });
    const done = await withheld({ state: next(again), digits: '13579#' });
    assert.match(words(done), /If this number can get alerts, we will call it soon/);
    assert.deepEqual(done.at(-1), { verb: 'hangup' });
    await h.alerts.dispatcher.runOnce();
    assert.deepEqual(
      h.phone.messages.map((m) => [m.to, m.channel, m.kind]),
      [['+12025550177', 'voice', 'confirmation']],
    );
    // 9 with a withheld number cannot know whose alerts to stop, and says so.
    assert.match(
      words(
        await withheld({ state: next(await withheld({ state: next(await withheld({})), digits: '1' })), digits: '9' }),
      ),
      /We cannot see the number you are calling from/,
    );
  });

  it('an unreadable or expired state ends the call politely', async () => {
    const welcome = await turn({});
    h.clock.advance(3 * 3600_000);
    const late = await turn({ state: next(welcome), digits: '1' });
    assert.deepEqual(late, [{ verb: 'say', text: 'Goodbye.', language: 'en' }, { verb: 'hangup' }]);
    assert.deepEqual(await turn({ state: 'v1.forged', digits: '1' }), late);
  });
});

describe('telephony (generic gateway): alert calls carry the script', () => {
  it('a confirmation call through the gateway is confirmed by the code keyed at its gather', async () => {
    const received: Record<string, unknown>[] = [];
    const gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
    h = await startHarness(
      { phone: { transport: 'webhook', url: gatewayUrl, secret: 'gateway-secret-0123456789' } },
      { phone: undefined },
    );
    try {
      const res = await h.post(
        '/v1/alerts/subscriptions',
        {
          subjectId: 'cus-000001',
          channel: 'voice',
          contact: CALLER,
          language: 'es',
          events: ['release'],
          pin: '2468',
        },
        { 'x-forwarded-for': '198.51.100.9' },
      );
      assert.equal(res.status, 202);
      await h.alerts.dispatcher.runOnce();
      const call = received[0]!;
      assert.equal(call.channel, 'voice');
      const actions = call.actions as VoiceAction[];
      const code = /código de verificación es (\d(?: \d){5})/.exec(words(actions))![1]!.replace(/ /g, '');
      const answer = await turn({ callId: 'out-1', from: null, state: next(actions), digits: code });
      assert.match(words(answer), /Las alertas están activadas/);
      const [sub] = await h.db.query<{ status: string }>('SELECT status FROM alert_subscriptions');
      assert.equal(sub!.status, 'confirmed');
    } finally {
      await h.close();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });
});

describe('telephony (generic gateway): text in', () => {
  beforeEach(async () => {
    h = await startHarness();
    await seedCustody(h.db, h.clock.now());
  });
  afterEach(() => h.close());

  it('STATUS answers in one GSM-7 segment; unknown and confidential IDs get the same answer', async () => {
    const status = await sms(`status ${A_NUMBER}`);
    assert.equal(status.action, 'status');
    assert.deepEqual(smsSize(status.reply!), { encoding: 'GSM-7', units: status.reply!.length, segments: 1 });
    const hidden = await sms(`STATUS ${CONFIDENTIAL_A_NUMBER}`);
    const unknown = await sms('STATUS A000000002');
    assert.equal(hidden.reply, unknown.reply);
    const spanish = await sms('ESTADO a-123 456 789');
    assert.match(
      spanish.reply!,
      /^La persona está detenida\. El Paso Processing Center \(915\) 555-0151\. Cambió el 28 de noviembre de 2026\./,
    );
    assert.ok(smsSize(spanish.reply!).segments <= 2, spanish.reply!);
  });

  it('ALERTS for an unknown ID also sends a code, so the answer and what follows tell nothing', async () => {
    const known = await sms(`ALERTS ${A_NUMBER}`);
    h.clock.advance(1000);
    const res = await signedPost(h, SMS, { from: '+12025550144', text: `ALERTS ${CONFIDENTIAL_A_NUMBER}` });
    const hidden = (await res.json()) as { reply: string };
    assert.equal(known.reply, hidden.reply);
    await h.alerts.dispatcher.runOnce();
    assert.deepEqual(
      h.phone.messages.map((m) => [m.to, m.kind, m.channel]),
      [
        [CALLER, 'confirmation', 'sms'],
        ['+12025550144', 'confirmation', 'sms'],
      ],
    );
    assert.deepEqual(await sms('123'), { action: 'ignored', reply: null });
    const wrong = await sms(codeIn(h.phone.messages[0]) === '000000' ? '111111' : '000000');
    assert.equal(wrong.action, 'wrong-code');
    assert.deepEqual(await sms(codeIn(h.phone.messages[0])), {
      action: 'confirmed',
      reply: 'Alerts are on. Reply STOP to stop.',
    });
    const rows = await h.db.query<{ subject_id: string; status: string }>(
      'SELECT subject_id, status FROM alert_subscriptions ORDER BY created_at, subject_id',
    );
    assert.deepEqual(rows.map((r) => r.status).sort(), ['confirmed', 'pending']);
    assert.ok(rows.some((r) => r.subject_id === 'cus-000001' && r.status === 'confirmed'));
    assert.ok(
      !rows.some((r) => r.subject_id === 'cus-000002'),
      'a confidential record gets a stand-in subject, never its own id',
    );
  });

  it('HELP and AYUDA answer in their language; every text reply fits three segments, English ones one', async () => {
    assert.match((await sms('help')).reply!, /^Text STATUS or ALERTS/);
    assert.match((await sms('ayuda')).reply!, /^Envíe ESTADO o ALERTAS/);
    for (const language of MESSAGE_LANGUAGES) {
      const t = textReplies(language);
      for (const reply of [
        t.notFound,
        t.statusUsage,
        t.alertsUsage,
        t.alertsRequested,
        t.alertsRefused,
        t.confirmed,
        t.wrongCode,
        t.help,
        t.tooMany,
      ]) {
        assert.equal(smsSize(reply).segments, language === 'en' ? 1 : smsSize(reply).segments, reply);
        assert.ok(smsSize(reply).segments <= 2, reply);
      }
    }
    // The longest status there can be: a 300-character facility name, the longest status words, weeks-old data.
    const [row] = await h.db.query<{ data: string }>("SELECT data FROM custody_records WHERE id = 'cus-000001'");
    const record = JSON.parse(row!.data) as CustodyRecord;
    record.status = 'supervised';
    assert.ok(record.facility, 'the record names its facility');
    record.facility.name = 'Very Long County Community Supervision Department Annex '.repeat(6).slice(0, 300);
    record.sourceUpdatedAt = new Date(h.clock.now().getTime() - 20 * 24 * 3600_000).toISOString();
    await h.db.run("UPDATE custody_records SET data = $1 WHERE id = 'cus-000001'", [JSON.stringify(record)]);
    for (const keyword of ['STATUS', 'ESTADO']) {
      const { reply } = await sms(`${keyword} ${A_NUMBER}`);
      assert.ok(smsSize(reply!).segments <= 3, `${smsSize(reply!).segments} segments: ${reply}`);
      // Spanish drops the accents GSM-7 lacks rather than the facility's name, so both keep all of it.
      assert.match(reply!, /Annex Very Long County Com \(915\) 555-0151\./);
      assert.equal(smsSize(reply!).encoding, 'GSM-7');
    }
  });
});

describe('SMS segment counter', () => {
  it('counts GSM-7 septets (extension characters twice) and falls back to UCS-2', () => {
    assert.deepEqual(smsSize('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
    assert.deepEqual(smsSize('a'.repeat(161)), { encoding: 'GSM-7', units: 161, segments: 2 });
    assert.deepEqual(smsSize('a'.repeat(306)), { encoding: 'GSM-7', units: 306, segments: 2 });
    assert.deepEqual(smsSize('€'.repeat(80)), { encoding: 'GSM-7', units: 160, segments: 1 });
    assert.deepEqual(smsSize(`${'a'.repeat(159)}€`), { encoding: 'GSM-7', units: 161, segments: 2 });
    assert.deepEqual(smsSize('Está ñ'), { encoding: 'UCS-2', units: 6, segments: 1 });
    assert.deepEqual(smsSize(`á${'a'.repeat(70)}`), { encoding: 'UCS-2', units: 71, segments: 2 });
    assert.deepEqual(smsSize('ñé à ü'), { encoding: 'GSM-7', units: 6, segments: 1 });
  });
});

describe('TwiML checker', () => {
  it('accepts what Twilio documents and refuses the rest', () => {
    const ok =
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="es-US">Hola &amp; adiós</Say><Gather input="dtmf" action="https://x.test/v?s=a%2Bb" method="POST" timeout="5" numDigits="1"><Say>Press 1</Say></Gather><Dial><Number sendDigits="ww2">+18662777477</Number></Dial><Pause length="1"/><Redirect method="POST">https://x.test/v</Redirect><Hangup/></Response>';
    assert.deepEqual(twimlProblems(ok, 'voice'), []);
    assert.deepEqual(twimlProblems('<Response><Message>Hi</Message></Response>', 'messaging'), []);
    assert.match(twimlProblems('<Response><Say>open', 'voice')[0]!, /not well-formed/);
    assert.match(twimlProblems('<Response><Say>a & b</Say></Response>', 'voice')[0]!, /not well-formed/);
    assert.deepEqual(twimlProblems('<Response><Speak>Hi</Speak></Response>', 'voice'), [
      '<Speak> is not allowed in <Response>',
    ]);
    assert.deepEqual(twimlProblems('<Response><Say colour="red">Hi</Say></Response>', 'voice'), [
      '<Say> has no attribute colour',
    ]);
    assert.deepEqual(twimlProblems('<Response><Gather numDigits="0"/></Response>', 'voice'), [
      '<Gather numDigits="0"> is not a valid value',
    ]);
    assert.deepEqual(twimlProblems('<Response><Gather action="http://plain.test/"/></Response>', 'voice'), [
      '<Gather action="http://plain.test/"> is not a valid value',
    ]);
    assert.deepEqual(twimlProblems('<Response><Gather><Dial>+15551234567</Dial></Gather></Response>', 'voice'), [
      '<Dial> is not allowed in <Gather>',
    ]);
    assert.deepEqual(twimlProblems('<Response><Message>Hi</Message></Response>', 'voice'), [
      '<Message> is not allowed in <Response>',
    ]);
    assert.deepEqual(twimlProblems('<Response><Say></Say></Response>', 'voice'), ['<Say> has invalid text ""']);
    assert.deepEqual(twimlProblems('<Reply/>', 'voice'), ['root is <Reply>, not <Response>']);
  });
});
