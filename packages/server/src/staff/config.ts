// Staff console configuration: session lifetimes, setup links, sign-in lockout and the password hash cost.
import type { Limit } from '../alerts/rate-limiter.js';
import { ssoConfigFromEnv, type SsoConfig } from './sso-config.js';

export interface StaffConfig {
  /** A session unused for this long ends. */
  idleTimeoutMinutes: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteTimeoutHours: number;
  /** How long a setup link from `referral-kit staff add` stays usable. */
  setupLinkHours: number;
  /** Failed sign-ins in a row that lock an account … */
  lockoutAttempts: number;
  /** … for this long. */
  lockoutMinutes: number;
  /** Sign-in and setup requests per client address. */
  signInPerIp: Limit;
  /** scrypt cost (N) for new password hashes; stored with each hash, so lowering it never breaks old ones. */
  passwordCost: number;
  /** Origin the console is served from; state changes from any other Origin are refused. Default: the request's Host. */
  origin: string | undefined;
  /** Single sign-on with OpenID Connect; undefined: off. */
  sso: SsoConfig | undefined;
}

/** scrypt N = 2^17, r = 8: 128 MiB per hash, OWASP's recommended minimum for scrypt. */
export const DEFAULT_PASSWORD_COST = 2 ** 17;

export function staffConfig(input: Partial<StaffConfig> = {}): StaffConfig {
  return {
    idleTimeoutMinutes: 30,
    absoluteTimeoutHours: 12,
    setupLinkHours: 72,
    lockoutAttempts: 5,
    lockoutMinutes: 15,
    signInPerIp: { max: 30, windowSeconds: 15 * 60 },
    passwordCost: DEFAULT_PASSWORD_COST,
    origin: undefined,
    sso: undefined,
    ...input,
  };
}

const WHOLE = /^\d{1,6}$/;

/** STAFF_SESSION_IDLE_MINUTES, STAFF_SESSION_ABSOLUTE_HOURS, STAFF_SETUP_LINK_HOURS, STAFF_LOCKOUT_ATTEMPTS, STAFF_LOCKOUT_MINUTES. */
export function staffConfigFromEnv(env: NodeJS.ProcessEnv, publicUrl: string | undefined): StaffConfig {
  const whole = (name: string, min: number): number | undefined => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return undefined;
    if (!WHOLE.test(text) || Number(text) < min) throw new Error(`${name} must be a whole number of at least ${min}.`);
    return Number(text);
  };
  const set = <K extends keyof StaffConfig>(key: K, value: StaffConfig[K] | undefined) =>
    value === undefined ? {} : { [key]: value };
  return staffConfig({
    ...set('idleTimeoutMinutes', whole('STAFF_SESSION_IDLE_MINUTES', 1)),
    ...set('absoluteTimeoutHours', whole('STAFF_SESSION_ABSOLUTE_HOURS', 1)),
    ...set('setupLinkHours', whole('STAFF_SETUP_LINK_HOURS', 1)),
    ...set('lockoutAttempts', whole('STAFF_LOCKOUT_ATTEMPTS', 1)),
    ...set('lockoutMinutes', whole('STAFF_LOCKOUT_MINUTES', 1)),
    origin: publicUrl ? new URL(publicUrl).origin : undefined,
    sso: ssoConfigFromEnv(env, publicUrl),
  });
}
