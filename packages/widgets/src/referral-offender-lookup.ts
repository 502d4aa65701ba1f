import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { IdentifierType, type CustodyGuide, type CustodyRecord, type CustodySearchQuery } from '@referral-kit/sdk';
import {
  ReferralAlertRequestEvent,
  ReferralCallbackRequestEvent,
  ReferralLookupEvent,
  type ReferralSource,
} from './events.js';
import { defineElement } from './internal/define.js';
import { callbackUi } from './internal/callbacks.js';
import { focusAfterRender } from './internal/focus.js';
import { timeAgo } from './internal/format.js';
import { LiveRegion } from './internal/live-region.js';
import { ReferralElement } from './internal/referral-element.js';
import { RequestController } from './internal/request.js';
import { errorKind } from './internal/errors.js';
import { GuideLoader, guideFreshness, guideTopics, nextSteps } from './internal/custody-guide.js';
import { baseStyles } from './internal/styles.js';
import { US_STATES } from './internal/us-states.js';
import { apiText, choice, choiceGroup, formText, hotlineList, textField } from './internal/views.js';
import { facilityView } from './internal/facility-view.js';
import './referral-alert-signup.js';

type Field = 'name' | 'identifier' | 'birthYear';
const PAGE_SIZE = 20;

/**
 * Look up a person in custody by name or by an identifier (A-number, booking or case number), optionally narrowed
 * by birth year, country of birth and state (as ICE's detainee locator: an A-number or a name with country of birth). Each result says the status in plain words, what it means for the visitor's safety, what
 * can happen next and what they can do now (from the API's custody guide), with the facility (who runs it, its
 * address and local time, a call action and its visiting page) and how fresh the data is. "How custody works" explains detainers, detention, bond, removal and why records change.
 * "Get alerts about this person" opens the signup pre-filled.
 *
 * @summary Offender / custody lookup with plain-words status and next steps.
 * @fires referral-lookup - `ReferralLookupEvent` (`by` 'name' | 'identifier', `resultCount`). Never what was typed.
 * @fires referral-error - `ReferralErrorEvent` (`source`, `kind`) when the API fails; hotlines are shown.
 * @csspart form - The search form.
 * @csspart results - The result list.
 * @csspart more - "Show more people": the next page, when the API has one.
 * @csspart card - One custody record.
 * @csspart status - The status line of a record.
 * @csspart facility - Where the person is held: name, operator, address, local time, call and visiting links.
 * @csspart action - A call or link action (facility phone, visiting page, hotlines).
 * @csspart guide - "How custody works": the guide's topics and the data's freshness.
 * @csspart hotlines - The hotline list.
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
 */
export class ReferralOffenderLookup extends ReferralElement {
  static override styles = [
    baseStyles,
    css`
      .status strong {
        font-size: 1.0625em;
      }
      .card referral-alert-signup,
      .card referral-callback-request {
        margin-block-start: var(--_space);
      }
    `,
  ];

  @state() accessor by: 'name' | 'identifier' = 'name';
  @state() accessor errors: Partial<Record<Field, string>> = {};
  @state() accessor records: CustodyRecord[] | undefined = undefined;
  @state() accessor total = 0;
  /** The API stopped counting at `total`: there are more. */
  @state() accessor totalCapped = false;
  /** The cursor of the page after the records shown, when there is one. */
  @state() accessor next: string | undefined = undefined;
  /** The record whose inline alert signup or callback request is open. */
  @state() accessor inline: { id: string; form: 'alerts' | 'callback' } | undefined = undefined;

