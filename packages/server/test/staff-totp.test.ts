// TOTP as RFC 6238 defines it (its appendix B test vectors, run through the library the console uses), the secrets
// and URI apps read, the clock the caller passes in, and the window that tolerates one step of drift but never
// accepts a code twice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateSync } from 'otplib';
import { matchTotp, newTotpSecret, otpauthUri, totp, totpStep } from '../src/staff/totp.js';

/** RFC 6238 appendix B: the seed for each HMAC, as ASCII digits repeated to the hash's length. */
const RFC_SEEDS = {
  sha1: '12345678901234567890',
  sha256: '12345678901234567890123456789012',
  sha512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;

/** [time in seconds, SHA-1, SHA-256, SHA-512], 8 digits. */
const RFC_VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

/** The SHA-1 seed in base32, as an authenticator app would hold it. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512 (8 digits)', () => {
    for (const [seconds, ...codes] of RFC_VECTORS) {
      (['sha1', 'sha256', 'sha512'] as const).forEach((algorithm, i) => {
        const code = generateSync({
          secret: new TextEncoder().encode(RFC_SEEDS[algorithm]),
          algorithm,
          digits: 8,
          period: 30,
          epoch: seconds,
        });
        assert.equal(code, codes[i], `${algorithm} T=${seconds}`);
      });
    }
  });

  it('gives the 6-digit codes an app shows for a base32 secret, at the time the caller passes in', () => {
    // The RFC's SHA-1 codes, last six digits (RFC 4226 truncation is the same; only the modulus differs).
    for (const [seconds, sha1] of RFC_VECTORS) assert.equal(totp(RFC_SECRET, new Date(seconds * 1000)), sha1.slice(2));
    assert.equal(totpStep(new Date(59_000)), 1);
    assert.equal(totpStep(new Date(60_000)), 2);
  });

  it('makes a new 160-bit base32 secret every time', () => {
    const a = newTotpSecret();
    assert.match(a, /^[A-Z2-7]{32}$/);
    assert.notEqual(a, newTotpSecret());
  });

  it('accepts the current code and one step of drift, and never a used step again', () => {
    const at = new Date(1_234_567_890_000);
    const step = totpStep(at);
    const code = totp(RFC_SECRET, at);
    assert.equal(matchTotp(RFC_SECRET, code, at, 0), step);
    assert.equal(matchTotp(RFC_SECRET, code, new Date(at.getTime() + 30_000), 0), step, 'one step late');
    assert.equal(matchTotp(RFC_SECRET, code, new Date(at.getTime() - 30_000), 0), step, 'one step early');
    assert.equal(matchTotp(RFC_SECRET, code, new Date(at.getTime() + 90_000), 0), null, 'three steps late');
    assert.equal(matchTotp(RFC_SECRET, code, at, step), null, 'replayed');
    assert.equal(matchTotp(RFC_SECRET, code, at, step + 1), null, 'older than the last used step');
    const next = totp(RFC_SECRET, new Date(at.getTime() + 30_000));
    assert.equal(matchTotp(RFC_SECRET, next, at, step), step + 1, 'the next step after a used one still works');
    assert.equal(matchTotp(RFC_SECRET, 'abcdef', at, 0), null);
    assert.equal(matchTotp(RFC_SECRET, '12345', at, 0), null);
  });

  it('writes the otpauth URI authenticator apps scan', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'ana@example.org'));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/referral-kit:ana@example.org');
    assert.equal(uri.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
    assert.equal(uri.searchParams.get('issuer'), 'referral-kit');
    // Parameters left out are the defaults every app assumes (SHA1, 6 digits, 30 s).
    const defaults: [string, string][] = [
      ['algorithm', 'SHA1'],
      ['digits', '6'],
      ['period', '30'],
    ];
    for (const [name, value] of defaults) assert.ok([null, value].includes(uri.searchParams.get(name)), name);
  });
});
