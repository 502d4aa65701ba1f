// What the alert signup and the callback request share: a contact typed in the page or, with capture="isolated", in
// a frame from the API's origin; and field errors shown next to their fields, focus moved to the first of them.
import type { TemplateResult } from 'lit';
import type { Catalog } from '../i18n/index.js';
import type { CaptureField } from './capture-protocol.js';
import { focusAfterRender } from './focus.js';
import { IsolatedCapture } from './isolated-capture.js';
import type { ReferralElement } from './referral-element.js';
import { contactField } from './views.js';

/** The form's element: its `capture` attribute and the errors it shows by field. */
type ContactFormHost<F extends string> = ReferralElement & { capture: string; errors: Partial<Record<F, string>> };

export class ContactForm<F extends string> {
  /** The isolated-capture frame (unused when the contact is typed in the page). */
  readonly frame: IsolatedCapture;

  /**
   * @param order - the fields in the order they appear, so focus goes to the first with an error.
   * @param groups - the fields that are groups of choices (focus goes to their first choice).
   */
  constructor(
    private readonly host: ContactFormHost<F>,
    private readonly order: readonly F[],
    private readonly groups: readonly F[],
  ) {
    this.frame = new IsolatedCapture(host);
  }

  get isolated(): boolean {
    return this.host.capture === 'isolated';
  }

  /** Shows `errors` by their fields and moves focus to the first. True, for a request's field-error handler. */
  showErrors(errors: Partial<Record<F, string>>): true {
    this.host.errors = errors;
    const first = this.order.find((f) => errors[f]);
    if (first === 'contact' && this.isolated) this.frame.focus();
    else if (first) void focusAfterRender(this.host, this.groups.includes(first) ? `[name=${first}]` : `#${first}`);
    return true;
  }

  /**
   * The contact field: in the page, or the frame that holds it (and the `inFrame` fields) when isolated; nothing
   * while isolated without an API base URL.
   */
  contactField(
    t: Catalog,
    phone: boolean,
    warningId: string,
    inFrame: Pick<CaptureField, 'nameLabel' | 'nameHint' | 'noteLabel' | 'noteHint' | 'optional'> = {},
  ): TemplateResult | HTMLIFrameElement | string {
    if (!this.isolated) return contactField(t, this.host.errors, phone, warningId);
    const s = t.signup;
    return (
      this.host.apiBaseUrl &&
      this.frame.frame(this.host.apiBaseUrl, {
        lang: t.lang,
        dir: t.dir,
        type: phone ? 'tel' : 'email',
        label: phone ? s.contactPhone : s.contactEmail,
        hint: phone ? s.phoneHint : '',
        error: phone ? s.errors.phone : s.errors.email,
        ...inFrame,
      })
    );
  }
}
