import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type {
  CallbackSubject,
  ReferralAlertRequestEvent,
  ReferralCallbackRequestEvent,
  ReferralSource,
} from './events.js';
import { defineElement } from './internal/define.js';
import { callbackUi } from './internal/callbacks.js';
import { focusAfterRender } from './internal/focus.js';
import { ReferralElement } from './internal/referral-element.js';
import { baseStyles } from './internal/styles.js';
import { hotlineList } from './internal/views.js';
import './referral-alert-signup.js';
import './referral-directory.js';
import './referral-offender-lookup.js';
import './referral-quick-exit.js';

type Tab = 'find' | 'lookup' | 'alerts' | 'callback';
const TABS: readonly Tab[] = ['find', 'lookup', 'alerts', 'callback'];
/** The tabs this build can show: "Talk to a specialist" only where callbacks are included. */
const tabs = (): readonly Tab[] => (callbackUi ? TABS : TABS.slice(0, 3));
/** The parts' own parts, forwarded so `referral-widget::part(card)` reaches into them. */
const EXPORTED_PARTS =
  'search, listbox, filters, results, card, crisis, status, facility, action, form, submit, hotlines, error';

/**
 * The whole experience in one element: quick exit, a persistent hotline strip, and tabs for finding services,
 * looking up a person in custody, getting alerts and asking a specialist to make contact.
 *
 * @summary All-in-one victim help widget: directory, custody lookup, alerts, callbacks, hotlines and quick exit.
 * @fires referral-search - From the directory.
 * @fires referral-select - From the directory.
 * @fires referral-lookup - From the custody lookup.
 * @fires referral-subscribe - From the alert signup.
 * @fires referral-callback - From the callback request.
 * @fires referral-exit - From quick exit.
 * @fires referral-error - From any part, when the API fails.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab.
 * @csspart panel - One tab panel.
 * @csspart hotlines - The hotline strip (and the hotline lists of the parts).
 * @csspart exit-button - The quick exit button.
 * @csspart exit-hint - The "Or press Shift 3 times" text.
 * @csspart search - The directory's search input.
 * @csspart listbox - The directory's suggestion list.
 * @csspart filters - The directory's filters.
 * @csspart results - A result list (directory or lookup).
 * @csspart card - A result card (service or custody record).
 * @csspart crisis - The directory's "Get help now" panel.
 * @csspart status - The status line of a custody record.
 * @csspart facility - The facility on a custody record.
 * @csspart action - A call, text, directions or website link.
 * @csspart form - The lookup and signup forms.
 * @csspart submit - The signup's primary buttons.
 * @csspart error - A failure panel.
 * @cssprop --referral-color-primary - Buttons, tabs and accents (default #0b4f8a).
 * @cssprop --referral-color-on-primary - Text on primary (default #ffffff).
 * @cssprop --referral-color-text - Text (default #1b1b1b).
 * @cssprop --referral-color-surface - Background (default #ffffff).
 * @cssprop --referral-color-muted - Secondary text (default #4d4d4d).
 * @cssprop --referral-color-border - Borders (default #6e6e6e).
 * @cssprop --referral-color-danger - Errors (default #b3261e).
 * @cssprop --referral-color-focus - Focus ring (default #ffbf47).
 * @cssprop --referral-font-family - Font.
 * @cssprop --referral-font-size - Base font size (default 1rem).
 * @cssprop --referral-radius - Corner radius (default 0.375rem).
 * @cssprop --referral-spacing - Base spacing (default 1rem).
 * @cssprop --referral-quick-exit-color - Quick exit button background (default #b3261e).
 * @attr api-base-url - Base URL of the API (required unless `client` is set).
 * @attr partner-id - Partner identifier sent to the API.
 * @attr lang - Language. Default: the page's language, else English.
 * @attr near - ZIP code the partner serves.
 * @attr categories - Comma-separated category slugs that preset the directory filter.
 * @attr exit-url - Where quick exit goes: https:, this page's own origin, or http: on loopback. Default: a neutral site.
 * @attr capture - `isolated`: the contact fields of the alert signup and the callback request (and the request's
 * name and note) live in a frame served by the API (needs `api-base-url`), where scripts on the page cannot read
 * what is typed. Default: in the page.
 */
export class ReferralWidget extends ReferralElement {
  static override styles = [
    baseStyles,
    css`
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
        border-block-end: 2px solid var(--_primary);
        margin-block: var(--_space) 0;
      }
      [role='tab'] {
        border-end-start-radius: 0;
        border-end-end-radius: 0;
        flex: 1 1 auto;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_primary);
        color: var(--_on-primary);
      }
      .strip {
        margin-block-start: var(--_space);
        border-block-start: 1px solid var(--_border);
        padding-block-start: var(--_space);
      }
      .strip ul {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: 0.75em;
      }
    `,
  ];

