// Alerts configuration: secrets, transports, limits. Read once from the environment; every error says what to set.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { LEASE_MARGIN_MS } from '../notify/dispatcher.js';
import { MIN_KEY_BYTES } from './crypto.js';
import type { Limit } from './rate-limiter.js';

export type EmailTransportConfig = { transport: 'file' } | { transport: 'smtp'; url: string };
export type PhoneTransportConfig =
  | { transport: 'file' }
  | { transport: 'webhook'; url: string; secret: string }
  | { transport: 'twilio'; twilio: TwilioConfig };

/** Twilio credentials and the number calls and texts come from. Never logged. */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** E.164 number outbound calls and texts come from (the number partners configure at Twilio). */
  from: string;
  /** Where the REST API lives (default https://api.twilio.com); tests point it at a local fake. */
  apiBaseUrl?: string;
}

/** The call-in line: where "for another language, stay on the line" transfers to. */
export interface PhoneLineConfig {
  /** E.164 number of the interpreter line, e.g. +18662777477; without one the line only offers its own languages. */
  interpreterNumber: string | undefined;
  /** Keys pressed once the interpreter line answers (its menu option), e.g. "2". */
  interpreterDigits: string | undefined;
}

export interface AlertsConfig {
  demo: boolean;
  /** Master key; every other key is derived from it (see crypto.ts). */
  secretKey: Buffer;
  /** Where this API is reachable from a subscriber's mail client: links to confirm and stop. */
  publicUrl: string;
  /** Neutral sender shown on email. */
  from: string;
  email: EmailTransportConfig;
  phone: PhoneTransportConfig;
  /** The file transport's JSON-lines log (demo: the outbox page reads it). */
  outboxFile: string;
  /** Shared secret the SMS/voice gateway signs inbound webhooks with; inbound webhooks are refused without one. */
  inboundSecret: string | undefined;
  /** Country calling codes phone alerts may go to, digits only. */
  allowedCountryCodes: string[];
  phoneLine: PhoneLineConfig;
  limits: { subscribePerIp: Limit; subscribePerContact: Limit; confirmPerIp: Limit; unsubscribePerIp: Limit };
  confirmation: { ttlSeconds: number; maxAttempts: number };
  dispatch: {
    intervalMs: number;
    batchSize: number;
    leaseSeconds: number;
    maxAttempts: number;
    retryBaseSeconds: number;
    retryCapSeconds: number;
    sendTimeoutMs: number;
    /** Hand-overs per second to each provider, counted across every worker (0 = no limit): email, and phone (SMS, voice, TTY). */
    perSecond: { email: number; phone: number };
    /** Sends one worker runs at the same time on each transport (at least 1): email, and phone (SMS, voice, TTY). */
    concurrency: { email: number; phone: number };
  };
  idempotencyTtlSeconds: number;
}

export type AlertsConfigInput = Pick<AlertsConfig, 'secretKey' | 'publicUrl' | 'outboxFile'> & {
  [K in Exclude<keyof AlertsConfig, 'secretKey' | 'publicUrl' | 'outboxFile'>]?: AlertsConfig[K] extends object
    ? AlertsConfig[K] extends unknown[] | Buffer
      ? AlertsConfig[K]
      : Partial<AlertsConfig[K]>
    : AlertsConfig[K];
};

export const DEFAULT_LIMITS: AlertsConfig['limits'] = {
  subscribePerIp: { max: 10, windowSeconds: 3600 },
  // Each subscribe sends a message to the contact: this is what stops the form being used to pester someone.
  subscribePerContact: { max: 3, windowSeconds: 24 * 3600 },
  confirmPerIp: { max: 30, windowSeconds: 3600 },
  unsubscribePerIp: { max: 30, windowSeconds: 3600 },
};

/** A complete configuration from the required parts plus any overrides (tests, embedding). */
export function alertsConfig(input: AlertsConfigInput): AlertsConfig {
  const config: AlertsConfig = {
    demo: input.demo ?? false,
    secretKey: input.secretKey,
    publicUrl: input.publicUrl.replace(/\/+$/, ''),
    from: input.from ?? 'Notifications <no-reply@localhost>',
    email: (input.email as EmailTransportConfig | undefined) ?? { transport: 'file' },
    phone: (input.phone as PhoneTransportConfig | undefined) ?? { transport: 'file' },
    outboxFile: input.outboxFile,
    inboundSecret: input.inboundSecret,
    allowedCountryCodes: input.allowedCountryCodes ?? ['1'],
    phoneLine: { interpreterNumber: undefined, interpreterDigits: undefined, ...input.phoneLine },
    limits: { ...DEFAULT_LIMITS, ...input.limits },
    confirmation: { ttlSeconds: 15 * 60, maxAttempts: 5, ...input.confirmation },
    dispatch: {
      intervalMs: 2000,
      batchSize: 25,
      leaseSeconds: 300,
      maxAttempts: 8,
      retryBaseSeconds: 30,
      retryCapSeconds: 6 * 3600,
      sendTimeoutMs: 30_000,
      perSecond: { email: 0, phone: 0 },
      concurrency: { email: 1, phone: 1 },
      ...input.dispatch,
    },
    idempotencyTtlSeconds: input.idempotencyTtlSeconds ?? 24 * 3600,
  };
  const { leaseSeconds, sendTimeoutMs, concurrency } = config.dispatch;
  if (!(concurrency.email >= 1 && concurrency.phone >= 1))
    throw new Error('The dispatch concurrency of each transport must be at least 1.');
  if (leaseSeconds * 1000 < sendTimeoutMs + LEASE_MARGIN_MS) {
    throw new Error(
      `The dispatch lease (${leaseSeconds} s) must outlast a send (${sendTimeoutMs} ms) by ${LEASE_MARGIN_MS} ms, or nothing is ever sent.`,
    );
  }
  return config;
}

