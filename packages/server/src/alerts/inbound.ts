// Webhooks from the generic SMS/voice gateway, signed like our outbound requests (see notify/signature.ts):
//  POST /v1/alerts/inbound/sms    { from, text }                      text in (telephony/text-in.ts); answers { action, reply }
//  POST /v1/alerts/inbound/voice  { id, pin, action? }                the PIN acknowledges a call (id = the message's id);
//                                                                     action "stop" (the "press 9" option) also stops alerts.
//  POST /v1/alerts/inbound/call   { callId, from, state?, digits? }   one turn of the phone line (telephony/flow.ts);
//                                                                     answers { actions }
// A signature is accepted once: the same signed request again is a replay and gets 401, like a wrong signature.
import * as z from 'zod/v4/mini';
import { HttpError, type ExtraRoute, type HandlerResult, type RequestContext } from '../http/types.js';
import { SIGNATURE_HEADER, verifySignature } from '../notify/signature.js';
import { voiceTurn } from '../telephony/flow.js';
import { firstUse } from '../telephony/replay.js';
import { answerText } from '../telephony/text-in.js';
import { acknowledgeCall } from './acknowledge.js';
import type { AlertsContext } from './context.js';
import { unsubscribeById } from './unsubscribe.js';

export const INBOUND_SMS_PATH = '/v1/alerts/inbound/sms';
export const INBOUND_VOICE_PATH = '/v1/alerts/inbound/voice';
export const INBOUND_CALL_PATH = '/v1/alerts/inbound/call';

const SmsBody = z.object({ from: z.string().check(z.maxLength(40)), text: z.string().check(z.maxLength(1600)) });
const VoiceBody = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(400)),
  pin: z.string().check(z.regex(/^\d{4,8}$/)),
  action: z.optional(z.enum(['ack', 'stop'])),
});
const CallBody = z.object({
  callId: z.string().check(z.minLength(1), z.maxLength(200)),
  from: z.nullable(z.string().check(z.maxLength(40))),
  state: z.optional(z.string().check(z.maxLength(8000))),
  digits: z.optional(z.string().check(z.maxLength(40))),
});

export function inboundRoutes(c: AlertsContext): ExtraRoute[] {
  return [
    { method: 'POST', path: INBOUND_SMS_PATH, rawBody: true, handler: (ctx) => inboundSms(c, ctx) },
    { method: 'POST', path: INBOUND_VOICE_PATH, rawBody: true, handler: (ctx) => inboundVoice(c, ctx) },
    { method: 'POST', path: INBOUND_CALL_PATH, rawBody: true, handler: (ctx) => inboundCall(c, ctx) },
  ];
}

async function inboundSms(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult> {
  const body = await signedBody(c, ctx, SmsBody);
  return { status: 200, body: await answerText(c, body.from, body.text) };
}

async function inboundVoice(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult> {
  const body = await signedBody(c, ctx, VoiceBody);
  const { acknowledged, subscriptionId } = await acknowledgeCall(c, body.id, body.pin);
  if (acknowledged && subscriptionId && body.action === 'stop') await unsubscribeById(c, subscriptionId, 'call');
  return { status: 200, body: { acknowledged, stopped: acknowledged && body.action === 'stop' } };
}

async function inboundCall(c: AlertsContext, ctx: RequestContext): Promise<HandlerResult> {
  const body = await signedBody(c, ctx, CallBody);
  const actions = await voiceTurn(c, {
    callId: body.callId,
    from: body.from,
    state: body.state,
    digits: body.digits ?? '',
  });
  return { status: 200, body: { actions } };
}

/**
 * The parsed body of a request whose signature checks out and was not seen before; 401 otherwise (also when no
 * secret is configured). Nothing has changed when this throws.
 */
async function signedBody<T extends z.ZodMiniType>(
  c: AlertsContext,
  ctx: RequestContext,
  schema: T,
): Promise<z.output<T>> {
  const raw = ctx.rawBody ?? '';
  const secret = c.config.inboundSecret;
  const header = ctx.headers[SIGNATURE_HEADER];
  const nowSeconds = Math.floor(c.now().getTime() / 1000);
  if (!secret || !header || !verifySignature(secret, header, raw, nowSeconds)) {
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
  // The signature covers timestamp and body, so within its 5-minute window it is the request's nonce.
  const mac = /v1=([0-9a-f]{64})/.exec(header)?.[1] ?? header;
  if (!(await firstUse(c, `gateway:${mac}`))) throw new HttpError(401, 'unauthorized', 'Missing or invalid signature.');
  return parsed.data;
}
