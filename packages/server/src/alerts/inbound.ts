// Webhooks from the SMS/voice gateway, signed like our outbound requests (see notify/signature.ts):
//  POST /v1/alerts/inbound/sms    { from, text }        STOP/START/HELP keywords; answers { action, reply }
//  POST /v1/alerts/inbound/voice  { id, pin, action? }  the PIN acknowledges a call (id = the message's id);
//                                                       action "stop" (the "press 9" option) also stops alerts.
import { normalizePhone } from '@referral-kit/sdk';
import * as z from 'zod/v4/mini';
import { HttpError, type ExtraRoute, type HandlerResult, type RequestContext } from '../http/types.js';
import { SIGNATURE_HEADER, verifySignature } from '../notify/signature.js';
import { strings } from '../notify/i18n.js';
import type { AlertsContext } from './context.js';
import { verifyPin } from './crypto.js';
import { unsubscribeById } from './unsubscribe.js';

export const INBOUND_SMS_PATH = '/v1/alerts/inbound/sms';
export const INBOUND_VOICE_PATH = '/v1/alerts/inbound/voice';

// Carrier (CTIA) opt-out and opt-in keywords, plus their common Spanish equivalents.
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'CANCEL', 'END', 'QUIT', 'UNSUBSCRIBE', 'PARAR', 'ALTO', 'CANCELAR', 'BAJA']);
const START_WORDS = new Set(['START', 'UNSTOP']);
const HELP_WORDS = new Set(['HELP', 'INFO', 'AYUDA']);

const SmsBody = z.object({ from: z.string().check(z.maxLength(40)), text: z.string().check(z.maxLength(1600)) });
const VoiceBody = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(400)),
  pin: z.string().check(z.regex(/^\d{4,8}$/)),
  action: z.optional(z.enum(['ack', 'stop'])),
});

const PIN_TRIES = { max: 5, windowSeconds: 3600 };

export type SmsAction = 'stopped' | 'started' | 'help' | 'ignored';

export function inboundRoutes(c: AlertsContext): ExtraRoute[] {
  return [
    { method: 'POST', path: INBOUND_SMS_PATH, rawBody: true, handler: (ctx) => inboundSms(c, ctx) },
    { method: 'POST', path: INBOUND_VOICE_PATH, rawBody: true, handler: (ctx) => inboundVoice(c, ctx) },
  ];
}

/** The keyword an SMS carries: its first word, letters only, upper case ("Stop." → "STOP"). */
export function smsKeyword(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').replace(/[^A-Za-z]/g, '').toUpperCase();
}

async function inboundSms(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult> {
  const body = signedBody(c, ctx, SmsBody);
  const phone = normalizePhone(body.from);
  if (phone === null) throw new HttpError(400, 'validation_failed', 'The request is not valid.', { fields: [{ path: 'from', message: 'Not a phone number.' }] });
  const hash = c.keys.contactHash('sms', phone);
  const keyword = smsKeyword(body.text);
  const now = c.now().toISOString();

  let action: SmsAction = 'ignored';
  if (STOP_WORDS.has(keyword)) {
    action = 'stopped';
    await c.db.run(
      `UPDATE alert_subscriptions SET status = 'unsubscribed', unsubscribed_at = $1, unsubscribed_via = 'sms'
       WHERE contact_hash = $2 AND channel = 'sms' AND status <> 'unsubscribed'`,
      [now, hash],
    );
  } else if (START_WORDS.has(keyword)) {
    action = 'started';
    // Restores only what a STOP stopped: subscriptions stopped from a link stay stopped.
    await c.db.run(
      `UPDATE alert_subscriptions
       SET status = CASE WHEN confirmed_at IS NULL THEN 'pending' ELSE 'confirmed' END, unsubscribed_at = NULL, unsubscribed_via = NULL
       WHERE contact_hash = $1 AND channel = 'sms' AND status = 'unsubscribed' AND unsubscribed_via = 'sms'`,
      [hash],
    );
  } else if (HELP_WORDS.has(keyword)) {
    action = 'help';
  }
  if (action === 'ignored') return { status: 200, body: { action, reply: null } };

  const [latest] = await c.db.query<{ language: string }>(
    `SELECT language FROM alert_subscriptions WHERE contact_hash = $1 AND channel = 'sms' ORDER BY created_at DESC LIMIT 1`,
    [hash],
  );
  const t = strings(latest?.language ?? 'en');
  const reply = action === 'stopped' ? t.smsStopped : action === 'started' ? t.smsStarted : t.smsHelp;
  return { status: 200, body: { action, reply } };
}

async function inboundVoice(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult> {
  const body = signedBody(c, ctx, VoiceBody);
  // Whoever holds the phone could keep guessing through the gateway's keypad: a few tries per message per hour.
  if (!c.limiter.hit(c.keys.rateLimitKey('voice-pin', body.id), PIN_TRIES, c.now().getTime()).ok) {
    return { status: 200, body: { acknowledged: false, stopped: false } };
  }
  const [row] = await c.db.query<{ subscription_id: string; pin_hash: string | null }>(
    `SELECT o.subscription_id, s.pin_hash FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id
     WHERE o.id = $1 AND o.kind = 'status'`,
    [body.id],
  );
  if (!row?.pin_hash || !(await verifyPin(body.pin, row.pin_hash))) {
    return { status: 200, body: { acknowledged: false, stopped: false } };
  }
  await c.db.run('UPDATE alert_outbox SET acknowledged_at = $1 WHERE id = $2 AND acknowledged_at IS NULL', [c.now().toISOString(), body.id]);
  if (body.action === 'stop') await unsubscribeById(c, row.subscription_id, 'call');
  return { status: 200, body: { acknowledged: true, stopped: body.action === 'stop' } };
}

/** The parsed body of a request whose signature checks out; 401 otherwise (also when no secret is configured). */
function signedBody<T extends z.ZodMiniType>(c: AlertsContext, ctx: RequestContext, schema: T): z.output<T> {
  const raw = ctx.rawBody ?? '';
  const secret = c.config.inboundSecret;
  const nowSeconds = Math.floor(c.now().getTime() / 1000);
  if (!secret || !verifySignature(secret, ctx.headers[SIGNATURE_HEADER], raw, nowSeconds)) {
    throw new HttpError(401, 'unauthorized', 'Missing or invalid signature.');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'validation_failed', 'The body is not valid JSON.');
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw new HttpError(400, 'validation_failed', 'The request is not valid.');
  return parsed.data;
}
