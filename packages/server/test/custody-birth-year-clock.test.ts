// A birth year is "not in the future" by the server's clock, never the machine's: with a clock years from today the
// importer takes that year's births, refuses the next year's, and the API serves what it took (the shared contract
// has no clock of its own to refuse it with).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { importCustody } from '../src/import/custody-import.js';
import { json, startTestServer, type TestServer } from './server-harness.js';
import { testClock } from './clock.js';
import type { CustodyPage } from '@referral-kit/sdk';

const clock = testClock(Date.parse('2031-06-01T12:00:00Z'));
const HEADER = 'identifier,identifier_type,first_name,last_name,birth_year,status,updated_at';
const row = (id: string, birthYear: number) =>
  `${id},booking,Nina,Futura${id},${birthYear},in-custody,${new Date(+clock.now() - 3_600_000).toISOString()}`;

describe('birth years by the server clock', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ SEED_DEMO: 'false' }, { now: clock.now });
  });
  after(() => s.stop());

  it("takes the clock's year, refuses the year after it, and serves what it took", async () => {
    const report = await importCustody(s.db, [HEADER, row('BK-31', 2031), row('BK-32', 2032)].join('\n'), 'feed.csv', {
      massChangeShare: 1,
      skipInvalid: true,
      now: clock.now,
    });
    assert.deepEqual(
      report.issues.map((i) => [i.row, i.field]),
      [[2, 'birth_year']],
    );
    const response = await s.get('/v1/custody?identifier=BK-31');
    assert.equal(response.status, 200);
    const page = await json<CustodyPage>(response);
    assert.deepEqual(
      page.items.map((r) => r.birthYear),
      [2031],
    );
  });
});
