import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  type ReferralClient,
  CALLBACK_CHANNELS,
  CALLBACK_CONTACT_CHANNEL,
  CALLBACK_TOPICS,
  CallbackWindow,
  TimeZoneName,
  normalizeContact,
  type CallbackAccepted,
  type CallbackChannel,
  type CallbackTopic,
} from '@referral-kit/sdk';
import * as z from 'zod/v4/mini';
import { ReferralCallbackEvent, type CallbackSubject, type ReferralSource } from './events.js';
import { defineElement } from './internal/define.js';
import { provideCallbackUi, type CallbackFormOptions } from './internal/callbacks.js';
import { ContactForm } from './internal/contact-form.js';
import { DeliverableLanguages } from './internal/deliverable.js';
import { focusAfterRender } from './internal/focus.js';
import { ReferralElement } from './internal/referral-element.js';
import { baseStyles } from './internal/styles.js';
import { choice, choiceGroup, errorsByField, formText, honeypotField, textField } from './internal/views.js';
import { callbackCatalogFor, type CallbackCatalog } from './i18n/callback.js';

type Field = 'topic' | 'contact' | 'windows' | 'interpreterLanguage';
const WINDOWS = CallbackWindow.options;
/** The language choice that asks for an interpreter (and reveals a field naming the language). */
const INTERPRETER = 'interpreter';

/** The visitor's own time zone, from the browser; UTC when it has none we can send. */
function visitorTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return z.safeParse(TimeZoneName, zone).success ? zone : 'UTC';
}

/**
 * Ask a specialist to make contact, safely: what about, how (call, text, email or TTY), when it is safe (in the
 * visitor's time zone), whether a message may be left (only ever a neutral phrase), in which language (or with an
 * interpreter), and an optional name. The answer is a reference code and a way to cancel; it is the same whatever
 * was submitted. Nothing is kept in the browser, and quick exit clears it.
 *
 * @summary Callback and referral request to a specialist, with a reference code.
 * @fires referral-callback - `ReferralCallbackEvent` (`step` 'requested' | 'cancelled', `topic`, `channel`). Never the contact.
 * @fires referral-error - `ReferralErrorEvent` (`source`, `kind`) when the API fails; hotlines are shown.
 * @csspart form - The request form.
 * @csspart submit - The send button.
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
 * @attr topic - Preselected topic: safety-concern, custody-status, service-referral, releasable-information or other.
 * @attr record-id - The custody record the request is about (from a lookup result).
 * @attr service-id - The directory service the request is about (from a directory card).
 * @attr subject-name - The person's or service's name, shown above the form.
 * @attr near - ZIP code the partner serves: routes the request to the team for that area.
 * @attr capture - `isolated`: the contact, name and note fields live in a frame served by the API (needs
 * `api-base-url`), where scripts on the page cannot read what is typed. Default: in the page.
 */
export class ReferralCallbackRequest extends ReferralElement {
  static override styles = [
    baseStyles,
    css`
      .reference {
        font-size: 1.5em;
        font-weight: 700;
        letter-spacing: 0.05em;
      }
    `,
  ];

  /** Preselected topic. */
  @property() accessor topic: CallbackTopic | '' = '';
  /** The custody record the request is about. */
  @property({ attribute: 'record-id' }) accessor recordId = '';
  /** The directory service the request is about. */
  @property({ attribute: 'service-id' }) accessor serviceId = '';
  /** The person's or service's name, shown above the form. */
  @property({ attribute: 'subject-name' }) accessor subjectName = '';
  /** ZIP code the partner serves. */
  @property() accessor near = '';
  /** `isolated`: contact, name and note are typed in a frame from the API's origin. */
  @property() accessor capture = '';

  @state() accessor channel: CallbackChannel = 'call';
  @state() accessor chosenTopic: CallbackTopic | '' = '';
  @state() accessor interpreter = false;
  @state() accessor errors: Partial<Record<Field, string>> = {};
  @state() accessor accepted: Pick<CallbackAccepted, 'reference' | 'cancelToken'> | undefined = undefined;
  @state() accessor cancelled = false;

