import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ALERT_EVENTS,
  AlertChannel,
  PIN_CHANNELS,
  normalizeContact,
  type AlertEvent,
  type AlertChannel as Channel,
} from '@referral-kit/sdk';
import { ReferralSubscribeEvent, type ReferralSource } from './events.js';
import { defineElement } from './internal/define.js';
import { ContactForm } from './internal/contact-form.js';
import { DeliverableLanguages } from './internal/deliverable.js';
import { apiErrorCode } from './internal/errors.js';
import { focusAfterRender } from './internal/focus.js';
import { ReferralElement } from './internal/referral-element.js';
import { baseStyles } from './internal/styles.js';
import { choice, choiceGroup, errorsByField, formText, honeypotField, textField } from './internal/views.js';

type Step = 'form' | 'code' | 'done';
type Field = 'contact' | 'pin' | 'events' | 'code';
const CHANNELS = AlertChannel.options;

/**
 * Double opt-in alert signup for one person in custody: channel, contact, language, events and (for calls) a PIN;
 * then a confirmation code; then a page that says how to stop. The confirmation screen is the same whether or not
 * the contact was already registered, so the form cannot be used to find out who is signed up.
 *
 * @summary Custody-status alert signup (email, text, voice, TTY) with a confirmation code.
 * @fires referral-subscribe - `ReferralSubscribeEvent` (`step` 'requested' | 'confirmed', `channel`). Never the contact.
 * @fires referral-error - `ReferralErrorEvent` (`source`, `kind`) when the API fails; hotlines are shown.
 * @csspart form - The signup form.
 * @csspart submit - The primary button of each step.
 * @csspart hotlines - The hotline list shown on failure.
 * @csspart error - The failure panel.
 * @cssprop --referral-color-primary - Buttons, links and accents (default #0b4f8a).
 * @cssprop --referral-color-on-primary - Text on primary (default #ffffff).
 * @cssprop --referral-color-text - Text (default #1b1b1b).
 * @cssprop --referral-color-surface - Background (default #ffffff).
 * @cssprop --referral-color-muted - Secondary text (default #4d4d4d).
 * @cssprop --referral-color-border - Borders of fields and cards (default #6e6e6e).
 * @cssprop --referral-color-danger - Errors and warnings (default #b3261e).
 * @cssprop --referral-color-focus - Focus ring (default #ffbf47).
 * @cssprop --referral-font-family - Font.
 * @cssprop --referral-font-size - Base font size (default 1rem).
 * @cssprop --referral-radius - Corner radius (default 0.375rem).
 * @cssprop --referral-spacing - Base spacing (default 1rem).
 * @attr api-base-url - Base URL of the API (required unless `client` is set).
 * @attr partner-id - Partner identifier sent to the API.
 * @attr lang - Language. Default: the page's language, else English.
 * @attr no-hotlines - Leave out the hotline lists (when the page shows them already).
 * @attr subject-id - Id of the custody record to get alerts about.
 * @attr subject-name - Display name of that person, for the heading.
 * @attr capture - `isolated`: the contact field lives in a frame served by the API (needs `api-base-url`), where
 * scripts on the page (analytics, session recorders, extensions) cannot read what is typed. Default: in the page.
 */
export class ReferralAlertSignup extends ReferralElement {
  static override styles = [
    baseStyles,
    css`
      .columns {
        --_column: 11rem;
      }
      form > p {
        max-inline-size: 40em;
      }
    `,
  ];

  /** Id of the custody record to get alerts about. */
  @property({ attribute: 'subject-id' }) accessor subjectId = '';
  /** Display name of that person. */
  @property({ attribute: 'subject-name' }) accessor subjectName = '';
  /** `isolated`: the contact field lives in a frame served by the API, out of the page's reach. */
  @property() accessor capture = '';

  @state() accessor step: Step = 'form';
  @state() accessor channel: Channel = 'email';
  @state() accessor errors: Partial<Record<Field, string>> = {};
  /** The code step cannot go on (expired, too many attempts): only "start again" is offered. */
  @state() accessor codeDead = false;

