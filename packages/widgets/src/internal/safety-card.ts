// The printable safety card: the chosen services and the hotlines on one clean page. It is laid out in a hidden,
// same-origin iframe that is never navigated (no request, no history entry) and removed after printing or on exit.
import { html, render } from 'lit';
import type { Service } from '@referral-kit/sdk';
import type { Catalog } from '../i18n/index.js';
import type { HotlineEntry } from './hotlines.js';
import { orgOf, phoneLabel } from './views.js';

const CARD_CSS = `
  body { font: 12pt/1.4 system-ui, sans-serif; color: #000; margin: 1.5cm; }
  h1 { font-size: 18pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 12pt 0 4pt; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { margin: 0 0 8pt; break-inside: avoid; }
  .muted { color: #333; }
`;

export function buildSafetyCard(
  t: Catalog,
  services: readonly Service[],
  hotlines: readonly HotlineEntry[],
): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;inline-size:0;block-size:0;border:0;inset:0;visibility:hidden';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.documentElement.lang = t.lang;
  doc.documentElement.dir = t.dir;
  // A constructed sheet, not a <style> element: the frame inherits the page's CSP, and a strict `style-src` blocks inline styles.
  const sheet = new (frame.contentWindow as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(CARD_CSS);
  doc.adoptedStyleSheets = [sheet];
  render(
    html`<h1>${t.directory.cardTitle}</h1>
      <p class="muted">${t.directory.cardNote}</p>
      <h2>${t.hotlines.heading}</h2>
      <ul>
        ${hotlines.map((h) => {
          return html`<li>
            <strong>${h.name ?? t.hotlines.items[h.id]?.[0]}</strong><br />
            ${h.phones.map((p) => html`<bdi>${phoneLabel(t, p)}</bdi> `)}
          </li>`;
        })}
      </ul>
      ${
        services.length
          ? html`<h2>${t.directory.heading}</h2>
              <ul>
                ${services.map((s) => {
                  const place = s.locations.find((l) => !l.confidential && l.address);
                  return html`<li>
                    <strong>${s.name}</strong>${orgOf(s) ? ` — ${orgOf(s)}` : ''}<br />
                    ${s.phones.flatMap((p) => (p.type === 'fax' ? [] : [html`<bdi>${phoneLabel(t, { number: p.number, type: p.type })}</bdi> `]))}
                    ${place ? html`<br />${[place.address, place.city, place.state, place.postalCode].filter(Boolean).join(', ')}` : ''}
                    ${s.url ? html`<br /><bdi>${s.url}</bdi>` : ''}
                  </li>`;
                })}
              </ul>`
          : ''
      }`,
    doc.body,
  );
  return frame;
}
