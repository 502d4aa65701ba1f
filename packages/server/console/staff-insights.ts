import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../../widgets/src/internal/define.js';
import { insightsPath, type InsightsIndex, type Report, type ViewName } from './api.js';
import { insightsText } from './insights-i18n.js';
import './internal/insight-chart.js';
import { ConsolePage, formText } from './page.js';

/** What the dashboard draws; every view (these and the rest) can be downloaded as CSV. */
const CHARTED: readonly ViewName[] = ['searches', 'states', 'zip3', 'alert-channels', 'languages', 'callback-times'];

/**
 * The insights dashboard (supervisors, admins, and partner accounts for their own partner id): one month's
 * suppressed counts as charts, each with its table and CSV, and CSV downloads of every view.
 * @customElement staff-insights
 */
export class StaffInsights extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      /* WCAG 2.2 target size: 24 px tall at least. */
      a[download] {
        display: inline-block;
        padding-block: 0.3em;
      }
    `,
  ];

  @state() private accessor index: InsightsIndex | null = null;
  @state() private accessor reports: Report[] | null = null;
  /** The month and partner of the reports shown (the form's choice until "Show" is pressed). */
  @state() private accessor shown: { period: string; partner: string | null } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#start();
  }

  async #start(): Promise<void> {
    try {
      this.index = await this.ctx.api.insights();
    } catch (error) {
      this.failed(error);
      return;
    }
    const period = this.index.periods[0];
    if (period) await this.#load(period, this.#ownPartner());
  }

  /** A partner account's own partner id (the only one it may ask about). */
  #ownPartner(): string | null {
    return this.ctx.staff?.role === 'partner' ? (this.index?.partners[0] ?? null) : null;
  }

  async #load(period: string, partner: string | null): Promise<void> {
    this.clearErrors();
    try {
      this.reports = await Promise.all(CHARTED.map((view) => this.ctx.api.report(view, period, partner)));
      this.shown = { period, partner };
      this.ctx.announce(insightsText(this.ctx).t('shown', { period: insightsText(this.ctx).month(period) }));
    } catch (error) {
      this.failed(error);
    }
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    void this.#load(formText(form, 'period'), formText(form, 'partner') || this.#ownPartner());
  };

  override render() {
    const text = insightsText(this.ctx);
    const { index, shown } = this;
    return html`
      <h1 tabindex="-1">${text.t('title')}</h1>
      ${this.renderError()}
      ${
        index === null
          ? this.error
            ? nothing
            : html`<p>${this.ctx.t('loading')}</p>`
          : html`
              <p>${text.t('intro', { k: index.k })}</p>
              ${index.epsilon !== null ? html`<p>${text.t('noise', { epsilon: index.epsilon })}</p>` : nothing}
              ${index.periods.length === 0 ? html`<p>${text.t('none')}</p>` : this.#form()}
            `
      }
      ${
        shown && this.reports
          ? html`
              ${this.reports.map(
                (report) =>
                  html`<section>
                    <insight-chart
                      .report=${report}
                      .text=${text}
                      csv=${insightsPath(report.view, shown.period, shown.partner, 'csv')}
                    ></insight-chart>
                  </section>`,
              )}
              <section>
                <h2>${text.t('downloads')}</h2>
                <ul>
                  ${index!.views.map(
                    (view) =>
                      html`<li>
                        <a href=${insightsPath(view, shown.period, shown.partner, 'csv')} download
                          >${text.t('csv', { title: text.view(view) })}</a
                        >
                      </li>`,
                  )}
                </ul>
              </section>
            `
          : nothing
      }
    `;
  }

  #form() {
    const text = insightsText(this.ctx);
    const index = this.index!;
    const own = this.#ownPartner();
    return html`<form class="filters" @submit=${this.#submit}>
      <label
        >${text.t('period')}
        <select name="period">
          ${index.periods.map(
            (p) => html`<option value=${p} ?selected=${p === this.shown?.period}>${text.month(p)}</option>`,
          )}
        </select>
      </label>
      ${
        own !== null
          ? html`<p>${text.t('partner.own', { partner: own })}</p>`
          : index.partners.length > 0
            ? html`<label
                >${text.t('partner')}
                <select name="partner">
                  <option value="">${text.t('partner.all')}</option>
                  ${index.partners.map(
                    (p) => html`<option value=${p} ?selected=${p === this.shown?.partner}>${p}</option>`,
                  )}
                </select>
              </label>`
            : nothing
      }
      <button type="submit">${text.t('show')}</button>
    </form>`;
  }
}

defineElement('staff-insights', StaffInsights);

declare global {
  interface HTMLElementTagNameMap {
    'staff-insights': StaffInsights;
  }
}
