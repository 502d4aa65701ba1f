import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Service } from '@referral-kit/sdk';
import {
  ReferralCallbackRequestEvent,
  ReferralSearchEvent,
  ReferralSelectEvent,
  type ReferralSource,
} from './events.js';
import { defineElement } from './internal/define.js';
import {
  chooseSource,
  type DirectoryAnswer,
  type DirectoryHit,
  type DirectoryQuery,
  type DirectorySource,
  type SearchMode,
} from './internal/directory-source.js';
import { callbackUi } from './internal/callbacks.js';
import { focusAfterRender } from './internal/focus.js';
import { milesToKm } from './internal/format.js';
import { directoryFilters, type Filters } from './internal/directory-filters.js';
import { crisisPanel, NearbyLines, noMatch } from './internal/directory-help.js';
import { BUILT_IN_HOTLINES } from './internal/hotlines.js';
import { LiveRegion } from './internal/live-region.js';
import { ReferralElement } from './internal/referral-element.js';
import { ComboboxController } from './internal/combobox.js';
import { buildSafetyCard } from './internal/safety-card.js';
import { baseStyles } from './internal/styles.js';
import { serviceCard } from './internal/service-card.js';
import { orgOf } from './internal/views.js';

const DEBOUNCE_MS = 250;
const SUGGESTIONS = 8;

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A searchable directory of victim services: a combobox search box with results as you type, filters, result
 * cards with safe call/text/directions/website actions, and a printable safety card.
 *
 * @summary Victim-services directory with typeahead search, filters and a printable safety card.
 * @fires referral-search - `ReferralSearchEvent` (`resultCount`, `mode`) when results arrive. Never the query.
 * @fires referral-select - `ReferralSelectEvent` (`serviceId`) when the visitor picks a suggestion.
 * @fires referral-error - `ReferralErrorEvent` (`source`, `kind`) when the API fails; hotlines are shown.
 * @csspart search - The search input.
 * @csspart listbox - The suggestion list.
 * @csspart filters - The filter group.
 * @csspart results - The result list.
 * @csspart card - One result card.
 * @csspart action - A call, text, directions or website link.
 * @csspart hotlines - The hotline lists: on failure, with no results, and the crisis lines.
 * @csspart crisis - The "Get help now" panel shown above the results when a query says danger, self-harm or urgency.
 * @csspart error - The failure panel.
 * @cssprop --referral-color-primary - Buttons, links and accents (default #0b4f8a).
 * @cssprop --referral-color-on-primary - Text on primary (default #ffffff).
 * @cssprop --referral-color-text - Text (default #1b1b1b).
 * @cssprop --referral-color-surface - Background (default #ffffff).
 * @cssprop --referral-color-muted - Secondary text (default #4d4d4d).
 * @cssprop --referral-color-border - Borders of fields and cards (default #6e6e6e).
 * @cssprop --referral-color-danger - Errors (default #b3261e).
 * @cssprop --referral-color-focus - Focus ring (default #ffbf47).
 * @cssprop --referral-font-family - Font.
 * @cssprop --referral-font-size - Base font size (default 1rem).
 * @cssprop --referral-radius - Corner radius (default 0.375rem).
 * @cssprop --referral-spacing - Base spacing (default 1rem).
 * @attr api-base-url - Base URL of the API (required unless `client` is set).
 * @attr partner-id - Partner identifier sent to the API.
 * @attr lang - Language. Default: the page's language, else English.
 * @attr no-hotlines - Leave out the hotline lists (when the page shows them already).
 * @attr near - ZIP code the partner serves; enables distances and the distance filter.
 * @attr categories - Comma-separated category slugs that preset the filter.
 * @attr search-mode - `auto` (default), `local` (snapshot searched in the page) or `server`.
 */
export class ReferralDirectory extends ReferralElement {
  static override styles = [
    baseStyles,
    css`
      .combo {
        position: relative;
      }
      [role='listbox'] {
        position: absolute;
        inset-inline: 0;
        z-index: 10;
        max-block-size: 20rem;
        overflow-y: auto;
        margin: 0.25em 0 0;
        background: var(--_surface);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
      }
      [role='option'] {
        padding: 0.5em 0.75em;
        min-block-size: 2.75rem;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--_primary);
        color: var(--_on-primary);
        outline: 2px solid var(--_focus);
        outline-offset: -2px;
      }
      [role='option'] .hint {
        color: inherit;
      }
      .filters {
        margin-block-start: var(--_space);
      }
      .card h3 {
        margin-block-end: 0.25em;
      }
      .card:focus {
        outline: 3px solid var(--_focus);
      }
      .card .description {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.75em;
        margin-block-end: 0.5em;
      }
      .print {
        margin-block: var(--_space);
      }
      .crisis {
        border: 3px solid var(--_danger);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-block: var(--_space);
      }
      .crisis h3 {
        margin-block-start: 0;
      }
    `,
  ];

  /** Hook for printing the safety card (tests replace it; the card is built either way). */
  static print: (frame: Window) => void = (frame) => frame.print();

  /** ZIP code the partner serves. */
  @property() accessor near = '';
  /** Comma-separated category slugs that preset the filter. */
  @property() accessor categories = '';
  /** `auto` (snapshot for small directories, server search for large ones), `local` or `server`. */
  @property({ attribute: 'search-mode' }) accessor searchMode: SearchMode = 'auto';

  @state() accessor text = '';
  @state() accessor category = '';
  @state() accessor language = '';
  @state() accessor radiusMiles = 0;
  @state() accessor openNow = false;
  @state() accessor open24x7 = false;
  @state() accessor answer: DirectoryAnswer | undefined = undefined;
  @state() accessor chosen: ReadonlyMap<string, Service> = new Map();
  /** The service whose inline callback request is open. */
  @state() accessor callbackFor: string | undefined = undefined;

  protected readonly source: ReferralSource = 'directory';
  readonly #live = new LiveRegion(this);
  #debounce: ReturnType<typeof setTimeout> | undefined;
  readonly #combo = new ComboboxController(this, {
    count: () => this.#suggestions.length,
    choose: (index) => void this.#select(this.#suggestions[index]!.service),
    submit: () => void this.search(),
    empty: (input) => {
      input.value = '';
      this.text = '';
      void this.search();
    },
  });
  readonly #request = this.requests();
  /** The chosen source, per client; its loading is aborted only by clear(), not by newer keystrokes. */
  #dataSource:
    { client: unknown; mode: SearchMode; source: Promise<DirectorySource>; controller: AbortController } | undefined;
  #card: HTMLIFrameElement | undefined;
  /** The directory's own 24/7 lines, nearest first: shown after the crisis lines and when nothing matches. */
  readonly #nearby = new NearbyLines(this);
  /** The crisis panel is announced when it appears, not again on every keystroke while it stays. */
  #crisisAnnounced = false;

  /** A single preset category shows as the selected filter; several restrict "Any" to themselves. */
  get #presetCategory(): string {
    const preset = list(this.categories);
    return preset.length === 1 ? preset[0]! : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('categories')) this.category = this.#presetCategory;
  }

  /** The query the visitor has built, plus the partner's presets. */
  get query(): DirectoryQuery {
    const preset = list(this.categories);
    return {
      text: this.text,
      categories: this.category ? [this.category] : preset,
      languages: this.language ? [this.language] : [],
      near: /^\d{5}$/.test(this.near) ? this.near : undefined,
      radiusKm: this.radiusMiles ? milesToKm(this.radiusMiles) : undefined,
      openNow: this.openNow,
      open24x7: this.open24x7,
    };
  }

  protected clear(): void {
    this.callbackFor = undefined;
    clearTimeout(this.#debounce);
    this.#request.abort();
    this.#dataSource?.controller.abort();
    this.#dataSource = undefined;
    this.text = '';
    this.category = this.#presetCategory;
    this.language = '';
    this.radiusMiles = 0;
    this.openNow = false;
    this.open24x7 = false;
    this.#combo.close();
    this.answer = undefined;
    this.chosen = new Map();
    this.#nearby.clear();
    this.#crisisAnnounced = false;
    this.#card?.remove();
    this.#card = undefined;
    this.#live.clear();
    // Also empty the field now, not at the next render: the page is about to be covered or shown again.
    const input = this.shadowRoot?.querySelector('input');
    if (input) input.value = '';
  }

  /** Runs the current query now; a newer call aborts this one and stale answers are dropped. */
  async search(): Promise<void> {
    clearTimeout(this.#debounce);
    const found = await this.#request.run(
      async (client, signal) => {
        if (this.#dataSource?.client !== client || this.#dataSource.mode !== this.searchMode) {
          const loading = new AbortController();
          this.#dataSource = {
            client,
            mode: this.searchMode,
            controller: loading,
            source: chooseSource(client, this.searchMode, loading.signal, () => this.now()),
          };
        }
        const chosen = this.#dataSource;
        const source = await chosen.source.catch((error: unknown) => {
          if (this.#dataSource === chosen) this.#dataSource = undefined; // choose again on retry
          throw error;
        });
        return { source, answer: await source.search(this.query, signal) };
      },
      () => void this.search(),
    );
    if (!found) {
      if (this.#request.failed) {
        this.answer = undefined;
        this.#combo.expand(false);
      }
      return;
    }
    const { source, answer } = found;
    this.answer = answer;
    this.#combo.deactivate();
    const announceCrisis = answer.crisis && !this.#crisisAnnounced;
    this.#crisisAnnounced = answer.crisis;
    const results = this.t.directory.results(answer.total);
    this.#live.announce(announceCrisis ? `${this.t.directory.crisisAnnouncement} ${results}` : results);
    if (answer.crisis || answer.hits.length === 0) void this.#nearby.load(source, this.query.near);
    this.dispatchEvent(new ReferralSearchEvent(answer.total, answer.mode));
  }

  #onInput(event: Event) {
    this.text = (event.target as HTMLInputElement).value;
    this.#combo.expand(this.text.trim() !== '');
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.search(), DEBOUNCE_MS);
  }

  get #suggestions(): DirectoryHit[] {
    return this.text.trim() && this.answer ? this.answer.hits.slice(0, SUGGESTIONS) : [];
  }

  async #select(service: Service) {
    this.#combo.close();
    this.dispatchEvent(new ReferralSelectEvent(service.id));
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`[data-service="${CSS.escape(service.id)}"]`);
    card?.focus();
    card?.scrollIntoView({ block: 'nearest' });
  }

  #toggleChosen(service: Service) {
    const next = new Map(this.chosen);
    if (next.has(service.id)) next.delete(service.id);
    else next.set(service.id, service);
    this.chosen = next;
    this.#live.announce(this.t.directory.chosen(next.size));
  }

  /** Prints the chosen services and the hotlines on one clean page. */
  printSafetyCard(): void {
    this.#card?.remove();
    const frame = buildSafetyCard(this.t, [...this.chosen.values()], BUILT_IN_HOTLINES);
    this.#card = frame;
    const win = frame.contentWindow!;
    win.addEventListener('afterprint', () => {
      frame.remove();
      if (this.#card === frame) this.#card = undefined;
    });
    ReferralDirectory.print(win);
  }

  #filterChanged(patch: Partial<Filters>) {
    Object.assign(this, patch);
    void this.search();
  }

  // Options are chosen with the keys from the combobox input (aria-activedescendant); a click is the pointer way.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  override render() {
    const t = this.t;
    const d = t.directory;
    const options = this.#suggestions;
    const open = this.#combo.open;
    return html`<section class="root" dir=${t.dir} lang=${t.lang} aria-labelledby="directory-heading">
      <h2 id="directory-heading">${d.heading}</h2>
      <div class="combo field">
        <label id="search-label" for="search">${d.search}</label>
        <span class="hint" id="search-hint">${d.searchHint}</span>
        <input
          id="search"
          part="search"
          type="search"
          role="combobox"
          aria-labelledby="search-label"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-autocomplete="list"
          aria-controls="suggestions"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${this.#combo.activeId}
          aria-describedby="search-hint"
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#combo.onKeyDown}
          @blur=${() => this.#combo.expand(false)}
        />
        <ul id="suggestions" role="listbox" part="listbox" aria-label=${d.suggestions} ?hidden=${!open}>
          ${
            open
              ? options.map(
                  (hit, i) =>
                    html`<li
                      id="option-${i}"
                      role="option"
                      aria-selected=${i === this.#combo.active ? 'true' : 'false'}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => this.#select(hit.service)}
                    >
                      ${hit.service.name}${orgOf(hit.service) ? html`<span class="hint">${orgOf(hit.service)}</span>` : nothing}
                    </li>`,
                )
              : nothing
          }
        </ul>
      </div>
      ${directoryFilters(t, this, this.query.near !== undefined, (patch) => this.#filterChanged(patch))}
      <div class="results" aria-busy=${this.#request.busy ? 'true' : 'false'}>
        ${
          this.#request.failed
            ? this.#request.panel(t, this.hotlines)
            : this.#request.busy && !this.answer
              ? html`<p>${t.loading}</p>`
              : this.#renderResults()
        }
      </div>
      ${this.#live.render()}
    </section>`;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */

  #renderResults() {
    const d = this.t.directory;
    if (!this.answer) return nothing;
    const lines = this.#nearby.lines;
    const now = this.now();
    return html`${this.answer.crisis ? crisisPanel(this.t, lines) : nothing}
      <p>${d.results(this.answer.total)}</p>
      ${
        this.answer.hits.length === 0
          ? noMatch(this.t, { crisisShown: this.answer.crisis, lines, hotlines: this.hotlines }, this.api)
          : html`<ul part="results" aria-label=${d.heading}>
              ${this.answer.hits.map((hit) => html`<li>${this.#renderCard(hit, now)}</li>`)}
            </ul>`
      }
      <div class="print">
        <p class="hint">${d.chosen(this.chosen.size)}</p>
        <button type="button" @click=${() => this.printSafetyCard()}>${d.print}</button>
      </div>`;
  }

  #requestCallback(service: Service) {
    if (
      this.dispatchEvent(
        new ReferralCallbackRequestEvent({ topic: 'service-referral', serviceId: service.id, name: service.name }),
      )
    ) {
      this.callbackFor = service.id;
      void focusAfterRender(this, 'referral-callback-request');
    }
  }

  #renderCard(hit: DirectoryHit, now: Date) {
    const { service } = hit;
    const label = callbackUi?.ask(this.t.lang);
    return serviceCard(this.t, hit, {
      now,
      chosen: this.chosen.has(service.id),
      toggleChosen: () => this.#toggleChosen(service),
      ...(label ? { ask: { label, open: () => this.#requestCallback(service) } } : {}),
      inline:
        this.callbackFor === service.id
          ? callbackUi?.form(
              this.t.lang,
              this.api,
              { topic: 'service-referral', serviceId: service.id, name: service.name },
              { near: this.near },
            )
          : nothing,
    });
  }
}

defineElement('referral-directory', ReferralDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'referral-directory': ReferralDirectory;
  }
}
