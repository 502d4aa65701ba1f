// The callbacks module: visitors ask a specialist to make contact. It shares the alerts module's keys, rate
// limiter and outbox (the alerts dispatcher sends its messages).
import type { ExtraRoute, RouteHandlers } from '../http/types.js';
import { cancelCallbackHandler, cancelPageRoutes } from './cancel.js';
import type { CallbacksContext } from './context.js';
import { optionsHandler } from './options.js';
import { requestCallbackHandler } from './request.js';
import { eraseClosedRequests } from './retention.js';

export { callbacksConfig, callbacksConfigFromEnv, type CallbacksConfig } from './config.js';
export { chooseTeam, loadTeams, saveTeam, type Team } from './routing.js';

export interface CallbacksModule {
  handlers: Required<Pick<RouteHandlers, 'getCallbackOptions' | 'requestCallback' | 'cancelCallback'>>;
  extraRoutes: ExtraRoute[];
  /** Erases personal data of requests closed longer ago than the retention (the dispatcher runs it periodically). */
  maintenance: (now: Date) => Promise<void>;
}

export function createCallbacks(
  deps: CallbacksContext & {
    /** Country calling codes phone contacts may have (the alerts setting). */
    allowedCountryCodes: readonly string[];
  },
): CallbacksModule {
  const { allowedCountryCodes, ...c } = deps;
  return {
    handlers: {
      getCallbackOptions: optionsHandler,
      requestCallback: requestCallbackHandler(c, allowedCountryCodes),
      cancelCallback: cancelCallbackHandler(c),
    },
    extraRoutes: cancelPageRoutes(c),
    maintenance: async (now) => {
      await eraseClosedRequests(c.db, c.config.retentionDays, now);
    },
  };
}
