// TOTP as RFC 6238 defines it (its appendix B test vectors), the base32 secrets apps read, and the window that
// tolerates one step of drift but never accepts a code twice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp, totpStep } from '../src/staff/totp.js';

const RFC_KEY = Buffer.from('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vectors (8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors)
      assert.equal(hotp(RFC_KEY, totpStep(new Date(seconds * 1000)), 8), code, `T=${seconds}`);
  });

  it('matches the RFC 4226 HOTP values (6 digits)', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, counter) => assert.equal(hotp(RFC_KEY, counter), code));
  });

  it('encodes secrets in base32 (RFC 4648) and back', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.deepEqual(base32Decode('MZXW6YTBOI'), Buffer.from('foobar'));
    assert.equal(totp(base32Encode(RFC_KEY), new Date(59_000)), '287082');
  });

  it('accepts the current code and one step of drift, and never a used step again', () => {
    const secret = base32Encode(RFC_KEY);
    const at = new Date(1_234_567_890_000);
    const step = totpStep(at);
    const code = totp(secret, at);
    assert.equal(matchTotp(secret, code, at, 0), step);
    assert.equal(matchTotp(secret, code, new Date(at.getTime() + 30_000), 0), step, 'one step late');
    assert.equal(matchTotp(secret, code, new Date(at.getTime() + 90_000), 0), null, 'three steps late');
    assert.equal(matchTotp(secret, code, at, step), null, 'replayed');
    assert.equal(matchTotp(secret, 'abcdef', at, 0), null);
    assert.equal(matchTotp(secret, '12345', at, 0), null);
  });

  it('writes the otpauth URI authenticator apps scan', () => {
    assert.equal(
      otpauthUri('ABC', 'ana@example.org'),
      'otpauth://totp/referral-kit%3Aana%40example.org?secret=ABC&issuer=referral-kit&algorithm=SHA1&digits=6&period=30',
    );
  });
});
