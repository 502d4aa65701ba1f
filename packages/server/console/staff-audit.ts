import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import type { AuditEntry } from './api.js';
import { ConsolePage } from './page.js';

/** The API's page size: a shorter page is the last one. */
const PAGE_SIZE = 200;

/**
 * The audit log, newest first, a page at a time (supervisors see their team's entries, admins all).
 * @customElement staff-audit
 */
export class StaffAudit extends ConsolePage {
  @state() private accessor entries: AuditEntry[] | null = null;
  @state() private accessor more = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    this.clearErrors();
    const before = this.entries?.at(-1)?.seq;
    try {
      const { entries } = await this.ctx.api.audit(before);
      this.entries = [...(this.entries ?? []), ...entries];
      this.more = entries.length === PAGE_SIZE;
      this.ctx.announce(this.ctx.t('audit.count', { count: this.entries.length }));
    } catch (error) {
      this.failed(error);
    }
  }

  override render() {
    const { t, date } = this.ctx;
    const entries = this.entries;
    return html`
      <h1 tabindex="-1">${t('audit.title')}</h1>
      ${this.renderError()}
      ${
        entries === null
          ? this.error
            ? nothing
            : html`<p>${t('loading')}</p>`
          : entries.length === 0
            ? html`<p>${t('audit.empty')}</p>`
            : html`<table>
                ${this.tableHead(t('audit.caption'), ['col.when', 'col.action', 'col.actor', 'col.request', 'col.team'])}
                <tbody>
                  ${entries.map(
                    (e) =>
                      html`<tr>
                        <td>${date(e.at)}</td>
                        <td>${e.action}</td>
                        <td>${e.actorId ?? ''}</td>
                        <td>
                          ${e.requestId ? html`<a href="/console/requests/${encodeURIComponent(e.requestId)}" @click=${this.follow}>${e.requestId}</a>` : ''}
                        </td>
                        <td>${e.teamId ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
      ${this.more ? html`<button @click=${this.#load}>${t('audit.more')}</button>` : nothing}
    `;
  }
}

defineElement('staff-audit', StaffAudit);

declare global {
  interface HTMLElementTagNameMap {
    'staff-audit': StaffAudit;
  }
}