  /** ZIP code the partner serves. */
  @property() accessor near = '';
  /** Comma-separated category slugs that preset the directory filter. */
  @property() accessor categories = '';
  /** Where quick exit goes: https:, this page's own origin, or http: on loopback. */
  @property({ attribute: 'exit-url' }) accessor exitUrl = '';
  /** `isolated`: the alert signup's contact field lives in a frame served by the API, out of the page's reach. */
  @property() accessor capture = '';

  @state() accessor tab: Tab = 'find';
  /** The person chosen for alerts in the lookup tab. */
  @state() accessor subject: { id: string; displayName: string } | undefined = undefined;
  /** What the "Talk to a specialist" tab is about, when it was opened from a record or a service. */
  @state() accessor callbackSubject: CallbackSubject | undefined = undefined;

  protected readonly source: ReferralSource = 'widget';

  protected clear(): void {
    this.tab = 'find';
    this.subject = undefined;
    this.callbackSubject = undefined;
  }

  #select(tab: Tab, focus = false) {
    this.tab = tab;
    if (focus) void focusAfterRender(this, `#tab-${tab}`);
  }

  #onTabKey(event: KeyboardEvent) {
    const rtl = this.t.dir === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const shown = tabs();
    const index = shown.indexOf(this.tab);
    let next: Tab | undefined;
    if (step) next = shown[(index + step + shown.length) % shown.length];
    else if (event.key === 'Home') next = shown[0];
    else if (event.key === 'End') next = shown[shown.length - 1];
    if (!next) return;
    event.preventDefault();
    this.#select(next, true);
  }

  #onAlertRequest(event: ReferralAlertRequestEvent) {
    event.preventDefault();
    this.subject = event.subject;
    this.#select('alerts');
    void focusAfterRender(this, '#panel-alerts referral-alert-signup');
  }

  #onCallbackRequest(event: ReferralCallbackRequestEvent) {
    event.preventDefault();
    this.callbackSubject = event.subject;
    this.#select('callback');
    void focusAfterRender(this, '#panel-callback referral-callback-request');
  }

  override render() {
    const t = this.t;
    const lang = t.lang;
    const client = this.api;
    const panel = (tab: Tab, content: unknown) =>
      html`<div
        id="panel-${tab}"
        role="tabpanel"
        part="panel"
        aria-labelledby="tab-${tab}"
        tabindex="0"
        ?hidden=${this.tab !== tab}
      >
        ${content}
      </div>`;
    return html`<div class="root" dir=${t.dir} lang=${lang}>
      <referral-quick-exit
        lang=${lang}
        exit-url=${this.exitUrl || nothing}
        exportparts="button: exit-button, hint: exit-hint"
      ></referral-quick-exit>
      <div role="tablist" part="tabs" aria-label=${t.tabs.label} @keydown=${this.#onTabKey}>
        ${tabs().map(
          (tab) =>
            html`<button
              id="tab-${tab}"
              role="tab"
              part="tab"
              type="button"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-controls="panel-${tab}"
              tabindex=${this.tab === tab ? '0' : '-1'}
              @click=${() => this.#select(tab)}
            >
              ${tab === 'callback' ? callbackUi?.tab(lang) : t.tabs[tab]}
            </button>`,
        )}
      </div>
      ${panel('find', html`<referral-directory no-hotlines lang=${lang} .client=${client} near=${this.near} categories=${this.categories} exportparts=${EXPORTED_PARTS} @referral-callback-request=${this.#onCallbackRequest}></referral-directory>`)}
      ${panel('lookup', html`<referral-offender-lookup no-hotlines lang=${lang} .client=${client} exportparts=${EXPORTED_PARTS} @referral-alert-request=${this.#onAlertRequest} @referral-callback-request=${this.#onCallbackRequest}></referral-offender-lookup>`)}
      ${panel(
        'alerts',
        this.subject
          ? html`<referral-alert-signup
              no-hotlines
              tabindex="-1"
              lang=${lang}
              .client=${client}
              api-base-url=${this.apiBaseUrl}
              capture=${this.capture}
              exportparts=${EXPORTED_PARTS}
              subject-id=${this.subject.id}
              subject-name=${this.subject.displayName}
            ></referral-alert-signup>`
          : html`<div class="root">
              <p>${t.signup.needSubject}</p>
              <button type="button" @click=${() => this.#select('lookup', true)}>${t.signup.lookUpFirst}</button>
            </div>`,
      )}
      ${callbackUi ? panel('callback', this.#renderCallback()) : nothing}
      <div class="strip">${hotlineList(t, this.hotlines, 2)}</div>
    </div>`;
  }

  #renderCallback() {
    const subject = this.callbackSubject;
    // Keyed: a request about another record or service starts from an empty form.
    return keyed(
      subject?.recordId ?? subject?.serviceId ?? '',
      callbackUi?.form(this.t.lang, this.api, subject, {
        near: this.near,
        parts: EXPORTED_PARTS,
        capture: this.capture,
        apiBaseUrl: this.apiBaseUrl,
        partnerId: this.partnerId,
      }),
    );
  }
}

defineElement('referral-widget', ReferralWidget);

declare global {
  interface HTMLElementTagNameMap {
    'referral-widget': ReferralWidget;
  }
}
