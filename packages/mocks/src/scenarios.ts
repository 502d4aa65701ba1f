// Failure modes the mocks can play, globally or per route, so every error path of a client can be exercised.
import type { RouteName } from '@referral-kit/sdk';

export const SCENARIOS = [
  'ok',
  /** The request fails at the network level (`TypeError: Failed to fetch`). */
  'network-error',
  /** 500 with an ErrorBody. */
  'server-error',
  /** 429 with `Retry-After: 1`. */
  'rate-limited',
  /** Answers normally after `slowMs` (default 1500 ms). */
  'slow',
  /** Never answers. */
  'never',
  /** 200 whose body is not JSON. */
  'malformed-json',
  /** 200 JSON that breaks the response schema (e.g. a bogus status and a date of birth on a custody record). */
  'contract-violation',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** One scenario for every route, or a scenario per route (routes not named answer 'ok'). */
export type ScenarioSetting = Scenario | Partial<Record<RouteName, Scenario>>;

export function scenarioFor(setting: ScenarioSetting, route: RouteName): Scenario {
  return typeof setting === 'string' ? setting : (setting[route] ?? 'ok');
}

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}
