// What every transport receives and promises. Transports are at-least-once: the dispatcher may hand the same
// message over again after a crash, always with the same idempotencyKey, so the receiving end can drop repeats.
import type { AlertChannel } from '@referral-kit/sdk';
import type { MessageLanguage } from '../../i18n/index.js';

export interface OutgoingMessage {
  /** The outbox row id: stable across retries and restarts. */
  idempotencyKey: string;
  kind: 'confirmation' | 'status' | 'callback-reference' | 'staff-urgent';
  channel: AlertChannel;
  /** Normalized contact: an email address or an E.164 number. Never logged. */
  to: string;
  language: MessageLanguage;
  subject: string;
  text: string;
  /** Email: one-click unsubscribe address for List-Unsubscribe (RFC 2369 / RFC 8058). */
  unsubscribeUrl?: string;
  /** Voice/TTY: the subscriber acknowledges the call by entering their PIN. */
  requiresPin?: boolean;
}

export interface Transport {
  /** For metrics: smtp, webhook, twilio, file (a transport without one counts as "custom"). */
  readonly name?: string;
  send(message: OutgoingMessage, signal: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}

/** A failure that retrying cannot fix (bad address, gateway rejected the request). */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}
