// Where the directory sends a visitor when its results are not the whole answer: the "Get help now" panel (crisis
// lines, then the directory's own 24/7 lines nearest the partner's ZIP), and what a search with no match shows
// instead of a dead end (those lines, the national ones, a person to call back).
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ReferralClient } from '@referral-kit/sdk';
import type { Catalog } from '../i18n/index.js';
import type { DirectoryHit, DirectoryQuery, DirectorySource } from './directory-source.js';
import { CRISIS_HOTLINES, type HotlineEntry } from './hotlines.js';
import { hotlineList, phoneAction } from './views.js';

/** How many of the directory's own 24/7 lines follow the national ones, nearest first. */
const NEARBY_LINES = 3;
const digitsOf = (number: string) => number.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
const CRISIS_NUMBERS = new Set(CRISIS_HOTLINES.flatMap((h) => h.phones.map((p) => digitsOf(p.number))));
/** The query for the directory's 24/7 hotlines near the partner's ZIP. */
const nearbyLinesQuery = (near: string): DirectoryQuery => ({
  text: '',
  categories: ['hotline'],
  languages: [],
  near,
  openNow: false,
  open24x7: true,
});

/** The directory's 24/7 hotlines nearest the partner's ZIP, asked once per ZIP; on failure the national lines remain. */
export class NearbyLines {
  /** Nearest first; empty until they arrive. */
  lines: readonly DirectoryHit[] = [];
  /** For which ZIP the lines were asked for, and the request to abort on clear(). */
  #asked: { near: string; controller: AbortController } | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  async load(source: DirectorySource, near: string | undefined): Promise<void> {
    // Without the partner's ZIP there is no "nearest": the national lines stand alone.
    if (!near || this.#asked?.near === near) return;
    this.#asked?.controller.abort();
    const asked = (this.#asked = { near, controller: new AbortController() });
    try {
      const answer = await source.search(nearbyLinesQuery(near), asked.controller.signal);
      if (this.#asked !== asked) return;
      // A line the crisis panel already lists (the DV hotline as a directory entry) is not repeated.
      this.lines = answer.hits
        .filter((hit) => hit.service.phones.some((p) => p.type !== 'fax' && !CRISIS_NUMBERS.has(digitsOf(p.number))))
        .slice(0, NEARBY_LINES);
      this.host.requestUpdate();
    } catch {
      if (this.#asked === asked) this.#asked = undefined; // asked again with the next search
    }
  }

  clear(): void {
    this.#asked?.controller.abort();
    this.#asked = undefined;
    this.lines = [];
  }
}

/** A service's call and text actions (never its fax). */
export const phoneActions = (t: Catalog, service: DirectoryHit['service']): TemplateResult[] =>
  service.phones.flatMap((p) => (p.type === 'fax' ? [] : [phoneAction(t, { number: p.number, type: p.type })]));

/** The directory's nearest 24/7 lines, with their call and text actions. */
function nearbyLinesList(t: Catalog, lines: readonly DirectoryHit[]): TemplateResult | typeof nothing {
  if (lines.length === 0) return nothing;
  return html`<section class="hotlines" part="hotlines" aria-label=${t.directory.nearbyLines}>
    <h3>${t.directory.nearbyLines}</h3>
    <ul>
      ${lines.map(
        ({ service }) =>
          html`<li class="hotline">
            <strong>${service.name}</strong>
            <span class="actions">${phoneActions(t, service)}</span>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** "Get help now": 911, 988, the DV hotline, RAINN, VOICE, then the directory's nearest 24/7 lines. */
export function crisisPanel(t: Catalog, lines: readonly DirectoryHit[]): TemplateResult {
  return html`<div class="crisis" part="crisis">
    ${hotlineList(t, CRISIS_HOTLINES, 3, t.directory.crisis)} ${nearbyLinesList(t, lines)}
  </div>`;
}

/**
 * Nothing matched: say so, and never leave it there. The nearest 24/7 lines and the national ones (unless the
 * crisis panel shows them already), and a person to call back when the callback form is in the page.
 */
export function noMatch(
  t: Catalog,
  help: { crisisShown: boolean; lines: readonly DirectoryHit[]; hotlines: readonly HotlineEntry[] },
  client: ReferralClient | undefined,
): TemplateResult {
  const callback = customElements.get('referral-callback-request');
  return html`<p>${t.directory.noResults}</p>
    ${help.crisisShown ? nothing : html`${nearbyLinesList(t, help.lines)} ${hotlineList(t, help.hotlines)}`}
    ${
      callback
        ? html`<p>${t.directory.askPerson}</p>
            <referral-callback-request lang=${t.lang} .client=${client}></referral-callback-request>`
        : nothing
    }`;
}
