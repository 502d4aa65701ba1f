// TOTP (RFC 6238): HMAC-SHA1, 30-second steps, 6 digits, what every authenticator app speaks. The codes come from
// otplib (a maintained implementation, checked here against the RFC's vectors); this file fixes the parameters, takes
// the time from the caller's clock and keeps the replay rule: a step once used is never accepted again.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
const ISSUER = 'referral-kit';
const PARAMETERS = { algorithm: 'sha1', digits: DIGITS, period: TOTP_STEP_SECONDS } as const;

/** A new 160-bit secret, base32 (how authenticator apps take it). */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

const epochOf = (at: Date) => Math.floor(at.getTime() / 1000);

/** The time step a moment falls in. */
export const totpStep = (at: Date) => Math.floor(epochOf(at) / TOTP_STEP_SECONDS);

/** The code an authenticator app shows at a moment. */
export const totp = (secret: string, at: Date): string => generateSync({ ...PARAMETERS, secret, epoch: epochOf(at) });

/**
 * The step a code belongs to, allowing one step of clock drift either way, or null. Only steps after `after`
 * count, so a code that was used (or an older one) cannot be replayed.
 */
export function matchTotp(secret: string, code: string, at: Date, after: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    ...PARAMETERS,
    secret,
    token: code,
    epoch: epochOf(at),
    epochTolerance: TOTP_STEP_SECONDS,
    afterTimeStep: after,
  });
  // A TOTP result carries its step (the union's HOTP side does not).
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The otpauth:// URI authenticator apps read from a QR code. */
export const otpauthUri = (secret: string, account: string): string =>
  generateURI({ ...PARAMETERS, issuer: ISSUER, label: account, secret });
