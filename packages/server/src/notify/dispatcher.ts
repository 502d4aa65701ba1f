// Delivers outbox rows. Effectively-once delivery is built from two parts:
//  1. at-least-once hand-over: a dispatcher leases a batch (lease_owner + lease_until), sends, then marks each row
//     sent. If it dies between "send" and "mark", the lease expires and another dispatcher sends the row again;
//  2. an idempotency key per row (the outbox id) that travels with every attempt, so the transport or the gateway
//     drops the repeat. The unique (subscription_id, event_id) key means a repeat can only ever be that same row.
// No send outlives its lease: a row is only sent while the lease still covers the whole send (its timeout) and the
// marking after it; the lease on the rows still held is renewed every third of its length while the batch runs, and
// whatever a failed renewal leaves uncovered goes back unsent for the next pass, so while this dispatcher is still
// sending, no other one can have claimed the same row. On PostgreSQL, claims skip rows another dispatcher has
// locked (FOR UPDATE SKIP LOCKED) and take the most urgent first (priority, then due time). Within a batch, email and
// phone each run up to their own number of sends at a time (config.dispatch.concurrency).
import { randomBytes } from 'node:crypto';
import type { AlertChannel, AlertEvent, CustodyStatus } from '@referral-kit/sdk';
import type { Logger } from 'pino';
import type { Db } from '../db/types.js';
import type { AlertKeys } from '../alerts/crypto.js';
import type { AlertsConfig } from '../alerts/config.js';
import { eventBit } from '../alerts/events.js';
import { channelLanguage } from '../i18n/index.js';
import { renderConfirmation, renderStatus } from './messages.js';
import { setTimeout as delay } from 'node:timers/promises';
import type { Pacer } from './pace.js';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './transports/types.js';

export interface Transports {
  email: Transport;
  /** SMS, voice and TTY. */
  phone: Transport;
}

export interface DispatcherDeps {
  db: Db;
  keys: AlertKeys;
  config: AlertsConfig;
  transports: Transports;
  logger: Logger;
  now: () => Date;
  /** Spaces hand-overs to each provider at `config.dispatch.perSecond` (shared by every worker on PostgreSQL). */
  pacer?: Pacer;
  /** Waits for a provider's slot; stop() aborts the signal (default: a timer; tests move their clock instead). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told the outcome of every hand-over, by transport name (metrics). */
  onDelivery?: (transport: string, outcome: DeliveryOutcome) => void;
  /** Housekeeping run between batches (at most hourly): purges expired data. */
  maintenance?: (now: Date) => Promise<void>;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed';

interface ClaimedRow {
  id: string;
  subscription_id: string;
  kind: 'confirmation' | 'status';
  alert_event: AlertEvent | null;
  /** Null only for a row whose custody event was deleted before the status column existed. */
  custody_status: CustodyStatus | null;
  occurred_at: string | null;
  payload_enc: string | null;
  attempts: number;
  priority: number;
}

/** A row of notify_messages: a message rendered when it was enqueued, sealed whole. */
interface ClaimedMessage {
  id: string;
  payload_enc: string | null;
  attempts: number;
  priority: number;
}

type OutboxTable = 'alert_outbox' | 'notify_messages';
type Claimed = { id: string; attempts: number; priority: number };
/** The two transports, each with its own concurrency and rate: email, and phone (SMS, voice, TTY). */
export type Provider = keyof Transports;
const PROVIDERS: Provider[] = ['email', 'phone'];
const providerOf = (message: OutgoingMessage): Provider => (message.channel === 'email' ? 'email' : 'phone');
const rowOf = (item: Claimed | { row: Claimed }): Claimed => ('row' in item ? item.row : item);

interface SubscriptionRow {
  id: string;
  subject_id: string;
  channel: AlertChannel;
  contact_hash: string;
  contact_enc: string;
  language: string;
  events_mask: number;
  status: string;
  reference_code: string | null;
}

/** What a confirmation row carries sealed: the code in clear exists only here and in the message. */
export interface ConfirmationPayload {
  confirmationId: string;
  code: string;
  language: string;
  /** A code that can no longer be used is not worth sending (the dispatcher was down, or retries ran long). */
  expiresAt: string;
}

const MAINTENANCE_EVERY_MS = 3600_000;
/**
 * A pass takes no provider slot that starts later than this after it began; it hands the rest back and claims again,
 * so a new escape or release alert waits about this long behind a paced bulk fan-out, not for the whole batch.
 */
const PACED_PASS_MS = 1000;
const timer = (ms: number, signal: AbortSignal) => delay(ms, undefined, { signal });
/** Time a send's lease keeps after the send's own timeout, to record the outcome before another dispatcher may claim. */
export const LEASE_MARGIN_MS = 5000;

export class Dispatcher {
  /** Identifies this dispatcher's leases; a fresh one per process, so a restarted process never owns old leases. */
  readonly owner = randomBytes(9).toString('base64url');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Set by stop(): the batch in hand sends no further rows and hands them back. */
  private stopping = false;
  /** Set when the last runOnce() left rows because their provider's next slot was too far off. */
  private pacedOut = false;
  /** Aborted by stop(): wakes sends waiting for their provider's slot. */
  private halt = new AbortController();
  private lastMaintenance = 0;

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.halt = new AbortController();
    this.schedule(0);
  }

