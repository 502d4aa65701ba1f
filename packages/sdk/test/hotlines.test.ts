// The national lines' numbers, checked against the facts gathered for them (copied here from the reference the
// project keeps outside the repository; re-check each at the line's official site before a release).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CRISIS_LINE_IDS, NATIONAL_LINES } from '@referral-kit/sdk';
import { phoneDigits } from '@referral-kit/sdk/search';
import { HOTLINES } from '@referral-kit/mocks';

/** line → [type, number, the number as the line spells it in words (when it does)] */
const FACTS: Record<string, Array<[type: string, number: string, vanity?: string]>> = {
  emergency: [['voice', '911']],
  crisis: [
    ['voice', '988'],
    ['text', '988'],
  ],
  dv: [
    ['voice', '1-800-799-7233', '1-800-799-SAFE'],
    ['text', '88788'],
  ],
  dvTty: [['tty', '1-800-787-3224']],
  rainn: [['voice', '1-800-656-4673', '1-800-656-HOPE']],
  voice: [['voice', '1-855-488-6423', '1-855-48-VOICE']],
  vine: [['voice', '1-866-277-7477']],
  trafficking: [['voice', '1-888-373-7888']],
  childhelp: [['voice', '1-800-422-4453', '1-800-4-A-CHILD']],
};

describe('national lines', () => {
  it('carry exactly the numbers the facts give, each spelled-out number dialling the same digits', () => {
    assert.deepEqual(Object.keys(NATIONAL_LINES).sort(), Object.keys(FACTS).sort());
    for (const [id, facts] of Object.entries(FACTS)) {
      const phones = NATIONAL_LINES[id as keyof typeof NATIONAL_LINES];
      assert.deepEqual(
        phones.map((p) => [p.type, p.number]),
        facts.map(([type, number]) => [type, number]),
        id,
      );
      for (const [, number, vanity] of facts)
        if (vanity) assert.equal(phoneDigits(vanity), phoneDigits(number), vanity);
    }
    assert.equal(NATIONAL_LINES.dv[1].body, 'START');
  });

  it('list the crisis panel in the order a person in danger needs it: 911, 988, DV hotline, RAINN, VOICE', () => {
    assert.deepEqual(CRISIS_LINE_IDS, ['emergency', 'crisis', 'dv', 'rainn', 'voice']);
  });

  it('are the only source of the mocks’ national numbers', () => {
    const known = new Set(
      Object.values(NATIONAL_LINES).flatMap((phones) => phones.map((p) => `${p.type} ${p.number}`)),
    );
    for (const line of HOTLINES) assert.ok(known.has(`${line.type} ${line.number}`), `${line.id}: ${line.number}`);
  });
});
