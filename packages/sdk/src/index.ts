// @referral-kit/sdk: the headless core. No DOM, no UI; runs in browsers and Node ≥ 20.
export * from './contract/index.js';
export * from './errors.js';
export { createClient, parseRetryAfter, toFieldErrors } from './client.js';
export type { CallOptions, ClientOptions, IdempotentCallOptions, ReferralClient, SnapshotResult } from './client.js';
export * from './search/index.js';
export { createOpenApiDocument, toStableJson, OPENAPI_API_VERSION, type OpenApiOptions } from './openapi.js';
export * from './hsds/index.js';
