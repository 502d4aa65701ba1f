// Callback requests ship only in builds that include <referral-callback-request> (the package, and the
// referral-kit.callbacks.js embed). That module registers its labels and form here when it loads; the other elements offer
// callbacks only then, so a build without it carries neither its code nor its strings.
import type { TemplateResult } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import type { CallbackSubject } from '../events.js';

export interface CallbackUi {
  /** The widget's tab, in `lang`. */
  tab(lang: string): string;
  /** The button on a lookup result or a directory card, in `lang`. */
  ask(lang: string): string;
  /** A request form about `subject` (or about nothing yet). */
  form(
    lang: string,
    client: ReferralClient | undefined,
    subject: CallbackSubject | undefined,
    options?: CallbackFormOptions,
  ): TemplateResult;
}

export interface CallbackFormOptions {
  /** ZIP code the partner serves. */
  near?: string;
  /** The parts to export, when the form sits in `<referral-widget>` (which shows the hotlines itself). */
  parts?: string;
  /** `isolated`: contact, name and note are typed in a frame from `apiBaseUrl` (see `<referral-callback-request>`). */
  capture?: string;
  apiBaseUrl?: string;
  partnerId?: string;
}

/** Set by referral-callback-request.ts when it loads; undefined in builds without callback requests. */
export let callbackUi: CallbackUi | undefined;

export function provideCallbackUi(ui: CallbackUi): void {
  callbackUi = ui;
}