  /** Finishes the send in hand, hands the rest of the batch back, and stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    this.halt.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Claims and processes one batch of each outbox table (alert messages, then ready-made ones such as callback
   * references); returns the larger number of rows handled, so a full batch of either means "more may be waiting".
   */
  async runOnce(): Promise<number> {
    this.pacedOut = false;
    const alerts = await this.runBatch<ClaimedRow>(
      'alert_outbox',
      'id, subscription_id, kind, alert_event, custody_status, occurred_at, payload_enc, attempts',
      async (rows) => {
        const subscriptions = await this.subscriptionsOf(rows);
        return (row) => this.compose(row, subscriptions.get(row.subscription_id));
      },
    );
    const messages = await this.runBatch<ClaimedMessage>(
      'notify_messages',
      'id, payload_enc, attempts',
      async () => async (row) => this.openMessage(row),
    );
    return Math.max(alerts, messages);
  }

  // Row names the columns the caller selected; SQL results cannot be checked against it.
  private async runBatch<Row extends Claimed>(
    table: OutboxTable,
    columns: string,
    /** Reads what the batch's messages need (in as few queries as it can), then composes each row's message. */
    composerFor: (rows: Row[]) => Promise<(row: Row) => Promise<OutgoingMessage | null>>,
  ): Promise<number> {
    const claimed = await this.claim<Row>(table, columns);
    const { rows } = claimed;
    if (rows.length === 0) return 0;
    let { leaseUntilMs } = claimed;
    const { sendTimeoutMs, leaseSeconds } = this.deps.config.dispatch;
    // While the batch is worked through (a slow gateway, a long batch), its unsent rows keep a fresh lease, so no
    // other dispatcher takes them over from a live one. A renewal that fails leaves the old lease to run out.
    const held = new Set(rows.map((r) => r.id));
    const renewal = setInterval(
      () => {
        this.renew(table, [...held]).then(
          (until) => (leaseUntilMs = until ?? leaseUntilMs),
          () => {},
        );
      },
      Math.max(1000, (leaseSeconds * 1000) / 3),
    );
    renewal.unref();
    try {
      // Rows are read first (a row that will never send is settled at once); then each transport works through
      // its own rows in priority order with up to its configured number of sends at a time, so a slow email
      // relay does not hold up texts and calls. What a lane leaves (stop, lease too short, the provider's queue
      // longer than the lease can wait) goes back unsent.
      const lanes: Record<Provider, { row: Row; message: OutgoingMessage }[]> = { email: [], phone: [] };
      // A database error here is not the rows' fault: they go back unsent, for the next pass.
      const compose = await composerFor(rows).catch(async (error: unknown) => {
        await this.release(table, rows);
        throw error;
      });
      let handled = 0;
      for (const [index, row] of rows.entries()) {
        if (this.stopping) {
          await this.release(table, [...rows.slice(index), ...lanes.email, ...lanes.phone].map(rowOf));
          return handled;
        }
        const message = await this.open(table, row, () => compose(row));
        if (message) lanes[providerOf(message)].push({ row, message });
        else {
          held.delete(row.id);
          handled++;
        }
      }
      // How long a send may still wait before starting, for its lease to cover it and its marking.
      const slack = () => leaseUntilMs - this.deps.now().getTime() - sendTimeoutMs - LEASE_MARGIN_MS;
      const passEndsMs = this.deps.now().getTime() + PACED_PASS_MS;
      const work = (provider: Provider) => async () => {
        const queue = lanes[provider];
        while (queue.length > 0 && !this.stopping && slack() >= 0) {
          const { row, message } = queue.shift()!;
          const maxWaitMs = Math.min(slack(), passEndsMs - this.deps.now().getTime());
          if (!(await this.awaitProviderSlot(provider, maxWaitMs))) {
            queue.unshift({ row, message });
            return;
          }
          await this.deliver(table, row, message, provider);
          held.delete(row.id);
          handled++;
        }
      };
      const { concurrency } = this.deps.config.dispatch;
      const outcomes = await Promise.allSettled(
        PROVIDERS.flatMap((provider) =>
          Array.from({ length: Math.min(concurrency[provider], lanes[provider].length) }, work(provider)),
        ),
      );
      await this.release(table, [...lanes.email, ...lanes.phone].map(rowOf));
      const failure = outcomes.find((o) => o.status === 'rejected');
      if (failure) throw failure.reason;
      return handled;
    } finally {
      clearInterval(renewal);
    }
  }

