// Twilio's webhooks: the phone line (voice), text in (messaging) and delivery status callbacks. Every request must
// carry Twilio's signature (HMAC-SHA1 of the URL it called plus the sorted form parameters, under the auth token,
// checked with the official library) and must not have been answered before: replays of a signed request (same call
// or message and the same flow turn, or the same delivery status) get 401 and change nothing. Without Twilio
// configured, every request here gets 401.
import type { AlertsContext } from '../alerts/context.js';
import { field } from '../alerts/context.js';
import { HttpError, type ExtraRoute, type HandlerResult, type RequestContext } from '../http/types.js';
import { queryObject } from '@referral-kit/sdk';
import { retryDelaySeconds } from '../notify/dispatcher.js';
import type { TwilioCallbacks } from '../notify/transports/twilio.js';
import { alertCallScript, voiceTurn, type VoiceAction } from './flow.js';
import { voiceOf } from '../i18n/index.js';
import { firstUse } from './replay.js';
import { loadTwilio } from './twilio-sdk.js';
import { answerText } from './text-in.js';

export const TWILIO_VOICE_PATH = '/v1/alerts/twilio/voice';
export const TWILIO_SMS_PATH = '/v1/alerts/twilio/sms';
export const TWILIO_STATUS_PATH = '/v1/alerts/twilio/status';

const XML = 'text/xml; charset=utf-8';
const DELIVERY_CONTEXT = 'delivery-callback';
/** Statuses Twilio reports for messages and calls; anything else is not recorded. */
const DELIVERY_STATUSES = new Set([
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'canceled',
]);

/** Final call statuses after which a status alert nobody acknowledged is tried again (voicemail answers "completed"). */
const UNHEARD_CALL = new Set(['completed', 'busy', 'no-answer', 'failed']);

type Params = Record<string, string>;

export function twilioRoutes(c: AlertsContext): ExtraRoute[] {
  return [
    { method: 'POST', path: TWILIO_VOICE_PATH, rawBody: true, handler: (ctx) => voice(c, ctx) },
    { method: 'POST', path: TWILIO_SMS_PATH, rawBody: true, handler: (ctx) => sms(c, ctx) },
    { method: 'POST', path: TWILIO_STATUS_PATH, rawBody: true, handler: (ctx) => status(c, ctx) },
  ];
}

/** What the Twilio transport needs from the flow: the callback URL of a message and the TwiML of an alert call. */
export function twilioCallbacks(c: AlertsContext): TwilioCallbacks {
  return {
    statusCallbackUrl: (message) =>
      `${c.config.publicUrl}${TWILIO_STATUS_PATH}?d=${encodeURIComponent(c.keys.seal(message.idempotencyKey, DELIVERY_CONTEXT))}`,
    callTwiml: async (message) => renderTwiml(c, await alertCallScript(c, message)),
  };
}

