import { html } from 'lit';
import { defineElement } from '../../widgets/src/internal/define.js';
import { ConsolePage } from './page.js';

/**
 * A console path that names no page (or a page this role does not have).
 * @customElement staff-not-found
 */
export class StaffNotFound extends ConsolePage {
  override render() {
    const { t } = this.ctx;
    return html`<h1 tabindex="-1">${t('notFound.title')}</h1>
      <p>${t('notFound.text')}</p>
      <p><a href="/console" @click=${this.follow}>${t('request.back')}</a></p>`;
  }
}

defineElement('staff-not-found', StaffNotFound);

declare global {
  interface HTMLElementTagNameMap {
    'staff-not-found': StaffNotFound;
  }
}
