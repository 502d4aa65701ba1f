// The callbacks module: visitors ask a specialist to make contact. It shares the alerts module's keys, rate
// limiter and outbox (the alerts dispatcher sends its messages).
import type { Logger } from 'pino';
import type { AlertKeys } from '../alerts/crypto.js';
import type { RateLimiter } from '../alerts/rate-limiter.js';
import type { Db } from '../db/types.js';
import type { ExtraRoute, Handler, RouteName } from '../http/types.js';
import { cancelCallbackHandler, cancelPageRoutes } from './cancel.js';
import type { CallbacksConfig } from './config.js';
import type { CallbacksContext } from './context.js';
import { requestCallbackHandler } from './request.js';

export { callbacksConfig, callbacksConfigFromEnv, type CallbacksConfig } from './config.js';
export { chooseTeam, loadTeams, saveTeam, type Team } from './routing.js';

export interface CallbacksModule {
  handlers: Pick<Record<RouteName, Handler>, 'requestCallback' | 'cancelCallback'>;
  extraRoutes: ExtraRoute[];
}

export function createCallbacks(deps: {
  db: Db;
  config: CallbacksConfig;
  keys: AlertKeys;
  limiter: RateLimiter;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  /** Country calling codes phone contacts may have (the alerts setting). */
  allowedCountryCodes: readonly string[];
}): CallbacksModule {
  const c: CallbacksContext = { db: deps.db, config: deps.config, keys: deps.keys, limiter: deps.limiter, logger: deps.logger, now: deps.now, publicUrl: deps.publicUrl };
  return {
    handlers: {
      requestCallback: requestCallbackHandler(c, deps.allowedCountryCodes),
      cancelCallback: cancelCallbackHandler(c),
    },
    extraRoutes: cancelPageRoutes(c),
  };
}
