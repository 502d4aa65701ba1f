// The facility on a custody card: its name, who runs it, its address and local time, a call action and its visiting
// page. Everything from the API is text; the only links are a validated tel: number and a validated https: page.
import { html, nothing, type TemplateResult } from 'lit';
import type { CustodyFacility } from '@referral-kit/sdk';
import type { Catalog } from '../i18n/index.js';
import { timeAt } from './format.js';
import { httpsHref } from './safe-links.js';
import { phoneAction } from './views.js';

/** `now`: the moment the card shows the facility's local time for. */
export function facilityView(t: Catalog, facility: CustodyFacility, now: Date): TemplateResult {
  const l = t.lookup;
  const place = [facility.state, facility.postalCode].filter(Boolean).join(' ');
  const address = [facility.address, facility.city, place].filter(Boolean).join(', ');
  const localTime = facility.timeZone ? timeAt(t.lang, facility.timeZone, now) : undefined;
  const visiting = httpsHref(facility.visitingUrl);
  return html`<div part="facility">
    <p>
      <strong>${l.facility}:</strong>
      ${facility.name}${facility.operator ? html`<br />${l.operator(facility.operator)}` : nothing}${
        address ? html`<br />${address}` : nothing
      }${localTime ? html`<br /><span class="facility-time">${l.localTime(localTime)}</span>` : nothing}
    </p>
    ${
      facility.phone || visiting
        ? html`<p class="actions">
            ${facility.phone ? phoneAction(t, { number: facility.phone, type: 'voice' }) : nothing}
            ${visiting ? html`<a class="action" part="action" href=${visiting} target="_blank" rel="noopener noreferrer">${l.visiting}</a>` : nothing}
          </p>`
        : nothing
    }
  </div>`;
}
