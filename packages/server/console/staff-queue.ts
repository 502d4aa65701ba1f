import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import type { RequestSummary } from './api.js';
import type { MessageKey } from './i18n.js';
import { ConsolePage } from './page.js';

const STATUS_FILTERS = ['open', 'all'] as const;
const ASSIGNED_FILTERS = ['', 'me', 'nobody'] as const;
const ASSIGNED_LABELS: Record<(typeof ASSIGNED_FILTERS)[number], MessageKey> = {
  '': 'queue.assigned.any',
  me: 'queue.assigned.me',
  nobody: 'queue.assigned.nobody',
};

/**
 * The queue: requests the signed-in person may see, most urgent first (the API's order). No personal data here:
 * the contact is only on a request's own page, where each view is audited.
 * @customElement staff-queue
 */
export class StaffQueue extends ConsolePage {
  @state() private accessor status: (typeof STATUS_FILTERS)[number] = 'open';
  @state() private accessor assigned: (typeof ASSIGNED_FILTERS)[number] = '';
  @state() private accessor requests: RequestSummary[] | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    this.clearErrors();
    try {
      const { requests } = await this.ctx.api.queue({ status: this.status, assigned: this.assigned });
      this.requests = requests;
      this.ctx.announce(
        requests.length === 1 ? this.ctx.t('queue.count.one') : this.ctx.t('queue.count', { count: requests.length }),
      );
    } catch (error) {
      this.failed(error);
    }
  }

  #filter(event: Event): void {
    const select = event.target as HTMLSelectElement;
    if (select.name === 'status') this.status = select.value as typeof this.status;
    else this.assigned = select.value as typeof this.assigned;
    void this.#load();
  }

  override render() {
    const { t } = this.ctx;
    return html`
      <h1 tabindex="-1">${t('queue.title')}</h1>
      <div class="filters">
        <div class="field">
          <label for="status">${t('queue.status')}</label>
          <select id="status" name="status" @change=${this.#filter}>
            ${STATUS_FILTERS.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t(`queue.status.${s}`)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="assigned">${t('queue.assigned')}</label>
          <select id="assigned" name="assigned" @change=${this.#filter}>
            ${ASSIGNED_FILTERS.map((a) => html`<option value=${a} ?selected=${a === this.assigned}>${t(ASSIGNED_LABELS[a])}</option>`)}
          </select>
        </div>
      </div>
      ${this.renderError()}
      ${this.requests === null ? (this.error ? nothing : html`<p>${t('loading')}</p>`) : this.#table(this.requests)}
    `;
  }

  #table(requests: RequestSummary[]) {
    const { t, word, date } = this.ctx;
    if (!requests.length) return html`<p>${t('queue.empty')}</p>`;
    const me = this.ctx.staff?.id;
    return html`
      <table>
        ${this.tableHead(t('queue.caption'), ['col.reference', 'col.priority', 'col.topic', 'col.status', 'col.language', 'col.received', 'col.assigned'])}
        <tbody>
          ${requests.map(
            (r) =>
              html`<tr>
                <th scope="row">
                  <a href="/console/requests/${encodeURIComponent(r.id)}" @click=${this.follow}>${r.reference}</a>
                </th>
                <td class=${r.priority === 1 ? 'urgent' : ''}>${this.ctx.priority(r.priority)}</td>
                <td>${word(r.topic)}</td>
                <td>${word(r.status)}</td>
                <td>${r.language.toUpperCase()}</td>
                <td>${date(r.createdAt)}</td>
                <td>
                  ${r.assignedTo === null ? t('assigned.nobody') : r.assignedTo === me ? t('assigned.me') : t('assigned.other')}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

defineElement('staff-queue', StaffQueue);

declare global {
  interface HTMLElementTagNameMap {
    'staff-queue': StaffQueue;
  }
}
