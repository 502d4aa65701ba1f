// Server configuration from environment variables, validated once at start. Messages name the variable and what
// it expects, never echo the value (DATABASE_URL may hold a password).
import { resolve, join } from 'node:path';
import * as z from 'zod/v4/mini';
import { alertsConfigFromEnv, type AlertsConfig } from './alerts/index.js';
import { clientAddressResolver, type TrustProxy } from './http/client-address.js';
import { callbacksConfigFromEnv, type CallbacksConfig } from './callbacks/index.js';
import { staffConfigFromEnv, type StaffConfig } from './staff/config.js';
import { insightsConfigFromEnv, type InsightsConfig } from './insights/config.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const FLAG_VALUES = ['true', 'false', '1', '0', 'yes', 'no'] as const;
type FlagValue = (typeof FLAG_VALUES)[number];
const isOn = (v: FlagValue) => v === 'true' || v === '1' || v === 'yes';

const int = (fallback: number, min: number, max: number) =>
  z.pipe(
    z.optional(z.string().check(z.regex(/^\d+$/, `expected a whole number from ${min} to ${max}`))),
    z.pipe(
      z.transform((v: string | undefined) => (v === undefined ? fallback : Number(v))),
      z
        .number()
        .check(
          z.gte(min, `expected a whole number from ${min} to ${max}`),
          z.lte(max, `expected a whole number from ${min} to ${max}`),
        ),
    ),
  );

/** An origin: scheme, host and optional port, no path. */
export function parseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
    if (!/^https?:\/\/[^/]+\/?$/.test(value)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

const origins = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined, ctx) => {
    const list = (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const parsed: string[] = [];
    for (const item of list) {
      const origin = parseOrigin(item);
      if (origin) parsed.push(origin);
      else
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: `"${item}" is not an origin such as https://partner.example.org`,
        });
    }
    return parsed;
  }),
);

const share = z.pipe(
  z.optional(z.string().check(z.regex(/^(0(\.\d+)?|1(\.0+)?|\d+(\.\d+)?%)$/, 'expected a share such as 0.05 or 5%'))),
  z.pipe(
    z.transform((v: string | undefined) =>
      v === undefined ? 0.05 : v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v),
    ),
    z.number().check(z.gt(0, 'expected a share above 0'), z.lte(1, 'expected a share of at most 1 (100%)')),
  ),
);

const TRUST_PROXY_EXPECTED =
  'expected true, false, a hop count, or addresses and CIDR ranges (loopback, linklocal, uniquelocal, 10.0.0.0/8, …)';

/** `true` trusts the one proxy in front (the usual single reverse proxy); see TrustProxy for every form. */
const trustProxy = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined, ctx): TrustProxy => {
    const text = (v ?? '').trim().toLowerCase();
    if (text === '' || text === 'false' || text === 'no') return false;
    if (text === 'true' || text === 'yes') return true;
    const trust: TrustProxy = /^\d{1,2}$/.test(text)
      ? Number(text)
      : text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    try {
      clientAddressResolver(trust);
      return trust;
    } catch {
      ctx.issues.push({ code: 'custom', input: v, message: TRUST_PROXY_EXPECTED });
      return false;
    }
  }),
);

/** Enough for a person (or a busy shared office network) looking people up; far too few to copy the roster. */
export const DEFAULT_CUSTODY_LOOKUPS_PER_MINUTE = 120;

const EnvSchema = z.object({
  PORT: int(8787, 0, 65535),
  HOST: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  DATABASE_URL: z.optional(
    z
      .string()
      .check(z.regex(/^postgres(ql)?:\/\/\S+$/, 'expected a postgres:// URL (unset it to use embedded SQLite)')),
  ),
  DATABASE_POOL_SIZE: int(10, 1, 1000),
  CORS_ORIGINS: origins,
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS, `expected one of ${LOG_LEVELS.join(', ')}`), 'info'),
  PUBLIC_URL: z.optional(
    z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://api.example.org' }),
  ),
  TRUST_PROXY: trustProxy,
  BODY_LIMIT_BYTES: int(16_384, 256, 10_485_760),
  MASS_CHANGE_SHARE: share,
  DEMO: z.optional(z.enum(FLAG_VALUES, 'expected true or false')),
  SEED_DEMO: z.optional(z.enum(FLAG_VALUES, 'expected true or false')),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 0, 600_000),
  CUSTODY_LOOKUPS_PER_MINUTE: int(DEFAULT_CUSTODY_LOOKUPS_PER_MINUTE, 0, 1_000_000),
  METRICS_TOKEN: z.optional(
    z.string().check(z.minLength(16, 'expected at least 16 characters (e.g. `openssl rand -base64 24`)')),
  ),
  NODE_ENV: z.optional(z.string()),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// URL, or undefined for embedded SQLite at `sqliteFile`. */
  databaseUrl: string | undefined;
  /** PostgreSQL connections each process may hold at once (instances + workers + CLI runs, times this, must fit). */
  databasePoolSize: number;
  sqliteFile: string;
  corsOrigins: string[];
  logLevel: LogLevel;
  publicUrl: string | undefined;
  /** Which proxies' X-Forwarded-For entries name the client (rate limits only). */
  trustProxy: TrustProxy;
  bodyLimitBytes: number;
  massChangeShare: number;
  /** Demo mode: local defaults for alerts (file transport, generated key). Default on, except with NODE_ENV=production. */
  demo: boolean;
  /** Seed demo data into an empty database (default: as `demo`). */
  seedDemo: boolean;
  shutdownTimeoutMs: number;
  /** Custody searches and record reads per client address per minute; 0 turns the limit off. */
  custodyLookupsPerMinute: number;
  /** Bearer token that GET /metrics requires; unset turns /metrics off. */
  metricsToken: string | undefined;
  alerts: AlertsConfig;
  callbacks: CallbacksConfig;
  staff: StaffConfig;
  insights: InsightsConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and checks the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const result = z.safeParse(EnvSchema, env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = result.data;
  const dataDir = resolve(cwd, e.DATA_DIR);
  const demo = e.DEMO === undefined ? e.NODE_ENV !== 'production' : isOn(e.DEMO);
  let alerts: AlertsConfig;
  let callbacks: CallbacksConfig;
  let staff: StaffConfig;
  let insights: InsightsConfig;
  try {
    alerts = alertsConfigFromEnv(env, { demo, dataDir });
    callbacks = callbacksConfigFromEnv(env);
    staff = staffConfigFromEnv(env, e.PUBLIC_URL);
    insights = insightsConfigFromEnv(env);
  } catch (error) {
    throw new ConfigError([error instanceof Error ? error.message : String(error)]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    sqliteFile: join(dataDir, 'referral-kit.sqlite'),
    corsOrigins: e.CORS_ORIGINS,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    massChangeShare: e.MASS_CHANGE_SHARE,
    demo,
    seedDemo: e.SEED_DEMO === undefined ? demo : isOn(e.SEED_DEMO),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    custodyLookupsPerMinute: e.CUSTODY_LOOKUPS_PER_MINUTE,
    metricsToken: e.METRICS_TOKEN,
    alerts,
    callbacks,
    staff,
    insights,
  };
}
