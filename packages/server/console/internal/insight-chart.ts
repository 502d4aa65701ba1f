import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../../../widgets/src/internal/define.js';
import { baseStyles } from '../../../widgets/src/internal/styles.js';
import { consoleStyles } from '../page.js';
import type { Report } from '../api.js';
import type { InsightsText } from '../insights-i18n.js';

// Only what the dashboard draws (bars, and lines for days), so the console bundle carries no more of Chart.js.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/** Told apart by more than colour: lines also differ in dash and point shape. */
const SERIES = [
  { color: '#1d4ed8', dash: [], point: 'circle' },
  { color: '#b45309', dash: [6, 4], point: 'rect' },
  { color: '#047857', dash: [2, 3], point: 'triangle' },
  { color: '#7c3aed', dash: [10, 3, 2, 3], point: 'rectRot' },
] as const;

/**
 * One report as a chart with its table view (a real table with caption and headers, inside a disclosure) and its
 * CSV download. Suppressed cells read “< k” in the table and are left out of the chart (a gap, never a zero).
 * @customElement insight-chart
 */
export class InsightChart extends LitElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      .chart {
        position: relative;
        block-size: 18rem;
        margin-block-end: var(--_space);
      }
      h2 {
        font-size: 1.25em;
        margin: 0 0 0.5em;
      }
      summary {
        cursor: pointer;
        padding: 0.5em 0;
        color: var(--_primary);
      }
      summary:focus-visible {
        outline: 3px solid var(--_focus);
      }
      td,
      tfoot th {
        font-variant-numeric: tabular-nums;
      }
      tfoot {
        font-weight: 600;
      }
      /* WCAG 2.2 target size: 24 px tall at least. */
      a[download] {
        display: inline-block;
        padding-block: 0.3em;
      }
    `,
  ];

  /** The report to show. */
  @property({ attribute: false }) accessor report: Report | undefined;
  /** The dashboard's words in the console's language. */
  @property({ attribute: false }) accessor text: InsightsText | undefined;
  /** The report's CSV download (same view, month and partner). */
  @property() accessor csv = '';

  #chart: Chart | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('report') && !changed.has('text')) return;
    this.#chart?.destroy();
    const { report, text } = this;
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas && report && text) this.#chart = new Chart(canvas, this.#config(report, text));
  }

  #config(report: Report, text: InsightsText): ChartConfiguration<'bar' | 'line'> {
    const overTime = report.rowDimension === 'day';
    return {
      type: overTime ? 'line' : 'bar',
      data: {
        labels: report.rows.map((r) => text.row(report.rowDimension, r.key)),
        datasets: report.measures.map((measure, i) => {
          const look = SERIES[i % SERIES.length]!;
          return {
            label: text.measure(measure),
            data: report.rows.map((r) => {
              const cell = r.cells[measure];
              return typeof cell === 'number' ? cell : null;
            }),
            backgroundColor: look.color,
            borderColor: look.color,
            borderDash: [...look.dash],
            pointStyle: look.point,
          };
        }),
      },
      options: {
        // No motion: nothing to wait for, nothing to distract (and prefers-reduced-motion is met by default).
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: text.lang,
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
  }

  override render() {
    const { report, text } = this;
    if (!report || !text) return nothing;
    const title = text.view(report.view);
    const columns = [...report.measures, 'total'];
    const label = (column: string) => (column === 'total' ? text.t('total') : text.measure(column));
    const suppressed = [...report.rows.map((r) => r.cells), report.totals].some((cells) =>
      Object.values(cells).some((cell) => typeof cell === 'string'),
    );
    return html`
      <h2>${title}</h2>
      <div class="chart"><canvas role="img" aria-label=${text.t('chart', { title })}></canvas></div>
      <details>
        <summary>${text.t('table', { title })}</summary>
        <table>
          <caption>
            ${text.t('caption', { title, period: text.month(report.period) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${text.dimension(report.rowDimension)}</th>
              ${columns.map((c) => html`<th scope="col">${label(c)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${report.rows.map(
              (r) =>
                html`<tr>
                  <th scope="row">${text.row(report.rowDimension, r.key)}</th>
                  ${columns.map((c) => html`<td>${r.cells[c]}</td>`)}
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${text.t('total')}</th>
              ${columns.map((c) => html`<td>${report.totals[c]}</td>`)}
            </tr>
          </tfoot>
        </table>
        ${suppressed ? html`<p>${text.t('suppressed', { k: report.k })}</p>` : nothing}
      </details>
      <p><a href=${this.csv} download>${text.t('csv', { title })}</a></p>
    `;
  }
}

defineElement('insight-chart', InsightChart);

declare global {
  interface HTMLElementTagNameMap {
    'insight-chart': InsightChart;
  }
}
