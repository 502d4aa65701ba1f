import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { CustodyGuide, GuideStatus } from '@referral-kit/sdk';
import { ReferralGuideEvent, type ReferralSource } from './events.js';
import { GuideLoader, guideFreshness, guideTopics, nextSteps } from './internal/custody-guide.js';
import { defineElement } from './internal/define.js';
import { ReferralElement } from './internal/referral-element.js';
import { baseStyles } from './internal/styles.js';
import { apiText } from './internal/views.js';

/**
 * "How custody works", in plain words and in the widget's language, from the API's custody guide: for one status
 * (`status`) what it means for the visitor's safety, what can happen next and what they can do now; without
 * `status`, every status and the topics (detainers, detention, bond, removal, why a record changes or vanishes),
 * with how fresh the custody data is. A page can place it next to a lookup, or on its own. Not part of the default
 * embed: import `@referral-kit/widgets` (or `@referral-kit/widgets/referral-custody-guide`) to use it.
 *
 * @summary Plain-words explanation of custody statuses (one or all).
 * @fires referral-guide - `ReferralGuideEvent` (`status`: the status shown, or '' for all; `language`) once the guide is shown.
 * @fires referral-error - `ReferralErrorEvent` (`source` 'custody-guide', `kind`) when the guide cannot load; hotlines are shown.
 * @csspart guide - The whole guide.
 * @csspart status - One status explained.
 * @csspart topic - One topic ("What is an immigration detainer?").
 * @csspart freshness - When the custody data was last updated.
 * @csspart hotlines - The hotline list (on failure).
 * @csspart action - A call or text link in the hotline list.
 * @csspart error - The failure panel.
 * @cssprop --referral-color-primary - Buttons, links and accents (default #0b4f8a).
 * @cssprop --referral-color-text - Text (default #1b1b1b).
 * @cssprop --referral-color-surface - Background (default #ffffff).
 * @cssprop --referral-color-muted - Secondary text (default #4d4d4d).
 * @cssprop --referral-font-family - Font.
 * @cssprop --referral-font-size - Base font size (default 1rem).
 * @attr status - A custody status (`released-on-bond`); empty: every status and the topics. A status the guide does not know is explained as `unknown`.
 * @attr api-base-url - Base URL of the API (required unless `client` is set).
 * @attr partner-id - Partner identifier sent to the API.
 * @attr lang - Language. Default: the page's language, else English.
 * @attr no-hotlines - Leave out the hotline list on failure (when the page shows hotlines already).
 */
export class ReferralCustodyGuide extends ReferralElement {
  static override styles = [baseStyles];

  /** The status to explain; empty for every status and the topics. */
  @property() accessor status = '';

  /** The guide in the widget's language (or the API's fallback); undefined until loaded. */
  get guide(): CustodyGuide | undefined {
    return this.#loader.guide;
  }

  protected readonly source: ReferralSource = 'custody-guide';
  readonly #loader = new GuideLoader(this, this.requests(), (lang) =>
    this.dispatchEvent(new ReferralGuideEvent(this.status, lang)),
  );

  protected clear(): void {
    this.#loader.clear();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  protected override updated(): void {
    // The language can change from the element or the page: load the guide again in the new one. After quick exit
    // cleared it (nothing asked), it stays empty until the element is connected again.
    const asked = this.#loader.lang;
    if (asked !== undefined && asked !== this.t.lang && this.isConnected) void this.#load();
  }

  async #load(): Promise<void> {
    await this.updateComplete; // attributes and properties set by the page are in place
    await this.#loader.load(this.t.lang);
  }

  /** The statuses to show: the one asked for (or `unknown` when the guide does not know it), else all. */
  #statuses(guide: CustodyGuide): GuideStatus[] {
    if (!this.status) return guide.statuses;
    const found =
      guide.statuses.find((s) => s.status === this.status) ?? guide.statuses.find((s) => s.status === 'unknown');
    return found ? [found] : [];
  }

  override render() {
    const t = this.t;
    const l = t.lookup;
    const guide = this.guide;
    const labels: Record<string, string> = l.status;
    return html`<section class="root" part="guide" dir=${t.dir} lang=${t.lang} aria-labelledby="guide-heading">
      <h2 id="guide-heading">${l.guide}</h2>
      ${
        this.#loader.request.failed
          ? this.#loader.request.panel(t, this.hotlines)
          : guide
            ? html`${this.#statuses(guide).map(
                (s) =>
                  html`<article part="status" aria-labelledby="status-${s.status}">
                    <h3 id="status-${s.status}">${labels[s.status] ?? l.status.unknown}</h3>
                    <p>${apiText(t, guide.language, s.meaning)}</p>
                    ${nextSteps(t, guide, s)}
                  </article>`,
              )}
              ${this.status ? nothing : guideTopics(t, guide)} ${guideFreshness(t, guide, this.now())}`
            : this.#loader.lang !== undefined
              ? html`<p>${t.loading}</p>`
              : nothing
      }
    </section>`;
  }
}

defineElement('referral-custody-guide', ReferralCustodyGuide);

declare global {
  interface HTMLElementTagNameMap {
    'referral-custody-guide': ReferralCustodyGuide;
  }
}