  protected readonly source: ReferralSource = 'offender-lookup';
  readonly #live = new LiveRegion(this);
  readonly #request = this.requests();
  /** The query of the records shown, asked again with `next` for the page after them. */
  #query: CustodySearchQuery | undefined;
  // The guide only adds explanations: its failure is no error of the lookup's (the card still shows the status).
  readonly #guide = new GuideLoader(
    this,
    new RequestController(
      this,
      () => this.api,
      (error, kind = errorKind(error)) => kind,
    ),
  );

  /** What each status means, in the widget's language (or the API's fallback); undefined until loaded. */
  get guide(): CustodyGuide | undefined {
    return this.#guide.guide;
  }

  /** The guide could not be loaded (opening "How custody works" again retries). */
  get guideFailed(): boolean {
    return this.#guide.request.failed;
  }

  protected clear(): void {
    this.#request.abort();
    this.#guide.clear();
    this.by = 'name';
    this.errors = {};
    this.records = undefined;
    this.total = 0;
    this.totalCapped = false;
    this.next = undefined;
    this.#query = undefined;
    this.inline = undefined;
    this.#live.clear();
    this.shadowRoot?.querySelector('form')?.reset();
  }

  /** Reads and checks the form; field errors are shown next to their fields. */
  #readQuery(form: HTMLFormElement): CustodySearchQuery | undefined {
    const data = new FormData(form);
    const e = this.t.lookup.errors;
    const text = (key: string) => formText(data, key).trim();
    const errors: Partial<Record<Field, string>> = {};
    const query: CustodySearchQuery = { pageSize: PAGE_SIZE };
    if (this.by === 'name') {
      if (text('name').replace(/[^\p{L}]/gu, '').length < 2) errors.name = e.name;
      else query.name = text('name');
    } else if (!text('identifier')) errors.identifier = e.id;
    else {
      query.identifier = text('identifier');
      query.identifierType = IdentifierType.options.find((o) => o === text('identifierType'));
    }
    const year = text('birthYear');
    if (year) {
      const y = Number(year);
      // The latest year is the clock's in UTC, as the server's importer judges it, whatever the visitor's zone.
      if (!/^\d{4}$/.test(year) || y < 1900 || y > this.now().getUTCFullYear()) errors.birthYear = e.birthYear;
      else query.birthYear = y;
    }
    if (text('state')) query.state = text('state');
    if (text('countryOfBirth').length >= 2) query.countryOfBirth = text('countryOfBirth');
    this.errors = errors;
    const first = (['name', 'identifier', 'birthYear'] as const).find((f) => errors[f]);
    if (first) {
      void focusAfterRender(this, `#${first}`);
      return undefined;
    }
    return query;
  }

  async #search(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const query = this.#readQuery(form);
    if (!query) return;
    this.inline = undefined;
    void this.#guide.load(this.t.lang);
    const page = await this.#request.run(
      (client, signal) => client.custody.search(query, { signal }),
      () => form.requestSubmit(),
    );
    if (!page) {
      if (this.#request.failed) this.records = undefined;
      return;
    }
    this.#query = query;
    this.records = page.items;
    this.total = page.total;
    this.totalCapped = page.totalCapped === true;
    this.next = page.next;
    this.#live.announce(this.#resultsText());
    this.dispatchEvent(new ReferralLookupEvent(this.by, page.total));
    void focusAfterRender(this, '#results-heading');
  }

  /** The page after the records shown, added below them; focus goes to the first person added. */
  async #showMore() {
    const query = this.#query;
    const cursor = this.next;
    if (!query || !cursor) return;
    const page = await this.#request.run(
      (client, signal) => client.custody.search({ ...query, cursor }, { signal }),
      () => void this.#showMore(),
    );
    if (!page) return;
    this.records = [...(this.records ?? []), ...page.items];
    this.next = page.next;
    const first = page.items[0];
    if (first) void focusAfterRender(this, `#${CSS.escape(`record-${first.id}`)}`);
  }

  #resultsText(): string {
    const l = this.t.lookup;
    return this.totalCapped
      ? l.resultsCapped(new Intl.NumberFormat(this.t.lang).format(this.total))
      : l.results(this.total);
  }

  #requestAlerts(record: CustodyRecord) {
    const request = new ReferralAlertRequestEvent({ id: record.id, displayName: record.displayName });
    if (this.dispatchEvent(request)) {
      this.inline = { id: record.id, form: 'alerts' };
      void focusAfterRender(this, 'referral-alert-signup');
    }
  }

  #requestCallback(record: CustodyRecord) {
    const request = new ReferralCallbackRequestEvent({
      topic: 'custody-status',
      recordId: record.id,
      name: record.displayName,
    });
    if (this.dispatchEvent(request)) {
      this.inline = { id: record.id, form: 'callback' };
      void focusAfterRender(this, 'referral-callback-request');
    }
  }

  override render() {
    const t = this.t;
    const l = t.lookup;
    return html`<section class="root" dir=${t.dir} lang=${t.lang} aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">${l.heading}</h2>
      <form part="form" novalidate @submit=${this.#search}>
        ${choiceGroup(this.errors, { name: 'by', legend: l.searchBy }, [
          choice('radio', 'by', 'name', l.byName, this.by === 'name', () => (this.by = 'name')),
          choice('radio', 'by', 'identifier', l.byId, this.by === 'identifier', () => (this.by = 'identifier')),
        ])}
        ${
          this.by === 'name'
            ? textField(this.errors, { name: 'name', label: l.name, hint: l.nameHint })
            : html`<div class="columns">
                <div class="field">
                  <label for="identifierType">${l.idType}</label>
                  <select id="identifierType" name="identifierType">
                    ${IdentifierType.options.map((o) => html`<option value=${o}>${l.idTypes[o]}</option>`)}
                  </select>
                </div>
                ${textField(this.errors, { name: 'identifier', label: l.id, autocapitalize: 'characters' })}
              </div>`
        }
        <div class="columns">
          ${textField(this.errors, {
            name: 'birthYear',
            label: l.birthYear,
            optional: t.optional,
            inputmode: 'numeric',
            maxlength: 4,
          })}
          ${textField(this.errors, { name: 'countryOfBirth', label: l.country, optional: t.optional, maxlength: 100 })}
          <div class="field">
            <label for="state">${l.state} <span class="hint">${t.optional}</span></label>
            <select id="state" name="state">
              <option value="">${l.anyState}</option>
              ${US_STATES.map(([code, name]) => html`<option value=${code}>${name}</option>`)}
            </select>
          </div>
        </div>
        <button class="primary" type="submit" ?disabled=${this.#request.busy}>${l.submit}</button>
      </form>
      <div aria-busy=${this.#request.busy ? 'true' : 'false'}>
        ${this.#request.busy ? html`<p>${t.loading}</p>` : nothing}
        ${this.#request.failed ? this.#request.panel(t, this.hotlines) : this.#renderResults()}
      </div>
      ${this.#renderGuide()} ${this.#live.render()}
    </section>`;
  }

  #renderResults() {
    const t = this.t;
    const l = t.lookup;
    if (!this.records) return nothing;
    if (this.records.length === 0) {
      return html`<div class="notice">
          <h3 id="results-heading" tabindex="-1">${l.notFound}</h3>
          <p>${l.notFoundBody}</p>
        </div>
        ${hotlineList(t, this.hotlines)}`;
    }
    return html`<h3 id="results-heading" tabindex="-1">${this.#resultsText()}</h3>
      <ul part="results">
        ${this.records.map((r) => html`<li>${this.#renderRecord(r)}</li>`)}
      </ul>
      ${
        this.next
          ? html`<button
              class="more"
              part="more"
              type="button"
              ?disabled=${this.#request.busy}
              @click=${this.#showMore}
            >
              ${l.showMore}
            </button>`
          : nothing
      }
      ${hotlineList(t, this.hotlines)}`;
  }

  #renderGuide() {
    const l = this.t.lookup;
    const guide = this.guide;
    return html`<details
      part="guide"
      @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && this.#guide.load(this.t.lang)}
    >
      <summary>${l.guide}</summary>
      ${
        guide
          ? html`${guideTopics(this.t, guide)} ${guideFreshness(this.t, guide, this.now())}`
          : html`<p>${this.guideFailed ? this.t.errors.unreachable : this.t.loading}</p>`
      }
    </details>`;
  }

  #renderRecord(record: CustodyRecord) {
    const t = this.t;
    const l = t.lookup;
    const guide = this.guide;
    const explained = guide?.statuses.find((s) => s.status === record.status);
    const headingId = `record-${record.id}`;
    const ask = callbackUi?.ask(t.lang);
    const now = this.now();
    return html`<article class="card" part="card" aria-labelledby=${headingId}>
      <h4 id=${headingId} tabindex="-1">${record.displayName}</h4>
      <p class="muted">
        ${[
          record.age !== undefined ? l.age(record.age) : '',
          record.birthYear !== undefined ? l.born(record.birthYear) : '',
          record.countryOfBirth ?? '',
          ...record.identifiers.map((i) => `${l.idTypes[i.type]}: ${i.value}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p class="status" part="status">
        <strong class="badge">${l.status[record.status]}</strong>
        ${guide && explained ? apiText(t, guide.language, explained.meaning) : ''}
      </p>
      ${record.statusReason ? html`<p>${record.statusReason}</p>` : nothing}
      ${guide && explained ? nextSteps(t, guide, explained) : nothing}
      ${record.facility ? facilityView(t, record.facility, now) : nothing}
      <p class="hint">
        ${record.statusChangedAt ? html`${l.changed(timeAgo(t.lang, record.statusChangedAt, now))} ` : nothing}${l.updated(timeAgo(t.lang, record.sourceUpdatedAt, now))}
      </p>
      <p class="actions">
        <button type="button" @click=${() => this.#requestAlerts(record)}>${l.getAlerts}</button>
        ${ask ? html`<button type="button" @click=${() => this.#requestCallback(record)}>${ask}</button>` : nothing}
      </p>
      ${
        this.inline?.id === record.id && this.inline.form === 'alerts'
          ? html`<referral-alert-signup
              tabindex="-1"
              lang=${t.lang}
              .client=${this.api}
              subject-id=${record.id}
              subject-name=${record.displayName}
            ></referral-alert-signup>`
          : nothing
      }
      ${
        this.inline?.id === record.id && this.inline.form === 'callback'
          ? callbackUi?.form(t.lang, this.api, {
              topic: 'custody-status',
              recordId: record.id,
              name: record.displayName,
            })
          : nothing
      }
    </article>`;
  }
}

defineElement('referral-offender-lookup', ReferralOffenderLookup);

declare global {
  interface HTMLElementTagNameMap {
    'referral-offender-lookup': ReferralOffenderLookup;
  }
}
