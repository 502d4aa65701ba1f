// Typed events. All bubble and are composed (they cross shadow roots), so a partner's analytics can listen on
// `document`. By design none carries what the visitor typed or their contact details: only counts, ids of
// records the API returned, and choices from fixed lists.
import type { AlertChannel, CallbackChannel, CallbackTopic } from '@referral-kit/sdk';

const init: EventInit = { bubbles: true, composed: true };

/** Which part of the widget an event came from. */
export type ReferralSource =
  'directory' | 'offender-lookup' | 'alert-signup' | 'callback-request' | 'custody-guide' | 'quick-exit' | 'widget';

/** A directory search finished. */
export class ReferralSearchEvent extends Event {
  static readonly eventName = 'referral-search';
  constructor(
    readonly resultCount: number,
    /** `local`: searched a snapshot in the page; `server`: asked the search endpoint. */
    readonly mode: 'local' | 'server',
  ) {
    super(ReferralSearchEvent.eventName, init);
  }
}

/** The visitor chose a service from the directory. */
export class ReferralSelectEvent extends Event {
  static readonly eventName = 'referral-select';
  constructor(readonly serviceId: string) {
    super(ReferralSelectEvent.eventName, init);
  }
}

/** A custody lookup finished. */
export class ReferralLookupEvent extends Event {
  static readonly eventName = 'referral-lookup';
  constructor(
    readonly by: 'name' | 'identifier',
    readonly resultCount: number,
  ) {
    super(ReferralLookupEvent.eventName, init);
  }
}

/** An alert subscription moved on: a code was requested, or the subscription was confirmed. */
export class ReferralSubscribeEvent extends Event {
  static readonly eventName = 'referral-subscribe';
  constructor(
    readonly step: 'requested' | 'confirmed',
    readonly channel: AlertChannel,
  ) {
    super(ReferralSubscribeEvent.eventName, init);
  }
}

/** A callback request was sent (the visitor got a reference), or cancelled. Never the contact or the reference. */
export class ReferralCallbackEvent extends Event {
  static readonly eventName = 'referral-callback';
  constructor(
    readonly step: 'requested' | 'cancelled',
    readonly topic: CallbackTopic,
    readonly channel: CallbackChannel,
  ) {
    super(ReferralCallbackEvent.eventName, init);
  }
}

/** Quick exit was triggered. Every referral-kit element listening on the window clears itself. */
export class ReferralExitEvent extends Event {
  static readonly eventName = 'referral-exit';
  constructor(readonly trigger: 'button' | 'shortcut') {
    super(ReferralExitEvent.eventName, init);
  }
}

export type ReferralErrorKind = 'network' | 'timeout' | 'rate-limited' | 'server' | 'contract' | 'config';

/** Something failed; the visitor was shown hotlines and a plain-words message. */
export class ReferralErrorEvent extends Event {
  static readonly eventName = 'referral-error';
  constructor(
    readonly source: ReferralSource,
    readonly kind: ReferralErrorKind,
  ) {
    super(ReferralErrorEvent.eventName, init);
  }
}

/**
 * The visitor asked for alerts about a custody record. Cancelable: `<referral-widget>` cancels it and opens its
 * "Get alerts" tab; on its own, `<referral-offender-lookup>` opens the signup in place. It neither bubbles nor
 * leaves the shadow root: who a visitor wants alerts about is nobody else's business.
 */
export class ReferralAlertRequestEvent extends Event {
  static readonly eventName = 'referral-alert-request';
  constructor(readonly subject: { id: string; displayName: string }) {
    super(ReferralAlertRequestEvent.eventName, { cancelable: true });
  }
}

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
export class ReferralCallbackRequestEvent extends Event {
  static readonly eventName = 'referral-callback-request';
  constructor(readonly subject: CallbackSubject) {
    super(ReferralCallbackRequestEvent.eventName, { cancelable: true });
  }
}

/** `<referral-custody-guide>` is showing the guide: for `status`, or for every status when it is ''. */
export class ReferralGuideEvent extends Event {
  static readonly eventName = 'referral-guide';
  constructor(
    readonly status: string,
    readonly language: string,
  ) {
    super(ReferralGuideEvent.eventName, init);
  }
}

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
