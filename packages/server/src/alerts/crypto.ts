// Every secret the alerts module uses comes from one master key, split by HKDF so that one purpose's key
// never doubles as another's. Contacts are sealed with AES-256-GCM and found again through a keyed hash.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  scrypt as scryptCallback,
  timingSafeEqual,
} from 'node:crypto';
import { promisify } from 'node:util';
import type { AlertChannel } from '@referral-kit/sdk';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

const HKDF_SALT = 'referral-kit/alerts/v1';
const PURPOSES = ['contact-encryption', 'contact-lookup', 'tokens', 'codes', 'idempotency', 'rate-limit'] as const;
type Purpose = (typeof PURPOSES)[number];

export const MIN_KEY_BYTES = 32;

export type TokenPurpose = 'confirm' | 'unsubscribe' | 'callback-cancel';

export interface AlertKeys {
  /** Encrypts contacts and message payloads (AES-256-GCM, random 96-bit IV). */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** Keyed hash of a normalized contact: the only way rows are looked up by contact. */
  contactHash(channel: AlertChannel, normalizedContact: string): string;
  /** `<id>.<HMAC>` for links: confirm and unsubscribe alerts, cancel a callback request. */
  signToken(purpose: TokenPurpose, id: string): string;
  /** The id inside a token whose signature checks out for this purpose, else null. */
  verifyToken(purpose: TokenPurpose, token: string): string | null;
  codeHash(confirmationId: string, code: string): string;
  idempotencyHash(scope: string, value: string): string;
  rateLimitKey(scope: string, value: string): string;
}

export function deriveKeys(master: Buffer): AlertKeys {
  if (master.length < MIN_KEY_BYTES) throw new Error(`The alerts secret key must be at least ${MIN_KEY_BYTES} bytes.`);
  const key = (purpose: Purpose) => Buffer.from(hkdfSync('sha256', master, HKDF_SALT, purpose, 32));
  const encryptionKey = key('contact-encryption');
  const lookupKey = key('contact-lookup');
  const tokenKey = key('tokens');
  const codeKey = key('codes');
  const idempotencyKey = key('idempotency');
  const rateLimitKey = key('rate-limit');
  const hmac = (k: Buffer, data: string) => createHmac('sha256', k).update(data).digest();

  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed, context) {
      if (!sealed.startsWith('v1.')) throw new Error('Unknown sealed-value version');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    contactHash(channel, normalizedContact) {
      // sms, voice and tty share one hash per number, so an inbound STOP finds the number whatever the channel.
      const kind = channel === 'email' ? 'email' : 'phone';
      return hmac(lookupKey, `${kind}:${normalizedContact}`).toString('base64url');
    },
    signToken(purpose, id) {
      return `${id}.${hmac(tokenKey, `${purpose}\n${id}`).toString('base64url')}`;
    },
    verifyToken(purpose, token) {
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return null;
      const id = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = hmac(tokenKey, `${purpose}\n${id}`);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
    codeHash(confirmationId, code) {
      return hmac(codeKey, `${confirmationId}\n${code}`).toString('base64url');
    },
    idempotencyHash(scope, value) {
      return hmac(idempotencyKey, `${scope}\n${value}`).toString('base64url');
    },
    rateLimitKey(scope, value) {
      return hmac(rateLimitKey, `${scope}\n${value}`).toString('base64url');
    },
  };
}

/** Compares two strings in constant time (for hashes of equal length). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A random identifier safe in URLs and in the contract's Id pattern (22 chars, 128 bits). */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}

/** A uniformly random 10-digit registration reference (see 007_telephony_reference.sql). */
export function randomReference(): string {
  return `${randomInt(0, 100_000)}`.padStart(5, '0') + `${randomInt(0, 100_000)}`.padStart(5, '0');
}

/** A uniformly random 6-digit code. */
export function randomCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

// scrypt parameters: ~16 MiB and tens of milliseconds per hash; a 4–8 digit PIN needs the cost. Staff passwords
// pass a higher cost (N); every hash carries its parameters, so verifying never depends on the current setting.
const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
/** scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default. */
const maxmem = (N: number, r: number) => 256 * N * r;

export async function hashPin(pin: string, cost = SCRYPT.N): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(pin, salt, 32, { N: cost, r: SCRYPT.r, p: SCRYPT.p, maxmem: maxmem(cost, SCRYPT.r) });
  return `scrypt$${cost}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(n), Number(r)),
  });
  return timingSafeEqual(actual, expected);
}
