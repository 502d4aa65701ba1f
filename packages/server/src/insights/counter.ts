// Counting at write time: handlers call count() as they answer; increments gather in memory and reach the database
// in one transaction every few seconds (an upsert adding to the hour's bucket, so any number of instances add up).
// Counting never fails a visitor's request: count() only touches a Map, and a failed flush keeps the increments for
// the next one and logs, nothing more.
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/types.js';

/** What a count is broken down by besides hour and event: the other columns of insight_counts. */
export const DIMENSIONS = [
  'partner',
  'topic',
  'language',
  'state',
  'zip3',
  'channel',
  'outcome',
  'priority',
  'duration',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Dimensions = Partial<Record<Dimension, string | number | undefined>>;

/**
 * What a dimension may hold: a short token from a fixed list (slugs, codes, buckets). Anything else (free text, an
 * address, an email) is stored as "other", so nothing a visitor typed can reach the table even through a bug.
 */
const TOKEN = /^[a-z0-9][a-z0-9_+-]{0,39}$/i;

export const INSIGHT_EVENTS = [
  'search',
  'crisis-panel',
  'lookup-search',
  'lookup-view',
  'alert-signup',
  'alert-event-chosen',
  'alert-confirmed',
  'alert-unsubscribed',
  'delivery',
  'callback-request',
  'callback-first-attempt',
  'callback-closed',
] as const;
export type InsightEvent = (typeof INSIGHT_EVENTS)[number];

export interface InsightsCounter {
  count(event: InsightEvent, dims?: Dimensions): void;
  /** Partner id from a request's `X-Referral-Partner` header: a configured one, or '' (counted overall only). */
  partnerOf(headers: Record<string, string | undefined>): string;
  /** Writes what was counted so far (tests, shutdown). */
  flush(): Promise<void>;
  /** Stops the timer and flushes. */
  close(): Promise<void>;
}

export interface CounterOptions {
  now: Clock;
  logger: Logger;
  /** Partner ids counted separately; any other header value counts as no partner. */
  partners: readonly string[];
  /** How often increments are written; 0 = only on flush() (tests). */
  flushMs?: number;
}

/** The UTC hour a moment falls in: `2026-12-02T20`. */
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

const clean = (value: string | number | undefined): string => {
  if (value === undefined) return '';
  const text = String(value);
  return text === '' || TOKEN.test(text) ? text : 'other';
};

const COLUMNS = ['hour', 'event', ...DIMENSIONS] as const;
const UPSERT = `INSERT INTO insight_counts (${COLUMNS.join(', ')}, n) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, $${COLUMNS.length + 1})
  ON CONFLICT (${COLUMNS.join(', ')}) DO UPDATE SET n = insight_counts.n + excluded.n`;

export function createInsightsCounter(db: Db, options: CounterOptions): InsightsCounter {
  let pending = new Map<string, number>();
  const partners = new Set(options.partners);
  let flushing: Promise<void> = Promise.resolve();

  const write = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await db.transaction(async (tx) => {
        for (const [key, n] of batch) await tx.run(UPSERT, [...(JSON.parse(key) as string[]), n]);
      });
    } catch (error) {
      for (const [key, n] of batch) pending.set(key, (pending.get(key) ?? 0) + n);
      options.logger.warn({ err: error }, 'insights: counts not written yet');
    }
  };
  const flush = () => (flushing = flushing.then(write));
  const timer = options.flushMs ? setInterval(() => void flush(), options.flushMs) : undefined;
  timer?.unref();

  return {
    count(event, dims = {}) {
      try {
        const key = JSON.stringify([hourOf(options.now()), event, ...DIMENSIONS.map((d) => clean(dims[d]))]);
        pending.set(key, (pending.get(key) ?? 0) + 1);
      } catch (error) {
        options.logger.warn({ err: error }, 'insights: not counted');
      }
    },
    partnerOf(headers) {
      const id = headers['x-referral-partner']?.trim();
      return id !== undefined && partners.has(id) ? id : '';
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}

/** Upper bounds (hours) of the duration buckets callback times are counted in; the last one is open-ended. */
export const DURATION_BUCKETS = [
  ['under-1h', 1],
  ['1-4h', 4],
  ['4-24h', 24],
  ['1-3d', 72],
  ['3-7d', 168],
  ['over-7d', Infinity],
] as const;

/** The bucket of the time between two moments (`1-4h`): reports show how fast, never when exactly. */
export function durationBucket(from: Date, to: Date): string {
  const hours = (to.getTime() - from.getTime()) / 3_600_000;
  return DURATION_BUCKETS.find(([, below]) => hours < below)![0];
}
