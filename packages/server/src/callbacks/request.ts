// POST /v1/callbacks. Every accepted request gets the same answer shape, a bot (honeypot) included: a reference
// and a cancel token. The contact, name, note and named interpreter language are sealed before they are stored;
// the reference goes to the visitor on the chosen channel through the outbox, in the same transaction.
import { randomInt } from 'node:crypto';
import {
  CALLBACK_CONTACT_CHANNEL,
  CALLBACK_PRIORITY,
  newCallbackReference,
  normalizeContact,
  primarySubtag,
  type CallbackAccepted,
  type CallbackRequest,
} from '@referral-kit/sdk';
import type * as z from 'zod/v4/mini';
import { limitContact, limitIp } from '../alerts/context.js';
import { randomId } from '../alerts/crypto.js';
import { findReplay, idempotencyHashes, rememberAnswer } from '../alerts/idempotency.js';
import { isAllowedPhone } from '../alerts/phone-policy.js';
import { getCustodyRecord } from '../db/custody-store.js';
import type { Db } from '../db/types.js';
import { HttpError, type Handler } from '../http/types.js';
import { enqueueMessage } from '../notify/outbox.js';
import { cancelUrl, sealContext, type CallbacksContext } from './context.js';
import { renderReference } from './messages.js';
import { chooseTeam, loadTeams } from './routing.js';
import { enqueueUrgentNotices } from '../staff/urgent.js';

type Body = z.output<typeof CallbackRequest>;

const INVALID_CONTACT = 'Enter a valid email address or U.S. phone number for this channel.';

export function requestCallbackHandler(c: CallbacksContext, allowedCountryCodes: readonly string[]): Handler {
  return async (ctx) => {
    const request = ctx.body as Body;
    const idempotency = idempotencyHashes(c.keys, 'callback', ctx.headers['idempotency-key'], request);
    if (idempotency) {
      const replay = await findReplay(c.db, idempotency, 202);
      if (replay) return replay;
    }
    await limitIp(c, 'callback', ctx.ip, c.config.limits.requestPerIp);

    const id = randomId();
    const body: CallbackAccepted = {
      status: 'received',
      reference: newCallbackReference(randomInt),
      cancelToken: c.keys.signToken('callback-cancel', id),
    };
    // Honeypot: a bot filled the hidden field. Same answer, nothing stored, nothing sent.
    if (request.website) return { status: 202, body };

    const contactChannel = CALLBACK_CONTACT_CHANNEL[request.channel];
    const contact = normalizeContact(contactChannel, request.contact);
    if (contact === null || (contactChannel !== 'email' && !isAllowedPhone(contact, allowedCountryCodes))) {
      throw new HttpError(400, 'validation_failed', 'The request is not valid.', {
        fields: [{ path: 'contact', message: INVALID_CONTACT }],
      });
    }

    const now = c.now();
    const at = now.toISOString();
    const state = request.region?.state ?? (await regionOf(c.db, request));
    const interpreter = request.interpreterLanguage !== undefined;
    const team = chooseTeam(await loadTeams(c.db), {
      state,
      zip: request.region?.zip,
      language: interpreter ? undefined : primarySubtag(request.language),
    });
    const contactHash = c.keys.rateLimitKey('callback-contact', contact);
    const sealed = (field: Parameters<typeof sealContext>[1], value: string | undefined) =>
      value === undefined || value.trim() === '' ? null : c.keys.seal(value.trim(), sealContext(id, field));
    const message = renderReference({
      language: request.language,
      channel: request.channel,
      reference: body.reference,
      leaveMessage: request.leaveMessage,
      cancelUrl: cancelUrl(c, body.cancelToken),
    });

    return c.db.transaction(async (tx) => {
      if (idempotency) {
        const replay = await findReplay(tx, idempotency, 202);
        if (replay) return replay;
      }
      await limitContact(tx, 'callback_requests', contactHash, c.config.limits.requestPerContact, now);
      await tx.run(
        `INSERT INTO callback_requests (id, reference, team_id, topic, priority, channel, language, interpreter, windows, time_zone,
           leave_message, region_state, contact_hash, contact_enc, name_enc, note_enc, interpreter_language_enc, record_id, service_id,
           status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 'new', $20, $20)`,
        [
          id,
          body.reference,
          team?.id ?? null,
          request.topic,
          CALLBACK_PRIORITY[request.topic],
          request.channel,
          request.language,
          interpreter ? 1 : 0,
          request.windows.join(','),
          request.timeZone,
          request.leaveMessage ? 1 : 0,
          state ?? null,
          contactHash,
          sealed('contact', contact),
          sealed('name', request.name),
          sealed('note', request.note),
          sealed('interpreter', request.interpreterLanguage),
          request.recordId ?? null,
          request.serviceId ?? null,
          at,
        ],
      );
      if (message) {
        await enqueueMessage(
          tx,
          c.keys,
          {
            id: `callback:${id}`,
            message: {
              kind: 'callback-reference',
              channel: contactChannel,
              to: contact,
              ...message,
            },
          },
          now,
        );
      }
      if (CALLBACK_PRIORITY[request.topic] === 1) {
        await enqueueUrgentNotices(
          tx,
          c.keys,
          { requestId: id, reference: body.reference, teamId: team?.id ?? null, publicUrl: c.publicUrl },
          now,
        );
      }
      if (idempotency) await rememberAnswer(tx, idempotency, body, now);
      return { status: 202, body };
    });
  };
}

/** Where the record's facility or the service is, when the page did not say where the visitor is. */
async function regionOf(db: Db, request: Body): Promise<string | undefined> {
  if (request.recordId) {
    const record = await getCustodyRecord(db, request.recordId);
    if (record?.facility?.state) return record.facility.state;
  }
  if (request.serviceId) {
    const [row] = await db.query<{ data: string }>('SELECT data FROM services WHERE id = $1', [request.serviceId]);
    const state = row
      ? (JSON.parse(row.data) as { locations?: { state?: string }[] }).locations?.[0]?.state
      : undefined;
    if (state && /^[A-Z]{2}$/.test(state)) return state;
  }
  return undefined;
}
