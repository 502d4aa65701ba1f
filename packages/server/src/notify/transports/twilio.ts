// SMS and voice alerts through Twilio's REST API, with the official client. Each message carries a status
// callback (signed by Twilio, checked in telephony/twilio.ts) that records what the carrier reported. Calls get
// their TwiML inline: the message, then the PIN or the code, gathered by the phone line's flow.
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { TwilioConfig } from '../../alerts/config.js';
import { loadTwilio, type TwilioSdkModule } from '../../telephony/twilio-sdk.js';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './types.js';

export interface TwilioCallbacks {
  /** Where Twilio reports what happened to this message (absolute https URL). */
  statusCallbackUrl(message: OutgoingMessage): string;
  /** The TwiML document an alert call plays. */
  callTwiml(message: OutgoingMessage): Promise<string>;
}

/** Twilio statuses worth retrying: rate limits, timeouts and its own errors. */
const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

type TwilioClient = ReturnType<TwilioSdkModule>;

/** The REST client; with `apiBaseUrl`, every request goes to that origin (a local fake in tests, a proxy in production). */
function createClient(twilio: TwilioSdkModule, config: TwilioConfig, timeout: number): TwilioClient {
  class RebasedRequestClient extends twilio.RequestClient {
    constructor(private readonly base: string) {
      super({ timeout });
    }

    override request<TData>(opts: RequestClient.RequestOptions<TData>) {
      return super.request<TData>({ ...opts, uri: opts.uri.replace(/^https:\/\/[^/]+/, this.base) });
    }
  }
  return twilio(config.accountSid, config.authToken, {
    autoRetry: false,
    timeout,
    ...(config.apiBaseUrl ? { httpClient: new RebasedRequestClient(config.apiBaseUrl) } : {}),
  });
}

export class TwilioTransport implements Transport {
  readonly name = 'twilio';
  private client: Promise<TwilioClient> | undefined;

  constructor(
    private readonly config: TwilioConfig,
    private readonly callbacks: TwilioCallbacks,
    private readonly timeoutMs = 30_000,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const statusCallback = this.callbacks.statusCallbackUrl(message);
    try {
      const client = await (this.client ??= loadTwilio().then((twilio) =>
        createClient(twilio, this.config, this.timeoutMs),
      ));
      if (message.channel === 'sms') {
        await client.messages.create({ to: message.to, from: this.config.from, body: message.text, statusCallback });
      } else if (message.channel === 'voice') {
        await client.calls.create({
          to: message.to,
          from: this.config.from,
          twiml: await this.callbacks.callTwiml(message),
          statusCallback,
        });
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
      // Never the error object itself, not even as the cause: it may echo the request, number included.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(typeof status === 'number' ? `twilio_${status}` : 'twilio_unreachable');
    }
  }
}
