// Insights with differential privacy on: noisy reports, ε recorded per report and refused once a month's budget is
// spent; the noise itself; counting that survives a failed write.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { addMember, consoleFetch, signIn, type StaffSession } from './staff-harness.js';
import { addNoise, cellKey, geometricNoise } from '../src/insights/privacy.js';
import { createInsightsCounter, durationBucket } from '../src/insights/counter.js';
import { migrate, openDb } from '../src/db/index.js';
import { createLogger } from '../src/logger.js';
import { insightsConfigFromEnv } from '../src/insights/config.js';
import { createStaffAccount, StaffInputError } from '../src/staff/index.js';

describe('insights with differential privacy', () => {
  let h: CallbacksHarness;
  let admin: StaffSession;

  before(async () => {
    h = await startCallbacksHarness({}, {}, { epsilon: 0.5, epsilonBudget: 1 });
    for (let i = 0; i < 40; i++) await fetch(`${h.url}/v1/services?postalCode=77002`);
    await h.insights.flush();
    h.clock.advance(Date.parse('2026-12-01T02:00:00Z') - h.clock.now().getTime());
    admin = await signIn(h, await addMember(h, 'admin', null));
  });
  after(() => h.close());

  it('publishes noisy counts, records the ε each report spends, and refuses reports past the month budget', async () => {
    const first = await consoleFetch(h, 'GET', '/insights/states?period=2026-11', { session: admin });
    assert.equal(first.status, 200);
    const body = (await first.json()) as {
      epsilon: number;
      rows: { key: string; cells: { unmet: number | string } }[];
    };
    assert.equal(body.epsilon, 0.5);
    const tx = body.rows.find((r) => r.key === 'TX')!.cells.unmet;
    assert.equal(typeof tx, 'number');
    assert.ok(Math.abs((tx as number) - 40) < 20, `noisy 40 came out as ${tx}`);
    assert.equal(
      (await consoleFetch(h, 'GET', '/insights/searches.csv?period=2026-11', { session: admin })).status,
      200,
    );
    const spent = await h.db.query<{ view: string; epsilon: number; period: string }>(
      'SELECT view, epsilon, period FROM insight_privacy_budget ORDER BY view',
    );
    assert.deepEqual(
      spent.map((r) => [r.view, Number(r.epsilon), r.period]),
      [
        ['searches', 0.5, '2026-11'],
        ['states', 0.5, '2026-11'],
      ],
    );
    const refused = await consoleFetch(h, 'GET', '/insights/states?period=2026-11', { session: admin });
    assert.equal(refused.status, 409);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'conflict');
  });
});

describe('insights noise and counting', () => {
  it('draws two-sided geometric noise centred on 0, wider for a smaller ε', () => {
    const random = seededRandom(7);
    const spread = (epsilon: number) => {
      const draws = Array.from({ length: 4000 }, () => geometricNoise(epsilon, random));
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      return { mean, meanAbs: draws.reduce((a, b) => a + Math.abs(b), 0) / draws.length };
    };
    const tight = spread(2);
    const wide = spread(0.2);
    assert.ok(Math.abs(tight.mean) < 0.2 && Math.abs(wide.mean) < 1, `${tight.mean} ${wide.mean}`);
    assert.ok(wide.meanAbs > tight.meanAbs * 5);
  });

  it('keeps noisy cells at 0 or above', () => {
    const noisy = addNoise(
      { partners: [''], rows: ['TX'], measures: ['unmet'], counts: new Map([[cellKey('', 'TX', 'unmet'), 0]]) },
      0.1,
      seededRandom(3),
    );
    assert.ok(noisy.counts.get(cellKey('', 'TX', 'unmet'))! >= 0);
  });

  it('buckets callback times coarsely', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
    assert.deepEqual(
      [0.5, 2, 5, 30, 100, 500].map((hours) => durationBucket(at, later(hours))),
      ['under-1h', '1-4h', '4-24h', '1-3d', '3-7d', 'over-7d'],
    );
  });

  it('keeps the counts of a write that failed and writes them with the next one', async () => {
    const db = await openDb({ file: ':memory:' });
    const counter = createInsightsCounter(db, {
      now: () => new Date('2026-11-29T10:30:00Z'),
      logger: createLogger({ level: 'silent' }),
      partners: [],
    });
    counter.count('search', { outcome: 'unmet' });
    await counter.flush(); // no table yet: the write fails, quietly
    await migrate(db);
    counter.count('search', { outcome: 'unmet' });
    await counter.close();
    const rows = await db.query<{ hour: string; n: number }>(
      "SELECT hour, n FROM insight_counts WHERE event = 'search'",
    );
    assert.deepEqual(
      rows.map((r) => [r.hour, Number(r.n)]),
      [['2026-11-29T10', 2]],
    );
    await db.close();
  });
});

describe('insights settings and partner accounts', () => {
  it('reads INSIGHTS_* from the environment and refuses what it cannot use', () => {
    assert.deepEqual(insightsConfigFromEnv({}), {
      partners: [],
      k: 10,
      epsilon: undefined,
      epsilonBudget: 10,
      flushMs: 5000,
    });
    const set = insightsConfigFromEnv({
      INSIGHTS_PARTNERS: 'legal-aid, shelter-net',
      INSIGHTS_K: '5',
      INSIGHTS_EPSILON: '0.5',
    });
    assert.deepEqual([set.partners, set.k, set.epsilon, set.epsilonBudget], [['legal-aid', 'shelter-net'], 5, 0.5, 5]);
    assert.throws(() => insightsConfigFromEnv({ INSIGHTS_PARTNERS: 'Legal Aid' }), /INSIGHTS_PARTNERS/);
    assert.throws(() => insightsConfigFromEnv({ INSIGHTS_K: '1' }), /INSIGHTS_K/);
    assert.throws(() => insightsConfigFromEnv({ INSIGHTS_EPSILON: 'lots' }), /INSIGHTS_EPSILON/);
  });

  it('creates a partner account with a partner id and no team, and nothing else with a partner id', async () => {
    const db = await openDb({ file: ':memory:' });
    await migrate(db);
    const now = new Date('2026-11-29T10:00:00Z');
    const id = await createStaffAccount(
      db,
      { email: 'p@partner.example.org', name: 'P', role: 'partner', partnerId: 'legal-aid' },
      now,
    );
    const [row] = await db.query<{ role: string; partner_id: string; team_id: string | null }>(
      'SELECT role, partner_id, team_id FROM staff_accounts WHERE id = $1',
      [id],
    );
    assert.deepEqual({ ...row }, { role: 'partner', partner_id: 'legal-aid', team_id: null });
    await assert.rejects(
      createStaffAccount(db, { email: 'q@partner.example.org', name: 'Q', role: 'partner' }, now),
      StaffInputError,
    );
    await assert.rejects(
      createStaffAccount(db, { email: 'r@example.org', name: 'R', role: 'admin', partnerId: 'legal-aid' }, now),
      StaffInputError,
    );
    await db.close();
  });
});
