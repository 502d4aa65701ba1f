// POST /v1/alerts/subscriptions. One code path for every contact, whatever its state (new, pending, confirmed,
// unsubscribed): the same statements run, the same secrets are hashed and sealed, a confirmation row and a
// confirmation message are always written, and the answer is byte-for-byte the same shape. Nothing about the
// contact's state changes until the code or link from the message is used.
import { normalizeContact, type SubscribeAccepted, type SubscribeRequest } from '@referral-kit/sdk';
import type * as z from 'zod/v4/mini';
import type { Db } from '../db/types.js';
import { HttpError, type HandlerResult, type RouteHandler } from '../http/types.js';
import { enqueueConfirmation } from '../notify/outbox.js';
import type { ConfirmationPayload } from '../notify/dispatcher.js';
import { limitContact, limitIp, type AlertsContext } from './context.js';
import { hashPin, randomCode, randomId, randomReference } from './crypto.js';
import { eventMask } from './events.js';
import { findReplay, idempotencyHashes, rememberAnswer, type IdempotencyHashes } from './idempotency.js';
import { isAllowedPhone } from './phone-policy.js';

export type SubscribeBody = z.output<typeof SubscribeRequest>;

/** Same wording as the contract's own contact check, so a refused number looks like any invalid input. */
const INVALID_CONTACT = 'Enter a valid email address or U.S. phone number for this channel.';

export function subscribeHandler(c: AlertsContext): RouteHandler<'subscribe'> {
  return async (ctx) => {
    const request = ctx.body;
    const idempotency = idempotencyHashes(c.keys, 'subscribe', ctx.headers['idempotency-key'], request);
    if (idempotency) {
      const replay = await findReplay(c.db, idempotency, 202);
      if (replay) return replay;
    }
    await limitIp(c, 'subscribe', ctx.ip, c.config.limits.subscribePerIp);

    const ttl = c.config.confirmation.ttlSeconds;
    // Honeypot: a bot filled the hidden field. Same answer, nothing stored, nothing sent.
    if (request.website) return accepted({ status: 'pending', confirmationId: randomId(), expiresInSeconds: ttl });

    return accepted(await requestSubscription(c, request, idempotency));
  };
}

/**
 * The one way a subscription is requested, whoever asks (web form, phone line, text message): checks the contact
 * and the per-contact limit, then writes the pending subscription, its confirmation and the confirmation message.
 * Throws the same HttpErrors the web form answers with (400 for a refused contact, 429 for the limit).
 */
export async function requestSubscription(
  c: AlertsContext,
  request: SubscribeBody,
  idempotency: IdempotencyHashes | null = null,
): Promise<SubscribeAccepted> {
  const contact = normalizeContact(request.channel, request.contact);
  if (contact === null || (request.channel !== 'email' && !isAllowedPhone(contact, c.config.allowedCountryCodes))) {
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', {
      fields: [{ path: 'contact', message: INVALID_CONTACT }],
    });
  }

  const now = c.now();
  const ttl = c.config.confirmation.ttlSeconds;
  const contactHash = c.keys.contactHash(request.channel, contact);
  const contactEnc = c.keys.seal(contact, 'contact');
  const pinHash = request.pin !== undefined ? await hashPin(request.pin) : null;
  const confirmationId = randomId();
  const code = randomCode();
  const mask = eventMask(request.events);
  const expiresAt = new Date(now.getTime() + ttl * 1000).toISOString();
  const body: SubscribeAccepted = { status: 'pending', confirmationId, expiresInSeconds: ttl };

  return c.db.transaction(async (tx) => {
    if (idempotency) {
      const replay = await findReplay(tx, idempotency, 202);
      if (replay) return replay.body as SubscribeAccepted;
    }
    await limitContact(tx, 'alert_confirmations', contactHash, c.config.limits.subscribePerContact, now);

    const [subscription] = await tx.query<{ id: string }>(
      `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, pin_hash, status, created_at, reference_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)
       ON CONFLICT (subject_id, channel, contact_hash) DO UPDATE
       SET contact_enc = alert_subscriptions.contact_enc, reference_code = COALESCE(alert_subscriptions.reference_code, excluded.reference_code)
       RETURNING id`,
      [
        randomId(),
        request.subjectId,
        request.channel,
        contactHash,
        contactEnc,
        request.language,
        mask,
        pinHash,
        now.toISOString(),
        await unusedReference(tx),
      ],
    );
    const subscriptionId = subscription!.id;
    await tx.run(
      `INSERT INTO alert_confirmations (id, subscription_id, contact_hash, code_hash, language, events_mask, pin_hash, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        confirmationId,
        subscriptionId,
        contactHash,
        c.keys.codeHash(confirmationId, code),
        request.language,
        mask,
        pinHash,
        expiresAt,
        now.toISOString(),
      ],
    );
    const payload: ConfirmationPayload = { confirmationId, code, language: request.language, expiresAt };
    const outboxId = `confirm:${confirmationId}/${subscriptionId}`;
    await enqueueConfirmation(
      tx,
      { subscriptionId, confirmationId, payloadEnc: c.keys.seal(JSON.stringify(payload), `outbox:${outboxId}`) },
      now,
    );
    if (idempotency) await rememberAnswer(tx, idempotency, body, now);
    return body;
  });
}

/** A reference number no registration has yet (10 digits: a keypad entry, and one guess in 10^10 is a registration). */
async function unusedReference(tx: Db): Promise<string> {
  for (;;) {
    const reference = randomReference();
    if ((await tx.query('SELECT 1 FROM alert_subscriptions WHERE reference_code = $1', [reference])).length === 0)
      return reference;
  }
}

function accepted(body: SubscribeAccepted): HandlerResult {
  return { status: 202, body };
}
