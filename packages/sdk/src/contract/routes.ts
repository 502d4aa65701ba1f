// The route table: the single description of the API that the client calls, the mocks serve and the server enforces.
// Each area defines its own routes beside its schemas (see route.ts); this is their union, in the order the OpenAPI
// document lists them.
import { alertRoutes } from './alerts.js';
import { callbackRoutes } from './callbacks.js';
import { custodyRoutes } from './custody.js';
import { serviceRoutes } from './service.js';

export { buildPath, type HttpMethod, type RouteDef } from './route.js';

export const routes = { ...custodyRoutes, ...serviceRoutes, ...alertRoutes, ...callbackRoutes };

export type RouteName = keyof typeof routes;
export type Routes = typeof routes;
