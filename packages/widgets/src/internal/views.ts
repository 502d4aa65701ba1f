// Small templates shared by the elements: phone actions, the hotline list and the "something failed" panel.
// Everything from data is interpolated as text; links come only from safe-links.
import { html, nothing, type TemplateResult } from 'lit';
import type { Service } from '@referral-kit/sdk';
import type { ReferralErrorKind } from '../events.js';
import type { Catalog } from '../i18n/index.js';
import { errorMessage } from './errors.js';
import type { HotlineEntry, HotlinePhone } from './hotlines.js';
import { smsHref, telHref } from './safe-links.js';

/** The organization's name, when it says more than the service's own name (often they are the same). */
export const orgOf = (service: Service): string =>
  service.organization.name === service.name ? '' : service.organization.name;

/** Languages written right to left, for text the API wrote in a language the widget has no catalog of. */
const RIGHT_TO_LEFT = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)(-|$)/i;
const primaryTag = (lang: string) => lang.split('-')[0]!.toLowerCase();

/**
 * Prose the API wrote in `language`. When that is not the widget's language (the API's English fallback under a
 * partner's own catalog, say), it is marked with its language and direction, so screen readers switch voice and an
 * English sentence keeps its order inside right-to-left text.
 */
export function apiText(t: Catalog, language: string, text: string): TemplateResult | string {
  if (primaryTag(language) === primaryTag(t.lang)) return text;
  return html`<span lang=${language} dir=${RIGHT_TO_LEFT.test(language) ? 'rtl' : 'ltr'}>${text}</span>`;
}

/** "Call 1-800…", "Text 88788: START", "TTY 711": what a phone action says. */
export function phoneLabel(t: Catalog, phone: HotlinePhone): string {
  // In right-to-left text a number such as "(713) 555-0100" is isolated so its parentheses and order survive.
  const number = t.dir === 'rtl' ? `\u2066${phone.number}\u2069` : phone.number;
  if (phone.type === 'tty') return t.phone.ttyCall(number);
  if (phone.type !== 'text') return t.phone.call(number);
  return phone.body ? `${t.phone.text(number)}: ${phone.body}` : t.phone.text(number);
}

/** A call, text or TTY link; plain text when the number cannot be dialled. */
export function phoneAction(t: Catalog, phone: HotlinePhone): TemplateResult {
  const href = phone.type === 'text' ? smsHref(phone.number, phone.body) : telHref(phone.number);
  const label = phoneLabel(t, phone);
  return href
    ? html`<a class="action" part="action" href=${href}><bdi>${label}</bdi></a>`
    : html`<span class="muted"><bdi>${label}</bdi></span>`;
}

