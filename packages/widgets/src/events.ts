// Typed events. All bubble and are composed (they cross shadow roots), so a partner's analytics can listen on
// `document`. By design none carries what the visitor typed or their contact details: only counts, ids of
// records the API returned, and choices from fixed lists.
import type { AlertChannel, CallbackChannel, CallbackTopic } from '@referral-kit/sdk';

const init: EventInit = { bubbles: true, composed: true };

/** Which part of the widget an event came from. */
export type ReferralSource =
  'directory' | 'offender-lookup' | 'alert-signup' | 'callback-request' | 'custody-guide' | 'quick-exit' | 'widget';

/** A typed event class: `eventName`, and its constructor's arguments as the named readonly fields `fields` returns. */
function typedEvent<const N extends string, A extends unknown[], F extends object>(
  eventName: N,
  fields: (...args: A) => F,
  eventInit: EventInit = init,
): { readonly eventName: N; new (...args: A): Event & Readonly<F> } {
  return class extends Event {
    static readonly eventName = eventName;
    constructor(...args: A) {
      super(eventName, eventInit);
      Object.assign(this, fields(...args));
    }
  } as never;
}

/** A directory search finished: `local` when it searched a snapshot in the page, `server` when it asked the API. */
export class ReferralSearchEvent extends typedEvent(
  'referral-search',
  (resultCount: number, mode: 'local' | 'server') => ({
    resultCount,
    mode,
  }),
) {}

/** The visitor chose a service from the directory. */
export class ReferralSelectEvent extends typedEvent('referral-select', (serviceId: string) => ({ serviceId })) {}

/** A custody lookup finished. */
export class ReferralLookupEvent extends typedEvent(
  'referral-lookup',
  (by: 'name' | 'identifier', resultCount: number) => ({
    by,
    resultCount,
  }),
) {}

/** An alert subscription moved on: a code was requested, or the subscription was confirmed. */
export class ReferralSubscribeEvent extends typedEvent(
  'referral-subscribe',
  (step: 'requested' | 'confirmed', channel: AlertChannel) => ({ step, channel }),
) {}

/** A callback request was sent (the visitor got a reference), or cancelled. Never the contact or the reference. */
export class ReferralCallbackEvent extends typedEvent(
  'referral-callback',
  (step: 'requested' | 'cancelled', topic: CallbackTopic, channel: CallbackChannel) => ({ step, topic, channel }),
) {}

/** Quick exit was triggered. Every referral-kit element listening on the window clears itself. */
export class ReferralExitEvent extends typedEvent('referral-exit', (trigger: 'button' | 'shortcut') => ({ trigger })) {}

export type ReferralErrorKind = 'network' | 'timeout' | 'rate-limited' | 'server' | 'contract' | 'config';

/** Something failed; the visitor was shown hotlines and a plain-words message. */
export class ReferralErrorEvent extends typedEvent(
  'referral-error',
  (source: ReferralSource, kind: ReferralErrorKind) => ({
    source,
    kind,
  }),
) {}

/**
 * The visitor asked for alerts about a custody record. Cancelable: `<referral-widget>` cancels it and opens its
 * "Get alerts" tab; on its own, `<referral-offender-lookup>` opens the signup in place. It neither bubbles nor
 * leaves the shadow root: who a visitor wants alerts about is nobody else's business.
 */
export class ReferralAlertRequestEvent extends typedEvent(
  'referral-alert-request',
  (subject: { id: string; displayName: string }) => ({ subject }),
  { cancelable: true },
) {}

/** What a callback request is about, when it starts from a lookup result or a directory card. */
export interface CallbackSubject {
  topic: CallbackTopic;
  /** The custody record (releasable information, custody status). */
  recordId?: string;
  /** The directory service (a referral). */
  serviceId?: string;
  /** The person's or the service's name, for the heading. */
  name: string;
}

/**
 * The visitor asked to talk to a specialist about a record or a service. Cancelable: `<referral-widget>` cancels it
 * and opens its "Talk to a specialist" tab; on their own, the lookup and the directory open the form in place. Like
 * the alert request it neither bubbles nor leaves the shadow root.
 */
export class ReferralCallbackRequestEvent extends typedEvent(
  'referral-callback-request',
  (subject: CallbackSubject) => ({ subject }),
  { cancelable: true },
) {}

/** `<referral-custody-guide>` is showing the guide: for `status`, or for every status when it is ''. */
export class ReferralGuideEvent extends typedEvent('referral-guide', (status: string, language: string) => ({
  status,
  language,
})) {}

declare global {
  interface GlobalEventHandlersEventMap {
    'referral-guide': ReferralGuideEvent;
    'referral-search': ReferralSearchEvent;
    'referral-select': ReferralSelectEvent;
    'referral-lookup': ReferralLookupEvent;
    'referral-subscribe': ReferralSubscribeEvent;
    'referral-exit': ReferralExitEvent;
    'referral-error': ReferralErrorEvent;
    'referral-alert-request': ReferralAlertRequestEvent;
    'referral-callback': ReferralCallbackEvent;
    'referral-callback-request': ReferralCallbackRequestEvent;
  }
}
