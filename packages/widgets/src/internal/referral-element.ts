// What every referral-kit element shares: configuration attributes, the SDK client, the language catalog, error
// reporting, and clearing itself on quick exit and when the page comes back from the back/forward cache.
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createClient, type ReferralClient } from '@referral-kit/sdk';
import { ReferralErrorEvent, ReferralExitEvent, type ReferralErrorKind, type ReferralSource } from '../events.js';
import { catalogFor, languageLoading, type Catalog } from '../i18n/registry.js';
import { errorKind } from './errors.js';
import { RequestController } from './request.js';
import { BUILT_IN_HOTLINES, fromApi, mergeHotlines, type HotlineEntry } from './hotlines.js';

export abstract class ReferralElement extends LitElement {
  /** Base URL of the referral-kit API, e.g. `https://api.example.org`. Required unless `client` is set. */
  @property({ attribute: 'api-base-url' }) accessor apiBaseUrl = '';

  /** Sent to the API so it can tell partners apart. Never visitor data. */
  @property({ attribute: 'partner-id' }) accessor partnerId = '';

  /** Language of the widget. Default: the page's language, else English. */
  @property() override accessor lang = '';

  /** Leave out the hotline lists, when the page already shows them (as `<referral-widget>` does for its parts). */
  @property({ type: Boolean, attribute: 'no-hotlines' }) accessor noHotlines = false;

  /** A ready SDK client (`createClient(...)`); takes precedence over `api-base-url`. */
  @property({ attribute: false }) accessor client: ReferralClient | undefined = undefined;

  /**
   * The clock the widget reads: "open now", a facility's local time, "updated 3 minutes ago", the latest birth year
   * the lookup accepts. Default: the visitor's clock (the one place the widgets read it). Set it to show a fixed time.
   */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();

  /** Which part of the widget this is, for `referral-error`. */
  protected abstract readonly source: ReferralSource;

  #ownClient: { key: string; client: ReferralClient | undefined } | undefined;

  /** The client to use, or undefined when the element is not configured (shown as a config error). */
  protected get api(): ReferralClient | undefined {
    if (this.client) return this.client;
    const key = `${this.apiBaseUrl}\n${this.partnerId}`;
    if (this.#ownClient?.key !== key) {
      let client: ReferralClient | undefined;
      try {
        client = this.apiBaseUrl
          ? createClient({ baseUrl: this.apiBaseUrl, partnerId: this.partnerId || undefined, now: () => this.now() })
          : undefined;
      } catch {
        client = undefined;
      }
      this.#ownClient = { key, client };
    }
    return this.#ownClient.client;
  }

  /** Whether this element ever shows hotlines (quick exit does not, so it never asks the API for them). */
  protected readonly showsHotlines: boolean = true;

  /** Lines the API lists beyond the built-in ones (an agency's own lines), once they have loaded. */
  @state() private accessor apiHotlines: readonly HotlineEntry[] = [];
  #hotlinesRequest: AbortController | undefined;

  /** The hotlines to show next to failures and empty results: built-in first (never blank), then the API's. */
  protected get hotlines(): readonly HotlineEntry[] {
    return this.noHotlines ? [] : mergeHotlines(BUILT_IN_HOTLINES, this.apiHotlines);
  }

  async #loadHotlines(): Promise<void> {
    await this.updateComplete; // attributes and properties set by the page or a parent template are in place
    const api = this.api;
    if (!this.showsHotlines || this.noHotlines || !api || !this.isConnected) return;
    this.#hotlinesRequest?.abort();
    const request = (this.#hotlinesRequest = new AbortController());
    try {
      this.apiHotlines = fromApi((await api.services.hotlines({ signal: request.signal })).items);
    } catch {
      // The built-in hotlines stay; a background list failing is not worth a second error message.
    }
  }

  /** The effective language: `lang`, else the nearest `lang` in the page, else English. */
  get #language(): string {
    return this.lang || (this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang) || 'en';
  }

  /** Strings in the effective language. */
  protected get t(): Catalog {
    return catalogFor(this.#language);
  }

  /**
   * Renders only once the effective language's strings are here: until then the element keeps what it showed
   * (nothing, the first time) instead of flashing English; if they fail to arrive, English.
   */
  protected override scheduleUpdate() {
    const loading = languageLoading(this.#language);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Abort whatever is in flight and forget everything the visitor typed or was shown. */
  protected abstract clear(): void;

  /** Reports a failure as `referral-error` and returns its kind, for the failure panel. */
  protected reportError(error: unknown, kind: ReferralErrorKind = errorKind(error)): ReferralErrorKind {
    this.dispatchEvent(new ReferralErrorEvent(this.source, kind));
    return kind;
  }

  /** A request lifecycle on this element, its failures reported as this element's `referral-error`. */
  protected requests(fieldErrors?: (error: unknown) => boolean): RequestController {
    return new RequestController(
      this,
      () => this.api,
      (error, kind) => this.reportError(error, kind),
      fieldErrors,
    );
  }

  readonly #onExit = () => {
    this.#hotlinesRequest?.abort();
    this.clear();
  };
  readonly #onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this.clear();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(ReferralExitEvent.eventName, this.#onExit);
    window.addEventListener('pageshow', this.#onPageShow);
    void this.#loadHotlines();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(ReferralExitEvent.eventName, this.#onExit);
    window.removeEventListener('pageshow', this.#onPageShow);
    this.#hotlinesRequest?.abort();
    this.clear();
  }
}