  protected readonly source: ReferralSource = 'alert-signup';
  #confirmationId = '';
  #expiresInSeconds = 0;
  readonly #submission = this.requests((error) => this.#fieldErrors(error));
  readonly #form: ContactForm<Field> = new ContactForm(this, ['contact', 'events', 'pin', 'code'], ['events']);
  /** The channels the API delivers to, each with the languages it writes them in. */
  readonly #deliverable = new DeliverableLanguages<Channel>(this, (signal) => this.api?.alerts.options({ signal }));

  protected clear(): void {
    this.#deliverable.abort();
    this.#form.frame.remove();
    this.#submission.abort();
    this.#confirmationId = '';
    this.step = 'form';
    this.channel = 'email';
    this.errors = {};
    this.codeDead = false;
    this.shadowRoot?.querySelectorAll('form').forEach((form) => form.reset());
  }

  /** Back to an empty form (after a dead code, or for another signup). */
  startOver(): void {
    this.clear();
    void focusAfterRender(this, 'h2');
  }

  /** Errors about a field (from the server or the SDK's own validation) go next to that field. */
  #fieldErrors(error: unknown): boolean {
    const s = this.t.signup.errors;
    const code = apiErrorCode(error);
    if (code === 'invalid_code') return this.#form.showErrors({ code: s.codeWrong });
    if (code === 'code_expired' || code === 'too_many_attempts') {
      this.codeDead = true;
      return this.#form.showErrors({ code: code === 'code_expired' ? s.codeExpired : s.tooManyAttempts });
    }
    const isValidation = error instanceof Error && (error.name === 'ValidationError' || code === 'validation_failed');
    if (!isValidation) return false;
    const messages: Record<Field, string> = {
      contact: this.channel === 'email' ? s.email : s.phone,
      pin: s.pin,
      events: s.events,
      code: s.code,
    };
    const errors = errorsByField(error, messages);
    return Object.keys(errors).length > 0 && this.#form.showErrors(errors);
  }

  async #subscribe(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const s = this.t.signup.errors;
    const channel = this.channel;
    const contact = formText(data, 'contact');
    const events = data.getAll('events').map(String) as AlertEvent[];
    const pin = formText(data, 'pin');
    const needsPin = PIN_CHANNELS.includes(channel);
    const errors: Partial<Record<Field, string>> = {};
    if (!this.#form.isolated && !normalizeContact(channel, contact))
      errors.contact = channel === 'email' ? s.email : s.phone;
    if (events.length === 0) errors.events = s.events;
    if (needsPin && !/^\d{4,8}$/.test(pin)) errors.pin = s.pin;
    if (Object.keys(errors).length) {
      this.#form.showErrors(errors);
      return;
    }
    this.errors = {};
    const website = formText(data, 'website');
    const request = {
      subjectId: this.subjectId,
      channel,
      language: formText(data, 'language') || this.t.lang,
      events,
      ...(needsPin ? { pin } : {}),
      ...(website ? { website } : {}),
    };
    const accepted = await this.#submission.run(
      (client, signal) =>
        this.#form.isolated
          ? this.#form.frame.send('subscribe', request, this.partnerId, signal)
          : client.alerts.subscribe({ ...request, contact }, { signal }),
      () => form.requestSubmit(),
    );
    if (!accepted) return;
    this.#form.frame.remove();
    this.#confirmationId = accepted.confirmationId;
    this.#expiresInSeconds = accepted.expiresInSeconds;
    this.step = 'code';
    this.dispatchEvent(new ReferralSubscribeEvent('requested', channel));
    void focusAfterRender(this, 'h2');
  }

  async #confirm(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    // People paste codes with spaces or dashes ("123 456"): keep the digits.
    const code = formText(new FormData(form), 'code').replace(/\D/g, '');
    if (!/^\d{6}$/.test(code)) {
      this.#form.showErrors({ code: this.t.signup.errors.code });
      return;
    }
    this.errors = {};
    const confirmed = await this.#submission.run(
      (client, signal) => client.alerts.confirm({ confirmationId: this.#confirmationId, code }, { signal }),
      () => form.requestSubmit(),
    );
    if (!confirmed) return;
    this.step = 'done';
    this.dispatchEvent(new ReferralSubscribeEvent('confirmed', this.channel));
    void focusAfterRender(this, 'h2');
  }

  override render() {
    const t = this.t;
    const body = !this.subjectId
      ? html`<p>${t.signup.needSubject}</p>`
      : this.step === 'form'
        ? this.#renderForm()
        : this.step === 'code'
          ? this.#renderCode()
          : this.#renderDone();
    return html`<section class="root" dir=${t.dir} lang=${t.lang} aria-labelledby="signup-heading">
      <h2 id="signup-heading" tabindex="-1">
        ${this.step === 'code' ? t.signup.codeHeading : this.step === 'done' ? t.signup.doneHeading : t.signup.heading(this.subjectName || '…')}
      </h2>
      ${body} ${this.#submission.panel(t, this.hotlines)}
    </section>`;
  }

  #renderForm() {
    const t = this.t;
    const s = t.signup;
    const needsPin = PIN_CHANNELS.includes(this.channel);
    return html`<form part="form" novalidate @submit=${this.#subscribe}>
      <p class="notice warning" id="warning">${s.warning}</p>
      ${choiceGroup(
        this.errors,
        { name: 'channel', legend: s.channel },
        CHANNELS.filter((c) => !this.#deliverable.byChannel || this.#deliverable.byChannel[c]).map((c) =>
          choice('radio', 'channel', c, s.channels[c], this.channel === c, () => {
            this.channel = c;
            this.errors = {};
          }),
        ),
      )}
      <div class="field">${this.#form.contactField(t, this.channel !== 'email', 'warning')}</div>
      <div class="field">
        <label for="language">${s.language}</label>
        <select id="language" name="language">
          ${this.#deliverable.options(this.channel, t.lang)}
        </select>
      </div>
      ${choiceGroup(
        this.errors,
        { name: 'events', legend: s.events },
        html`<div class="columns">
          ${ALERT_EVENTS.map((e) => choice('checkbox', 'events', e, s.eventNames[e], true))}
        </div>`,
      )}
      ${
        needsPin
          ? textField(this.errors, {
              name: 'pin',
              label: s.pin,
              hint: s.pinHint,
              type: 'password',
              inputmode: 'numeric',
              maxlength: 8,
            })
          : nothing
      }
      ${honeypotField(s.honeypot)}
      <p class="hint">${s.consent}</p>
      <button class="primary" part="submit" type="submit" ?disabled=${this.#submission.busy}>${s.submit}</button>
    </form>`;
  }

  #renderCode() {
    const s = this.t.signup;
    return html`<form part="form" novalidate @submit=${this.#confirm}>
      <p id="code-hint">${s.codeBody(Math.max(1, Math.round(this.#expiresInSeconds / 60)))}</p>
      ${textField(this.errors, {
        name: 'code',
        label: s.code,
        describedBy: 'code-hint',
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        maxlength: 20,
        disabled: this.codeDead,
      })}
      <p class="actions">
        ${this.codeDead ? nothing : html`<button class="primary" part="submit" type="submit" ?disabled=${this.#submission.busy}>${s.confirm}</button>`}
        <button type="button" @click=${() => this.startOver()}>${s.startOver}</button>
      </p>
    </form>`;
  }

  #renderDone() {
    const s = this.t.signup;
    return html`<p>${s.doneBody}</p>
      <p class="notice">${s.stop[this.channel]}</p>`;
  }
}

defineElement('referral-alert-signup', ReferralAlertSignup);

declare global {
  interface HTMLElementTagNameMap {
    'referral-alert-signup': ReferralAlertSignup;
  }
}
