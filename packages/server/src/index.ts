// @referral-kit/server: the reference API as a library, for embedding it or scripting imports.
export { startServer, run, type RunningServer, type StartOptions } from './main.js';
export { createApp, type App, type AppOptions, type AlertsHttp } from './app.js';
export { loadConfig, ConfigError, type ServerConfig } from './config.js';
export { openDb, migrate } from './db/index.js';
export type { Db, SqlParam } from './db/types.js';
export { seedDemo } from './db/seed.js';
export {
  importCustody,
  alertEventFor,
  type CustodyImportOptions,
  type StatusChangeEvent,
} from './import/custody-import.js';
export { importServices, type ServicesImportOptions } from './import/services-import.js';
export { formatReport, type ImportReport, type RowIssue } from './import/report.js';
export { runCli, EXIT } from './cli.js';
export { createLogger, type Logger } from './logger.js';
export { HttpError, type ExtraRoute, type Handler, type HandlerResult, type RequestContext } from './http/types.js';
