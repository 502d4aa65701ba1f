// The alerts module: double opt-in custody-status alerts and their notification outbox, wired into the server
// through handlers for the contract routes, a few extra routes, and a dispatcher the server starts and stops.
import type { Clock } from '../clock.js';
import type { Logger } from 'pino';
import type { InsightsCounter } from '../insights/counter.js';
import type { Db } from '../db/types.js';
import type { ExtraRoute, RouteHandlers } from '../http/types.js';
import { Dispatcher, type DispatcherDeps, type Transports } from '../notify/dispatcher.js';
import type { Transport } from '../notify/transports/types.js';
import { FileTransport } from '../notify/transports/file.js';
import { SmtpTransport } from '../notify/transports/smtp.js';
import { TwilioTransport } from '../notify/transports/twilio.js';
import { WebhookTransport } from '../notify/transports/webhook.js';
import { alertCallScript } from '../telephony/flow.js';
import { twilioCallbacks, twilioRoutes } from '../telephony/twilio.js';
import type { AlertsConfig, PhoneTransportConfig } from './config.js';
import { confirmHandler } from './confirm.js';
import { confirmPageRoutes } from './confirm-page.js';
import type { AlertsContext } from './context.js';
import { deriveKeys, type AlertKeys } from './crypto.js';
import { demoOutboxRoutes } from './demo-outbox.js';
import { inboundRoutes } from './inbound.js';
import { optionsHandler } from './options.js';
import { limiterFor, type Limiter } from './rate-limiter.js';
import { pacerFor } from '../notify/pace.js';
import { purgeExpired } from './retention.js';
import { subscribeHandler } from './subscribe.js';
import { stopPageRoutes, unsubscribeHandler } from './unsubscribe.js';

export {
  alertsConfig,
  alertsConfigFromEnv,
  DEFAULT_LIMITS,
  type AlertsConfig,
  type AlertsConfigInput,
} from './config.js';
export { enqueueStatusChange, enqueueStatusChanges, type StatusChange } from '../notify/outbox.js';
export type { Transports } from '../notify/dispatcher.js';

export interface AlertsModule {
  /** Shared with the callbacks module: one master key, one limiter. */
  keys: AlertKeys;
  limiter: Limiter;
  handlers: Required<Pick<RouteHandlers, 'getAlertOptions' | 'subscribe' | 'confirmSubscription' | 'unsubscribe'>>;
  extraRoutes: ExtraRoute[];
  /** `maintain` runs every periodic clean-up task now (the dispatcher runs them hourly). */
  dispatcher: { start(): void; stop(): Promise<void>; runOnce(): Promise<number>; maintain(now: Date): Promise<void> };
  /** Adds periodic clean-up the dispatcher runs between batches (callbacks retention, staff sessions). */
  addMaintenance(task: (now: Date) => Promise<void>): void;
  /** Closes transport connections (SMTP pool). Call after dispatcher.stop(). */
  close(): Promise<void>;
}

export function createAlerts(deps: {
  db: Db;
  config: AlertsConfig;
  logger: Logger;
  now: Clock;
  /** Replaces the configured transports (tests, custom gateways). */
  transports?: Partial<Transports>;
  /** Told the outcome of every hand-over (metrics). */
  onDelivery?: DispatcherDeps['onDelivery'];
  /** How the dispatcher waits for a provider's slot (tests move their clock instead). */
  sleep?: DispatcherDeps['sleep'];
  /** Counts confirmations, unsubscribes and deliveries for the insights reports. */
  insights?: InsightsCounter;
}): AlertsModule {
  const now = deps.now;
  const c: AlertsContext = {
    db: deps.db,
    config: deps.config,
    keys: deriveKeys(deps.config.secretKey),
    logger: deps.logger,
    limiter: limiterFor(deps.db),
    now,
    insights: deps.insights,
  };
  // One file transport for both channels when both use it: one writer, one set of seen keys.
  const file = new FileTransport(deps.config.outboxFile, now);
  const transports: Transports = {
    email:
      deps.transports?.email ??
      (deps.config.email.transport === 'smtp'
        ? new SmtpTransport(deps.config.email.url, deps.config.from, deps.config.dispatch.sendTimeoutMs)
        : file),
    phone: deps.transports?.phone ?? phoneTransport(c, deps.config.phone, file),
  };
  const maintenance: ((now: Date) => Promise<void>)[] = [
    (at) => purgeExpired(c.db, c.config, at),
    (at) => c.limiter.purge(at.getTime()),
  ];
  const maintain = async (at: Date) => {
    for (const task of maintenance) await task(at);
  };
  const dispatcher = new Dispatcher({
    db: c.db,
    keys: c.keys,
    config: c.config,
    transports,
    logger: c.logger,
    now,
    maintenance: maintain,
    pacer: pacerFor(c.db),
    sleep: deps.sleep,
    onDelivery: (transport, outcome) => {
      deps.onDelivery?.(transport, outcome);
      if (outcome !== 'retry') c.insights?.count('delivery', { channel: transport, outcome });
    },
  });

  return {
    keys: c.keys,
    limiter: c.limiter,
    handlers: {
      getAlertOptions: optionsHandler(c.config),
      subscribe: subscribeHandler(c),
      confirmSubscription: confirmHandler(c),
      unsubscribe: unsubscribeHandler(c),
    },
    extraRoutes: [
      ...confirmPageRoutes(c),
      ...stopPageRoutes(c),
      ...inboundRoutes(c),
      ...twilioRoutes(c),
      ...demoOutboxRoutes(c),
    ],
    dispatcher: {
      start: () => dispatcher.start(),
      stop: () => dispatcher.stop(),
      runOnce: () => dispatcher.runOnce(),
      maintain,
    },
    addMaintenance: (task) => void maintenance.push(task),
    async close() {
      await Promise.all([transports.email.close?.(), transports.phone.close?.()]);
    },
  };
}

function phoneTransport(c: AlertsContext, config: PhoneTransportConfig, file: FileTransport): Transport {
  switch (config.transport) {
    case 'webhook':
      return new WebhookTransport(config.url, config.secret, c.now, undefined, (message) =>
        alertCallScript(c, message),
      );
    case 'twilio':
      return new TwilioTransport(config.twilio, twilioCallbacks(c), c.config.dispatch.sendTimeoutMs);
    case 'file':
      return file;
  }
}