  protected readonly source: ReferralSource = 'callback-request';
  readonly #submission = this.requests((error) => this.#serverFieldErrors(error));
  readonly #form: ContactForm<Field> = new ContactForm(
    this,
    ['topic', 'contact', 'windows', 'interpreterLanguage'],
    ['topic', 'windows'],
  );
  /** The languages the API can send the reference in on each channel: the only ones offered. */
  readonly #deliverable = new DeliverableLanguages<CallbackChannel>(this, (signal) =>
    this.api?.callbacks.options({ signal }),
  );

  protected clear(): void {
    this.#deliverable.abort();
    this.#form.frame.remove();
    this.#submission.abort();
    this.channel = 'call';
    this.chosenTopic = '';
    this.interpreter = false;
    this.errors = {};
    this.accepted = undefined;
    this.cancelled = false;
    this.shadowRoot?.querySelectorAll('form').forEach((form) => form.reset());
  }

  get #c(): CallbackCatalog {
    return callbackCatalogFor(this.t.lang);
  }

  get #topic(): CallbackTopic | '' {
    return this.chosenTopic || this.topic;
  }

  /** Topics on offer: releasable information only from a lookup result (it needs the record). */
  get #topics(): readonly CallbackTopic[] {
    return CALLBACK_TOPICS.filter((t) => t !== 'releasable-information' || this.recordId);
  }

  #messages(): Record<Field, string> {
    const e = this.#c.errors;
    const contact = this.channel === 'email' ? this.t.signup.errors.email : this.t.signup.errors.phone;
    return { topic: e.topic, contact, windows: e.windows, interpreterLanguage: e.interpreterLanguage };
  }

  /** Field errors from the server (or the SDK's own check) go next to their field. */
  #serverFieldErrors(error: unknown): boolean {
    const errors = errorsByField(error, this.#messages());
    return Object.keys(errors).length > 0 && this.#form.showErrors(errors);
  }

  async #submit(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => formText(data, name).trim();
    const topic = this.#topic;
    const channel = this.channel;
    const isolated = this.#form.isolated;
    const contact = text('contact');
    const windows = data.getAll('windows').map(String) as CallbackWindow[];
    const interpreterLanguage = this.interpreter ? text('interpreterLanguage') : '';
    const messages = this.#messages();
    const errors: Partial<Record<Field, string>> = {};
    if (!topic) errors.topic = messages.topic;
    if (!isolated && !normalizeContact(CALLBACK_CONTACT_CHANNEL[channel], contact)) errors.contact = messages.contact;
    if (windows.length === 0) errors.windows = messages.windows;
    if (this.interpreter && !interpreterLanguage) errors.interpreterLanguage = messages.interpreterLanguage;
    if (!topic || Object.keys(errors).length) {
      this.#form.showErrors(errors);
      return;
    }
    this.errors = {};
    const name = text('name');
    const note = text('note');
    const website = text('website');
    // Everything but what the visitor types freely (and, isolated, types in the frame): contact, name and note.
    const request = {
      topic,
      channel,
      windows,
      timeZone: visitorTimeZone(),
      leaveMessage: data.get('leaveMessage') === 'yes',
      language: this.interpreter ? this.t.lang : text('language') || this.t.lang,
      ...(interpreterLanguage ? { interpreterLanguage } : {}),
      ...(this.recordId ? { recordId: this.recordId } : {}),
      ...(this.serviceId ? { serviceId: this.serviceId } : {}),
      ...(/^\d{5}$/.test(this.near) ? { region: { zip: this.near } } : {}),
      ...(website ? { website } : {}),
    };
    const accepted = await this.#submission.run(
      (client, signal) =>
        isolated
          ? this.#form.frame.send('request-callback', request, this.partnerId, signal)
          : client.callbacks.request(
              { ...request, contact, ...(name ? { name } : {}), ...(note ? { note } : {}) },
              { signal },
            ),
      () => form.requestSubmit(),
    );
    if (!accepted) return;
    this.#form.frame.remove();
    this.accepted = accepted;
    this.dispatchEvent(new ReferralCallbackEvent('requested', topic, channel));
    void focusAfterRender(this, 'h2');
  }

  async #cancel() {
    const accepted = this.accepted;
    const topic = this.#topic;
    if (!accepted || !topic) return;
    const done = await this.#submission.run(
      (client, signal) => client.callbacks.cancel({ token: accepted.cancelToken }, { signal }),
      () => void this.#cancel(),
    );
    if (!done) return;
    this.cancelled = true;
    this.dispatchEvent(new ReferralCallbackEvent('cancelled', topic, this.channel));
    void focusAfterRender(this, 'h2');
  }

  override render() {
    const t = this.t;
    const c = this.#c;
    return html`<section class="root" dir=${t.dir} lang=${t.lang} aria-labelledby="callback-heading">
      <h2 id="callback-heading" tabindex="-1">
        ${this.cancelled ? c.cancelled : this.accepted ? c.doneHeading : c.heading}
      </h2>
      ${this.cancelled ? nothing : this.accepted ? this.#renderDone(this.accepted) : this.#renderForm()}
      ${this.#submission.panel(t, this.hotlines)}
    </section>`;
  }

  #renderForm() {
    const t = this.t;
    const c = this.#c;
    const phone = this.channel !== 'email';
    const topics = this.#topics;
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <p>${c.intro}</p>
      ${this.subjectName ? html`<p><strong>${c.about}</strong> ${this.subjectName}</p>` : nothing}
      ${choiceGroup(
        this.errors,
        { name: 'topic', legend: c.topic },
        topics.map((topic) =>
          choice('radio', 'topic', topic, c.topics[topic], this.#topic === topic, () => (this.chosenTopic = topic)),
        ),
      )}
      ${choiceGroup(
        this.errors,
        { name: 'channel', legend: c.channel },
        CALLBACK_CHANNELS.map((ch) =>
          choice('radio', 'channel', ch, c.channels[ch], this.channel === ch, () => {
            this.channel = ch;
            this.errors = {};
          }),
        ),
      )}
      ${choiceGroup(
        this.errors,
        { name: 'windows', legend: c.windows, hint: c.windowsHint(visitorTimeZone()) },
        WINDOWS.map((w) => choice('checkbox', 'windows', w, c.windowNames[w])),
      )}
      ${
        this.channel === 'call' || this.channel === 'tty'
          ? choiceGroup(this.errors, { name: 'leaveMessage', legend: c.leaveMessage }, [
              choice('radio', 'leaveMessage', 'no', c.leaveNo, true),
              choice('radio', 'leaveMessage', 'yes', c.leaveYes, false),
            ])
          : nothing
      }
      <div class="field">
        <label for="language">${c.language}</label>
        <select
          id="language"
          name="language"
          @change=${(e: Event) => (this.interpreter = (e.target as HTMLSelectElement).value === INTERPRETER)}
        >
          ${this.#deliverable.options(this.channel, t.lang)}
          <option value=${INTERPRETER}>${c.otherLanguage}</option>
        </select>
      </div>
      ${
        this.interpreter
          ? textField(this.errors, { name: 'interpreterLanguage', label: c.interpreterLanguage, maxlength: 60 })
          : nothing
      }
      <p class="notice warning" id="callback-warning">${c.warning}</p>
      <div class="field">
        ${this.#form.contactField(t, phone, 'callback-warning', {
          nameLabel: c.name,
          nameHint: c.nameHint,
          noteLabel: c.note,
          noteHint: c.noteHint,
          optional: t.optional,
        })}
      </div>
      ${
        this.#form.isolated
          ? nothing
          : html`${textField(this.errors, { name: 'name', label: c.name, optional: t.optional, hint: c.nameHint, maxlength: 60 })}
              <div class="field">
                <label for="note">${c.note} <span class="hint">${t.optional}</span></label>
                <span class="hint" id="note-hint">${c.noteHint}</span>
                <textarea id="note" name="note" maxlength="1000" aria-describedby="note-hint"></textarea>
              </div>`
      }
      ${honeypotField(t.signup.honeypot)}
      <button class="primary" part="submit" type="submit" ?disabled=${this.#submission.busy}>${c.submit}</button>
    </form>`;
  }

  #renderDone(accepted: Pick<CallbackAccepted, 'reference'>) {
    const c = this.#c;
    return html`<p>${c.referenceLabel}</p>
      <p class="reference"><bdi>${accepted.reference}</bdi></p>
      <p>${c.doneBody[this.channel]}</p>
      <p class="hint">${c.keepReference}</p>
      <button type="button" ?disabled=${this.#submission.busy} @click=${() => void this.#cancel()}>
        ${c.cancel}
      </button>`;
  }
}

defineElement('referral-callback-request', ReferralCallbackRequest);
provideCallbackUi({
  tab: (lang) => callbackCatalogFor(lang).tab,
  ask: (lang) => callbackCatalogFor(lang).ask,
  form: (
    lang: string,
    client: ReferralClient | undefined,
    subject: CallbackSubject | undefined,
    options: CallbackFormOptions = {},
  ) =>
    html`<referral-callback-request
      tabindex="-1"
      ?no-hotlines=${options.parts !== undefined}
      exportparts=${options.parts ?? nothing}
      lang=${lang}
      .client=${client}
      near=${options.near ?? ''}
      capture=${options.capture ?? ''}
      api-base-url=${options.apiBaseUrl ?? ''}
      partner-id=${options.partnerId ?? ''}
      topic=${subject?.topic ?? ''}
      record-id=${subject?.recordId ?? ''}
      service-id=${subject?.serviceId ?? ''}
      subject-name=${subject?.name ?? ''}
    ></referral-callback-request>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'referral-callback-request': ReferralCallbackRequest;
  }
}
