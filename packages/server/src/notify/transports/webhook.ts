// SMS, voice and TTY through a gateway that accepts HMAC-signed JSON. The gateway is expected to drop a request
// whose Idempotency-Key it has already accepted (every major SMS/voice API supports such a key).
import type { Clock } from '../../clock.js';
import type { VoiceAction } from '../../telephony/flow.js';
import { signPayload, SIGNATURE_HEADER } from '../signature.js';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './types.js';

/** Statuses that mean "this request will never succeed as sent". */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

export class WebhookTransport implements Transport {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly now: Clock,
    private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
    /** Voice calls also carry the phone line's script, whose gathers the gateway answers at /v1/alerts/inbound/call. */
    private readonly callScript?: (message: OutgoingMessage) => Promise<VoiceAction[]>,
  ) {}

  async send(message: OutgoingMessage, signal: AbortSignal): Promise<void> {
    const body = JSON.stringify({
      id: message.idempotencyKey,
      kind: message.kind,
      channel: message.channel,
      to: message.to,
      language: message.language,
      text: message.text,
      requiresPin: message.requiresPin ?? false,
      ...(message.channel === 'voice' && this.callScript ? { actions: await this.callScript(message) } : {}),
    });
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.idempotencyKey,
        [SIGNATURE_HEADER]: signPayload(this.secret, body, Math.floor(this.now().getTime() / 1000)),
      },
      body,
      signal,
    });
    await response.body?.cancel();
    if (response.ok) return;
    if (response.status >= 400 && response.status < 500 && !RETRYABLE_4XX.has(response.status)) {
      throw new PermanentDeliveryError(`gateway_${response.status}`);
    }
    throw new Error(`gateway_${response.status}`);
  }
}
