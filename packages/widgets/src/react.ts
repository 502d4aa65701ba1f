// React wrappers (`@referral-kit/widgets/react`): each element as a React component with typed `on…` event props.
// Importing this module registers the elements and turns on in-page search and on-demand languages, like importing
// the package itself.
import './internal/local-source.js';
import './i18n/on-demand.js';
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  ReferralErrorEvent,
  ReferralExitEvent,
  ReferralLookupEvent,
  ReferralSearchEvent,
  ReferralSelectEvent,
  ReferralSubscribeEvent,
} from './events.js';
import { ReferralAlertSignup as ReferralAlertSignupElement } from './referral-alert-signup.js';
import { ReferralDirectory as ReferralDirectoryElement } from './referral-directory.js';
import { ReferralOffenderLookup as ReferralOffenderLookupElement } from './referral-offender-lookup.js';
import { ReferralQuickExit as ReferralQuickExitElement } from './referral-quick-exit.js';
import { ReferralWidget as ReferralWidgetElement } from './referral-widget.js';

const onSearch = { onReferralSearch: ReferralSearchEvent.eventName as EventName<ReferralSearchEvent> };
const onSelect = { onReferralSelect: ReferralSelectEvent.eventName as EventName<ReferralSelectEvent> };
const onLookup = { onReferralLookup: ReferralLookupEvent.eventName as EventName<ReferralLookupEvent> };
const onSubscribe = { onReferralSubscribe: ReferralSubscribeEvent.eventName as EventName<ReferralSubscribeEvent> };
const onExit = { onReferralExit: ReferralExitEvent.eventName as EventName<ReferralExitEvent> };
const onError = { onReferralError: ReferralErrorEvent.eventName as EventName<ReferralErrorEvent> };

/** A React component for an element (display name from its tag: `ReferralDirectory`), with `on…` event props. */
function wrap<I extends HTMLElement, E extends Record<string, EventName>>(
  tagName: string,
  elementClass: new () => I,
  events: E,
) {
  const displayName = tagName.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase());
  return createComponent({ react: React, tagName, elementClass, displayName, events });
}

/** `<referral-widget>`: directory, custody lookup, alerts, hotlines and quick exit. */
export const ReferralWidget = wrap('referral-widget', ReferralWidgetElement, {
  ...onSearch,
  ...onSelect,
  ...onLookup,
  ...onSubscribe,
  ...onExit,
  ...onError,
});

/** `<referral-directory>`: the victim-services directory. */
export const ReferralDirectory = wrap('referral-directory', ReferralDirectoryElement, {
  ...onSearch,
  ...onSelect,
  ...onError,
});

/** `<referral-offender-lookup>`: custody lookup (opens the alert signup in place). */
export const ReferralOffenderLookup = wrap('referral-offender-lookup', ReferralOffenderLookupElement, {
  ...onLookup,
  ...onSubscribe,
  ...onError,
});

/** `<referral-alert-signup>`: custody-status alert signup with double opt-in. */
export const ReferralAlertSignup = wrap('referral-alert-signup', ReferralAlertSignupElement, {
  ...onSubscribe,
  ...onError,
});

/** `<referral-quick-exit>`: the quick-exit button and shortcut. */
export const ReferralQuickExit = wrap('referral-quick-exit', ReferralQuickExitElement, { ...onExit });