async function voice(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult & { contentType: string }> {
  const state = field(ctx.query, 's');
  const params = await verified(c, ctx, (p) => p.CallSid && `call:${p.CallSid}:${state ?? 'start'}`);
  // On an alert call Twilio's "From" is our own number; the flow then works from the message in its state.
  const actions = await voiceTurn(c, {
    callId: params.CallSid!,
    from: params.From ?? null,
    state,
    digits: params.Digits ?? '',
  });
  return { status: 200, contentType: XML, body: await renderTwiml(c, actions) };
}

async function sms(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult & { contentType: string }> {
  const params = await verified(c, ctx, (p) => (p.MessageSid ?? p.SmsSid) && `sms:${p.MessageSid ?? p.SmsSid}`);
  const { reply } = await answerText(c, params.From ?? '', params.Body ?? '');
  const response = new (await loadTwilio()).twiml.MessagingResponse();
  if (reply) response.message(reply);
  return { status: 200, contentType: XML, body: response.toString() };
}

async function status(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult & { contentType: string }> {
  const sealed = field(ctx.query, 'd');
  const params = await verified(c, ctx, (p) => {
    const sid = p.CallSid ?? p.MessageSid;
    const reported = p.CallStatus ?? p.MessageStatus;
    return sid && reported && `status:${sid}:${reported}`;
  });
  const reported = params.CallStatus ?? params.MessageStatus ?? '';
  let outboxId: string | null;
  try {
    outboxId = sealed ? c.keys.open(sealed, DELIVERY_CONTEXT) : null;
  } catch {
    outboxId = null;
  }
  if (outboxId && DELIVERY_STATUSES.has(reported)) {
    await c.db.run('UPDATE alert_outbox SET delivery_status = $1, delivery_updated_at = $2 WHERE id = $3', [
      reported,
      c.now().toISOString(),
      outboxId,
    ]);
    if (params.CallStatus && UNHEARD_CALL.has(reported)) await callAgainLater(c, outboxId);
  }
  return { status: 200, contentType: XML, body: new (await loadTwilio()).twiml.MessagingResponse().toString() };
}

/**
 * A status alert call that ended without the PIN goes back to the outbox, with the dispatcher's own backoff and
 * attempt limit. A subscriber who pressed 9 meanwhile is skipped by the dispatcher as usual.
 */
async function callAgainLater(c: AlertsContext, outboxId: string): Promise<void> {
  const [row] = await c.db.query<{ attempts: number }>(
    "SELECT attempts FROM alert_outbox WHERE id = $1 AND kind = 'status' AND status = 'sent' AND acknowledged_at IS NULL",
    [outboxId],
  );
  if (!row || row.attempts >= c.config.dispatch.maxAttempts) return;
  const next = new Date(c.now().getTime() + retryDelaySeconds(row.attempts, c.config) * 1000).toISOString();
  await c.db.run(
    "UPDATE alert_outbox SET status = 'pending', next_attempt_at = $1, last_error = 'unanswered', sent_at = NULL WHERE id = $2 AND status = 'sent' AND acknowledged_at IS NULL",
    [next, outboxId],
  );
}

/** The form parameters of a request Twilio signed and has not sent before; 401 otherwise. */
async function verified(
  c: AlertsContext,
  ctx: RequestContext,
  replayKey: (params: Params) => string | undefined,
): Promise<Params> {
  const refused = new HttpError(401, 'unauthorized', 'Missing or invalid signature.');
  const config = c.config.phone.transport === 'twilio' ? c.config.phone.twilio : null;
  const signature = ctx.headers['x-twilio-signature'];
  if (!config || !signature) throw refused;
  const params = formParams(ctx.rawBody ?? '');
  // Twilio signs the URL it was given, which is built from our public URL, never from the Host header.
  const url = `${c.config.publicUrl}${ctx.url ?? ''}`;
  if (!(await loadTwilio()).validateRequest(config.authToken, signature, url, params)) throw refused;
  if (params.AccountSid !== config.accountSid) throw refused;
  const key = replayKey(params);
  if (!key || !(await firstUse(c, `twilio:${key}`))) throw refused;
  return params;
}

/** Twilio's form body as single values (its webhooks never repeat a parameter). */
function formParams(raw: string): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(queryObject(new URLSearchParams(raw))))
    out[key] = Array.isArray(value) ? value[0]! : value;
  return out;
}

/** The flow's actions as a TwiML document built by Twilio's own library. */
export async function renderTwiml(c: AlertsContext, actions: VoiceAction[]): Promise<string> {
  const response = new (await loadTwilio()).twiml.VoiceResponse();
  for (const action of actions) {
    switch (action.verb) {
      case 'say':
        response.say({ language: voiceOf(action.language).speechTag }, action.text);
        break;
      case 'gather': {
        const gather = response.gather({
          input: ['dtmf'],
          action: `${c.config.publicUrl}${TWILIO_VOICE_PATH}?s=${encodeURIComponent(action.next)}`,
          method: 'POST',
          timeout: action.timeoutSeconds,
          // An unanswered prompt still comes back, so the flow decides what silence means.
          actionOnEmptyResult: true,
          ...(action.numDigits ? { numDigits: action.numDigits } : { finishOnKey: '#' }),
        });
        for (const prompt of action.prompts) gather.say({ language: voiceOf(prompt.language).speechTag }, prompt.text);
        break;
      }
      case 'dial':
        response.dial().number(action.sendDigits ? { sendDigits: action.sendDigits } : {}, action.number);
        break;
      case 'hangup':
        response.hangup();
        break;
    }
  }
  return response.toString();
}
