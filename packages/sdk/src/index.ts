// @referral-kit/sdk: the headless core. No DOM, no UI; runs in browsers and Node ≥ 20.
export * from './contract/index.js';
export * from './errors.js';
export * from './hotlines.js';
export * from './languages.js';
export { createClient } from './client.js';
export type { ReferralClient, SnapshotResult } from './client.js';
export { createRouteCaller, parseRetryAfter } from './route-caller.js';
export type { CallOptions, ClientOptions, IdempotentCallOptions, RouteOutput } from './route-caller.js';
// The directory search engine, HSDS conversion and the OpenAPI generator are their own entry points
// (`@referral-kit/sdk/search`, `/hsds`, `/openapi`): a page that only calls the API never downloads them.
