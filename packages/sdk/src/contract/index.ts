export * from './common.js';
export * from './service.js';
export * from './custody.js';
export * from './facility.js';
export * from './alerts.js';
export * from './routes.js';
export * from './route-input.js';
export * from './callbacks.js';
