// The custody guide as the lookup and <referral-custody-guide> both use it: loaded once per language on a
// RequestController (a newer language aborts the older load; a failed load is tried again next time), and the
// pieces both show: a status's next steps, the topics, and how fresh the data is.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CustodyGuide, GuideStatus } from '@referral-kit/sdk';
import type { Catalog } from '../i18n/index.js';
import { timeAgo } from './format.js';
import type { RequestController } from './request.js';
import { apiText } from './views.js';

export class GuideLoader {
  /** The guide in the language last loaded (or the API's fallback); undefined until one arrives. */
  guide: CustodyGuide | undefined;
  /** The language asked for last, while loading or loaded; undefined before, after clear() and after a failure. */
  #lang: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The element's own request lifecycle for the guide (its failure panel, its reporting). */
    readonly request: RequestController,
    private readonly loaded: (lang: string) => void = () => {},
  ) {}

  /** The language of the guide shown or on its way; undefined when none was asked for or the last load failed. */
  get lang(): string | undefined {
    return this.#lang;
  }

  /** Loads the guide in `lang` unless it is loaded or on its way already. */
  async load(lang: string): Promise<void> {
    if (this.#lang === lang) return;
    this.#lang = lang;
    const guide = await this.request.run(
      (client, signal) => client.custody.guide({ lang }, { signal }),
      () => void this.load(lang),
    );
    if (guide) {
      this.guide = guide;
      this.host.requestUpdate();
      this.loaded(lang);
    } else if (this.request.failed) this.#lang = undefined;
  }

  clear(): void {
    this.request.abort();
    this.#lang = this.guide = undefined;
  }
}

/** What can happen next and what the visitor can do now, in the guide's words. */
export function nextSteps(t: Catalog, guide: CustodyGuide, status: GuideStatus): TemplateResult {
  const l = t.lookup;
  return html`<p><strong>${l.next}</strong> ${apiText(t, guide.language, status.next)}</p>
    <p class="notice"><strong>${l.now}</strong> ${apiText(t, guide.language, status.now)}</p>`;
}

/** The guide's topics: detainers, detention, bond, removal, why a record changes. */
export function guideTopics(t: Catalog, guide: CustodyGuide): TemplateResult[] {
  return guide.topics.map(
    (topic) =>
      html`<div part="topic">
        <h3>${apiText(t, guide.language, topic.title)}</h3>
        <p>${apiText(t, guide.language, topic.body)}</p>
      </div>`,
  );
}

/** When the custody data was last updated. */
export function guideFreshness(t: Catalog, guide: CustodyGuide, now: Date): TemplateResult | typeof nothing {
  return guide.dataUpdatedAt
    ? html`<p class="hint" part="freshness">${t.lookup.freshness(timeAgo(t.lang, guide.dataUpdatedAt, now))}</p>`
    : nothing;
}
