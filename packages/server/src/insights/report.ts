// The published views: counts of one completed month, as a cube (partner × row × measure) suppressed and, when
// configured, noised as a whole (privacy.ts), then sliced for one partner or for all of them. Only whole months
// that have ended can be reported, so two reports never differ by one visitor's latest action.
import type { Db } from '../db/types.js';
import type { Dimension, InsightEvent } from './counter.js';
import { addNoise, cellKey, MARGIN, suppress, type Cube } from './privacy.js';

interface Measure {
  name: string;
  event: InsightEvent;
  outcome?: string;
}

interface ViewDef {
  /** What a row is: a day of the month, or one dimension's value. */
  rows: 'day' | Exclude<Dimension, 'partner'>;
  measures: readonly Measure[];
}

const m = (name: string, event: InsightEvent, outcome?: string): Measure => ({ name, event, outcome });

export const VIEWS = {
  searches: {
    rows: 'day',
    measures: [m('matched', 'search', 'matched'), m('unmet', 'search', 'unmet'), m('crisisPanels', 'crisis-panel')],
  },
  categories: { rows: 'topic', measures: [m('matched', 'search', 'matched'), m('unmet', 'search', 'unmet')] },
  states: { rows: 'state', measures: [m('matched', 'search', 'matched'), m('unmet', 'search', 'unmet')] },
  zip3: { rows: 'zip3', measures: [m('matched', 'search', 'matched'), m('unmet', 'search', 'unmet')] },
  languages: {
    rows: 'language',
    measures: [m('searches', 'search'), m('alertSignups', 'alert-signup'), m('callbackRequests', 'callback-request')],
  },
  'alert-channels': {
    rows: 'channel',
    measures: [
      m('signups', 'alert-signup'),
      m('confirmations', 'alert-confirmed'),
      m('unsubscribes', 'alert-unsubscribed'),
    ],
  },
  'alert-kinds': { rows: 'topic', measures: [m('chosen', 'alert-event-chosen')] },
  deliveries: { rows: 'channel', measures: [m('sent', 'delivery', 'sent'), m('failed', 'delivery', 'failed')] },
  lookups: {
    rows: 'state',
    measures: [
      m('searchesFound', 'lookup-search', 'found'),
      m('searchesNotFound', 'lookup-search', 'not-found'),
      m('viewsFound', 'lookup-view', 'found'),
      m('viewsNotFound', 'lookup-view', 'not-found'),
    ],
  },
  callbacks: { rows: 'topic', measures: [m('requests', 'callback-request')] },
  'callback-regions': { rows: 'state', measures: [m('requests', 'callback-request')] },
  'callback-times': {
    rows: 'duration',
    measures: [m('firstAttempt', 'callback-first-attempt'), m('closed', 'callback-closed')],
  },
  'callback-outcomes': { rows: 'outcome', measures: [m('closed', 'callback-closed')] },
} as const satisfies Record<string, ViewDef>;

export type ViewName = keyof typeof VIEWS;
export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

/** A shown count, or the suppression label ("< 10"). */
export type Cell = number | string;

export interface Report {
  view: ViewName;
  period: string;
  /** The partner id the report is about; null = every partner and visitors from no partner. */
  partner: string | null;
  k: number;
  epsilon: number | null;
  rowDimension: ViewDef['rows'];
  measures: string[];
  rows: { key: string; cells: Record<string, Cell> }[];
  /** Every row together (the margin), with `total` across measures. */
  totals: Record<string, Cell>;
}

export interface ReportOptions {
  k: number;
  /** Every partner id counted apart ('' = no partner): the cube's partner axis. */
  partners: readonly string[];
  /** Differential privacy: ε for this report and the randomness its noise draws on. */
  noise?: { epsilon: number; random: () => number };
}

/** First and last hour bucket bounds of a month `2026-11`: [2026-11-01T00, 2026-12-01T00). */
export function monthHours(period: string): { from: string; to: string; end: Date } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, month, 1));
  return { from: `${period}-01T00`, to: end.toISOString().slice(0, 13), end };
}

function daysOf(period: string): string[] {
  const length = new Date(monthHours(period).end.getTime() - 86_400_000).getUTCDate();
  return Array.from({ length }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

export async function buildReport(
  db: Db,
  view: ViewName,
  period: string,
  partner: string | null,
  options: ReportOptions,
): Promise<Report> {
  const def: ViewDef = VIEWS[view];
  const { from, to } = monthHours(period);
  const events = [...new Set(def.measures.map((x) => x.event))];
  const rowExpr = def.rows === 'day' ? 'substr(hour, 1, 10)' : def.rows;
  const rows = await db.query<{ partner: string; row_key: string; event: string; outcome: string; n: number | string }>(
    `SELECT partner, ${rowExpr} AS row_key, event, outcome, SUM(n) AS n FROM insight_counts
     WHERE hour >= $1 AND hour < $2 AND event IN (${events.map((_, i) => `$${i + 3}`).join(', ')})
     GROUP BY partner, ${rowExpr}, event, outcome`,
    [from, to, ...events],
  );
  const partners = [...options.partners];
  const counts = new Map<string, number>();
  const seenRows = new Set<string>(def.rows === 'day' ? daysOf(period) : []);
  for (const row of rows) {
    const p = partners.includes(row.partner) ? row.partner : '';
    const key = row.row_key === '' ? 'unknown' : row.row_key;
    for (const measure of def.measures) {
      if (measure.event !== row.event || (measure.outcome !== undefined && measure.outcome !== row.outcome)) continue;
      seenRows.add(key);
      const cell = cellKey(p, key, measure.name);
      counts.set(cell, (counts.get(cell) ?? 0) + Number(row.n));
    }
  }
  let cube: Cube = { partners, rows: [...seenRows].sort(), measures: def.measures.map((x) => x.name), counts };
  if (options.noise) cube = addNoise(cube, options.noise.epsilon, options.noise.random);
  const published = suppress(cube, options.k);
  const label = `< ${options.k}`;
  const slice = partner ?? MARGIN;
  const show = (row: string, measure: string): Cell => {
    const cell = published.get(cellKey(slice, row, measure))!;
    return typeof cell === 'number' ? cell : label;
  };
  const cellsOf = (row: string) =>
    Object.fromEntries([...cube.measures, MARGIN].map((x) => [x === MARGIN ? 'total' : x, show(row, x)]));
  return {
    view,
    period,
    partner,
    k: options.k,
    epsilon: options.noise?.epsilon ?? null,
    rowDimension: def.rows,
    measures: [...cube.measures],
    rows: cube.rows.map((key) => ({ key, cells: cellsOf(key) })),
    totals: cellsOf(MARGIN),
  };
}

/** The report as CSV: a header, one line per row, the totals last; suppressed cells carry their label. */
export function reportCsv(report: Report): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const columns = [...report.measures, 'total'];
  const line = (key: string, cells: Record<string, Cell>) =>
    [key, ...columns.map((c) => String(cells[c]))].map(quote).join(',');
  return (
    [
      [report.rowDimension, ...columns].join(','),
      ...report.rows.map((r) => line(r.key, r.cells)),
      line('total', report.totals),
    ].join('\r\n') + '\r\n'
  );
}