export function hotlineList(
  t: Catalog,
  hotlines: readonly HotlineEntry[],
  headingLevel: 2 | 3 = 3,
  title: string = t.hotlines.heading,
): TemplateResult | typeof nothing {
  if (hotlines.length === 0) return nothing;
  const heading = headingLevel === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`;
  return html`<section class="hotlines" part="hotlines" aria-label=${title}>
    ${heading}
    <ul>
      ${hotlines.map((h) => {
        const [builtInName, builtInDescription] = t.hotlines.items[h.id] ?? ['', ''];
        const description = h.description ?? builtInDescription;
        return html`<li class="hotline">
          <strong>${h.name ?? builtInName}</strong>
          ${description ? html`<span class="hint">${description}</span>` : nothing}
          <span class="actions">${h.phones.map((p) => phoneAction(t, p))}</span>
        </li>`;
      })}
    </ul>
  </section>`;
}

/** The panel shown when the API fails: a plain message, a retry, and hotlines so the visitor is never stuck. */
export function failurePanel(
  t: Catalog,
  kind: ReferralErrorKind,
  hotlines: readonly HotlineEntry[],
  retry?: () => void,
): TemplateResult {
  return html`<div class="failure" part="error">
    <p class="notice warning" role="alert">${errorMessage(t, kind)}</p>
    ${retry ? html`<p><button type="button" @click=${retry}>${t.retry}</button></p>` : nothing}
    ${hotlineList(t, hotlines)}
  </div>`;
}

/** The message under a field, with the id its input's aria-describedby points at. */
export function fieldError<F extends string>(
  errors: Partial<Record<F, string>>,
  field: F,
): TemplateResult | typeof nothing {
  const message = errors[field];
  return message ? html`<span class="error" id="${field}-error">${message}</span>` : nothing;
}

/** aria-describedby for a field: its hint, then its error when it has one. */
export function describedBy<F extends string>(
  errors: Partial<Record<F, string>>,
  field: F,
  hint?: string,
): string | typeof nothing {
  return [hint, errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
}

/** A text input's label, hint and attributes; `name` is also its id. */
export interface TextFieldSpec {
  name: string;
  label: string;
  /** Said after the label, such as "(optional)". */
  optional?: string;
  /** Shown under the label (id `<name>-hint`) and read with the input. */
  hint?: string;
  /** The id of text elsewhere that describes the input, when it has no hint of its own. */
  describedBy?: string;
  type?: 'password';
  inputmode?: 'numeric';
  autocomplete?: 'one-time-code';
  maxlength?: number;
  autocapitalize?: 'characters';
  disabled?: boolean;
}

/**
 * A labelled text input with its hint and its error. Browsers remember nothing typed in it (`autocomplete` off
 * unless asked) and send nothing to a spelling service (`spellcheck` off).
 */
export function textField(errors: Partial<Record<string, string>>, field: TextFieldSpec): TemplateResult {
  const { name } = field;
  const hint = field.hint ? `${name}-hint` : field.describedBy;
  return html`<div class="field">
    <label for=${name}
      >${field.label}${field.optional ? html` <span class="hint">${field.optional}</span>` : nothing}</label
    >
    ${field.hint ? html`<span class="hint" id=${hint}>${field.hint}</span>` : nothing} ${fieldError(errors, name)}
    <input
      id=${name}
      name=${name}
      type=${field.type ?? 'text'}
      inputmode=${field.inputmode ?? nothing}
      autocomplete=${field.autocomplete ?? 'off'}
      spellcheck="false"
      maxlength=${field.maxlength ?? nothing}
      autocapitalize=${field.autocapitalize ?? nothing}
      ?disabled=${field.disabled ?? false}
      aria-invalid=${errors[name] ? 'true' : 'false'}
      aria-describedby=${describedBy(errors, name, hint)}
    />
  </div>`;
}

/**
 * A radio button or checkbox with its label. `checked` is both what it shows now and what a form reset (quick
 * exit) brings back.
 */
export function choice(
  type: 'radio' | 'checkbox',
  name: string,
  value: string,
  label: string,
  checked = false,
  change?: () => void,
): TemplateResult {
  return html`<label class="choice"
    ><input
      type=${type}
      name=${name}
      value=${value}
      .checked=${checked}
      ?checked=${checked}
      @change=${change}
    />${label}</label
  >`;
}

/** A group of choices under a legend, with its hint and its error read with it. */
export function choiceGroup(
  errors: Partial<Record<string, string>>,
  group: { name: string; legend: string; hint?: string },
  choices: unknown,
): TemplateResult {
  const hint = group.hint ? `${group.name}-hint` : undefined;
  return html`<fieldset class="field" aria-describedby=${describedBy(errors, group.name, hint)}>
    <legend>${group.legend}</legend>
    ${group.hint ? html`<span class="hint" id=${hint}>${group.hint}</span>` : nothing} ${fieldError(errors, group.name)}
    ${choices}
  </fieldset>`;
}

/** A field people never see (bots fill it in): its value makes the server answer as usual and do nothing. */
export function honeypotField(label: string): TemplateResult {
  return html`<div class="honeypot" aria-hidden="true">
    <label for="website">${label}</label>
    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}

/**
 * The contact input typed in the page: an email address, or a phone number (`phone`) for calls, texts and TTY.
 * It is read together with the form's warning (`warningId`: where alerts or calls could be seen by someone else).
 */
export function contactField(
  t: Catalog,
  errors: Partial<Record<'contact', string>>,
  phone: boolean,
  warningId: string,
): TemplateResult {
  return html`<label for="contact">${phone ? t.signup.contactPhone : t.signup.contactEmail}</label>
    ${phone ? html`<span class="hint" id="contact-hint">${t.signup.phoneHint}</span>` : nothing}
    ${fieldError(errors, 'contact')}
    <input
      id="contact"
      name="contact"
      type=${phone ? 'tel' : 'email'}
      inputmode=${phone ? 'tel' : 'email'}
      autocomplete="off"
      spellcheck="false"
      aria-invalid=${errors.contact ? 'true' : 'false'}
      aria-describedby=${describedBy(errors, 'contact', phone ? `contact-hint ${warningId}` : warningId)}
    />`;
}

/** A text field's value in submitted form data ('' when absent). */
export const formText = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/** The form's fields an API or SDK validation error names, each with the form's own message for it. */
export function errorsByField<F extends string>(
  error: unknown,
  messages: Record<F, string>,
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  const fields = error instanceof Error ? (error as { fields?: Array<{ path: string }> }).fields : undefined;
  for (const { path } of fields ?? []) {
    const field = (Object.keys(messages) as F[]).find((f) => path.startsWith(f));
    if (field) errors[field] = messages[field];
  }
  return errors;
}