/** Reads ALERTS_* variables. Demo mode fills in safe local defaults, including a generated key file. */
export function alertsConfigFromEnv(env: NodeJS.ProcessEnv, opts: { demo: boolean; dataDir: string }): AlertsConfig {
  const get = (name: string) => env[name]?.trim() || undefined;
  const need = (name: string, why: string) => {
    const value = get(name);
    if (value === undefined) throw new Error(`${name} is required ${why}.`);
    return value;
  };

  const keyText = get('ALERTS_SECRET_KEY');
  if (keyText === undefined && !opts.demo) {
    throw new Error(
      `ALERTS_SECRET_KEY is required outside demo mode (${MIN_KEY_BYTES}+ random bytes as base64 or hex, e.g. \`openssl rand -base64 32\`).`,
    );
  }
  const secretKey = keyText !== undefined ? parseKey(keyText) : demoKey(opts.dataDir);

  const publicUrl =
    get('ALERTS_PUBLIC_URL') ??
    get('PUBLIC_URL') ??
    (opts.demo
      ? `http://localhost:${get('PORT') ?? '8787'}`
      : need('ALERTS_PUBLIC_URL', 'outside demo mode (the https:// address of this API, used in message links)'));
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error('ALERTS_PUBLIC_URL must be an absolute http(s) URL.');
  if (!opts.demo && !publicUrl.startsWith('https://'))
    throw new Error('ALERTS_PUBLIC_URL must use https:// outside demo mode.');

  const emailKind = get('ALERTS_EMAIL_TRANSPORT') ?? (get('ALERTS_SMTP_URL') ? 'smtp' : opts.demo ? 'file' : undefined);
  let email: EmailTransportConfig;
  if (emailKind === 'file') email = { transport: 'file' };
  else if (emailKind === 'smtp')
    email = {
      transport: 'smtp',
      url: need('ALERTS_SMTP_URL', 'with ALERTS_EMAIL_TRANSPORT=smtp (smtp://user:pass@host:587)'),
    };
  else throw new Error('ALERTS_EMAIL_TRANSPORT must be "smtp" (with ALERTS_SMTP_URL) or "file".');

  const from =
    get('ALERTS_FROM') ??
    (email.transport === 'smtp' && !opts.demo
      ? need('ALERTS_FROM', 'with SMTP (a neutral sender such as "Notifications <no-reply@example.org>")')
      : undefined);

  const phoneKind =
    get('ALERTS_PHONE_TRANSPORT') ?? (get('ALERTS_GATEWAY_URL') ? 'webhook' : opts.demo ? 'file' : undefined);
  let phone: PhoneTransportConfig;
  if (phoneKind === 'file') phone = { transport: 'file' };
  else if (phoneKind === 'webhook') {
    const url = need('ALERTS_GATEWAY_URL', 'with ALERTS_PHONE_TRANSPORT=webhook (the SMS/voice gateway endpoint)');
    const secret = need(
      'ALERTS_GATEWAY_SECRET',
      'with ALERTS_PHONE_TRANSPORT=webhook (shared secret that signs each request)',
    );
    if (secret.length < 16) throw new Error('ALERTS_GATEWAY_SECRET must be at least 16 characters.');
    phone = { transport: 'webhook', url, secret };
  } else if (phoneKind === 'twilio') {
    const accountSid = need('TWILIO_ACCOUNT_SID', 'with ALERTS_PHONE_TRANSPORT=twilio (AC… from the Twilio console)');
    if (!/^AC[0-9a-f]{32}$/.test(accountSid))
      throw new Error('TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits.');
    const authToken = need('TWILIO_AUTH_TOKEN', "with ALERTS_PHONE_TRANSPORT=twilio (it signs Twilio's webhooks)");
    if (authToken.length < 16) throw new Error('TWILIO_AUTH_TOKEN must be at least 16 characters.');
    const from = need('TWILIO_FROM_NUMBER', 'with ALERTS_PHONE_TRANSPORT=twilio (the E.164 number alerts come from)');
    if (!/^\+[1-9]\d{7,14}$/.test(from))
      throw new Error('TWILIO_FROM_NUMBER must be an E.164 number such as +15551234567.');
    const apiBaseUrl = get('TWILIO_API_BASE_URL');
    if (apiBaseUrl !== undefined && !/^https?:\/\/[^/]+$/.test(apiBaseUrl))
      throw new Error('TWILIO_API_BASE_URL must be an origin such as https://api.twilio.com.');
    phone = { transport: 'twilio', twilio: { accountSid, authToken, from, apiBaseUrl } };
  } else
    throw new Error(
      'ALERTS_PHONE_TRANSPORT must be "webhook" (with ALERTS_GATEWAY_URL and ALERTS_GATEWAY_SECRET), "twilio" (with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER) or "file".',
    );

  const interpreterNumber = get('ALERTS_INTERPRETER_NUMBER');
  if (interpreterNumber !== undefined && !/^\+[1-9]\d{7,14}$/.test(interpreterNumber))
    throw new Error('ALERTS_INTERPRETER_NUMBER must be an E.164 number such as +18662777477.');
  const interpreterDigits = get('ALERTS_INTERPRETER_DIGITS');
  if (interpreterDigits !== undefined && !/^[0-9*#w]{1,20}$/.test(interpreterDigits))
    throw new Error('ALERTS_INTERPRETER_DIGITS must be keypad digits such as "2" (w waits half a second).');

  const inboundSecret = get('ALERTS_INBOUND_SECRET');
  if (inboundSecret !== undefined && inboundSecret.length < 16)
    throw new Error('ALERTS_INBOUND_SECRET must be at least 16 characters.');

  const codes = (get('ALERTS_ALLOWED_COUNTRY_CODES') ?? '1')
    .split(',')
    .map((c) => c.trim().replace(/^\+/, ''))
    .filter(Boolean);
  if (codes.length === 0 || codes.some((c) => !/^[1-9]\d{0,2}$/.test(c))) {
    throw new Error('ALERTS_ALLOWED_COUNTRY_CODES must be a comma-separated list of calling codes such as "1,52".');
  }

  const count = (name: string, fallback: number) => {
    const value = get(name);
    if (value === undefined) return fallback;
    if (!/^\d{1,6}$/.test(value)) throw new Error(`${name} must be a whole number.`);
    return Number(value);
  };
  const intervalMs = count('ALERTS_DISPATCH_INTERVAL_MS', 2000);
  const sends = (name: string) => {
    const value = count(name, 1);
    if (value < 1 || value > 100) throw new Error(`${name} must be between 1 and 100 (sends at a time per worker).`);
    return value;
  };
  const limits: AlertsConfig['limits'] = {
    ...DEFAULT_LIMITS,
    subscribePerIp: {
      max: count('ALERTS_SUBSCRIBE_PER_IP_PER_HOUR', DEFAULT_LIMITS.subscribePerIp.max),
      windowSeconds: 3600,
    },
    subscribePerContact: {
      max: count('ALERTS_SUBSCRIBE_PER_CONTACT_PER_DAY', DEFAULT_LIMITS.subscribePerContact.max),
      windowSeconds: 24 * 3600,
    },
  };

  return alertsConfig({
    demo: opts.demo,
    secretKey,
    publicUrl,
    from,
    email,
    phone,
    outboxFile: get('ALERTS_OUTBOX_FILE') ?? join(opts.dataDir, 'outbox.jsonl'),
    inboundSecret,
    allowedCountryCodes: codes,
    phoneLine: { interpreterNumber, interpreterDigits },
    limits,
    dispatch: {
      intervalMs,
      // How long a killed worker's batch stays out of reach: the wait before another worker sends it.
      leaseSeconds: count('ALERTS_DISPATCH_LEASE_SECONDS', 300),
      perSecond: { email: count('ALERTS_EMAIL_PER_SECOND', 0), phone: count('ALERTS_PHONE_PER_SECOND', 0) },
      concurrency: { email: sends('ALERTS_EMAIL_CONCURRENCY'), phone: sends('ALERTS_PHONE_CONCURRENCY') },
    },
  });
}

function parseKey(text: string): Buffer {
  const key =
    /^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(
      `ALERTS_SECRET_KEY must hold at least ${MIN_KEY_BYTES} bytes (base64 or hex); it holds ${key.length}.`,
    );
  }
  return key;
}

/** Demo mode: a random key generated once into the data directory, readable only by this user. */
function demoKey(dataDir: string): Buffer {
  const file = join(dataDir, 'alerts-secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return parseKey(readFileSync(file, 'utf8').trim());
}