  /** Extends this dispatcher's lease on rows it still holds; the new end, or null when it holds none of them any more. */
  private async renew(table: OutboxTable, ids: string[]): Promise<number | null> {
    if (ids.length === 0) return null;
    const untilMs = this.deps.now().getTime() + this.deps.config.dispatch.leaseSeconds * 1000;
    const { changes } = await this.deps.db.run(
      `UPDATE ${table} SET lease_until = $1 WHERE lease_owner = $2 AND status = 'pending' AND id IN (${ids.map((_, i) => `$${i + 3}`).join(', ')})`,
      [new Date(untilMs).toISOString(), this.owner, ...ids],
    );
    return changes > 0 ? untilMs : null;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.deps.config.dispatch.intervalMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      // A full batch may leave more waiting; so may a pass cut short by its provider's pace, which goes again at once
      // (unless it sent nothing: other workers then hold the provider's next second).
      while (!this.stopped) {
        const handled = await this.runOnce();
        if (handled === 0 || (handled < this.deps.config.dispatch.batchSize && !this.pacedOut)) break;
      }
      const now = this.deps.now();
      if (this.deps.maintenance && now.getTime() - this.lastMaintenance >= MAINTENANCE_EVERY_MS) {
        this.lastMaintenance = now.getTime();
        await this.deps.maintenance(now);
      }
    } catch (error) {
      this.deps.logger.error({ err: { message: (error as Error).message } }, 'alerts dispatcher pass failed');
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row names the columns the caller selected
  private async claim<Row extends Claimed>(
    table: OutboxTable,
    columns: string,
  ): Promise<{ rows: Row[]; leaseUntilMs: number }> {
    const { db, config } = this.deps;
    const now = this.deps.now();
    const leaseUntilMs = now.getTime() + config.dispatch.leaseSeconds * 1000;
    const until = new Date(leaseUntilMs).toISOString();
    // Postgres: concurrent dispatchers skip each other's rows instead of waiting. SQLite serializes writers anyway.
    const skipLocked = db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const rows = await db.query<Row>(
      `UPDATE ${table} SET lease_owner = $1, lease_until = $2, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM ${table}
         WHERE status = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
         ORDER BY priority, next_attempt_at, id LIMIT $4 ${skipLocked})
       RETURNING ${columns}, priority`,
      [this.owner, until, now.toISOString(), config.dispatch.batchSize],
    );
    // RETURNING keeps no order: urgent rows of the batch go first.
    rows.sort((a, b) => a.priority - b.priority);
    return { rows, leaseUntilMs };
  }

  /** Hands rows back unsent: free for the next claim at once, and the attempt they were charged does not count. */
  private async release(table: OutboxTable, rows: Claimed[]): Promise<void> {
    if (rows.length === 0) return;
    const ids = rows.map((_, i) => `$${i + 2}`).join(', ');
    await this.deps.db.run(
      `UPDATE ${table} SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
       WHERE lease_owner = $1 AND id IN (${ids})`,
      [this.owner, ...rows.map((r) => r.id)],
    );
  }

  /** The message a claimed row carries, or null once the row is settled without sending (unreadable, unwanted). */
  private async open(
    table: OutboxTable,
    row: Claimed,
    compose: () => Promise<OutgoingMessage | null>,
  ): Promise<OutgoingMessage | null> {
    let message: OutgoingMessage | null;
    try {
      message = await compose();
    } catch (error) {
      // A row we cannot even read (key rotated without re-encryption, corrupt payload) will never send.
      this.deps.logger.error(
        { outboxId: row.id, err: { message: (error as Error).message } },
        'alerts outbox row unreadable',
      );
      await this.finish(table, row, 'failed', 'unreadable');
      return null;
    }
    if (!message) await this.finish(table, row, 'skipped', null);
    return message;
  }

  private async deliver(table: OutboxTable, row: Claimed, message: OutgoingMessage, provider: Provider): Promise<void> {
    const { logger, config } = this.deps;
    const transport = this.deps.transports[provider];
    const transportName = transport.name ?? 'custom';
    try {
      await transport.send(message, AbortSignal.timeout(config.dispatch.sendTimeoutMs));
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const code = permanent ? error.code : (error as Error).name === 'TimeoutError' ? 'timeout' : 'transient';
      const giveUp = permanent || row.attempts >= config.dispatch.maxAttempts;
      logger.warn({ outboxId: row.id, attempt: row.attempts, error: code, giveUp }, 'alerts delivery failed');
      this.deps.onDelivery?.(transportName, giveUp ? 'failed' : 'retry');
      if (giveUp) await this.finish(table, row, 'failed', code);
      else await this.retryLater(table, row, code);
      return;
    }
    this.deps.onDelivery?.(transportName, 'sent');
    const marked = await this.finish(table, row, 'sent', null);
    if (!marked)
      logger.warn(
        { outboxId: row.id },
        'alerts lease lost before marking; the transport drops the repeat by idempotency key',
      );
  }

  /** Waits for the provider's next slot under its rate; false when that is further off than `maxWaitMs`, or on stop. */
  private async awaitProviderSlot(provider: Provider, maxWaitMs: number): Promise<boolean> {
    const rate = this.deps.config.dispatch.perSecond[provider];
    if (rate <= 0 || !this.deps.pacer) return true;
    const key = `${provider}:${this.deps.transports[provider].name ?? 'custom'}`;
    const waitMs = await this.deps.pacer.reserve(key, 1000 / rate, this.deps.now().getTime(), maxWaitMs);
    if (waitMs === null) {
      this.pacedOut = true;
      return false;
    }
    if (waitMs > 0) await (this.deps.sleep ?? timer)(waitMs, this.halt.signal).catch(() => {});
    return !this.halt.signal.aborted;
  }

  /** The message for a row, or null when it must not be sent any more (unsubscribed, event no longer wanted). */
  private async compose(row: ClaimedRow, sub: SubscriptionRow | undefined): Promise<OutgoingMessage | null> {
    const { keys, config } = this.deps;
    if (!sub) return null;
    const stopUrl = `${config.publicUrl}/v1/alerts/stop?token=${keys.signToken('unsubscribe', sub.id)}`;
    const base = {
      idempotencyKey: row.id,
      channel: sub.channel,
      to: keys.open(sub.contact_enc, 'contact'),
      unsubscribeUrl: sub.channel === 'email' ? stopUrl : undefined,
    };

    if (row.kind === 'confirmation') {
      if (sub.channel !== 'email' && (await this.stoppedBySms(sub.contact_hash))) return null;
      const payload = JSON.parse(keys.open(row.payload_enc ?? '', `outbox:${row.id}`)) as ConfirmationPayload;
      if (Date.parse(payload.expiresAt) <= this.deps.now().getTime()) return null;
      const confirmUrl = `${config.publicUrl}/v1/alerts/confirm-link?token=${keys.signToken('confirm', payload.confirmationId)}`;
      const language = channelLanguage(sub.channel, payload.language);
      const rendered = renderConfirmation({
        language,
        channel: sub.channel,
        code: payload.code,
        minutes: Math.round(config.confirmation.ttlSeconds / 60),
        confirmUrl,
        stopUrl,
      });
      return { ...base, kind: 'confirmation', language, ...rendered };
    }

    const event = row.alert_event;
    if (!event || sub.status !== 'confirmed' || (sub.events_mask & eventBit(event)) === 0) return null;
    const language = channelLanguage(sub.channel, sub.language);
    const rendered = renderStatus({
      language,
      channel: sub.channel,
      event,
      status: row.custody_status ?? 'unknown',
      occurredAt: row.occurred_at ?? '',
      // The registration's keypad reference (the phone line reads the status for it); older ones have only the record id.
      reference: sub.reference_code ?? sub.subject_id,
      stopUrl,
    });
    return {
      ...base,
      kind: 'status',
      language,
      requiresPin: sub.channel === 'voice' || sub.channel === 'tty',
      ...rendered,
    };
  }

  /** The subscriptions a batch of rows is for, read in one query (a fan-out's batch is one row per subscription). */
  private async subscriptionsOf(rows: ClaimedRow[]): Promise<Map<string, SubscriptionRow>> {
    const ids = [...new Set(rows.map((row) => row.subscription_id))];
    const subscriptions = await this.deps.db.query<SubscriptionRow>(
      `SELECT id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, reference_code
       FROM alert_subscriptions WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
      ids,
    );
    return new Map(subscriptions.map((sub) => [sub.id, sub]));
  }

  /** A notify_messages row carries its whole message; the row id is the idempotency key. */
  private openMessage(row: ClaimedMessage): OutgoingMessage {
    const sealed = JSON.parse(this.deps.keys.open(row.payload_enc ?? '', `message:${row.id}`)) as Omit<
      OutgoingMessage,
      'idempotencyKey'
    >;
    return { ...sealed, idempotencyKey: row.id };
  }

  /** A number that texted STOP gets no more texts or calls, not even a confirmation code, until it texts START. */
  private async stoppedBySms(contactHash: string): Promise<boolean> {
    const rows = await this.deps.db.query(
      `SELECT 1 AS stopped FROM alert_subscriptions
       WHERE contact_hash = $1 AND channel <> 'email' AND status = 'unsubscribed' AND unsubscribed_via = 'sms' LIMIT 1`,
      [contactHash],
    );
    return rows.length > 0;
  }

  private async finish(
    table: OutboxTable,
    row: Claimed,
    status: 'sent' | 'failed' | 'skipped',
    error: string | null,
  ): Promise<boolean> {
    const now = this.deps.now().toISOString();
    // A ready-made message holds its recipient: once it is done with, it is dropped.
    const drop = table === 'notify_messages' ? 'payload_enc = NULL,' : '';
    const { changes } = await this.deps.db.run(
      `UPDATE ${table} SET status = $1, last_error = $2, sent_at = $3, ${drop} lease_owner = NULL, lease_until = NULL
       WHERE id = $4 AND lease_owner = $5`,
      [status, error, status === 'sent' ? now : null, row.id, this.owner],
    );
    return changes === 1;
  }

  private async retryLater(table: OutboxTable, row: Claimed, error: string): Promise<void> {
    const next = new Date(this.deps.now().getTime() + retryDelaySeconds(row.attempts, this.deps.config) * 1000);
    await this.deps.db.run(
      `UPDATE ${table} SET last_error = $1, next_attempt_at = $2, lease_owner = NULL, lease_until = NULL
       WHERE id = $3 AND lease_owner = $4`,
      [error, next.toISOString(), row.id, this.owner],
    );
  }
}

/** Exponential backoff ×4 from the base, capped: 30 s, 2 min, 8 min, 32 min, ~2 h, then every 6 h. */
export function retryDelaySeconds(attempts: number, config: Pick<AlertsConfig, 'dispatch'>): number {
  const { retryBaseSeconds, retryCapSeconds } = config.dispatch;
  return Math.min(retryCapSeconds, retryBaseSeconds * 4 ** Math.max(0, attempts - 1));
}
