// SMS and voice alerts through Twilio's REST API, with the official client. Each message carries a status
// callback (signed by Twilio, checked in telephony/twilio.ts) that records what the carrier reported. Calls get
// their TwiML inline: the message, then the PIN or the code, gathered by the phone line's flow.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { TwilioConfig } from '../../alerts/config.js';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './types.js';

export interface TwilioCallbacks {
  /** Where Twilio reports what happened to this message (absolute https URL). */
  statusCallbackUrl(message: OutgoingMessage): string;
  /** The TwiML document an alert call plays. */
  callTwiml(message: OutgoingMessage): Promise<string>;
}

/** Twilio statuses worth retrying: rate limits, timeouts and its own errors. */
const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

/** Sends every API request to another origin (a local fake in tests, a regional proxy in production). */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string, timeout: number) {
    super({ timeout });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri?.replace(/^https:\/\/[^/]+/, this.base) });
  }
}

export class TwilioTransport implements Transport {
  private readonly client: twilio.Twilio;

  constructor(private readonly config: TwilioConfig, private readonly callbacks: TwilioCallbacks, timeoutMs = 30_000) {
    this.client = twilio(config.accountSid, config.authToken, {
      autoRetry: false,
      timeout: timeoutMs,
      ...(config.apiBaseUrl ? { httpClient: new RebasedRequestClient(config.apiBaseUrl, timeoutMs) } : {}),
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    const statusCallback = this.callbacks.statusCallbackUrl(message);
    try {
      if (message.channel === 'sms') {
        await this.client.messages.create({ to: message.to, from: this.config.from, body: message.text, statusCallback });
      } else if (message.channel === 'voice') {
        await this.client.calls.create({ to: message.to, from: this.config.from, twiml: await this.callbacks.callTwiml(message), statusCallback });
      } else {
        // TTY devices need a relay service Twilio does not offer; the subscriber must pick another channel.
        throw new PermanentDeliveryError(`twilio_no_${message.channel}`);
      }
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw error;
      const status = (error as { status?: unknown }).status;
      if (typeof status === 'number' && status >= 400 && !RETRYABLE(status)) {
        throw new PermanentDeliveryError(`twilio_${(error as { code?: number }).code ?? status}`);
      }
      // Never the error object itself: it may echo the request, number included.
      throw new Error(typeof status === 'number' ? `twilio_${status}` : 'twilio_unreachable');
    }
  }
}
