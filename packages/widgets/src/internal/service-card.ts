// One directory result: the service's name and organization, how far and whether it is open, its languages and
// description, and its safe actions (call/text, directions, website, email, add to the safety card, ask a person).
import { html, nothing, type TemplateResult } from 'lit';
import { isOpenAt } from '@referral-kit/sdk/search';
import type { Catalog } from '../i18n/index.js';
import { phoneActions } from './directory-help.js';
import type { DirectoryHit } from './directory-source.js';
import { formatMiles, languageName } from './format.js';
import { directionsHref, httpsHref, mailtoHref } from './safe-links.js';
import { orgOf } from './views.js';

export interface CardState {
  /** On the safety card. */
  chosen: boolean;
  toggleChosen: () => void;
  /** The "talk to a person" button's words and action, when the callback form is in the page. */
  ask?: { label: string; open: () => void };
  /** The callback form open under this card, or nothing. */
  inline: unknown;
  now: Date;
}

export function serviceCard(t: Catalog, { service, distanceKm }: DirectoryHit, card: CardState): TemplateResult {
  const d = t.directory;
  const schedule = service.schedule;
  const open = schedule
    ? schedule.open24x7
      ? d.open24x7
      : isOpenAt(schedule, card.now)
        ? d.openNow
        : d.closedNow
    : undefined;
  const place = service.locations[0];
  const directions = service.locations.map(directionsHref).find(Boolean);
  const website = httpsHref(service.url);
  const email = service.email ? mailtoHref(service.email) : undefined;
  const headingId = `card-${service.id}`;
  return html`<article class="card" part="card" tabindex="-1" data-service=${service.id} aria-labelledby=${headingId}>
    <h3 id=${headingId}>${service.name}</h3>
    ${orgOf(service) ? html`<p class="muted">${orgOf(service)}</p>` : nothing}
    <p class="meta">
      ${distanceKm !== undefined ? html`<span>${d.away(formatMiles(t.lang, distanceKm))}</span>` : nothing}
      ${open ? html`<span class="badge">${open}</span>` : nothing}
      ${place?.confidential ? html`<span>${d.confidential}${place.city ? `, ${place.city}` : ''}</span>` : place?.city ? html`<span>${place.city}</span>` : nothing}
    </p>
    ${
      service.languages.length
        ? html`<p>${d.languages} ${service.languages.map((l) => languageName(t.lang, l)).join(', ')}</p>`
        : nothing
    }
    <p class="description">${service.description}</p>
    <div class="actions">
      ${phoneActions(t, service)}
      ${directions ? html`<a class="action" part="action" href=${directions} target="_blank" rel="noopener noreferrer">${d.directions}</a>` : nothing}
      ${website ? html`<a class="action" part="action" href=${website} target="_blank" rel="noopener noreferrer">${d.website}</a>` : nothing}
      ${email ? html`<a class="action" part="action" href=${email}>${d.email}</a>` : nothing}
      <button type="button" aria-pressed=${card.chosen ? 'true' : 'false'} @click=${card.toggleChosen}>
        ${d.addToCard}
      </button>
      ${card.ask ? html`<button type="button" @click=${card.ask.open}>${card.ask.label}</button>` : nothing}
    </div>
    ${card.inline}
  </article>`;
}
