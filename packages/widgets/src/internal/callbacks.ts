// Callback requests ship only in builds that include <referral-callback-request> (the package, and the
// referral-kit.callbacks.js embed). That module registers its labels here when it loads; the other elements offer
// callbacks only then, so a build without it carries neither its code nor its strings.
import { html, nothing, type TemplateResult } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import type { CallbackSubject } from '../events.js';

export interface CallbackLabels {
  /** The widget's tab. */
  tab: string;
  /** The button on a lookup result or a directory card. */
  ask: string;
}

let labelsFor: ((lang: string) => CallbackLabels) | undefined;

export function provideCallbackLabels(labels: (lang: string) => CallbackLabels): void {
  labelsFor = labels;
}

/** The labels in `lang`, or undefined when this build has no callback requests. */
export const callbackLabels = (lang: string): CallbackLabels | undefined => labelsFor?.(lang);

/** A callback request form about `subject` (or about nothing yet), as the lookup, directory and widget embed it. */
export function callbackRequest(lang: string, client: ReferralClient | undefined, subject: CallbackSubject | undefined, near = '', parts?: string): TemplateResult {
  return html`<referral-callback-request
    tabindex="-1"
    ?no-hotlines=${parts !== undefined}
    exportparts=${parts ?? nothing}
    lang=${lang}
    .client=${client}
    near=${near}
    topic=${subject?.topic ?? ''}
    record-id=${subject?.recordId ?? ''}
    service-id=${subject?.serviceId ?? ''}
    subject-name=${subject?.name ?? ''}
  ></referral-callback-request>`;
}
