import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import { ConsolePage } from './page.js';

/**
 * A console path that names no page, or a page this account's role may not open (the server answered it 404 or 403).
 * @customElement staff-not-found
 */
export class StaffNotFound extends ConsolePage {
  /** `forbidden`: the page exists, but not for this role. */
  @property() accessor reason: 'not-found' | 'forbidden' = 'not-found';

  override render() {
    const { t } = this.ctx;
    const forbidden = this.reason === 'forbidden';
    return html`<h1 tabindex="-1">${t(forbidden ? 'forbidden.title' : 'notFound.title')}</h1>
      <p>${t(forbidden ? 'forbidden.text' : 'notFound.text')}</p>
      <p><a href="/console" @click=${this.follow}>${t('request.back')}</a></p>`;
  }
}

defineElement('staff-not-found', StaffNotFound);

declare global {
  interface HTMLElementTagNameMap {
    'staff-not-found': StaffNotFound;
  }
}
