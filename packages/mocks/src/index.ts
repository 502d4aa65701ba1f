// @referral-kit/mocks: deterministic fixtures and msw handlers for every referral-kit route and failure mode.
// Works with msw/node (setupServer) and msw/browser (setupWorker): nothing here imports Node built-ins.
export * from './fixtures/index.js';
export {
  createHandlers,
  createMockApi,
  MOCK_ALERT_OPTIONS,
  MOCK_CALLBACK_OPTIONS,
  MOCK_CONFIRMATION_CODE,
  MOCK_CONFIRMATION_TTL_SECONDS,
} from './handlers.js';
export type { MockApi, MockApiOptions, PendingSubscription, ReceivedCallback } from './handlers.js';
export { SCENARIOS, isScenario, scenarioFor, type Scenario, type ScenarioSetting } from './scenarios.js';
export { CONTRACT_VIOLATIONS } from './violations.js';
export { searchCustody, searchServices } from './queries.js';
